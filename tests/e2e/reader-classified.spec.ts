import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { pageText } from '../support/poppler.ts';
import { Database } from '../support/sqlite.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { scroller } from './support/reader-page.ts';
import { menuChoice, modalOpened } from './support/antd.ts';

/** A Tối mật document in the reader: the reader's watermark on every page, and an export that asks why. */
let lab: IsolatedHost;
let files: string;
let documentId = '';
const NAME = 'Báo cáo an ninh trật tự (Tối mật).pdf';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  lab = await isolatedHost('reader-classified', E2E_PROFILE);
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-classified-'));
  await writeTextPdf(join(files, NAME), ['Tình hình an ninh trật tự trên địa bàn tỉnh quý IV.', 'Trang hai: các vụ việc nổi bật.']);
  const { results } = await lab.host.core.call('documents.importFiles', { paths: [join(files, NAME)] });
  const r = results[0]!;
  if (!r.ok) throw new Error(r.error.message.en);
  documentId = r.document.id;
  await lab.host.core.call('documents.update', { id: documentId, classification: 'secret' });
  await lab.host.core.call('annotations.create', {
    id: '0190d3f5-7a1b-7000-8000-00000000c1a5',
    documentId,
    kind: 'note',
    pageIndex: 0,
    color: '#FFB000',
    geometry: { at: [300, 700] },
    contents: 'Đề nghị Công an tỉnh báo cáo thêm',
  });
});

/** The first page drawn; generous, as this spec runs beside heavier ones on small CI machines. */
async function firstPage(page: Page): Promise<void> {
  await expect(scroller(page)).toHaveAttribute('data-first-page-drawn', 'true', { timeout: 60_000 });
}

test.afterAll(async () => {
  await lab.close();
  rmSync(files, { recursive: true, force: true });
});

test('every page of a Tối mật document shows the reader’s name, unit and time, over the text and not selectable', async ({ page }) => {
  await page.goto(`${lab.host.url}#/documents/${documentId}/read`);
  await firstPage(page);
  const viewer = page.locator('.pdfViewer');
  await expect(viewer).toHaveAttribute('data-watermark', /^TỐI MẬT · Nguyễn Thị Hương · Văn phòng UBND tỉnh Lào Cai · Xem lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/);
  const overlays = await page.locator('.pdfViewer .page').evaluateAll((pages) =>
    pages.map((p) => {
      const style = getComputedStyle(p, '::before');
      return { image: style.backgroundImage, pointer: style.pointerEvents, select: style.userSelect, z: style.zIndex };
    }),
  );
  expect(overlays).toHaveLength(2);
  for (const o of overlays) {
    expect(decodeURIComponent(o.image)).toContain('Nguyễn Thị Hương · Văn phòng UBND tỉnh Lào Cai');
    expect(o).toMatchObject({ pointer: 'none', select: 'none', z: '6' });
  }
  await screenshot(page, 'reader-classified-watermark');
});

test('exporting from the Xuất menu asks for the reason first, and the core records it', async ({ page }) => {
  await page.goto(`${lab.host.url}#/documents/${documentId}/read`);
  await firstPage(page);
  await menuChoice(page, page.getByRole('button', { name: 'Xuất / Nhập' }), 'Xuất PDF để in (gộp ghi chú vào trang)');
  const dialog = page.getByRole('dialog', { name: 'Xuất nội dung tài liệu Tối mật' });
  await modalOpened(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận và xuất' }).click();
  await expect(dialog.getByText('Hãy ghi rõ lý do xuất.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Lý do xuất' }).fill('Trình Thường trực Tỉnh ủy tại phiên họp ngày 14/12');
  await screenshot(page, 'reader-classified-release');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Xác nhận và xuất' }).click();
  const saved = join(files, 'ban-in.pdf');
  await (await download).saveAs(saved);
  expect(pageText(saved, 1)).toContain('Nguyễn Thị Hương');
  expect(pageText(saved, 2)).toContain('Nguyễn Thị Hương');

  const db = new Database(join(lab.dataDir, 'nghisu.db'), { readonly: true });
  const reasons = db.prepare("SELECT json_extract(detail, '$.reason') FROM audit_log WHERE action = 'classified.release'").pluck().all();
  db.close();
  expect(reasons).toEqual(['Trình Thường trực Tỉnh ủy tại phiên họp ngày 14/12']);
});

test('opening it with another program or saving a copy asks for the reason; Hủy lets nothing go', async ({ page, context, consoleWatch }) => {
  // The host's "no, not without a reason" to the page's question before a tab or a download.
  consoleWatch.allow(/status of 403 \(Forbidden\).*check=1/);
  await page.goto(`${lab.host.url}#/documents/${documentId}/read`);
  await firstPage(page);
  await page.getByRole('button', { name: 'Mở bằng chương trình khác' }).click();
  const openDialog = page.getByRole('dialog', { name: 'Mở tài liệu Tối mật bằng chương trình khác' });
  await modalOpened(openDialog);
  await openDialog.getByRole('textbox', { name: 'Lý do mở' }).fill('In để trình lãnh đạo ký');
  await screenshot(page, 'reader-classified-open-release');
  const tab = context.waitForEvent('page');
  await openDialog.getByRole('button', { name: 'Xác nhận và mở' }).click();
  const opened = await tab;
  expect(opened.url()).toContain('inline=1');
  await opened.close();
  await expect(openDialog).toBeHidden();

  await page.goto(`${lab.host.url}#/documents/${documentId}`);
  await page.getByRole('button', { name: 'Tải về' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Lưu bản sao tài liệu Tối mật' });
  await modalOpened(saveDialog);
  await saveDialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(saveDialog).toBeHidden();
  await page.getByRole('button', { name: 'Tải về' }).click();
  await modalOpened(saveDialog);
  await saveDialog.getByRole('textbox', { name: 'Lý do lưu bản sao' }).fill('Lưu vào máy tính của văn phòng');
  const download = page.waitForEvent('download');
  await saveDialog.getByRole('button', { name: 'Xác nhận và lưu' }).click();
  const saved = join(files, 'ban-sao.pdf');
  await (await download).saveAs(saved);
  expect(pageText(saved, 1)).toContain('Tình hình an ninh trật tự');

  const db = new Database(join(lab.dataDir, 'nghisu.db'), { readonly: true });
  const rows = db
    .prepare("SELECT json_extract(detail, '$.channel') AS channel, json_extract(detail, '$.reason') AS reason FROM audit_log WHERE action = 'classified.release' AND json_extract(detail, '$.channel') LIKE 'file.%' ORDER BY rowid")
    .all();
  db.close();
  expect(rows).toEqual([
    { channel: 'file.open', reason: 'In để trình lãnh đạo ký' },
    { channel: 'file.save', reason: 'Lưu vào máy tính của văn phòng' },
  ]);
});
