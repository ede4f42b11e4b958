import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { OFFICIAL_NOTICE, writeOfficialPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, mainNav, screenshot, test } from './fixtures.ts';
import { confirmPopover } from './support/antd.ts';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** A 1×1 PNG: an attachment, stored as is and opened with the system's program. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const NOTICE_SUMMARY = OFFICIAL_NOTICE.summary!;

/**
 * Its own host on an empty data folder: these journeys start from an empty library and leave the
 * shared host's data alone.
 */
let host: WebHost;
let dataDir: string;
let files: string;
const file = (name: string) => join(files, name);

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-documents-'));
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-documents-files-'));
  host = await startWebHost({ dataDir, staticDir });
  await host.core.call('profile.create', E2E_PROFILE);

  await writeOfficialPdf(file('Thông báo 125-TB-BCĐ.pdf'), {
    ...OFFICIAL_NOTICE,
    bodies: [
      'Thực hiện Nghị quyết số 10-NQ/TU của Tỉnh ủy, Ban Chỉ đạo đã họp để đánh giá tiến độ các dự án trọng điểm.',
      'Giao Sở Xây dựng phối hợp với Ban Quản lý dự án Đường sắt Lào Cai - Hà Nội - Hải Phòng hoàn thành hồ sơ giải phóng mặt bằng.',
    ],
  });
  await writeOfficialPdf(file('ke-hoach-45.pdf'), {
    agency: ['UBND TỈNH LÀO CAI'],
    number: '45/KH-UBND',
    placeDate: 'Lào Cai, ngày 12 tháng 02 năm 2026',
    typeTitle: 'KẾ HOẠCH',
    summary: 'Triển khai thực hiện chuyển đổi số năm 2026',
    bodies: ['Căn cứ Nghị quyết của Tỉnh ủy về chuyển đổi số, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai trên địa bàn tỉnh.'],
  });
  await writeOfficialPdf(file('Thông báo 125-TB-BCĐ (bản sửa).pdf'), {
    ...OFFICIAL_NOTICE,
    bodies: ['Bản sửa: bổ sung thời hạn hoàn thành hồ sơ giải phóng mặt bằng dự án Đường sắt trước ngày 20 tháng 01 năm 2026.'],
  });
  await writeTextPdf(file('Biên bản họp ngày 08-01.pdf'), ['Biên bản họp Ban Chỉ đạo ngày 08 tháng 01 năm 2026.']);
  writeFileSync(file('so-do-phong-hop.png'), PNG);
  // A text file someone renamed to .pdf, and an empty file: each must fail on its own, clearly.
  writeFileSync(file('ghi-chu.pdf'), 'Đây là ghi chú, không phải tệp PDF.\n');
  writeFileSync(file('rong.pdf'), '');
  for (let i = 1; i <= 24; i++) {
    await writeTextPdf(file(`phu-luc-${String(i).padStart(2, '0')}.pdf`), [`Phụ lục số ${i} kèm theo báo cáo tiến độ.`, `Trang hai của phụ lục ${i}.`]);
  }
});

test.afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

async function openLibrary(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await mainNav(page).getByRole('link', { name: 'Tài liệu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
}

/** Through the toolbar button and the system's file dialog, as a user picks several files at once. */
async function importThroughPicker(page: Page, names: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Nhập tài liệu' }).click();
  await (await chooser).setFiles(names.map(file));
}

function importRow(page: Page, fileName: string) {
  return page.getByRole('list', { name: 'Các tệp trong lượt nhập' }).getByRole('listitem').filter({ hasText: fileName });
}

test.describe.configure({ mode: 'serial' });

test('several files imported at once: each gets its own result, a clear error for a bad one', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByText('Chưa có tài liệu nào. Kéo thả tệp PDF vào đây hoặc bấm Nhập tài liệu.')).toBeVisible();
  await screenshot(page, 'documents-empty');

  await importThroughPicker(page, ['Thông báo 125-TB-BCĐ.pdf', 'ke-hoach-45.pdf', 'so-do-phong-hop.png', 'ghi-chu.pdf', 'rong.pdf']);
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả nhập 5 tệp' })).toBeVisible({ timeout: 20_000 });

  await expect(importRow(page, 'Thông báo 125-TB-BCĐ.pdf')).toContainText('Đã nhập');
  await expect(importRow(page, 'Thông báo 125-TB-BCĐ.pdf')).toContainText(`125/TB-BCĐ — ${NOTICE_SUMMARY}`);
  await expect(importRow(page, 'ke-hoach-45.pdf')).toContainText('Đã nhập');
  await expect(importRow(page, 'so-do-phong-hop.png')).toContainText('Đã nhập');
  await expect(importRow(page, 'ghi-chu.pdf')).toContainText('Lỗi');
  await expect(importRow(page, 'ghi-chu.pdf')).toContainText('không phải là PDF');
  await expect(importRow(page, 'rong.pdf')).toContainText('Lỗi');
  await expect(importRow(page, 'rong.pdf')).toContainText('rỗng (0 byte)');
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập 3 tệp · 2 tệp lỗi' })).toBeVisible();
  await screenshot(page, 'documents-import-results');

  // The library lists the three stored files with what was recognised on their first page.
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(4);
  const notice = table.getByRole('row').filter({ hasText: '125/TB-BCĐ' });
  await expect(notice).toContainText(NOTICE_SUMMARY);
  await expect(notice).toContainText('Thông báo');
  await expect(notice).toContainText('05/01/2026');
  await expect(notice.getByRole('img', { name: 'PDF' })).toBeVisible();
  const plan = table.getByRole('row').filter({ hasText: '45/KH-UBND' });
  await expect(plan).toContainText('12/02/2026');
  await expect(plan).toContainText('Kế hoạch');
  await expect(table.getByRole('row').filter({ hasText: 'so-do-phong-hop.png' }).getByRole('img', { name: 'Tệp đính kèm' })).toBeVisible();
  await expect(page.getByText('Tổng cộng 3 tài liệu')).toBeVisible();

  const stored = await host.core.call('documents.list', {});
  expect(stored.total).toBe(3);
  expect(stored.items.map((d) => d.fileName).sort()).toEqual(['Thông báo 125-TB-BCĐ.pdf', 'ke-hoach-45.pdf', 'so-do-phong-hop.png']);

  await page.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByRole('list', { name: 'Các tệp trong lượt nhập' })).toBeHidden();
  await screenshot(page, 'documents-library');
});

test('prefilled metadata is shown, edited, undone and saved', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('link', { name: NOTICE_SUMMARY }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thông báo số 125/TB-BCĐ' })).toBeVisible();
  await expect(page.getByText('được điền tự động từ trang đầu của tài liệu')).toBeVisible();

  const number = page.getByLabel('Số', { exact: true });
  const notation = page.getByLabel('Ký hiệu', { exact: true });
  const issued = page.getByLabel('Ngày ban hành', { exact: true });
  const summary = page.getByLabel('Trích yếu', { exact: true });
  const issuer = page.getByLabel('Cơ quan ban hành', { exact: true });
  await expect(number).toHaveValue('125');
  await expect(notation).toHaveValue('TB-BCĐ');
  await expect(issued).toHaveValue('05/01/2026');
  await expect(summary).toHaveValue(NOTICE_SUMMARY);
  await expect(page.locator('.ant-form-item').filter({ hasText: 'Loại văn bản' })).toContainText('Thông báo');
  await expect(page.getByRole('radio', { name: 'Không mật' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Thường' })).toBeChecked();
  // File facts beside the form.
  const fileCard = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Tệp tài liệu' }) });
  await expect(fileCard).toContainText('Thông báo 125-TB-BCĐ.pdf');
  await expect(fileCard.locator('.ant-descriptions-row').filter({ hasText: 'Số trang' })).toContainText('2');
  await expect(page.getByText('Chưa dùng trong cuộc họp nào.')).toBeVisible();
  await screenshot(page, 'document-detail');

  // "Hoàn tác" puts back what is stored.
  const revert = page.getByRole('button', { name: 'Hoàn tác' });
  await expect(revert).toBeDisabled();
  await number.fill('999');
  await expect(revert).toBeEnabled();
  await revert.click();
  await expect(number).toHaveValue('125');
  await expect(revert).toBeDisabled();

  await issuer.fill('Ban Chỉ đạo các công trình trọng điểm tỉnh Lào Cai');
  await summary.fill('Kết luận của Trưởng ban về tiến độ dự án đường sắt Lào Cai - Hà Nội - Hải Phòng');
  await issued.click();
  await issued.fill('06/01/2026');
  await issued.press('Tab');
  await page.locator('label').filter({ hasText: /^Khẩn$/ }).click();
  await page.locator('label').filter({ hasText: /^Mật$/ }).click();
  await page.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(page.getByText('Đã lưu thông tin tài liệu.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Thông báo số 125/TB-BCĐ' })).toBeVisible();

  const [doc] = (await host.core.call('documents.list', { query: '125' })).items;
  expect(doc).toMatchObject({
    number: '125',
    notation: 'TB-BCĐ',
    issueDate: '2026-01-06',
    issuer: 'Ban Chỉ đạo các công trình trọng điểm tỉnh Lào Cai',
    summary: 'Kết luận của Trưởng ban về tiến độ dự án đường sắt Lào Cai - Hà Nội - Hải Phòng',
    typeCode: 'TB',
    classification: 'confidential',
    urgency: 'urgent',
  });

  await page.reload();
  await expect(page.getByLabel('Ngày ban hành', { exact: true })).toHaveValue('06/01/2026');
  await expect(page.getByRole('radio', { name: 'Khẩn', exact: true })).toBeChecked();
  await expect(page.getByRole('main').getByText('Mật', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('được điền tự động từ trang đầu của tài liệu')).toBeHidden();
  await screenshot(page, 'document-detail-saved');

  // Back to the library: the row shows the edited values and the marks.
  await page.getByRole('link', { name: 'Về kho tài liệu' }).click();
  const row = page.getByRole('row').filter({ hasText: '125/TB-BCĐ' });
  await expect(row).toContainText('06/01/2026');
  await expect(row).toContainText('Khẩn');
  await expect(row).toContainText('Mật');
});

test('the same file imported again is recognised as already in the library', async ({ page }) => {
  await openLibrary(page);
  await importThroughPicker(page, ['Thông báo 125-TB-BCĐ.pdf']);
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả nhập 1 tệp' })).toBeVisible();
  await expect(importRow(page, 'Thông báo 125-TB-BCĐ.pdf')).toContainText('Đã có trong kho');
  await expect(page.getByRole('status').filter({ hasText: '1 tệp đã có trong kho' })).toBeVisible();
  await expect(page.getByText('Tổng cộng 3 tài liệu')).toBeVisible();
  expect((await host.core.call('documents.list', {})).total).toBe(3);
  await screenshot(page, 'documents-import-duplicate');

  // The link of the duplicate leads to the stored document, with the metadata edited before.
  await importRow(page, 'Thông báo 125-TB-BCĐ.pdf').getByRole('link').click();
  await expect(page.getByLabel('Cơ quan ban hành', { exact: true })).toHaveValue('Ban Chỉ đạo các công trình trọng điểm tỉnh Lào Cai');
});

test('filters narrow the library and stay in the address', async ({ page }) => {
  await openLibrary(page);
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(4);

  await page.getByRole('combobox', { name: 'Độ khẩn' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Khẩn$/ }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('125/TB-BCĐ');
  await expect(page).toHaveURL(/urg=urgent/);
  await screenshot(page, 'documents-filtered');

  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);

  await page.getByRole('combobox', { name: 'Loại tệp' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Tệp đính kèm' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('so-do-phong-hop.png');

  // The address keeps the filter: a reload shows the same list.
  await page.reload();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);

  // Each search is waited for in the address: the list then shows it, not the one before.
  await page.getByRole('searchbox', { name: 'Tìm theo số, ký hiệu, trích yếu, cơ quan ban hành' }).fill('45/KH');
  await expect(page).toHaveURL(/q=45(%2F|\/)KH/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Triển khai thực hiện chuyển đổi số năm 2026');

  await page.getByRole('searchbox', { name: 'Tìm theo số, ký hiệu, trích yếu, cơ quan ban hành' }).fill('không có văn bản này');
  await expect(page.getByText('Không có tài liệu nào khớp với bộ lọc.')).toBeVisible();
});

test('files dragged from the desktop and dropped on the library are imported', async ({ page }) => {
  await openLibrary(page);
  const name = 'Biên bản họp ngày 08-01.pdf';
  const dataTransfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'application/pdf' }));
      return transfer;
    },
    { base64: readFileSync(file(name)).toString('base64'), fileName: name },
  );
  const zone = page.getByRole('region', { name: 'Nơi thả tệp để nhập' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Thả tệp để nhập vào kho tài liệu')).toBeVisible();
  await screenshot(page, 'documents-drop-over');
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText('Thả tệp để nhập vào kho tài liệu')).toBeHidden();
  await expect(importRow(page, name)).toContainText('Đã nhập');
  await expect(page.getByRole('table')).toContainText(name);
  await page.getByRole('button', { name: 'Đóng' }).click();
});

test('a running import can be cancelled: nothing half-stored, the rest marked cancelled', async ({ page }) => {
  await openLibrary(page);
  const before = (await host.core.call('documents.list', {})).total;
  const names = Array.from({ length: 24 }, (_, i) => `phu-luc-${String(i + 1).padStart(2, '0')}.pdf`);
  await importThroughPicker(page, names);
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Kết quả nhập 24 tệp' })).toBeVisible({ timeout: 20_000 });
  const status = page.getByRole('status').filter({ hasText: 'tệp đã hủy' });
  await expect(status).toBeVisible();
  await screenshot(page, 'documents-import-cancelled');

  // Every file shown as imported is in the library, and only those.
  const rows = page.getByRole('list', { name: 'Các tệp trong lượt nhập' }).getByRole('listitem');
  const imported = await rows.filter({ hasText: 'Đã nhập' }).count();
  const cancelled = await rows.filter({ hasText: 'Đã hủy' }).count();
  expect(cancelled).toBeGreaterThan(0);
  expect(imported + cancelled).toBe(24);
  expect((await host.core.call('documents.list', {})).total).toBe(before + imported);
});

let meetingId = '';

test('a document used in a meeting lists the meeting and cannot be deleted; a free one can', async ({ page }) => {
  const committee = await host.core.call('committees.create', { name: 'Ban Chỉ đạo các công trình trọng điểm tỉnh' });
  const { meeting } = await host.core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo quý I năm 2026',
    startsAt: '2026-01-08T01:00:00.000Z',
    endsAt: '2026-01-08T04:00:00.000Z',
  });
  meetingId = meeting.id;
  const { itemId } = await host.core.call('agenda.add', { meetingId: meeting.id, title: 'Tiến độ dự án đường sắt' });
  const [notice] = (await host.core.call('documents.list', { query: '125' })).items;
  await host.core.call('documents.attach', { documentId: notice!.id, meetingId: meeting.id, agendaItemId: itemId });

  await openLibrary(page);
  await page.getByRole('row').filter({ hasText: '125/TB-BCĐ' }).getByRole('link').click();
  const uses = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Dùng trong cuộc họp' }) });
  await expect(uses.getByRole('link', { name: 'Họp Ban Chỉ đạo quý I năm 2026' })).toHaveAttribute('href', `#/meetings/${meeting.id}`);
  await expect(uses).toContainText('Nội dung: Tiến độ dự án đường sắt');
  await expect(uses).toContainText('08/01/2026 08:00');
  await screenshot(page, 'document-detail-in-meeting');

  await page.getByRole('button', { name: 'Xóa khỏi kho' }).click();
  await confirmPopover(page, 'Xóa');
  await expect(page.getByText(/^Không xóa được: /)).toBeVisible();
  expect((await host.core.call('documents.get', { id: notice!.id })).id).toBe(notice!.id);

  await page.getByRole('link', { name: 'Về kho tài liệu' }).click();
  await page.getByRole('row').filter({ hasText: 'so-do-phong-hop.png' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'so-do-phong-hop.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Xóa khỏi kho' }).click();
  await confirmPopover(page, 'Xóa');
  await expect(page.getByText('Đã xóa tài liệu khỏi kho.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'so-do-phong-hop.png' })).toHaveCount(0);
});

test('a newer version replaces the document in its meeting and the old one stays in the library', async ({ page }) => {
  const [old] = (await host.core.call('documents.list', { query: '125' })).items;
  await openLibrary(page);
  await page.getByRole('row').filter({ hasText: '125/TB-BCĐ' }).getByRole('link').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Thay bằng phiên bản mới…' }).click();
  await (await chooser).setFiles(file('Thông báo 125-TB-BCĐ (bản sửa).pdf'));
  await expect(page.getByText('Đã thay bằng phiên bản mới trong cuộc họp “Họp Ban Chỉ đạo quý I năm 2026”.', { exact: false })).toBeVisible();

  // Now on the newer version: the chain shows both, this one the latest; the meeting uses it.
  await expect(page.getByLabel('Tên tệp', { exact: true })).toHaveValue('Thông báo 125-TB-BCĐ (bản sửa).pdf');
  const versions = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Các phiên bản' }) });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('Bản 1 · 125/TB-BCĐ');
  await expect(versions.getByRole('listitem').last()).toContainText('Đang xem');
  await expect(versions.getByRole('listitem').last()).toContainText('Mới nhất');
  const uses = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Dùng trong cuộc họp' }) });
  await expect(uses).toContainText('Họp Ban Chỉ đạo quý I năm 2026');
  await screenshot(page, 'document-detail-new-version');

  const inMeeting = await host.core.call('documents.listForMeeting', { meetingId });
  expect(inMeeting.map((a) => a.document.fileName)).toEqual(['Thông báo 125-TB-BCĐ (bản sửa).pdf']);
  expect(inMeeting[0]!.document.previousVersionId).toBe(old!.id);

  // The old version is still in the library, no longer used, and links to the newer one.
  await versions.getByRole('link', { name: 'Thông báo 125-TB-BCĐ.pdf' }).click();
  await expect(page.getByLabel('Tên tệp', { exact: true })).toHaveValue('Thông báo 125-TB-BCĐ.pdf');
  await expect(page.getByText('Chưa dùng trong cuộc họp nào.')).toBeVisible();
  await expect(versions.getByRole('listitem').first()).toContainText('Đang xem');
});

test('the library and a document read well in the dark theme and in English', async ({ page }) => {
  await host.core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  try {
    await openLibrary(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('table').getByRole('row').filter({ hasText: '125/TB-BCĐ' }).first()).toBeVisible();
    await screenshot(page, 'documents-library-dark');

    await host.core.call('settings.set', { key: 'ui.language', value: 'en' });
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import documents' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Number, notation' })).toBeVisible();
    await page.getByRole('table').getByRole('row').filter({ hasText: '(bản sửa)' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thông báo No. 125/TB-BCĐ' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save details' })).toBeVisible();
    await screenshot(page, 'document-detail-dark-en');
  } finally {
    await host.core.call('settings.set', { key: 'ui.theme', value: 'light' });
    await host.core.call('settings.set', { key: 'ui.language', value: 'vi' });
  }
});
