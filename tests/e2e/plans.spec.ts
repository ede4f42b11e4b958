import { readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, mainNav, test } from './fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { confirmPopover, pick } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory, type SeededDirectory } from './support/seed.ts';
import { shot } from './support/shots.ts';
import { wordText, zipEntry } from '../support/docx-text.ts';
import { addDaysKey, todayKey } from '../../shared/vn-time.ts';

/**
 * Kế hoạch, chỉ tiêu (issue 16): the standing office imports an action plan from Excel (a row whose
 * lead unit is not in the directory flagged and left out), opens it, reports a quarter's figure
 * with the Vietnamese decimal comma, reads the rate and the assessment, the target's chart and
 * history, the heat-map of units × groups, and exports the report in Word and Excel. A task is
 * put under the plan's group, followed there with its status, and taken out again. Then a
 * meeting's agenda gets the weekly review with its report attached.
 */

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

const PLAN_TITLE = 'Kế hoạch thực hiện các chỉ tiêu chuyển đổi số và hạ tầng năm 2026';
const GROUP = 'Chỉ tiêu về hạ tầng và chuyển đổi số';
const ONLINE = 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình';
const ROADS = 'Số km đường giao thông nông thôn được cứng hóa';
const SIGNED = 'Tỷ lệ văn bản điện tử được ký số';
const TOURISTS = 'Số lượt khách du lịch đến tỉnh';
const MISSING_UNIT = 'Sở Du lịch';
const MEETING = 'Họp giao ban Ban Chỉ đạo tuần';
const TASK = 'Triển khai nền tảng số phục vụ giải quyết thủ tục hành chính trực tuyến toàn trình';
const NO_TASKS = 'Chưa có nhiệm vụ nào gắn với kế hoạch này. Gắn các nhiệm vụ thực hiện kế hoạch để theo dõi cùng các chỉ tiêu.';

let env: IsolatedHost;
let dir: SeededDirectory;
let meetingId = '';
let planFile: Buffer;

/** The plan as a province's office writes it: a title line, the header, a group "I" and its targets. */
async function planWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Kế hoạch');
  sheet.addRow([PLAN_TITLE]);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Đơn vị chủ trì', 'Năm 2026', 'Quý I/2026']);
  sheet.addRow(['I', null, GROUP]);
  sheet.addRow([1, 'CĐS01', ONLINE, '%', dir.units.digital.name, 100, 80]);
  sheet.addRow([2, 'HT01', ROADS, 'km', dir.units.construction.name, 120, 30]);
  sheet.addRow([3, 'CĐS02', SIGNED, '%', dir.units.office.name, 100, 100]);
  // Its lead unit is not in the directory: flagged, not imported.
  sheet.addRow([4, 'DL01', TOURISTS, 'lượt', MISSING_UNIT, 1_000_000, 200_000]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test.beforeAll(async () => {
  env = await isolatedHost('plans', E2E_PROFILE);
  dir = await seedDirectory(env.host.core);
  planFile = await planWorkbook();
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  startsAt.setUTCHours(1, 0, 0, 0);
  const { meeting } = await env.host.core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: MEETING,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    chairPersonId: dir.people.chair.id,
  });
  meetingId = meeting.id;
});

test.afterAll(async () => {
  await env?.close();
});

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/#${hash}`);
}

function targetRow(page: Page, name: string) {
  return page.locator('.ns-plan-targets tbody tr.ns-plan-target-row', { hasText: name });
}

test('a plan imported from Excel: figures reported, assessed, charted, mapped and exported', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '/meetings');

  // Its own entry in the navigation, beside Nhiệm vụ; empty at first, with the template at hand.
  const nav = mainNav(page);
  await nav.getByRole('link', { name: 'Kế hoạch, chỉ tiêu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kế hoạch, chỉ tiêu' })).toBeVisible();
  await expect(page).toHaveURL(/#\/plans$/);
  await expect(page).toHaveTitle('Kế hoạch, chỉ tiêu — Nghị Sự');
  await expect(page.getByText('Chưa có kế hoạch nào. Nhập kế hoạch từ tệp Excel.')).toBeVisible();
  await shot(page, 'plans-empty');

  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải tệp mẫu' }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync(await template.path()).subarray(0, 2).toString('latin1')).toBe('PK');

  // The key I opens the import; the committee is chosen, the file read and every row shown.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: 'Nhập kế hoạch, chỉ tiêu từ Excel' });
  await expect(dialog).toBeVisible();
  await pick(dialog, page, 'Ban Chỉ đạo (không bắt buộc)', 'cong trinh', dir.committee.name);
  await dialog.getByLabel('Tệp kế hoạch cần nhập').setInputFiles({
    name: 'ke-hoach-chi-tieu-2026.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: planFile,
  });
  await expect(dialog.getByText('Tệp ke-hoach-chi-tieu-2026.xlsx', { exact: false })).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Tên kế hoạch' })).toHaveValue(PLAN_TITLE);
  await expect(dialog.locator('.ns-plan-import-periods')).toContainText('Năm 2026');
  await expect(dialog.locator('.ns-plan-import-periods')).toContainText('Quý I/2026');
  const previewRows = dialog.locator('.ns-plan-import-table tbody tr.ant-table-row');
  await expect(previewRows).toHaveCount(5);
  await expect(previewRows.filter({ hasText: GROUP })).toContainText('Nhóm');
  await expect(previewRows.filter({ hasText: SIGNED })).toContainText('Thêm mới');
  const bad = previewRows.filter({ hasText: TOURISTS });
  await expect(bad).toHaveClass(/ns-import-row-bad/);
  await expect(bad).toContainText('Bỏ qua (có lỗi)');
  await expect(bad.locator('.ns-import-issues')).toContainText(MISSING_UNIT);
  const commit = dialog.getByRole('button', { name: 'Nhập 3 chỉ tiêu' });
  await expect(commit).toBeEnabled();
  await shot(page, 'plans-import-preview');

  await commit.click();
  await expect(page.getByText(`Đã nhập kế hoạch “${PLAN_TITLE}”: 3 chỉ tiêu mới, 0 cập nhật.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // The plan opens at once: the committee, the years, the thresholds; the year's goals, no figures yet.
  await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();
  await expect(page).toHaveURL(/#\/plans\/[^/?]+$/);
  await expect(page.locator('.ns-plan-facts')).toContainText(`Ban Chỉ đạo: ${dir.committee.name}`);
  await expect(page.locator('.ns-plan-facts')).toContainText('Năm 2026');
  await expect(page.locator('.ns-plan-facts')).toContainText('Đạt từ 100%, gần đạt từ 80%');
  await expect(page.locator('.ns-plan-period')).toContainText('Năm 2026');
  await expect(page.locator('.ns-plan-targets tbody tr.ns-plan-group-row')).toContainText(`I. ${GROUP}`);
  await expect(page.locator('.ns-plan-targets tbody tr.ns-plan-target-row')).toHaveCount(3);
  await expect(targetRow(page, ROADS).getByRole('cell')).toHaveText(['HT01', ROADS, 'km', dir.units.construction.name, '120', '—', '—', 'Chưa có số liệu', 'Báo cáo số liệu']);
  await expect(page.getByRole('listitem', { name: 'Chưa có số liệu: 3 chỉ tiêu' })).toBeVisible();

  // The first quarter; its figure reported with the decimal comma.
  await pick(page, page, 'Kỳ đánh giá', '', 'Quý I/2026');
  await expect(page).toHaveURL(/period=2026-Q1/);
  await targetRow(page, SIGNED).getByRole('button', { name: `Báo cáo số liệu: ${SIGNED}` }).click();
  const report = page.getByRole('dialog', { name: 'Báo cáo số liệu' });
  await expect(report.getByText(SIGNED)).toBeVisible();
  await expect(report.getByRole('combobox', { name: 'Kỳ báo cáo' })).toBeVisible();
  await expect(report.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText('Quý I/2026');
  await expect(report.getByText('Kế hoạch kỳ này: 100 %')).toBeVisible();
  const value = report.getByRole('textbox', { name: 'Giá trị thực hiện' });
  await value.fill('abc');
  await report.getByRole('button', { name: 'Ghi số liệu' }).click();
  await expect(report.getByText('Giá trị phải là một số, ví dụ 98,5 hoặc 1.250.')).toBeVisible();
  await value.fill('98,5');
  await expect(report.getByText('Sẽ ghi: 98,5 %')).toBeVisible();
  await report.getByRole('textbox', { name: 'Ghi chú' }).fill('Số liệu của Trung tâm Phục vụ hành chính công tỉnh.');
  await shot(page, 'plans-report-value');
  await report.getByRole('button', { name: 'Ghi số liệu' }).click();
  await expect(page.getByText(`Đã ghi số liệu Quý I/2026 của chỉ tiêu “${SIGNED}”: 98,5 %.`)).toBeVisible();
  await expect(report).toHaveCount(0);
  await expect(targetRow(page, SIGNED).getByRole('cell')).toHaveText([
    'CĐS02',
    SIGNED,
    '%',
    dir.units.office.name,
    '100',
    '98,5',
    '98,5%',
    'Gần đạt',
    `Báo cáo số liệu`,
  ]);
  await expect(targetRow(page, SIGNED).locator('.ns-plan-status')).toHaveClass(/ant-tag-gold/);

  // Another unit's figure, reported from its own computer (the core), falls short.
  const detail = await env.host.core.call('plans.list', {});
  const planId = detail[0]!.id;
  const roads = (await env.host.core.call('plans.get', { planId })).targets.find((t) => t.name === ROADS)!;
  await env.host.core.call('targets.report', { targetId: roads.id, period: '2026-Q1', value: 12, note: 'Chậm do mưa lũ.' });
  await expect(targetRow(page, ROADS).getByRole('cell').nth(6)).toHaveText('40%');
  await expect(targetRow(page, ROADS).locator('.ns-plan-status')).toHaveText('Không đạt');
  await expect(page.getByRole('listitem', { name: 'Gần đạt: 1 chỉ tiêu' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Không đạt: 1 chỉ tiêu' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Chưa có số liệu: 1 chỉ tiêu' })).toBeVisible();
  await shot(page, 'plans-detail-q1');

  // A correction is a new report; the chart and the history tell the story.
  await targetRow(page, SIGNED).getByRole('button', { name: `Báo cáo số liệu: ${SIGNED}` }).click();
  await expect(report.getByText('Số liệu hiện có: 98,5 %', { exact: false })).toBeVisible();
  await report.getByRole('textbox', { name: 'Giá trị thực hiện' }).fill('101,2');
  await report.getByRole('button', { name: 'Ghi số liệu' }).click();
  await expect(targetRow(page, SIGNED).locator('.ns-plan-status')).toHaveText('Đạt');

  await targetRow(page, SIGNED).getByRole('button', { name: `Xem diễn biến: ${SIGNED}` }).click();
  const drawer = page.locator('.ns-plan-drawer');
  await expect(drawer.getByRole('heading', { name: 'Kế hoạch và thực hiện theo quý' })).toBeVisible();
  await expect(drawer.locator('.recharts-surface').first()).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Lịch sử báo cáo (2)' })).toBeVisible();
  const history = drawer.locator('.ns-plan-history .ant-list-item');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('101,2 %');
  await expect(history.nth(0)).toContainText('Mới nhất');
  await expect(history.nth(1)).toContainText('98,5 %');
  await expect(history.nth(1)).toContainText('Số liệu của Trung tâm Phục vụ hành chính công tỉnh.');
  await shot(page, 'plans-target-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // The heat-map: units × the group, coloured by attainment.
  await page.getByRole('tab', { name: 'Bản đồ nhiệt' }).click();
  await expect(page.getByRole('heading', { name: 'Mức độ đạt theo đơn vị và nhóm chỉ tiêu, Quý I/2026' })).toBeVisible();
  const heat = page.locator('.ns-plan-heat-table');
  await expect(heat.getByRole('columnheader', { name: GROUP })).toBeVisible();
  await expect(heat.getByRole('rowheader', { name: dir.units.construction.name })).toBeVisible();
  const roadsCell = heat.getByRole('cell', { name: new RegExp(`^${dir.units.construction.name}, I\\. ${GROUP}`) });
  await expect(roadsCell).toHaveClass(/ns-plan-heat-missed/);
  await expect(roadsCell).toContainText('40%');
  await expect(heat.getByRole('cell', { name: new RegExp(`^${dir.units.office.name}, I\\. ${GROUP}`) })).toHaveClass(/ns-plan-heat-met/);
  await roadsCell.hover();
  await expect(page.getByRole('tooltip')).toContainText('Không đạt: 1');
  await expect(page.getByRole('list', { name: 'Chú giải' })).toContainText('Gần đạt (80–100%)');
  await page.mouse.move(10, 10);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await shot(page, 'plans-heatmap');
  await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();

  // The report of the quarter in Word and Excel, with its number and the assessment.
  await page.getByRole('textbox', { name: 'Số', exact: true }).fill('21');
  await page.getByRole('textbox', { name: 'Đánh giá chung, kiến nghị' }).fill('Đề nghị Sở Xây dựng đẩy nhanh tiến độ cứng hóa đường nông thôn.');
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Word (.docx)' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toMatch(/^bao-cao-chi-tieu-.+-2026-q1\.docx$/);
  const docxPath = await docx.path();
  expect(statSync(docxPath).size).toBeGreaterThan(2_000);
  expect(readFileSync(docxPath).subarray(0, 2).toString('latin1')).toBe('PK');
  const paragraphs = wordText(await zipEntry(docxPath, 'word/document.xml'));
  expect(paragraphs).toContain('Số: 21/BC-BCĐ');
  expect(paragraphs).toContain('Đề nghị Sở Xây dựng đẩy nhanh tiến độ cứng hóa đường nông thôn.');
  await expect(page.getByText(`Đã xuất báo cáo: ${docx.suggestedFilename()}`)).toBeVisible();

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/^bao-cao-chi-tieu-.+-2026-q1\.xlsx$/);
  await expect(page.getByText(`Đã xuất báo cáo: ${xlsx.suggestedFilename()}`)).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await xlsx.path());
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  expect(cells).toContain(SIGNED);
  expect(cells).toContain(ROADS);

  // Stricter thresholds: the signed-documents rate of 101,2% is now only nearly met.
  await page.getByRole('button', { name: 'Sửa ngưỡng đánh giá' }).click();
  const thresholds = page.getByRole('dialog', { name: 'Ngưỡng đánh giá mức độ đạt' });
  await thresholds.getByRole('spinbutton', { name: 'Đạt khi tỷ lệ từ', exact: true }).fill('105');
  await thresholds.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu ngưỡng đánh giá.')).toBeVisible();
  await expect(page.locator('.ns-plan-facts')).toContainText('Đạt từ 105%, gần đạt từ 80%');
  await expect(targetRow(page, SIGNED).locator('.ns-plan-status')).toHaveText('Gần đạt');
  await env.host.core.call('plans.setThresholds', { planId, thresholds: { nearPercent: 80, metPercent: 100 } });
  await expect(targetRow(page, SIGNED).locator('.ns-plan-status')).toHaveText('Đạt');

  // Back on the list: the plan with its committee and how many targets have figures.
  await page.getByRole('link', { name: 'Danh sách kế hoạch' }).click();
  const listed = page.locator('.ns-plan-list tbody tr.ant-table-row', { hasText: PLAN_TITLE });
  await expect(listed).toContainText(dir.committee.name);
  await expect(listed).toContainText('2/3');
  await shot(page, 'plans-list');

  // F1: the guide's topic of this area.
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/\/help\?topic=plans$/);
  await expect(page.getByRole('region', { name: 'Kế hoạch, chỉ tiêu' })).toHaveClass(/ns-help-topic-focus/);
});

test('a task in the plan’s tree: linked under a group, followed with its status, taken out', async ({ page }) => {
  test.setTimeout(120_000);
  const core = env.host.core;
  const [plan] = await core.call('plans.list', {});
  const due = addDaysKey(todayKey(), 30);
  const task = await core.call('tasks.create', { task: { content: TASK, leadUnit: dir.units.digital.id, deadline: { kind: 'date', date: due } } });
  await open(page, `/plans/${plan!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();

  // No task yet: the tab says why it is worth linking them, with the button at hand.
  await page.getByRole('tab', { name: 'Nhiệm vụ (0)' }).click();
  await expect(page).toHaveURL(/view=tasks/);
  await expect(page.getByText(NO_TASKS)).toBeVisible();
  await page.getByRole('button', { name: 'Gắn nhiệm vụ…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gắn nhiệm vụ vào kế hoạch' });
  await expect(dialog).toBeVisible();
  await pick(dialog, page, 'Nhóm', '', `I. ${GROUP}`);
  const tasksBox = dialog.getByRole('combobox', { name: 'Nhiệm vụ', exact: true });
  await tasksBox.click();
  await tasksBox.fill('nền tảng số');
  // The search answers after the user pauses: click once the list is the search's (one match), not the
  // list of every task it replaces, or the click lands on a row as it is being re-rendered.
  const found = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(found).toHaveCount(1);
  await found.filter({ hasText: TASK }).click();
  await expect(dialog.locator('.ant-select-selection-item', { hasText: TASK.slice(0, 30) })).toBeVisible();
  await dialog.locator('.ant-modal-title').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shot(page, 'plans-tasks-link');
  await dialog.getByRole('button', { name: 'Gắn vào kế hoạch' }).click();
  await expect(page.getByText(`Đã gắn 1 nhiệm vụ vào nhóm “I. ${GROUP}”.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // Under its group, with its lead unit, deadline, status and timeliness as the task list shows them.
  await expect(page.getByRole('tab', { name: 'Nhiệm vụ (1)' })).toBeVisible();
  await expect(page.locator('.ns-plan-tasks tbody tr.ns-plan-group-row')).toHaveText(`I. ${GROUP}`);
  const row = page.locator('.ns-plan-tasks tbody tr.ns-plan-task-row', { hasText: TASK });
  await expect(row).toContainText(dir.units.digital.name);
  await expect(row).toContainText(due.split('-').reverse().join('/'));
  await expect(row).toContainText('Mới giao');
  await expect(row).toContainText('Đang thực hiện trong hạn');
  await shot(page, 'plans-tasks');

  // The task's own page says which plan it carries out, and leads back to it.
  await row.getByRole('link', { name: TASK }).click();
  await expect(page).toHaveURL(new RegExp(`#/tasks/${task.id}$`));
  await expect(page.locator('.ns-task-facts')).toContainText('Thuộc kế hoạch');
  const back = page.getByRole('link', { name: `${PLAN_TITLE} › I. ${GROUP}` });
  await expect(back).toBeVisible();
  await shot(page, 'plans-task-detail');
  await back.click();
  await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Nhiệm vụ (1)', selected: true })).toBeVisible();

  // Taken out of the plan after a confirmation; the task itself stays.
  await row.getByRole('button', { name: `Bỏ khỏi kế hoạch: ${TASK}` }).click();
  await confirmPopover(page, 'Bỏ khỏi kế hoạch');
  await expect(page.getByText('Đã bỏ nhiệm vụ khỏi kế hoạch.')).toBeVisible();
  await expect(page.getByText(NO_TASKS)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Nhiệm vụ (0)' })).toBeVisible();
  expect((await core.call('tasks.get', { id: task.id })).plan).toBeNull();
  const audit = await core.call('audit.list', { filter: { action: 'plans' } });
  expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['plans.linkTasks', 'plans.unlinkTask']));
});

test('the plan reads the same in English and the dark theme', async ({ page }) => {
  test.setTimeout(120_000);
  const [plan] = await env.host.core.call('plans.list', {});
  try {
    await env.host.core.call('settings.set', { key: 'ui.language', value: 'en' });
    await env.host.core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await page.goto(env.host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
    await page.keyboard.press('Control+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Plans and targets' })).toBeVisible();
    await page.goto(`${new URL(page.url()).origin}/#/plans/${plan!.id}?period=2026-Q1&view=heatmap`);
    await expect(page.getByRole('heading', { level: 1, name: PLAN_TITLE })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Heat map', selected: true })).toBeVisible();
    await expect(page.locator('.ns-plan-heat-table')).toContainText('40%');
    await shot(page, 'plans-heatmap-en-dark');
    await page.getByRole('tab', { name: 'Targets' }).click();
    await expect(targetRow(page, SIGNED).locator('.ns-plan-status')).toHaveText('Met');
    await shot(page, 'plans-detail-en-dark');
  } finally {
    await env.host.core.call('settings.set', { key: 'ui.language', value: 'vi' });
    await env.host.core.call('settings.set', { key: 'ui.theme', value: 'light' });
  }
});

test('the weekly review goes on the agenda with the week’s report attached', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  const button = page.getByRole('button', { name: 'Đánh giá tuần' });
  await button.click();
  await expect(page.getByText(/^Đã thêm mục “Đánh giá tình hình thực hiện nhiệm vụ tuần .+” kèm báo cáo tình hình thực hiện nhiệm vụ tuần\.$/)).toBeVisible();
  await expect(page.locator('.ns-agenda')).toContainText('Đánh giá tình hình thực hiện nhiệm vụ tuần');
  await expect(button).toHaveCount(0);
  const meeting = await env.host.core.call('meetings.get', { id: meetingId });
  const item = meeting.agenda.items.find((i) => i.title.startsWith('Đánh giá tình hình thực hiện nhiệm vụ tuần'));
  expect(item).toBeDefined();
  await shot(page, 'plans-weekly-review-agenda');
});
