import { readFileSync, statSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { dayNumber, isoOf } from '../../shared/calendar/day-number.ts';
import { recentPeriods, type ReportPeriod } from '../../shared/reports/periods.ts';
import { todayKey } from '../../shared/vn-time.ts';
import { choose as chooseRadio, expect, test } from './fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { pick } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory, type SeededDirectory } from './support/seed.ts';
import { shot } from './support/shots.ts';

/**
 * Báo cáo định kỳ (issue 16): the standing office opens the periodic report from the tasks page,
 * reads last month's figures as they stood on its cut-off day (a task completed after that day
 * still open in it, a progress note written since not yet its reason), narrows it to a committee,
 * writes the number and the assessment and exports the Word report and the Excel appendix. Dates
 * are set around the previous month's data window, so the figures are the same whatever day the
 * suite runs.
 */

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

const today = todayKey();
const shift = (iso: string, days: number) => isoOf(dayNumber(iso) + days);
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** The Select's option for a period, as the screen writes it: "Tháng 11/2026 (15/10–14/11/2026)". */
function option(p: ReportPeriod): string {
  const name = p.label.vi.replace(/\s*\(.*\)$/, '');
  const from = p.from.slice(0, 4) === p.to.slice(0, 4) ? dmy(p.from).slice(0, 5) : dmy(p.from);
  return `${name} (${from}–${dmy(p.to)})`;
}

const months = recentPeriods('month', today, 12, 14);
const current = months[0]!;
const previous = months[1]!;
/** Half a year back: before any task of this spec was assigned. */
const early = months[6]!;
const F = previous.from;
const E = previous.to;

const LATE_PROGRESS = 'Sở Xây dựng hoàn thành giải phóng mặt bằng khu tái định cư Bắc Lào Cai.';
const LATE_PAUSED = 'Văn phòng UBND tỉnh trình phương án sắp xếp trụ sở dôi dư.';
const DONE_AFTER = 'Sở Khoa học và Công nghệ đưa trung tâm giám sát điều hành đô thị thông minh vào vận hành.';
const DONE_ON_TIME = 'Văn phòng UBND tỉnh tổng hợp báo cáo kinh tế – xã hội quý.';
const DONE_LATE = 'Sở Xây dựng ban hành đơn giá xây dựng công trình năm 2026.';
const ON_TIME = 'Sở Xây dựng rà soát quy hoạch chung đô thị Sa Pa.';
const AFTER_CUTOFF = 'Sở Khoa học và Công nghệ triển khai nền tảng số cấp tỉnh.';
const FROM_CONCLUSION = 'Văn phòng UBND tỉnh đôn đốc tiến độ các công trình trọng điểm.';
const PROGRESS_NOTE = 'Còn 12 hộ chưa nhận tiền bồi thường; đang vận động.';
const PAUSE_REASON = 'Chờ Trung ương hướng dẫn sắp xếp đơn vị hành chính.';
const NUMBER = '15';
const NEXT_MEETING = 'Họp Ban Chỉ đạo đánh giá kết quả tháng';
const NEXT_ITEM = 'Đánh giá tình hình thực hiện nhiệm vụ tháng';
const NARRATIVE = 'Các đơn vị cơ bản hoàn thành nhiệm vụ được giao.\nĐề nghị Sở Xây dựng khẩn trương hoàn thành các nhiệm vụ quá hạn.';

let env: IsolatedHost;
let dir: SeededDirectory;
const ids: Record<string, string> = {};

test.beforeAll(async () => {
  env = await isolatedHost('reports', E2E_PROFILE);
  const core = env.host.core;
  dir = await seedDirectory(core);
  const { construction, digital, office } = dir.units;
  const make = async (content: string, lead: { id: string }, assignedOn: string, due: string) =>
    (await core.call('tasks.create', { task: { content, leadUnit: lead.id, assignedOn, deadline: { kind: 'date', date: due } } })).id;
  const finish = async (id: string, date: string) => {
    await core.call('tasks.complete', { id, date, text: 'Đã hoàn thành.' });
    await core.call('tasks.accept', { id });
  };

  // Late at the cut-off, still open; its progress note is written today, after the cut-off.
  ids.lateProgress = await make(LATE_PROGRESS, construction, shift(F, -30), shift(F, 5));
  await core.call('tasks.report', { id: ids.lateProgress, percent: 30, text: PROGRESS_NOTE });
  // Late and paused, with the reason.
  ids.latePaused = await make(LATE_PAUSED, office, shift(F, -15), shift(F, 10));
  await core.call('tasks.pause', { id: ids.latePaused, reason: PAUSE_REASON });
  // Assigned in the period, late at its end, completed the day after the cut-off: open and late in that report.
  ids.doneAfter = await make(DONE_AFTER, digital, shift(F, 2), shift(E, -2));
  await finish(ids.doneAfter, shift(E, 1));
  // Completed within the period, on time and late.
  ids.doneOnTime = await make(DONE_ON_TIME, office, shift(F, -10), shift(E, 10));
  await finish(ids.doneOnTime, shift(F, 5));
  ids.doneLate = await make(DONE_LATE, construction, shift(F, -40), shift(F, -20));
  await finish(ids.doneLate, shift(F, 1));
  // Assigned in the period, due after it.
  ids.onTime = await make(ON_TIME, construction, shift(F, 3), shift(E, 30));
  // Assigned after the cut-off: not in last month's report at all.
  ids.afterCutoff = await make(AFTER_CUTOFF, digital, shift(E, 1), shift(E, 40));

  // One task from the conclusions of the committee's meeting held in the period: the committee's report counts it alone.
  const held = shift(F, 4);
  const { meeting } = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo các công trình trọng điểm',
    startsAt: `${held}T01:00:00.000Z`,
    endsAt: `${held}T04:00:00.000Z`,
    chairPersonId: dir.people.chair.id,
  });
  const item = await core.call('agenda.add', { meetingId: meeting.id, title: 'Tiến độ các công trình trọng điểm', durationMinutes: 60 });
  await core.call('participants.addCommittee', { meetingId: meeting.id });
  for (const status of ['published', 'in_progress', 'ended'] as const) await core.call('meetings.setStatus', { id: meeting.id, status });
  await core.call('minutes.draft', { meetingId: meeting.id });
  await core.call('minutes.addConclusion', { meetingId: meeting.id, agendaItemId: item.itemId, text: FROM_CONCLUSION, leadUnitId: office.id, deadline: shift(E, 20) });
  const { drafts } = await core.call('tasks.conclusionDrafts', { meetingId: meeting.id });
  ids.fromConclusion = (
    await core.call('tasks.create', {
      source: { kind: 'conclusion', conclusionId: drafts[0]!.conclusionId },
      task: { content: FROM_CONCLUSION, leadUnit: office.id, assignedOn: held, deadline: { kind: 'date', date: shift(E, 20) } },
    })
  ).id;

  // The committee's next meeting, being prepared: the report goes into its documents.
  const next = shift(today, 10);
  const coming = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: NEXT_MEETING,
    startsAt: `${next}T01:00:00.000Z`,
    endsAt: `${next}T04:00:00.000Z`,
    chairPersonId: dir.people.chair.id,
  });
  ids.nextMeeting = coming.meeting.id;
  await core.call('agenda.add', { meetingId: coming.meeting.id, title: NEXT_ITEM, durationMinutes: 30 });
});

test.afterAll(async () => {
  await env?.close();
});

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/#${hash}`);
}

function stat(page: Page, name: string): Locator {
  return page.locator('.ns-report-stats').getByRole('listitem', { name: new RegExp(`^${name}: \\d+ nhiệm vụ$`) });
}

async function expectStats(page: Page, expected: Record<string, number>): Promise<void> {
  for (const [name, count] of Object.entries(expected)) {
    await expect(stat(page, name)).toHaveAccessibleName(`${name}: ${count} nhiệm vụ`);
    await expect(stat(page, name).locator('.ns-report-stat-value')).toHaveText(String(count));
  }
}

function unitRow(page: Page, unit: string): Locator {
  return page.locator('.ns-report-units tbody tr.ant-table-row', { hasText: unit });
}

function overdueRows(page: Page): Locator {
  return page.locator('.ns-report-overdue tbody tr.ant-table-row');
}

test('last month’s report: the figures at the cut-off, each lead unit, the overdue tasks and why', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '/tasks');
  await expect(page.getByRole('heading', { level: 1, name: 'Nhiệm vụ' })).toBeVisible();
  await page.getByRole('button', { name: 'Báo cáo định kỳ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' })).toBeVisible();
  await expect(page).toHaveURL(/#\/tasks\/report$/);
  await expect(page).toHaveTitle('Báo cáo định kỳ — Nghị Sự');

  // It opens on the month running today, counted up to today.
  await expect(page.getByRole('radio', { name: 'Tháng', exact: true })).toBeChecked();
  await expect(page.locator('.ns-report-period')).toContainText(option(current));
  const currentAsOf = today < current.to ? today : current.to;
  await expect(page.getByText(`Số liệu tính đến ngày ${dmy(currentAsOf)}`)).toBeVisible();
  await expect(page.getByText('Kỳ chưa kết thúc')).toHaveCount(currentAsOf < current.to ? 1 : 0);
  await expect(page.getByText('Kỳ tháng chốt số liệu vào ngày 14 hằng tháng (từ ngày 15 tháng trước).')).toBeVisible();
  // Today the progress note is written: it is the reason of the late task now.
  const lateNow = overdueRows(page).filter({ hasText: LATE_PROGRESS });
  await expect(lateNow).toContainText(PROGRESS_NOTE);
  await expect(lateNow).toContainText('30%');
  await shot(page, 'tasks-report-current');

  // Last month, as it stood on its cut-off day.
  await pick(page, page, 'Kỳ báo cáo', '', option(previous));
  await expect(page).toHaveURL(new RegExp(`period=${previous.key}`));
  await expect(page.getByRole('heading', { level: 2, name: `Tình hình thực hiện nhiệm vụ: ${previous.label.vi}` })).toBeVisible();
  await expect(page.getByText(`Số liệu tính đến ngày ${dmy(E)}`)).toBeVisible();
  await expect(page.getByText(`Kỳ số liệu từ ${dmy(F)} đến ${dmy(E)}`)).toBeVisible();
  await expect(page.getByText('Kỳ chưa kết thúc')).toHaveCount(0);
  await expect(page.getByText(`Cơ quan báo cáo: ${E2E_PROFILE.unitName}`)).toBeVisible();
  await expectStats(page, {
    'Tổng số': 7,
    'Hoàn thành đúng hạn': 1,
    'Hoàn thành quá hạn': 1,
    'Đang thực hiện trong hạn': 2,
    'Đang thực hiện quá hạn': 3,
    'Giao trong kỳ': 3,
    'Hoàn thành trong kỳ': 2,
  });

  // Per lead unit: total, done on time, done late, open on time, open late; then the totals.
  await expect(unitRow(page, 'Sở Xây dựng').getByRole('cell')).toHaveText(['Sở Xây dựng', '3', '0', '1', '1', '1']);
  await expect(unitRow(page, 'Văn phòng UBND tỉnh').getByRole('cell')).toHaveText(['Văn phòng UBND tỉnh', '3', '1', '0', '1', '1']);
  await expect(unitRow(page, 'Sở Khoa học và Công nghệ').getByRole('cell')).toHaveText(['Sở Khoa học và Công nghệ', '1', '0', '0', '0', '1']);
  await expect(page.locator('.ns-report-units .ns-report-total-row').getByRole('cell')).toHaveText(['Tổng cộng', '7', '1', '1', '2', '3']);

  // The overdue tasks, the earliest deadline first; the one completed after the cut-off among them.
  await expect(page.getByRole('heading', { level: 2, name: 'Nhiệm vụ quá hạn (3)' })).toBeVisible();
  const rows = overdueRows(page);
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByRole('cell')).toHaveText([
    '1',
    LATE_PROGRESS,
    'Sở Xây dựng',
    `${dmy(shift(F, 5))}Giao ${dmy(shift(F, -30))}`,
    `${dayNumber(E) - dayNumber(shift(F, 5))} ngày`,
    '0%',
    'Chưa có báo cáo',
  ]);
  await expect(rows.nth(1)).toContainText(LATE_PAUSED);
  await expect(rows.nth(1)).toContainText(PAUSE_REASON);
  await expect(rows.nth(2)).toContainText(DONE_AFTER);
  await expect(rows.nth(2)).toContainText('Sở Khoa học và Công nghệ');
  await expect(rows.nth(2)).toContainText(`${dayNumber(E) - dayNumber(shift(E, -2))} ngày`);
  await expect(page.getByRole('link', { name: AFTER_CUTOFF })).toHaveCount(0);
  await shot(page, 'tasks-report-month');

  // Each task opens its page.
  await rows.nth(0).getByRole('link', { name: LATE_PROGRESS }).click();
  await expect(page.getByRole('heading', { level: 1, name: LATE_PROGRESS })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/tasks/${ids.lateProgress}$`));
  await page.goBack();
  await expect(page.getByText(`Số liệu tính đến ngày ${dmy(E)}`)).toBeVisible();
});

test('the number and the assessment are kept per period, and the report exports to Word and Excel', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `/tasks/report?period=${previous.key}`);
  await expect(page.getByText(`Số liệu tính đến ngày ${dmy(E)}`)).toBeVisible();

  const number = page.getByRole('textbox', { name: 'Số', exact: true });
  const narrative = page.getByRole('textbox', { name: 'Đánh giá chung, kiến nghị' });
  await number.fill(NUMBER);
  await narrative.fill(NARRATIVE);

  // Kept on this computer: a reload brings it back; another period has its own.
  await page.reload();
  await expect(narrative).toHaveValue(NARRATIVE);
  await expect(number).toHaveValue(NUMBER);
  await pick(page, page, 'Kỳ báo cáo', '', option(current));
  await expect(narrative).toHaveValue('');
  await pick(page, page, 'Kỳ báo cáo', '', option(previous));
  await expect(narrative).toHaveValue(NARRATIVE);

  const docxName = `bao-cao-nhiem-vu-${previous.key.toLowerCase()}.docx`;
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Word (.docx)' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe(docxName);
  const docxPath = await docx.path();
  expect(statSync(docxPath).size).toBeGreaterThan(2_000);
  expect(readFileSync(docxPath).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByText(`Đã xuất báo cáo: ${docxName}`)).toBeVisible();
  await shot(page, 'tasks-report-export');

  const xlsxName = `bao-cao-nhiem-vu-${previous.key.toLowerCase()}.xlsx`;
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe(xlsxName);
  await expect(page.getByText(`Đã xuất báo cáo: ${xlsxName}`)).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const sheet = book.getWorksheet('Tổng hợp theo đơn vị')!;
  const cells: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  expect(cells).toContain('Sở Xây dựng');
  expect(cells).toContain('Văn phòng UBND tỉnh');

  // Both files are on the record, with the period and the format.
  const exported = (await env.host.core.call('audit.list', { limit: 10 })).items.filter((e) => e.action === 'reports.export');
  expect(exported.map((e) => [e.detail?.['period'], e.detail?.['format']])).toEqual([
    [previous.key, 'xlsx'],
    [previous.key, 'docx'],
  ]);
  expect(exported.every((e) => Number(e.detail?.['bytes']) > 0)).toBe(true);

  // The report as a document of the committee's next meeting, under its item: it travels in the pack.
  await page.getByRole('button', { name: 'Đưa vào tài liệu cuộc họp…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đưa báo cáo vào tài liệu cuộc họp' });
  await pick(dialog, page, 'Cuộc họp', '', new RegExp(NEXT_MEETING));
  await pick(dialog, page, 'Mục trong chương trình họp', '', `1. ${NEXT_ITEM}`);
  await shot(page, 'tasks-report-attach');
  await dialog.getByRole('button', { name: 'Đưa vào cuộc họp' }).click();
  const fileName = `Báo cáo nhiệm vụ ${previous.label.vi.toLowerCase().replaceAll('/', '-')}.pdf`;
  await expect(page.getByText(`Đã đưa vào tài liệu cuộc họp: ${fileName}`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${ids.nextMeeting}\\?tab=agenda$`));
  await expect(page.getByText(fileName).first()).toBeVisible();
  const stored = (await env.host.core.call('meetings.get', { id: ids.nextMeeting! })).agenda.items[0]!.documents;
  expect(stored.map((d) => d.fileName)).toEqual([fileName]);
});

test('a committee’s report, another kind of period, and a period before any task', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `/tasks/report?period=${previous.key}`);
  await expect(page.getByText(`Số liệu tính đến ngày ${dmy(E)}`)).toBeVisible();

  // The committee's report: the task from its meeting's conclusions alone, issued in its name.
  await pick(page, page, 'Ban Chỉ đạo', 'cong trinh trong diem', dir.committee.name);
  await expect(page).toHaveURL(new RegExp(`committee=${dir.committee.id}`));
  await expect(page.getByText(`Cơ quan báo cáo: ${dir.committee.name}`)).toBeVisible();
  await expectStats(page, { 'Tổng số': 1, 'Đang thực hiện trong hạn': 1, 'Giao trong kỳ': 1, 'Đang thực hiện quá hạn': 0 });
  await expect(unitRow(page, 'Văn phòng UBND tỉnh').getByRole('cell')).toHaveText(['Văn phòng UBND tỉnh', '1', '0', '0', '1', '0']);
  await expect(page.getByText(`Không có nhiệm vụ nào quá hạn tính đến ngày ${dmy(E)}.`)).toBeVisible();
  await shot(page, 'tasks-report-committee');
  await page.locator('.ns-report-committee').hover();
  await page.locator('.ns-report-committee .ant-select-clear').click();
  await expect(page).not.toHaveURL(/committee=/);
  await expectStats(page, { 'Tổng số': 7 });

  // Another kind: the quarters, the latest first.
  await chooseRadio(page, 'Quý');
  await expect(page).toHaveURL(/kind=quarter/);
  const quarter = recentPeriods('quarter', today, 12, 14)[0]!;
  await expect(page.getByRole('heading', { level: 2, name: `Tình hình thực hiện nhiệm vụ: ${quarter.label.vi}` })).toBeVisible();
  await chooseRadio(page, 'Tháng');
  await expect(page).not.toHaveURL(/kind=/);

  // Half a year back nothing had been assigned: the report says so, with the way to assign.
  await pick(page, page, 'Kỳ báo cáo', '', option(early));
  await expect(page.getByText(`Chưa có nhiệm vụ nào được giao đến ngày ${dmy(early.to)}.`)).toBeVisible();
  await expect(page.locator('.ns-report-stats')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Đến trang Nhiệm vụ' })).toBeVisible();
  await shot(page, 'tasks-report-empty');

  // F1: the guide's topic of this screen.
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/\/help\?topic=reports$/);
  await expect(page.getByRole('region', { name: 'Báo cáo định kỳ' })).toHaveClass(/ns-help-topic-focus/);
});

test('the cut-off day is a setting: at 31 the months are calendar months', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  const cutoff = page.getByRole('spinbutton', { name: 'Ngày chốt số liệu báo cáo' });
  await expect(cutoff).toHaveValue('14');
  await expect(page.getByText('Kỳ tháng tính từ ngày tiếp theo của tháng trước đến ngày này; 31 = theo tháng dương lịch.', { exact: false })).toBeVisible();
  await cutoff.fill('31');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
  expect((await env.host.core.call('settings.getAll', {}))['reports.cutoffDay']).toBe(31);
  await shot(page, 'settings-report-cutoff');

  try {
    await page.goto(`${new URL(page.url()).origin}/#/tasks/report`);
    await expect(page.getByText('Kỳ tháng tính theo tháng dương lịch.')).toBeVisible();
    const calendarMonth = recentPeriods('month', today, 1, 31)[0]!;
    expect(calendarMonth.from.slice(8)).toBe('01');
    await expect(page.locator('.ns-report-period')).toContainText(option(calendarMonth));

    // In English and the dark theme the screen reads the same.
    await env.host.core.call('settings.set', { key: 'ui.language', value: 'en' });
    await env.host.core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await page.goto(`${new URL(page.url()).origin}/#/tasks/report?period=${previous.key}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Periodic report' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Export Word (.docx)' })).toBeVisible();
    await shot(page, 'tasks-report-en-dark');
  } finally {
    await env.host.core.call('settings.set', { key: 'reports.cutoffDay', value: 14 });
    await env.host.core.call('settings.set', { key: 'ui.language', value: 'vi' });
    await env.host.core.call('settings.set', { key: 'ui.theme', value: 'light' });
  }
});
