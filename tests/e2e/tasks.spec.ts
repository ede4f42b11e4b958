import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addDaysKey, todayKey } from '../../shared/vn-time.ts';
import { writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { choose as chooseRadio, expect, mainNav, test } from './fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { confirmPopover, pick } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory, type SeededDirectory } from './support/seed.ts';
import { shot } from './support/shots.ts';

/**
 * Journey 5, chỉ đạo điều hành: from the conclusions of a meeting's minutes the secretary assigns
 * three tasks in one dialog, reads the dashboard, opens a task, reports progress for the lead unit,
 * records an extension request and approves it, and sees the numbers move: as of a later day the
 * extended task is still on time while the others are overdue; a number opens the list behind it.
 * Dates are relative to today, so the buckets are the same whatever day the suite runs.
 */

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

const TITLE = 'Họp Ban Chỉ đạo về tiến độ công trình trọng điểm tháng 11';
const NEXT_TITLE = 'Họp Ban Chỉ đạo kiểm điểm tiến độ công trình trọng điểm';
const C1 = 'Sở Xây dựng hoàn thành bàn giao mặt bằng dự án đường nối cao tốc.';
const C2 = 'Sở Khoa học và Công nghệ đưa hệ thống giám sát công trình vào vận hành.';
const C3 = 'Văn phòng UBND tỉnh tổng hợp báo cáo tiến độ các công trình trọng điểm.';
const OVERDUE = 'Sở Xây dựng báo cáo vướng mắc giải phóng mặt bằng khu tái định cư.';

const today = todayKey();
const day = (offset: number) => addDaysKey(today, offset);
const dmy = (iso: string) => iso.split('-').reverse().join('/');

let env: IsolatedHost;
let dir: SeededDirectory;
let meetingId: string;
let nextMeetingId: string;

test.beforeAll(async () => {
  env = await isolatedHost('tasks', E2E_PROFILE);
  const core = env.host.core;
  dir = await seedDirectory(core);
  // A meeting held a week ago, ended, its minutes drafted with three conclusions (the third without a lead unit).
  const held = `${day(-7)}T01:00:00.000Z`;
  const created = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: TITLE,
    startsAt: held,
    endsAt: `${day(-7)}T04:00:00.000Z`,
    chairPersonId: dir.people.chair.id,
    roomId: dir.room.id,
    chairingOrgId: dir.units.office.id,
  });
  meetingId = created.meeting.id;
  const first = await core.call('agenda.add', { meetingId, title: 'Tiến độ giải phóng mặt bằng', durationMinutes: 60 });
  const second = await core.call('agenda.add', { meetingId, title: 'Ứng dụng công nghệ trong giám sát', durationMinutes: 60 });
  await core.call('participants.addCommittee', { meetingId });
  for (const status of ['published', 'in_progress', 'ended'] as const) await core.call('meetings.setStatus', { id: meetingId, status });
  await core.call('minutes.draft', { meetingId });
  await core.call('minutes.addConclusion', {
    meetingId,
    agendaItemId: first.itemId,
    text: C1,
    leadUnitId: dir.units.construction.id,
    coordinatingUnitIds: [dir.units.office.id],
    deadline: day(40),
  });
  await core.call('minutes.addConclusion', { meetingId, agendaItemId: second.itemId, text: C2, leadUnitId: dir.units.digital.id, deadline: day(25) });
  await core.call('minutes.addConclusion', { meetingId, agendaItemId: second.itemId, text: C3, deadline: day(1) });

  // A task given directly a month ago and already past its deadline: the dashboard has an overdue number from the start.
  await core.call('tasks.create', {
    task: { content: OVERDUE, leadUnit: dir.units.construction.id, assignedOn: day(-30), deadline: { kind: 'date', date: day(-5) } },
  });

  // The committee's next meeting, still a draft: its agenda gets the review of the open tasks.
  const next = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: NEXT_TITLE,
    startsAt: `${day(20)}T01:00:00.000Z`,
    endsAt: `${day(20)}T04:00:00.000Z`,
    chairPersonId: dir.people.chair.id,
  });
  nextMeetingId = next.meeting.id;
});

test.afterAll(async () => {
  await env?.close();
});

/** The screen in Vietnamese and the light theme: the journey's last test switches this host to English. */
async function vietnamese(): Promise<void> {
  await env.host.core.call('settings.set', { key: 'ui.language', value: 'vi' });
  await env.host.core.call('settings.set', { key: 'ui.theme', value: 'light' });
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/#${hash}`);
}

/** The dashboard's number for a bucket, read from the button that opens its list. */
function stat(page: Page, bucket: string): Locator {
  return page.getByRole('list', { name: /Số nhiệm vụ theo tình trạng/ }).getByRole('button', { name: new RegExp(`^${bucket}: `) });
}

async function expectStat(page: Page, bucket: string, count: number): Promise<void> {
  await expect(stat(page, bucket)).toHaveAccessibleName(`${bucket}: ${count} nhiệm vụ. Xem danh sách`);
  await expect(stat(page, bucket).locator('.ns-task-stat-value')).toHaveText(String(count));
}

async function typeDate(scope: Page | Locator, label: string, iso: string): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(dmy(iso));
  await input.press('Enter');
  await expect(input).toHaveValue(dmy(iso));
}

test('the secretary assigns three tasks from the conclusions of the minutes', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `/meetings/${meetingId}/minutes`);
  const panel = page.locator('.ns-minutes-panel');
  await expect(panel).toContainText('Kết luận (3)');
  await panel.getByRole('button', { name: 'Giao nhiệm vụ từ kết luận' }).click();

  // Step 1: every conclusion not yet a task is picked; the one without a lead unit says so.
  const dialog = page.getByRole('dialog', { name: 'Giao nhiệm vụ từ kết luận' });
  await expect(dialog).toContainText(`Các kết luận trong biên bản cuộc họp “${TITLE}”.`);
  await expect(dialog.getByRole('row', { name: new RegExp(C3) })).toContainText('Chưa có');
  await expect(dialog.getByRole('row', { name: new RegExp(C1) })).toContainText(dmy(day(40)));
  await shot(page, 'tasks-from-conclusions-pick');
  await dialog.getByRole('button', { name: 'Tiếp tục (3 kết luận)' }).click();

  // Step 2: the tasks prefilled from the minutes; the third needs its lead unit before anything is assigned.
  await expect(dialog.getByRole('textbox', { name: 'Nội dung nhiệm vụ 1' })).toHaveValue(C1);
  await expect(dialog.getByRole('textbox', { name: 'Thời hạn nhiệm vụ 2' })).toHaveValue(dmy(day(25)));
  await dialog.getByRole('button', { name: 'Giao 3 nhiệm vụ' }).click();
  await expect(dialog.getByText('Còn 1 nhiệm vụ chưa có đơn vị chủ trì.')).toBeVisible();
  expect((await env.host.core.call('tasks.list', { meetingId })).total).toBe(0);
  await pick(dialog, page, 'Đơn vị chủ trì nhiệm vụ 3', 'van phong', 'Văn phòng UBND tỉnh');
  await shot(page, 'tasks-from-conclusions-review');
  await dialog.getByRole('button', { name: 'Giao 3 nhiệm vụ' }).click();

  await expect(dialog.getByText('Đã giao 3 nhiệm vụ.')).toBeVisible();
  const made = await env.host.core.call('tasks.list', { meetingId });
  expect(made.items.map((t) => [t.content, t.leadUnit.name, t.dueDate]).sort()).toEqual(
    [
      [C1, 'Sở Xây dựng', day(40)],
      [C2, 'Sở Khoa học và Công nghệ', day(25)],
      [C3, 'Văn phòng UBND tỉnh', day(1)],
    ].sort(),
  );
  await shot(page, 'tasks-from-conclusions-done');

  // The link goes to the list of this meeting's tasks.
  await dialog.getByRole('button', { name: 'Xem nhiệm vụ của cuộc họp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm vụ' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`meeting=${meetingId}`));
  await expect(page.getByText(`Cuộc họp: ${TITLE}`, { exact: true })).toBeVisible();
  const rows = page.locator('.ns-task-table tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('link', { name: OVERDUE })).toHaveCount(0);

  // Opened again, the dialog shows the conclusions as tasks already, with a link, and none to pick.
  await page.goto(`${new URL(page.url()).origin}/#/meetings/${meetingId}/minutes`);
  await page.locator('.ns-minutes-panel').getByRole('button', { name: 'Giao nhiệm vụ từ kết luận' }).click();
  await expect(dialog.getByText('Mọi kết luận đã được giao thành nhiệm vụ.')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Đã giao — xem' })).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Tiếp tục (0 kết luận)' })).toBeDisabled();
});

test('the dashboard counts, a task gets progress and an extension, and the numbers move with it', async ({ page }) => {
  test.setTimeout(150_000);
  await open(page, '/tasks');
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm vụ' })).toBeVisible();

  // Today: the direct task is overdue; the three from the minutes are on time, the third due tomorrow.
  await expectStat(page, 'Đang thực hiện quá hạn', 1);
  await expectStat(page, 'Đang thực hiện trong hạn', 3);
  await expectStat(page, 'Sắp đến hạn', 1);
  await expectStat(page, 'Hoàn thành đúng hạn', 0);
  await expect(page.getByText('4 nhiệm vụ, tình trạng tính đến ngày')).toBeVisible();
  await expect(page.locator('.ns-task-table tbody tr.ant-table-row').first()).toContainText(OVERDUE);
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  // The badge in the navigation: one task overdue.
  await expect(mainNav(page).locator('.ns-nav-badge')).toHaveText('1');
  await expect(mainNav(page).getByRole('link', { name: 'Nhiệm vụ', exact: true })).toBeVisible();
  await shot(page, 'tasks-dashboard');

  // One click on a number: the list behind it.
  await stat(page, 'Sắp đến hạn').click();
  await expect(page).toHaveURL(/bucket=due_soon/);
  const rows = page.locator('.ns-task-table tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(C3);
  await expect(rows.first()).toContainText('Sắp đến hạn');
  await expect(stat(page, 'Sắp đến hạn')).toHaveAttribute('aria-pressed', 'true');

  // The chart's table: a unit opens its tasks.
  await stat(page, 'Sắp đến hạn').click();
  await expect(rows).toHaveCount(4);
  const unitsCard = page.locator('.ns-task-chart', { hasText: 'Theo đơn vị chủ trì' });
  await unitsCard.getByRole('button', { name: 'Xem dạng bảng' }).click();
  await unitsCard.getByRole('button', { name: 'Sở Xây dựng' }).click();
  await expect(page).toHaveURL(/unit=/);
  await expect(rows).toHaveCount(2);
  await expectStat(page, 'Đang thực hiện quá hạn', 1);
  await expectStat(page, 'Đang thực hiện trong hạn', 1);
  // The donut and the twelve weeks are the unit's too, and say so; the bars keep every unit to move to another.
  const trend = page.locator('.ns-task-chart', { hasText: 'Diễn biến 12 tuần gần nhất' });
  await expect(trend.locator('.ant-card-head-title')).toHaveText('Diễn biến 12 tuần gần nhất: Sở Xây dựng');
  await expect(page.locator('.ns-task-chart', { hasText: 'Theo tình trạng' }).locator('.ant-card-head-title')).toHaveText('Theo tình trạng: Sở Xây dựng');
  await trend.getByRole('button', { name: 'Xem dạng bảng' }).click();
  await expect(trend.locator('tbody tr.ant-table-row').last().getByRole('cell')).toHaveText([dmy(today), '0', '0', '1', '1', '0', '2']);
  await expect(unitsCard.getByRole('button', { name: 'Văn phòng UBND tỉnh' })).toBeVisible();
  await shot(page, 'tasks-by-unit');
  await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
  await expect(rows).toHaveCount(4);

  // The task of the first conclusion, as the lead unit reports it.
  await page.getByRole('link', { name: C1 }).click();
  await expect(page.getByRole('heading', { level: 1, name: C1 })).toBeVisible();
  await expect(page.getByText(`Kết luận tại cuộc họp: ${TITLE}`)).toBeVisible();
  await expect(page.locator('.ns-task-facts')).toContainText(dmy(day(40)));
  await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
  const report = page.getByRole('dialog', { name: 'Báo cáo tiến độ' });
  await report.getByRole('spinbutton', { name: 'Tỷ lệ hoàn thành' }).fill('40');
  await report.getByRole('textbox', { name: 'Nội dung báo cáo' }).fill('Đã bàn giao 40% mặt bằng; còn 12 hộ chưa nhận tiền bồi thường.');
  await shot(page, 'task-report-dialog');
  await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(report).toHaveCount(0);
  await expect(page.locator('.ns-task-progress')).toContainText('40%');
  const timeline = page.locator('.ns-task-timeline');
  await expect(timeline).toContainText('Báo cáo tiến độ');
  await expect(timeline).toContainText('còn 12 hộ chưa nhận tiền bồi thường');

  // An extension asked before the deadline, then approved.
  await page.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
  const ask = page.getByRole('dialog', { name: 'Đề nghị gia hạn' });
  await typeDate(ask, 'Gia hạn đến ngày', day(60));
  await ask.getByRole('textbox', { name: 'Lý do đề nghị gia hạn' }).fill('Chờ điều chỉnh quy hoạch khu tái định cư.');
  await ask.getByRole('button', { name: 'Gửi đề nghị' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText(`Đơn vị chủ trì đề nghị gia hạn từ ${dmy(day(40))} đến ${dmy(day(60))}.`)).toBeVisible();
  await expect(mainNav(page).locator('.ns-nav-badge')).toHaveText('2');
  await shot(page, 'task-extension-pending');
  await page.locator('.ant-alert').getByRole('button', { name: 'Duyệt' }).click();
  const decide = page.getByRole('dialog', { name: 'Duyệt đề nghị gia hạn' });
  await decide.getByRole('button', { name: 'Duyệt gia hạn' }).click();
  await expect(decide).toHaveCount(0);
  await expect(page.locator('.ns-task-facts')).toContainText(dmy(day(60)));
  await expect(page.locator('.ns-task-facts')).toContainText(`Đã gia hạn, hạn ban đầu: ${dmy(day(40))}`);
  await expect(page.locator('.ns-task-extensions')).toContainText('Đã duyệt');
  await expect(timeline).toContainText('Duyệt gia hạn');
  await shot(page, 'task-detail');
  const saved = (await env.host.core.call('tasks.list', { meetingId, query: 'bàn giao mặt bằng' })).items[0]!;
  expect([saved.percent, saved.dueDate, saved.extensionPending]).toEqual([40, day(60), false]);

  // As of 45 days on, the extended task is still on time; the others from the minutes are overdue.
  await page.getByRole('link', { name: 'Danh sách nhiệm vụ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm vụ' })).toBeVisible();
  await typeDate(page, 'Số liệu tính đến ngày', day(45));
  await expect(page).toHaveURL(new RegExp(`asOf=${day(45)}`));
  await expectStat(page, 'Đang thực hiện quá hạn', 3);
  await expectStat(page, 'Đang thực hiện trong hạn', 1);
  await stat(page, 'Đang thực hiện quá hạn').click();
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText('Đang thực hiện quá hạn');
  await expect(page.getByRole('link', { name: C1 })).toHaveCount(0);
  await shot(page, 'tasks-as-of-later');
});

test('a new task by hand, its deadline in working days; the working calendar; the review item on the next agenda', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '/tasks');
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm vụ' })).toBeVisible();

  // N opens the form, as on the meetings screen.
  await page.keyboard.press('n');
  const drawer = page.getByRole('dialog', { name: 'Giao nhiệm vụ mới' });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
  await expect(drawer.getByText('Cần nhập nội dung nhiệm vụ.')).toBeVisible();
  await expect(drawer.getByText('Cần chọn một đơn vị chủ trì.')).toBeVisible();
  const content = 'Sở Khoa học và Công nghệ báo cáo phương án số hóa hồ sơ công trình.';
  await drawer.getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).fill(content);
  await pick(drawer, page, 'Đơn vị chủ trì', 'khoa hoc', 'Sở Khoa học và Công nghệ');
  // A multiple choice stays open after a pick: Escape closes it, as a keyboard user does.
  const coordinating = drawer.getByRole('combobox', { name: 'Đơn vị phối hợp' });
  await coordinating.click();
  await coordinating.fill('xay dung');
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText('Sở Xây dựng');
  await coordinating.press('Enter');
  await coordinating.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(drawer.locator('.ant-select-selection-item', { hasText: 'Sở Xây dựng' })).toBeVisible();
  await chooseRadio(page, 'Số ngày làm việc');
  await drawer.getByRole('spinbutton', { name: 'Số ngày làm việc kể từ ngày giao' }).fill('5');
  const { date: due } = await env.host.core.call('calendar.addDays', { from: today, days: 5 });
  await expect(drawer.getByText(`Hạn hoàn thành: ${dmy(due)}`)).toBeVisible();
  await pick(drawer, page, 'Độ khẩn', '', 'Khẩn');
  await shot(page, 'task-create-form');
  await drawer.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: content })).toBeVisible();
  await expect(page.locator('.ns-task-facts')).toContainText(dmy(due));
  await expect(page.locator('.ns-task-facts')).toContainText('5 ngày làm việc kể từ ngày giao');
  await expect(page.locator('.ns-task-facts')).toContainText('Sở Xây dựng');

  // The overdue task reported done and accepted: done late.
  await page.getByRole('link', { name: 'Danh sách nhiệm vụ' }).click();
  await page.getByRole('link', { name: OVERDUE }).click();
  await expect(page.getByRole('heading', { level: 1, name: OVERDUE })).toBeVisible();
  await page.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
  const complete = page.getByRole('dialog', { name: 'Báo cáo hoàn thành nhiệm vụ' });
  await complete.getByRole('textbox', { name: 'Kết quả thực hiện' }).fill('Đã gửi báo cáo vướng mắc tới UBND tỉnh.');
  await complete.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
  await expect(complete).toHaveCount(0);
  await expect(page.getByText('Đơn vị chủ trì đã báo cáo hoàn thành.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Chấp nhận hoàn thành' }).click();
  await page.getByRole('dialog', { name: 'Chấp nhận hoàn thành?' }).getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(page.locator('.ns-detail-top')).toContainText('Đã hoàn thành');
  await expect(page.locator('.ns-detail-top')).toContainText('Hoàn thành quá hạn');
  await expect(page.getByRole('group', { name: 'Thao tác với nhiệm vụ' })).toHaveCount(0);
  await expect(mainNav(page).locator('.ns-nav-badge')).toHaveCount(0);

  // In the list, the day it was done under its deadline.
  await page.getByRole('link', { name: 'Danh sách nhiệm vụ' }).click();
  const doneRow = page.locator('.ns-task-table tbody tr.ant-table-row', { hasText: OVERDUE });
  await expect(doneRow.getByRole('cell').nth(2)).toContainText(dmy(day(-5)));
  await expect(doneRow.locator('.ns-task-completed-on')).toHaveText(`Xong ${dmy(today)}`);

  // The working calendar: holidays of the year, and a day off added by the administrator.
  await page.getByRole('button', { name: 'Lịch làm việc' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();
  const year = Number(today.slice(0, 4)) + 1;
  await pick(page, page, 'Năm', '', `Năm ${year}`);
  await expect(page.getByText(`Ngày nghỉ lễ, Tết năm ${year}`)).toBeVisible();
  await expect(page.getByRole('cell', { name: `01/01/${year}` })).toBeVisible();
  const extra = `${year}-08-31`;
  const change = page.locator('.ant-card', { hasText: 'Thêm điều chỉnh' });
  await typeDate(change, 'Ngày', extra);
  await change.getByRole('textbox', { name: 'Ghi chú' }).fill('Nghỉ bù theo Thông báo của UBND tỉnh');
  await change.getByRole('button', { name: 'Thêm' }).click();
  const added = page.locator('.ant-card', { hasText: `Ngày nghỉ lễ, Tết năm ${year}` }).getByRole('row', { name: new RegExp(dmy(extra)) });
  await expect(added).toContainText('Điều chỉnh');
  await shot(page, 'tasks-working-calendar');
  const holidays = await env.host.core.call('calendar.holidays', { year });
  expect(holidays.holidays.some((h) => h.date === extra && h.source === 'override')).toBe(true);

  // The committee's next meeting: one click adds the review of the conclusions still open.
  await page.goto(`${new URL(page.url()).origin}/#/meetings/${nextMeetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: NEXT_TITLE })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm mục kiểm điểm kết luận kỳ trước' }).click();
  await expect(page.getByText('Kiểm điểm việc thực hiện kết luận kỳ trước')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Thêm mục kiểm điểm kết luận kỳ trước' })).toHaveCount(0);
  await shot(page, 'tasks-follow-up-agenda');

  // In English and the dark theme, the dashboard reads the same.
  await env.host.core.call('settings.set', { key: 'ui.language', value: 'en' });
  await env.host.core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  await page.goto(`${new URL(page.url()).origin}/#/tasks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done late: 1 task. Show the list' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Task list' })).toBeVisible();
  await shot(page, 'tasks-dashboard-en-dark');
});

test('a task from a directive document of the library: assigned from its page, each linked to the other', async ({ page }) => {
  test.setTimeout(120_000);
  await vietnamese();
  const SUMMARY = 'Kết luận của Chủ tịch UBND tỉnh về đẩy nhanh giải ngân vốn đầu tư công năm 2026';
  const files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-tasks-files-'));
  let documentId: string;
  try {
    const pdf = join(files, 'Thông báo 215-TB-UBND.pdf');
    await writeOfficialPdf(pdf, {
      agency: ['UBND TỈNH LÀO CAI'],
      number: '215/TB-UBND',
      placeDate: 'Lào Cai, ngày 10 tháng 03 năm 2026',
      typeTitle: 'THÔNG BÁO',
      summary: SUMMARY,
      bodies: ['Giao Sở Xây dựng chủ trì, phối hợp với các chủ đầu tư rà soát, điều chuyển vốn của các dự án chậm giải ngân.'],
    });
    const { results } = await env.host.core.call('documents.importFiles', { paths: [pdf] });
    const first = results[0]!;
    if (!first.ok) throw new Error(`import failed: ${first.error.message.en}`);
    expect(first.document.summary).toBe(SUMMARY);
    documentId = first.document.id;
  } finally {
    rmSync(files, { recursive: true, force: true });
  }

  // The document's page: the button opens the task form with the document chosen and its trích yếu as the content.
  await open(page, `/documents/${documentId}`);
  await expect(page.getByRole('heading', { level: 1, name: /215\/TB-UBND/ })).toBeVisible();
  await page.getByRole('button', { name: 'Giao nhiệm vụ từ văn bản' }).click();
  const drawer = page.getByRole('dialog', { name: 'Giao nhiệm vụ từ văn bản' });
  await expect(drawer.getByRole('textbox', { name: 'Nội dung nhiệm vụ' })).toHaveValue(SUMMARY);
  const source = drawer.locator('.ant-form-item', { has: page.getByRole('combobox', { name: 'Văn bản chỉ đạo', exact: true }) });
  await expect(source).toContainText(`Số 215/TB-UBND, 10/03/2026 — ${SUMMARY}`);
  await pick(drawer, page, 'Đơn vị chủ trì', 'xay dung', 'Sở Xây dựng');
  await typeDate(drawer, 'Hạn hoàn thành', day(30));
  await shot(page, 'task-from-document-form');
  await drawer.getByRole('button', { name: 'Giao nhiệm vụ', exact: true }).click();
  await expect(drawer).toHaveCount(0);

  // The page says it was assigned, with the way to the task.
  const notice = page.locator('.ns-task-assigned-notice');
  await expect(notice).toContainText('Đã giao nhiệm vụ từ văn bản này cho Sở Xây dựng.');
  await shot(page, 'task-from-document-assigned');
  const made = (await env.host.core.call('tasks.list', { query: 'giải ngân vốn đầu tư công' })).items;
  expect(made.map((t) => [t.content, t.leadUnit.name, t.dueDate])).toEqual([[SUMMARY, 'Sở Xây dựng', day(30)]]);
  const task = await env.host.core.call('tasks.get', { id: made[0]!.id });
  expect([task.source.kind, task.source.documentId]).toEqual(['document', documentId]);

  // The task names its document, and the link goes back to it.
  await notice.getByRole('link', { name: 'Xem nhiệm vụ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUMMARY })).toBeVisible();
  const link = page.locator('.ns-task-facts').getByRole('link', { name: `Văn bản chỉ đạo: ${SUMMARY}` });
  await expect(link).toBeVisible();
  await shot(page, 'task-from-document-detail');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${documentId}$`));
  await expect(page.getByRole('button', { name: 'Giao nhiệm vụ từ văn bản' })).toBeVisible();

  // The form of the tasks page takes a document too: chosen by its number, it brings its trích yếu.
  await open(page, '/tasks');
  await page.getByRole('button', { name: 'Giao nhiệm vụ mới' }).first().click();
  const form = page.getByRole('dialog', { name: 'Giao nhiệm vụ mới' });
  await pick(form, page, 'Văn bản chỉ đạo', '215', /Số 215\/TB-UBND/);
  await expect(form.getByRole('textbox', { name: 'Nội dung nhiệm vụ' })).toHaveValue(SUMMARY);
  await form.getByRole('button', { name: 'Hủy' }).click();
  await expect(form).toHaveCount(0);
});

test('the administrator’s changes of a year are listed and removable, a holiday made a working day among them', async ({ page }) => {
  test.setTimeout(90_000);
  await vietnamese();
  const year = Number(today.slice(0, 4)) + 1;
  const before = await env.host.core.call('calendar.holidays', { year });
  // A public holiday on a weekday: made a working day, it leaves both the holidays and the working weekends.
  const holiday = before.holidays.find((h) => h.source === 'built-in' && ![0, 6].includes(new Date(`${h.date}T00:00:00Z`).getUTCDay()))!;
  const note = 'Đi làm theo Quyết định hoán đổi ngày nghỉ của UBND tỉnh';

  await open(page, `/tasks/calendar?year=${year}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();
  const holidays = page.locator('.ant-card', { hasText: `Ngày nghỉ lễ, Tết năm ${year}` });
  const changes = page.locator('.ant-card', { hasText: `Điều chỉnh của quản trị viên năm ${year}` });
  const holidayRow = holidays.getByRole('row', { name: new RegExp(dmy(holiday.date)) });
  const changeRow = changes.getByRole('row', { name: new RegExp(dmy(holiday.date)) });
  await expect(holidayRow).toBeVisible();
  // The day off added in the previous journey is listed already.
  await expect(changes.getByRole('row', { name: new RegExp(`31/08/${year}`) })).toContainText('Ngày nghỉ');

  const add = page.locator('.ant-card', { hasText: 'Thêm điều chỉnh' });
  await typeDate(add, 'Ngày', holiday.date);
  await chooseRadio(page, 'Ngày đi làm (làm bù)');
  await add.getByRole('textbox', { name: 'Ghi chú' }).fill(note);
  await add.getByRole('button', { name: 'Thêm' }).click();
  await expect(changeRow).toContainText('Ngày đi làm (làm bù)');
  await expect(changeRow).toContainText(note);
  await expect(holidayRow).toHaveCount(0);
  await expect(page.locator('.ant-card', { hasText: `Ngày cuối tuần đi làm năm ${year}` }).getByRole('row', { name: new RegExp(dmy(holiday.date)) })).toHaveCount(0);
  expect((await env.host.core.call('calendar.holidays', { year })).overrides).toContainEqual({ date: holiday.date, kind: 'work', note });
  await shot(page, 'tasks-working-calendar-changes');

  // Removed, the holiday is back.
  await changeRow.getByRole('button', { name: `Xóa điều chỉnh ngày ${dmy(holiday.date)}` }).click();
  await confirmPopover(page, 'Xóa');
  await expect(changeRow).toHaveCount(0);
  await expect(holidayRow).toBeVisible();
  const after = await env.host.core.call('calendar.holidays', { year });
  expect(after.overrides.some((o) => o.date === holiday.date)).toBe(false);
});

test('the standing office corrects a task: a change made elsewhere first is not overwritten, then the content and the lead unit are saved', async ({ page }) => {
  test.setTimeout(120_000);
  await vietnamese();
  const find = async (query: string) => (await env.host.core.call('tasks.list', { meetingId, query })).items[0]!;
  const extended = await find('bàn giao mặt bằng');
  const target = await find('hệ thống giám sát');
  const EDITED = 'Văn phòng UBND tỉnh đưa hệ thống giám sát công trình vào vận hành, báo cáo kết quả trong quý IV.';

  // The extended task: its deadline is shown but not editable, with the reason; the source and the date assigned stay as they are.
  await open(page, `/tasks/${extended.id}`);
  await expect(page.getByRole('heading', { level: 1, name: C1 })).toBeVisible();
  const actions = page.getByRole('group', { name: 'Thao tác với nhiệm vụ' });
  await actions.getByRole('button', { name: 'Sửa' }).click();
  const drawer = page.getByRole('dialog', { name: 'Sửa nhiệm vụ' });
  await expect(drawer.getByRole('textbox', { name: 'Nội dung nhiệm vụ' })).toHaveValue(C1);
  await expect(drawer.getByText('Nhiệm vụ đã được gia hạn nên không sửa thời hạn tại đây')).toBeVisible();
  await expect(drawer.getByRole('radio', { name: 'Hạn cụ thể' })).toBeDisabled();
  await expect(drawer.getByRole('textbox', { name: 'Hạn hoàn thành', exact: true })).toBeDisabled();
  await expect(drawer.getByRole('textbox', { name: 'Ngày giao', exact: true })).toBeDisabled();
  await expect(drawer.getByRole('combobox', { name: 'Văn bản chỉ đạo' })).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Hủy' }).click();
  await expect(drawer).toHaveCount(0);

  // Another task, prefilled; while the form is open another window records a reminder on it.
  await open(page, `/tasks/${target.id}`);
  await expect(page.getByRole('heading', { level: 1, name: C2 })).toBeVisible();
  await actions.getByRole('button', { name: 'Sửa' }).click();
  const content = drawer.getByRole('textbox', { name: 'Nội dung nhiệm vụ' });
  await expect(content).toHaveValue(C2);
  await expect(drawer.locator('.ant-form-item', { has: page.getByRole('combobox', { name: 'Đơn vị chủ trì', exact: true }) })).toContainText('Sở Khoa học và Công nghệ');
  await expect(drawer.getByRole('radio', { name: 'Hạn cụ thể' })).toBeEnabled();
  await content.fill(EDITED);
  await pick(drawer, page, 'Đơn vị chủ trì', 'van phong', 'Văn phòng UBND tỉnh');
  await env.host.core.call('tasks.remind', { id: target.id, note: 'Đôn đốc qua điện thoại.' });
  const timeline = page.locator('.ns-task-timeline');
  await expect(timeline).toContainText('Đôn đốc qua điện thoại.');
  await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();

  // Refused: nothing is overwritten; "Tải lại" brings the latest version into the form.
  const conflict = drawer.locator('.ns-task-conflict');
  await expect(conflict).toContainText('Nhiệm vụ vừa được thay đổi ở nơi khác');
  await expect(drawer.getByRole('button', { name: 'Lưu thay đổi' })).toBeDisabled();
  expect((await env.host.core.call('tasks.get', { id: target.id })).content).toBe(C2);
  await shot(page, 'task-edit-conflict');
  await conflict.getByRole('button', { name: 'Tải lại' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(content).toHaveValue(C2);

  // Changed again on the latest version and saved: the page shows the new content and unit, and the history says what changed.
  await content.fill(EDITED);
  await pick(drawer, page, 'Đơn vị chủ trì', 'van phong', 'Văn phòng UBND tỉnh');
  await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: EDITED })).toBeVisible();
  await expect(page.locator('.ns-task-facts')).toContainText('Văn phòng UBND tỉnh');
  await expect(page.locator('.ns-task-facts')).not.toContainText('Sở Khoa học và Công nghệ');
  await expect(timeline).toContainText('Sửa thông tin');
  await expect(timeline).toContainText('Đã sửa: nội dung, đơn vị chủ trì');
  await expect(timeline).not.toContainText('search_key');
  await shot(page, 'task-edit');
  const saved = await env.host.core.call('tasks.get', { id: target.id });
  expect([saved.content, saved.leadUnit.name, saved.dueDate, saved.events.filter((e) => e.kind === 'edited').length]).toEqual([EDITED, 'Văn phòng UBND tỉnh', day(25), 1]);
});
