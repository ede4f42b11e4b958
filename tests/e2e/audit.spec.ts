import ExcelJS from 'exceljs';
import { callCore } from './core-client.ts';
import { expect, mainNav, openShell, screenshot, test } from './fixtures.ts';
import { pick } from './support/antd.ts';

test('the secretariat reads who changed what, filters by area, verifies the chain and exports it', async ({ page }) => {
  await callCore('settings.set', { key: 'documents.issuingPlace', value: 'Sa Pa' });
  const head = (await callCore('audit.list', { limit: 1 })).items[0]!;

  await openShell(page);
  await mainNav(page).getByRole('link', { name: 'Cài đặt', exact: true }).click();
  await page.getByRole('button', { name: 'Xem nhật ký hoạt động' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký hoạt động' })).toBeVisible();
  await expect(page).toHaveTitle('Nhật ký hoạt động — Nghị Sự');

  const rows = page.locator('.ns-audit-table tbody tr.ant-table-row');
  const newest = rows.first();
  await expect(newest).toContainText(String(head.seq));
  await expect(newest).toContainText('Cài đặt: đặt');
  await expect(newest).toContainText('documents.issuingPlace · value: Sa Pa');

  await pick(page, page, 'Nhóm thao tác', 'cai dat', 'Cài đặt');
  await expect(rows.first()).toContainText('Cài đặt: đặt');
  const shown = await rows.count();
  for (let i = 0; i < shown; i++) await expect(rows.nth(i)).toContainText('Cài đặt: đặt');

  await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
  await expect(page.getByText(/^Nhật ký nguyên vẹn: \d+ mục, chuỗi băm khớp\.$/)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^nhat-ky-hoat-dong-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.getWorksheet('Nhật ký')!;
  expect(sheet.getCell('A1').value).toBe('NHẬT KÝ HOẠT ĐỘNG');
  expect(sheet.getCell('A2').value).toContain('Thao tác: Cài đặt');
  const actions = sheet.getColumn(4).values.slice(5);
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions)).toEqual(new Set(['Cài đặt: đặt']));
  await screenshot(page, 'audit-log');

  // The export is itself on the record.
  await pick(page, page, 'Nhóm thao tác', 'nhat ky', 'Nhật ký');
  await expect(rows.first()).toContainText('Nhật ký: xuất tệp');
});
