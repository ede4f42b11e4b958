import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { confirmPopover, pick, typeDateTime } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory, type SeededDirectory } from './support/seed.ts';
import { shot } from './support/shots.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, test } from './fixtures.ts';

/**
 * The meetings list and calendars: filters by time, status, chairing unit and keyword; month and
 * week grids in Vietnamese time; the double-booking warning while a meeting is being planned; the
 * draft's delete and the "schedule the next one" shortcut.
 */

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

let env: IsolatedHost;
let dir: SeededDirectory;
let files: string;
const ids: Record<string, string> = {};

const GIAO_BAN = 'Họp giao ban công trình trọng điểm tháng 12';
const CHUYEN_DOI_SO = 'Hội nghị chuyên đề chuyển đổi số';
const THIEN_TAI = 'Họp đột xuất phòng chống thiên tai';
const QUY_I = 'Họp Ban Chỉ đạo quý I năm 2027';

test.beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-views-files-'));
  for (const [name, date] of [
    ['Báo cáo tiến độ.pdf', 'ngày 01 tháng 12 năm 2026'],
    ['Báo cáo tiến độ (sửa đổi).pdf', 'ngày 03 tháng 12 năm 2026'],
  ] as const) {
    await writeOfficialPdf(join(files, name), {
      agency: ['UBND TỈNH LÀO CAI', 'SỞ XÂY DỰNG'],
      number: '40/BC-SXD',
      placeDate: `Lào Cai, ${date}`,
      typeTitle: 'BÁO CÁO',
      summary: 'Tiến độ các công trình trọng điểm',
      bodies: ['Sở Xây dựng báo cáo tiến độ thi công các công trình trọng điểm của tỉnh.'],
    });
  }
  env = await isolatedHost('meetings-views', E2E_PROFILE);
  const core = env.host.core;
  dir = await seedDirectory(core);
  const base = { committeeId: dir.committee.id, kindCode: 'regular' };
  const create = async (title: string, startsAt: string, endsAt: string, extra: Record<string, unknown>) =>
    (await core.call('meetings.create', { ...base, title, startsAt, endsAt, ...extra })).meeting.id;
  // 07/12/2026 08:00–11:00 in Hà Nội is 01:00–04:00 UTC.
  ids['giaoBan'] = await create(GIAO_BAN, '2026-12-07T01:00:00.000Z', '2026-12-07T04:00:00.000Z', {
    chairPersonId: dir.people.chair.id,
    roomId: dir.room.id,
    chairingOrgId: dir.units.office.id,
  });
  ids['chuyenDoiSo'] = await create(CHUYEN_DOI_SO, '2026-12-09T07:00:00.000Z', '2026-12-09T09:30:00.000Z', {
    chairPersonId: dir.people.deputy.id,
    chairingOrgId: dir.units.digital.id,
    classification: 'confidential',
  });
  ids['thienTai'] = await create(THIEN_TAI, '2026-12-07T02:00:00.000Z', '2026-12-07T03:00:00.000Z', {
    kindCode: 'extraordinary',
    chairPersonId: dir.people.deputy.id,
    chairingOrgId: dir.units.office.id,
  });
  ids['quyI'] = await create(QUY_I, '2027-01-11T01:00:00.000Z', '2027-01-11T04:00:00.000Z', { chairingOrgId: dir.units.office.id });
  // Publish the first one: an agenda item and a participant make it publishable.
  await core.call('agenda.add', { meetingId: ids['giaoBan']!, title: 'Tiến độ các công trình', durationMinutes: 60 });
  await core.call('participants.addCommittee', { meetingId: ids['giaoBan']! });
  await core.call('meetings.setStatus', { id: ids['giaoBan']!, status: 'published' });
});

test.afterAll(async () => {
  await env?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

async function openMeetings(page: Page, query = ''): Promise<void> {
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  if (query) await page.goto(`${new URL(page.url()).origin}/#/meetings?${query}`);
}

function titles(page: Page) {
  return page.locator('.ns-meeting-table .ns-meeting-link');
}

test('the list filters by status, chairing unit, keyword without diacritics and time range', async ({ page }) => {
  await openMeetings(page);
  await expect(titles(page)).toHaveText([QUY_I, CHUYEN_DOI_SO, THIEN_TAI, GIAO_BAN]);
  await expect(page.getByText('Tổng số 4 cuộc họp')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(CHUYEN_DOI_SO) });
  await expect(row).toContainText('Thứ Tư, 09/12/2026');
  await expect(row).toContainText('14:00 – 16:30');
  await expect(row).toContainText('Mật');
  await expect(row).toContainText('Nháp');
  await expect(page.getByRole('row', { name: new RegExp(GIAO_BAN) })).toContainText('Đã phát hành');
  await expect(page.getByRole('row', { name: new RegExp(GIAO_BAN) })).toContainText('Phòng họp số 1');
  await shot(page, 'meetings-list');

  // A multiple choice stays open after a pick; Escape closes it.
  const status = page.getByRole('combobox', { name: 'Trạng thái' });
  await status.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Đã phát hành' }).click();
  await status.press('Escape');
  await expect(titles(page)).toHaveText([GIAO_BAN]);
  await expect(page).toHaveURL(/status=published/);
  await page.getByRole('button', { name: /Xóa bộ lọc/ }).click();
  await expect(titles(page)).toHaveCount(4);

  await pick(page, page, 'Đơn vị chủ trì', 'khoa hoc', 'Sở Khoa học và Công nghệ');
  await expect(titles(page)).toHaveText([CHUYEN_DOI_SO]);
  await page.getByRole('button', { name: /Xóa bộ lọc/ }).click();

  await page.getByRole('searchbox', { name: 'Từ khóa' }).fill('chuyen doi so');
  await expect(titles(page)).toHaveText([CHUYEN_DOI_SO]);
  await shot(page, 'meetings-list-keyword');
  await page.getByRole('button', { name: /Xóa bộ lọc/ }).click();
  await expect(page.getByRole('searchbox', { name: 'Từ khóa' })).toHaveValue('');

  const from = page.getByPlaceholder('Từ ngày');
  await from.click();
  await from.fill('01/12/2026');
  await from.press('Enter');
  const to = page.getByPlaceholder('Đến ngày');
  await to.fill('31/12/2026');
  await to.press('Enter');
  await expect(titles(page)).toHaveText([CHUYEN_DOI_SO, THIEN_TAI, GIAO_BAN]);

  // Nothing matches: the list says so, and the filters stay to be changed.
  await page.getByRole('searchbox', { name: 'Từ khóa' }).fill('khong co cuoc hop nao');
  await expect(page.getByText('Không có cuộc họp nào khớp bộ lọc. Hãy đổi hoặc xóa bộ lọc.')).toBeVisible();
  await shot(page, 'meetings-list-no-match');
});

test('the month and week calendars place meetings on their Vietnamese days and times', async ({ page }) => {
  await openMeetings(page, 'view=month&date=2026-12-01');
  await expect(page.getByRole('heading', { level: 2, name: 'Tháng 12 năm 2026' })).toBeVisible();
  const monday7 = page.getByRole('gridcell', { name: /^Thứ Hai 07\/12: 2 cuộc họp$/ });
  await expect(monday7.getByRole('link')).toHaveText(['08:00 ' + GIAO_BAN, '09:00 ' + THIEN_TAI]);
  await expect(page.getByRole('gridcell', { name: /^Thứ Tư 09\/12/ }).getByRole('link')).toHaveText('14:00 ' + CHUYEN_DOI_SO);
  await shot(page, 'meetings-month');

  await page.getByRole('button', { name: 'Tháng sau' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tháng 1 năm 2027' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(QUY_I) })).toBeVisible();
  await page.getByRole('button', { name: 'Tháng trước' }).click();

  await page.locator('.ns-view-switch label').filter({ hasText: 'Tuần' }).click();
  await expect(page).toHaveURL(/view=week/);
  await page.goto(`${new URL(page.url()).origin}/#/meetings?view=week&date=2026-12-09`);
  await expect(page.getByRole('heading', { level: 2, name: '07/12/2026 – 13/12/2026' })).toBeVisible();
  const monday = page.getByRole('gridcell', { name: 'Thứ Hai 07/12' });
  const giaoBan = monday.getByRole('link', { name: new RegExp(GIAO_BAN) });
  const thienTai = monday.getByRole('link', { name: new RegExp(THIEN_TAI) });
  await expect(giaoBan).toBeVisible();
  await expect(thienTai).toBeVisible();
  // Overlapping meetings sit side by side, each as tall as it lasts (3 hours and 1 hour).
  const a = (await giaoBan.boundingBox())!;
  const b = (await thienTai.boundingBox())!;
  expect(b.x).toBeGreaterThan(a.x + a.width - 2);
  expect(a.height / b.height).toBeGreaterThan(2.5);
  await shot(page, 'meetings-week');

  await page.getByRole('gridcell', { name: 'Thứ Tư 09/12' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: CHUYEN_DOI_SO })).toBeVisible();
});

test('planning a meeting over the chair and the room of another warns, names it, and still saves', async ({ page }) => {
  await openMeetings(page);
  await page.getByRole('button', { name: /Tạo cuộc họp/ }).first().click();
  const form = page.getByRole('dialog', { name: 'Tạo cuộc họp' });
  await form.getByRole('textbox', { name: 'Tên cuộc họp' }).fill('Làm việc với nhà đầu tư dự án khu đô thị');
  await typeDateTime(form, 'Bắt đầu', '07/12/2026 10:00');
  await typeDateTime(form, 'Kết thúc', '07/12/2026 12:00');
  await expect(form.locator('.ant-form-item', { hasText: 'Người chủ trì' })).toContainText('Đặng Quốc Hùng');
  await pick(form, page, 'Phòng họp', 'phong', 'Phòng họp số 1');
  const warning = form.getByRole('alert').filter({ hasText: 'Trùng lịch' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(GIAO_BAN);
  await shot(page, 'meetings-double-booking');

  await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await expect(page.getByText(/^Đã lưu\. Lưu ý: trùng lịch với/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Làm việc với nhà đầu tư dự án khu đô thị' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert').filter({ hasText: 'Trùng lịch:' })).toContainText(GIAO_BAN);
  const created = (await env.host.core.call('meetings.list', { query: 'nha dau tu' })).items[0]!;
  expect(created.status).toBe('draft');

  // A draft can be deleted; the list no longer has it.
  await page.getByRole('button', { name: /Xóa$/ }).click();
  await confirmPopover(page, 'Xóa');
  await expect(page.getByText('Đã xóa bản nháp “Làm việc với nhà đầu tư dự án khu đô thị”.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  expect((await env.host.core.call('meetings.list', { query: 'nha dau tu' })).total).toBe(0);
});

test('"Lên lịch phiên tiếp theo" opens a new draft a week later with the same agenda', async ({ page }) => {
  await openMeetings(page, '');
  await page.getByRole('link', { name: GIAO_BAN }).click();
  await expect(page.getByRole('heading', { level: 1, name: GIAO_BAN })).toBeVisible();
  await page.getByRole('button', { name: /Lên lịch phiên tiếp theo/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Lên lịch phiên tiếp theo' });
  await expect(dialog.getByRole('textbox', { name: 'Thời gian bắt đầu phiên mới' })).toHaveValue('14/12/2026 08:00');
  await shot(page, 'meetings-clone');
  await dialog.getByRole('button', { name: 'Tạo phiên tiếp theo' }).click();
  await expect(page.getByText('Đã tạo phiên họp tiếp theo (bản nháp).')).toBeVisible();
  await expect(page.getByText('Thứ Hai, 14/12/2026 08:00 – 11:00')).toBeVisible();
  await expect(page.locator('.ns-detail-top').getByText('Nháp', { exact: true })).toBeVisible();
  await expect(page.getByText('Tiến độ các công trình')).toBeVisible();

  // The new draft's agenda: a sub-item, then a document attached, replaced by a newer version, removed.
  const item = 'Tiến độ các công trình';
  await page.getByRole('button', { name: `Thêm nội dung con: ${item}` }).click();
  const sub = page.getByRole('dialog', { name: 'Thêm nội dung con của mục 1' });
  await sub.getByRole('textbox', { name: 'Tên nội dung' }).fill('Công trình cầu Cốc Lếu mới');
  await sub.getByRole('spinbutton', { name: 'Thời lượng dự kiến' }).fill('20');
  await sub.getByRole('button', { name: 'Thêm', exact: true }).click();
  const subItem = page.getByRole('listitem', { name: 'Nội dung 1.1: Công trình cầu Cốc Lếu mới' });
  await expect(subItem).toContainText('08:00–08:20');

  await page.getByLabel(`Chọn tệp đính kèm cho ${item}`).setInputFiles(join(files, 'Báo cáo tiến độ.pdf'));
  await expect(page.getByText(`Đã đính kèm 1 tài liệu vào “${item}”.`)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Chọn tệp phiên bản mới cho Báo cáo tiến độ.pdf').setInputFiles(join(files, 'Báo cáo tiến độ (sửa đổi).pdf'));
  await expect(page.getByText('Đã thay bằng bản mới “Báo cáo tiến độ (sửa đổi).pdf”.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Mở tài liệu Báo cáo tiến độ (sửa đổi).pdf' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mở tài liệu Báo cáo tiến độ.pdf' })).toHaveCount(0);
  await shot(page, 'meetings-agenda-subitem-document');
  await page.getByRole('button', { name: 'Gỡ khỏi cuộc họp: Báo cáo tiến độ (sửa đổi).pdf' }).click();
  await confirmPopover(page, 'Gỡ');
  await expect(page.getByText('Đã gỡ “Báo cáo tiến độ (sửa đổi).pdf” khỏi cuộc họp.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Mở tài liệu/ })).toHaveCount(0);
  // Both versions stay in the library.
  expect((await env.host.core.call('documents.list', {})).total).toBe(2);
});

test('the meeting screens follow the chosen language and the dark theme', async ({ page }) => {
  const core = env.host.core;
  await core.call('settings.set', { key: 'ui.language', value: 'en' });
  await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  try {
    await page.goto(env.host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    // The original, not the next session scheduled from it above.
    await page.goto(`${new URL(page.url()).origin}/#/meetings/${ids['giaoBan']}`);
    await expect(page.getByRole('tab', { name: 'Agenda (1)' })).toBeVisible();
    await expect(page.locator('.ns-detail-top').getByText('Published', { exact: true })).toBeVisible();
    await expect(page.getByText('Monday, 07/12/2026 08:00 – 11:00')).toBeVisible();
    await page.getByRole('tab', { name: /^Participants/ }).click();
    await expect(page.getByRole('button', { name: /Add the committee members/ })).toBeVisible();
    await shot(page, 'meetings-detail-en-dark');
    await page.goto(`${new URL(page.url()).origin}/#/meetings?view=month&date=2026-12-01`);
    await expect(page.getByRole('heading', { level: 2, name: 'December 2026' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Monday' })).toBeVisible();
    await shot(page, 'meetings-month-en-dark');
  } finally {
    await core.call('settings.set', { key: 'ui.language', value: 'vi' });
    await core.call('settings.set', { key: 'ui.theme', value: 'light' });
  }
});
