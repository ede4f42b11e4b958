import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { choose, confirmPopover, pick, typeDateTime } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { shot } from './support/shots.ts';
import { expect, mainNav, test } from './fixtures.ts';

/**
 * The secretariat journey of issue 3, end to end, through the screens: the secretariat's laptop
 * builds the directory, a meeting, its agenda with documents, publishes it and exports the signed
 * pack; a member's laptop (its own data folder) receives the pack, trusts the key and sees the same
 * meeting; a change on the secretariat's side reaches the member as "changed since your pack";
 * then attendance is taken and exported.
 */

const SECRETARIAT = {
  fullName: 'Nguyễn Thị Hương',
  position: 'Chuyên viên Văn phòng',
  unitName: 'Văn phòng UBND tỉnh Lào Cai',
  workRole: 'secretariat',
} as const;

const UNITS = [
  { name: 'Ủy ban nhân dân tỉnh Lào Cai', short: 'UBND tỉnh', code: '000.00.00.H41', parent: null },
  { name: 'Văn phòng UBND tỉnh', short: 'VP UBND', code: '000.00.31.H41', parent: 'Ủy ban nhân dân tỉnh Lào Cai' },
  { name: 'Sở Xây dựng', short: 'SXD', code: '000.00.15.H41', parent: 'Ủy ban nhân dân tỉnh Lào Cai' },
  { name: 'Sở Tài chính', short: 'STC', code: '000.00.12.H41', parent: 'Ủy ban nhân dân tỉnh Lào Cai' },
  { name: 'Sở Giao thông vận tải', short: 'SGTVT', code: '000.00.16.H41', parent: 'Ủy ban nhân dân tỉnh Lào Cai' },
] as const;

const PEOPLE = [
  { name: 'Đặng Quốc Hùng', position: 'Chủ tịch UBND tỉnh', unit: 'Ủy ban nhân dân tỉnh Lào Cai', search: 'uy ban', find: 'dang quoc' },
  { name: 'Lê Thị Cúc', position: 'Giám đốc Sở Tài chính', unit: 'Sở Tài chính', search: 'tai chinh', find: 'le thi cuc' },
  { name: 'Nguyễn Văn Thành', position: 'Giám đốc Sở Xây dựng', unit: 'Sở Xây dựng', search: 'xay dung', find: 'nguyen van thanh' },
  { name: 'Phạm Minh Đức', position: 'Giám đốc Sở Giao thông vận tải', unit: 'Sở Giao thông vận tải', search: 'giao thong', find: 'pham minh' },
  { name: 'Trần Văn Bình', position: 'Chánh Văn phòng UBND tỉnh', unit: 'Văn phòng UBND tỉnh', search: 'van phong', find: 'tran van binh' },
] as const;

const COMMITTEE = 'Ban Chỉ đạo các công trình trọng điểm tỉnh Lào Cai';
const MEETING = 'Họp Ban Chỉ đạo các công trình trọng điểm tháng 12 năm 2026';

const AGENDA = [
  { title: 'Báo cáo tiến độ dự án đường cao tốc Lào Cai – Hà Khẩu', presenter: { unit: 'Sở Giao thông vận tải', search: 'giao thong' }, minutes: 30 },
  { title: 'Tình hình giải ngân vốn đầu tư công năm 2026', presenter: { unit: 'Sở Tài chính', search: 'tai chinh' }, minutes: 20 },
  { title: 'Giải phóng mặt bằng khu đô thị mới Cam Đường', presenter: { unit: 'Sở Xây dựng', search: 'xay dung' }, minutes: 30 },
  { title: 'Kế hoạch đầu tư hạ tầng khu kinh tế cửa khẩu', presenter: { person: 'Nguyễn Văn Thành', search: 'thanh' }, minutes: 25 },
  { title: 'Thảo luận và kết luận của Trưởng ban', presenter: { person: 'Đặng Quốc Hùng', search: 'hung' }, minutes: 30 },
] as const;

/** Real PDFs with an official header (Nghị định 30/2020), one or two per agenda item. */
const PDFS = [
  { file: 'Báo cáo 15-BC-SGTVT.pdf', item: 0, number: '15/BC-SGTVT', agency: 'SỞ GIAO THÔNG VẬN TẢI', type: 'BÁO CÁO', summary: 'Tiến độ dự án đường cao tốc Lào Cai – Hà Khẩu' },
  { file: 'Báo cáo 22-BC-STC.pdf', item: 1, number: '22/BC-STC', agency: 'SỞ TÀI CHÍNH', type: 'BÁO CÁO', summary: 'Tình hình giải ngân vốn đầu tư công năm 2026' },
  { file: 'Tờ trình 08-TTr-SXD.pdf', item: 2, number: '08/TTr-SXD', agency: 'SỞ XÂY DỰNG', type: 'TỜ TRÌNH', summary: 'Phương án giải phóng mặt bằng khu đô thị mới Cam Đường' },
  { file: 'Phụ lục bản đồ GPMB.pdf', item: 2, number: '08/TTr-SXD', agency: 'SỞ XÂY DỰNG', type: 'PHỤ LỤC', summary: 'Bản đồ hiện trạng khu đô thị mới Cam Đường' },
  { file: 'Kế hoạch 31-KH-SXD.pdf', item: 3, number: '31/KH-SXD', agency: 'SỞ XÂY DỰNG', type: 'KẾ HOẠCH', summary: 'Đầu tư hạ tầng khu kinh tế cửa khẩu năm 2027' },
] as const;

// A control that never appears fails the step at once instead of waiting out the long journey.
test.use({ actionTimeout: 15_000 });

let secretariat: IsolatedHost;
let member: IsolatedHost;
let files: string;

test.beforeAll(async () => {
  secretariat = await isolatedHost('journey-secretariat', SECRETARIAT);
  member = await isolatedHost('journey-member', null);
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-journey-files-'));
  for (const pdf of PDFS) {
    await writeOfficialPdf(join(files, pdf.file), {
      agency: ['UBND TỈNH LÀO CAI', pdf.agency],
      number: pdf.number,
      placeDate: 'Lào Cai, ngày 01 tháng 12 năm 2026',
      typeTitle: pdf.type,
      summary: pdf.summary,
      bodies: [
        `${pdf.summary}. Kính trình Ban Chỉ đạo các công trình trọng điểm tỉnh xem xét, cho ý kiến.`,
        'Đề nghị các thành viên Ban Chỉ đạo nghiên cứu trước tài liệu để thảo luận tại phiên họp.',
      ],
    });
  }
});

test.afterAll(async () => {
  await secretariat?.close();
  await member?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

function dialog(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name });
}

async function openDirectoryTab(page: Page, tab: string): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Danh mục', exact: true }).click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** The agenda's top-level titles in order, as the screen lists them. */
function agendaTitles(page: Page): Locator {
  return page.getByRole('list', { name: 'Chương trình cuộc họp' }).locator(':scope > li .ns-agenda-title');
}

test('the secretariat prepares, publishes and hands over a meeting; a member receives it; attendance is taken', async ({ page, context }) => {
  test.setTimeout(420_000);
  const core = secretariat.host.core;

  // ---- The secretariat's laptop: units, people, the committee, through the directory screens.
  await page.goto(secretariat.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await expect(page.getByText('Chưa có cuộc họp nào.')).toBeVisible();
  await shot(page, 'journey-01-meetings-empty');

  await openDirectoryTab(page, 'Cơ quan, đơn vị');
  for (const unit of UNITS) {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).first().click();
    const form = dialog(page, 'Thêm cơ quan, đơn vị');
    await form.getByRole('textbox', { name: 'Tên cơ quan, đơn vị' }).fill(unit.name);
    await form.getByRole('textbox', { name: 'Tên viết tắt' }).fill(unit.short);
    await form.getByRole('textbox', { name: 'Mã định danh' }).fill(unit.code);
    if (unit.parent) await pick(form, page, 'Đơn vị cấp trên', 'uy ban', unit.parent);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã thêm “${unit.name}”.`)).toBeVisible();
    await expect(form).toBeHidden();
  }
  await shot(page, 'journey-02-units');

  await openDirectoryTab(page, 'Cán bộ');
  for (const person of PEOPLE) {
    await page.getByRole('button', { name: 'Thêm cán bộ' }).first().click();
    const form = dialog(page, 'Thêm cán bộ');
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(person.name);
    await form.getByRole('textbox', { name: 'Chức vụ' }).fill(person.position);
    await pick(form, page, 'Đơn vị', person.search, person.unit);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText(`Đã thêm “${person.name}”.`)).toBeVisible();
    await expect(form).toBeHidden();
  }
  await shot(page, 'journey-03-people');

  await openDirectoryTab(page, 'Ban Chỉ đạo');
  await page.getByRole('button', { name: 'Thêm Ban Chỉ đạo' }).first().click();
  const committeeForm = dialog(page, 'Thêm Ban Chỉ đạo');
  await committeeForm.getByRole('textbox', { name: 'Tên Ban Chỉ đạo' }).fill(COMMITTEE);
  await committeeForm.getByRole('textbox', { name: 'Tên viết tắt' }).fill('BCĐ CTTĐ');
  await committeeForm.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { level: 2, name: COMMITTEE })).toBeVisible();
  for (const person of PEOPLE) await pick(page, page, 'Thêm cán bộ vào Ban Chỉ đạo', person.find, person.name);
  await pick(page, page, 'Thêm cơ quan thường trực', 'van phong', 'Văn phòng UBND tỉnh');
  const roleOf = (name: string) => page.getByRole('combobox', { name: `Vai trò của ${name}` });
  await expect(page.locator('.ant-table-row', { hasText: 'Đặng Quốc Hùng' })).toContainText('Trưởng ban');
  await choose(page, roleOf('Lê Thị Cúc'), 'Phó Trưởng ban');
  await choose(page, roleOf('Trần Văn Bình'), 'Thư ký');
  await page.getByRole('button', { name: 'Lưu danh sách thành viên' }).click();
  await expect(page.getByText('Đã lưu danh sách thành viên.')).toBeVisible();
  await shot(page, 'journey-04-committee');

  // A meeting room is furniture, not part of the journey: the core sets it up.
  await core.call('rooms.create', { name: 'Phòng họp số 1', location: 'Tầng 3, trụ sở UBND tỉnh', capacity: 40 });

  // ---- Create the meeting.
  await mainNav(page).getByRole('link', { name: 'Cuộc họp', exact: true }).click();
  await expect(page.getByText('Chưa có cuộc họp nào.')).toBeVisible();
  await page.keyboard.press('n');
  const form = dialog(page, 'Tạo cuộc họp');
  await expect(form).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Ban Chỉ đạo' })).toBeVisible();
  // The only committee is chosen already, with its head as chair and its standing agency as chairing unit.
  await expect(form.locator('.ant-form-item', { hasText: 'Người chủ trì' })).toContainText('Đặng Quốc Hùng');
  await expect(form.locator('.ant-form-item', { hasText: 'Đơn vị chủ trì' })).toContainText('Văn phòng UBND tỉnh');
  await form.getByRole('textbox', { name: 'Tên cuộc họp' }).fill(MEETING);
  await typeDateTime(form, 'Bắt đầu', '07/12/2026 08:00');
  await typeDateTime(form, 'Kết thúc', '07/12/2026 11:00');
  await pick(form, page, 'Phòng họp', 'phong', 'Phòng họp số 1');
  await form.getByRole('switch', { name: 'Họp trực tuyến' }).click();
  await form.getByRole('button', { name: 'Thêm điểm cầu' }).click();
  await form.getByRole('textbox', { name: 'Tên điểm cầu 1' }).fill('Điểm cầu UBND huyện Bát Xát');
  await shot(page, 'journey-05-meeting-form');
  await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  await expect(page.getByText('Nháp', { exact: true })).toBeVisible();
  await expect(page.getByText('Thứ Hai, 07/12/2026 08:00 – 11:00')).toBeVisible();
  const [summary] = (await core.call('meetings.list', {})).items;
  const meetingId = summary!.id;
  expect(summary).toMatchObject({ title: MEETING, startsAt: '2026-12-07T01:00:00.000Z', endsAt: '2026-12-07T04:00:00.000Z', online: true });
  expect(summary!.chair?.name).toBe('Đặng Quốc Hùng');

  // ---- Five agenda items with presenters.
  for (const item of AGENDA) {
    await page.getByRole('button', { name: /Thêm nội dung$/ }).click();
    const itemForm = dialog(page, 'Thêm nội dung vào chương trình');
    await itemForm.getByRole('textbox', { name: 'Tên nội dung' }).fill(item.title);
    if ('unit' in item.presenter) {
      await pick(itemForm, page, 'Đơn vị trình bày', item.presenter.search, item.presenter.unit);
    } else {
      await itemForm.locator('label').filter({ hasText: 'Cán bộ' }).first().click();
      await pick(itemForm, page, 'Cán bộ trình bày', item.presenter.search, item.presenter.person);
    }
    if (item === AGENDA[2]) await pick(itemForm, page, 'Đơn vị chuẩn bị tài liệu', 'xay dung', 'Sở Xây dựng');
    await itemForm.getByRole('spinbutton', { name: 'Thời lượng dự kiến' }).fill(String(item.minutes));
    if (item === AGENDA[0]) await shot(page, 'journey-06-agenda-item-form');
    await itemForm.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect(page.getByText(`Đã thêm nội dung “${item.title}”.`)).toBeVisible();
    await expect(itemForm).toBeHidden();
  }
  await expect(agendaTitles(page)).toHaveText(AGENDA.map((a) => a.title));
  await expect(page.getByText('5 nội dung · tổng thời gian 2 giờ 15 phút · dự kiến kết thúc lúc 10:15')).toBeVisible();

  // ---- Attach the PDFs to their items through each item's file input.
  for (const [index, item] of AGENDA.entries()) {
    const pdfs = PDFS.filter((p) => p.item === index);
    if (pdfs.length === 0) continue;
    await page.getByLabel(`Chọn tệp đính kèm cho ${item.title}`).setInputFiles(pdfs.map((p) => join(files, p.file)));
    await expect(page.getByText(`Đã đính kèm ${pdfs.length} tài liệu vào “${item.title}”.`)).toBeVisible({ timeout: 30_000 });
  }
  const itemCard = (title: string) => page.getByRole('listitem', { name: new RegExp(`^Nội dung \\d+: ${title}$`) });
  for (const pdf of PDFS) {
    await expect(itemCard(AGENDA[pdf.item].title).getByRole('button', { name: `Mở tài liệu ${pdf.file}` })).toBeVisible();
  }
  await expect(itemCard(AGENDA[2].title)).toContainText('Số 08/TTr-SXD');
  await shot(page, 'journey-07-agenda-with-documents');

  // ---- Reorder: drag with the mouse, then the keyboard (Space to lift, arrows, Space), then Alt+↓.
  const handle = (title: string) => page.getByRole('button', { name: `Kéo để sắp xếp: ${title}` });
  // The mouse works in the viewport: bring both items into view first.
  await handle(AGENDA[0].title).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const from = await handle(AGENDA[2].title).boundingBox();
  const to = await handle(AGENDA[0].title).boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, from!.y - 20, { steps: 5 });
  await page.mouse.move(to!.x + to!.width / 2, to!.y - 10, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByText(`Đã chuyển “${AGENDA[2].title}” đến vị trí 1.`)).toBeVisible();
  await expect(agendaTitles(page)).toHaveText([AGENDA[2], AGENDA[0], AGENDA[1], AGENDA[3], AGENDA[4]].map((a) => a.title));

  // The keyboard sensor announces each step in a live region, as a screen reader user hears it.
  await handle(AGENDA[3].title).focus();
  await page.keyboard.press('Space');
  await expect(handle(AGENDA[3].title)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText(`“${AGENDA[3].title}” đang ở vị trí 3/5.`)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByText(`Đã chuyển “${AGENDA[3].title}” đến vị trí 3.`)).toBeVisible();
  await expect(agendaTitles(page)).toHaveText([AGENDA[2], AGENDA[0], AGENDA[3], AGENDA[1], AGENDA[4]].map((a) => a.title));

  await page.getByRole('button', { name: `Sửa nội dung: ${AGENDA[0].title}` }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByText(`Đã chuyển “${AGENDA[0].title}” đến vị trí 3.`)).toBeVisible();
  const finalOrder = [AGENDA[2], AGENDA[3], AGENDA[0], AGENDA[1], AGENDA[4]].map((a) => a.title);
  await expect(agendaTitles(page)).toHaveText(finalOrder);
  expect((await core.call('meetings.get', { id: meetingId })).agenda.items.map((i) => i.title)).toEqual(finalOrder);
  // Planned start times follow the new order: 08:00, 08:30, 08:55, 09:25, 09:45.
  await expect(itemCard(AGENDA[0].title)).toContainText('08:55–09:25');
  await shot(page, 'journey-08-agenda-reordered');

  // ---- Participants: the whole committee, a guest unit, two answers to the invitation.
  await page.getByRole('tab', { name: /^Thành phần/ }).click();
  await expect(page.getByText('Chưa có ai trong thành phần dự họp.')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm thành viên Ban Chỉ đạo' }).click();
  await expect(page.getByText('Đã thêm 6 thành viên Ban Chỉ đạo.')).toBeVisible();
  await page.getByRole('button', { name: 'Thêm người dự' }).click();
  const addForm = dialog(page, 'Thêm người dự họp');
  await addForm.locator('label').filter({ hasText: 'Cơ quan, đơn vị' }).first().click();
  await pick(addForm, page, 'Cơ quan, đơn vị', 'uy ban', 'Ủy ban nhân dân tỉnh Lào Cai');
  await pick(addForm, page, 'Vai trò', '', 'Khách mời');
  await addForm.getByRole('button', { name: 'Thêm', exact: true }).click();
  await expect(page.getByText('Đã thêm “Ủy ban nhân dân tỉnh Lào Cai”.')).toBeVisible();
  await addForm.getByRole('button', { name: 'Xong', exact: true }).click();

  await page.getByRole('button', { name: 'Cập nhật trả lời của Lê Thị Cúc' }).click();
  let rsvp = dialog(page, 'Trả lời giấy mời: Lê Thị Cúc');
  await rsvp.locator('label').filter({ hasText: 'Báo vắng' }).click();
  await rsvp.getByRole('button', { name: 'Lưu' }).click();
  await expect(rsvp.getByText('Hãy ghi lý do vắng.')).toBeVisible();
  await rsvp.getByRole('textbox', { name: 'Lý do vắng' }).fill('Đi công tác tại Hà Nội');
  await rsvp.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã cập nhật trả lời của “Lê Thị Cúc”.')).toBeVisible();
  await page.getByRole('button', { name: 'Cập nhật trả lời của Phạm Minh Đức' }).click();
  rsvp = dialog(page, 'Trả lời giấy mời: Phạm Minh Đức');
  await rsvp.locator('label').filter({ hasText: 'Ủy quyền' }).click();
  await rsvp.locator('label').filter({ hasText: 'Ghi tên' }).click();
  await rsvp.getByRole('textbox', { name: 'Họ tên, chức vụ người dự thay' }).fill('Vũ Văn Nam, Phó Giám đốc Sở Giao thông vận tải');
  await rsvp.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã cập nhật trả lời của “Phạm Minh Đức”.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Phạm Minh Đức/ })).toContainText('Người dự thay: Vũ Văn Nam');
  await shot(page, 'journey-09-participants');

  // ---- Publish.
  await page.getByRole('button', { name: /Phát hành$/ }).click();
  await shot(page, 'journey-10-publish-confirm');
  await confirmPopover(page, 'Phát hành');
  await expect(page.getByText('Đã phát hành cuộc họp.')).toBeVisible();
  await expect(page.locator('.ns-detail-top').getByText('Đã phát hành', { exact: true })).toBeVisible();
  expect((await core.call('meetings.get', { id: meetingId })).status).toBe('published');

  // ---- Export the pack: the browser's download, kept in a temp file.
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất gói tài liệu' }).click();
  const pack1 = join(files, 'goi-ban-1.nghisu');
  const packDownload = await download;
  await expect(page.getByText(/^Đã xuất gói tài liệu bản 1 \(5 tài liệu\)/)).toBeVisible();
  expect(packDownload.suggestedFilename()).toMatch(/\.nghisu$/);
  await packDownload.saveAs(pack1);
  await shot(page, 'journey-11-published');

  // ---- The member's laptop: first run makes the profile; then the pack comes in.
  const memberPage = await context.newPage();
  await memberPage.goto(member.host.url);
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Chào mừng đến với Nghị Sự' })).toBeVisible();
  await memberPage.getByRole('textbox', { name: 'Họ và tên' }).fill('Nguyễn Văn Thành');
  await memberPage.getByRole('textbox', { name: 'Chức vụ' }).fill('Giám đốc Sở Xây dựng');
  await memberPage.getByRole('textbox', { name: 'Đơn vị công tác' }).fill('Sở Xây dựng tỉnh Lào Cai');
  await memberPage.locator('label').filter({ has: memberPage.getByRole('radio', { name: /^Thành viên Ban Chỉ đạo/ }) }).click();
  await memberPage.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await expect(memberPage.getByText('Chưa có cuộc họp nào.')).toBeVisible();

  await memberPage.getByRole('button', { name: 'Nhận gói tài liệu' }).first().click();
  const importer = dialog(memberPage, 'Nhận gói tài liệu cuộc họp');
  await importer.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack1);
  const secretariatKey = (await core.call('profile.get', {}))!;
  await expect(importer.getByText('Khóa ký gói này chưa được tin cậy trên máy này')).toBeVisible();
  await expect(importer.getByLabel('Dấu vân tay khóa')).toHaveText(secretariatKey.fingerprint);
  await expect(importer).toContainText(MEETING);
  await expect(importer).toContainText('5 tài liệu');
  await shot(memberPage, 'journey-12-member-inspect-untrusted');
  await importer.getByRole('button', { name: 'Tin cậy khóa này và nhập' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  await expect(memberPage.getByText('Nhận từ gói tài liệu, bản 1')).toBeVisible();
  await expect(agendaTitles(memberPage)).toHaveText(finalOrder);
  for (const pdf of PDFS) await expect(memberPage.getByRole('button', { name: `Mở tài liệu ${pdf.file}` })).toBeVisible();
  // Read-only: nothing to edit, drag or attach on a member's laptop.
  await expect(memberPage.getByRole('button', { name: /Thêm nội dung$/ })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: /^Kéo để sắp xếp/ })).toHaveCount(0);
  await shot(memberPage, 'journey-13-member-meeting');
  const memberDocs = await member.host.core.call('documents.listForMeeting', { meetingId });
  expect(memberDocs.map((d) => d.document.fileName).sort()).toEqual(PDFS.map((p) => p.file).sort());
  expect((await member.host.core.call('keys.listTrusted', {})).map((k) => k.fingerprint)).toEqual([secretariatKey.fingerprint]);

  // A document opens from the member's copy.
  const popup = memberPage.waitForEvent('popup');
  await memberPage.getByRole('button', { name: `Mở tài liệu ${PDFS[2].file}` }).click();
  const opened = await popup;
  await expect.poll(() => opened.url()).toContain('/files/blob/');
  await opened.close();

  // ---- A change after publishing reaches the member as "changed since the pack you have".
  await page.getByRole('button', { name: /Sửa$/ }).click();
  const edit = dialog(page, 'Sửa thông tin cuộc họp');
  await expect(edit.getByText(/^Cuộc họp đã phát hành: mọi thay đổi được ghi lại/)).toBeVisible();
  await typeDateTime(edit, 'Bắt đầu', '07/12/2026 14:00');
  await expect(edit.getByRole('textbox', { name: 'Kết thúc', exact: true })).toHaveValue('07/12/2026 17:00');
  await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(page.getByText('Đã lưu thông tin cuộc họp.')).toBeVisible();
  await page.getByRole('tab', { name: /^Thay đổi kể từ khi phát hành/ }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Bản 2');
  await shot(page, 'journey-14-changes-since-publishing');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất gói tài liệu' }).click();
  const pack2 = join(files, 'goi-ban-2.nghisu');
  await (await download).saveAs(pack2);

  await memberPage.getByRole('link', { name: 'Danh sách cuộc họp' }).click();
  await memberPage.getByRole('button', { name: 'Nhận gói tài liệu' }).first().click();
  const importer2 = dialog(memberPage, 'Nhận gói tài liệu cuộc họp');
  await importer2.getByLabel('Chọn tệp gói tài liệu (.nghisu)').setInputFiles(pack2);
  await expect(importer2.getByText(/^Chữ ký hợp lệ/)).toBeVisible();
  await expect(importer2.getByRole('heading', { name: 'Thay đổi so với gói đã nhận' })).toBeVisible();
  await expect(importer2.locator('.ns-change-list')).toContainText('14:00');
  await shot(memberPage, 'journey-15-member-inspect-changes');
  await importer2.getByRole('button', { name: 'Nhập gói' }).click();
  await expect(memberPage.getByText('Nhận từ gói tài liệu, bản 2')).toBeVisible();
  await expect(memberPage.getByText('Thay đổi so với gói đã nhận trước:')).toBeVisible();
  await expect(memberPage.getByText('Thứ Hai, 07/12/2026 14:00 – 17:00')).toBeVisible();
  await shot(memberPage, 'journey-16-member-updated');
  await memberPage.close();

  // ---- The meeting day on the secretariat's laptop: start, take attendance, export the list.
  await page.getByRole('tab', { name: /^Chương trình/ }).click();
  await page.getByRole('button', { name: 'Bắt đầu họp' }).click();
  await expect(page.getByText('Cuộc họp đã bắt đầu.')).toBeVisible();
  await page.getByRole('tab', { name: 'Điểm danh' }).click();
  await expect(page.getByText('Chưa đủ số lượng thành viên dự họp theo quy định (≥ 50%)')).toBeVisible();
  const markButton = (status: string, name: string) => page.getByRole('button', { name: `${status}: ${name}`, exact: true });
  await markButton('Có mặt', 'Đặng Quốc Hùng').click();
  await markButton('Có mặt', 'Nguyễn Văn Thành').click();
  await markButton('Có mặt', 'Trần Văn Bình').click();
  await markButton('Đến muộn', 'Văn phòng UBND tỉnh').click();
  await markButton('Có mặt', 'Ủy ban nhân dân tỉnh Lào Cai').click();
  await markButton('Vắng', 'Lê Thị Cúc').click();
  const absent = dialog(page, 'Vắng: Lê Thị Cúc');
  // The reason given in answer to the invitation is offered again.
  await expect(absent.getByRole('textbox', { name: 'Lý do vắng' })).toHaveValue('Đi công tác tại Hà Nội');
  await absent.getByRole('button', { name: 'Lưu' }).click();
  await expect(absent).toBeHidden();
  await markButton('Ủy quyền', 'Phạm Minh Đức').click();
  const delegated = dialog(page, 'Ủy quyền: Phạm Minh Đức');
  await expect(delegated.getByRole('textbox', { name: 'Họ tên, chức vụ người dự thay' })).toHaveValue('Vũ Văn Nam, Phó Giám đốc Sở Giao thông vận tải');
  await delegated.getByRole('button', { name: 'Lưu' }).click();
  await expect(delegated).toBeHidden();
  await expect(markButton('Ủy quyền', 'Phạm Minh Đức')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Đủ số lượng thành viên dự họp theo quy định (≥ 50%)')).toBeVisible();
  await expect(page.getByText('Thành viên dự họp: 5/6, cần ít nhất 3.')).toBeVisible();
  await shot(page, 'journey-17-attendance');

  const summaryNow = await core.call('attendance.summary', { meetingId });
  expect(summaryNow).toMatchObject({ present: 4, late: 1, absent: 1, delegated: 1, guests: 1, guestsAttending: 1, members: 6, membersAttending: 5, quorumMet: true });

  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất danh sách (Excel)' }).click();
  const xlsxDownload = await download;
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsx = join(files, 'diem-danh.xlsx');
  await xlsxDownload.saveAs(xlsx);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0]!;
  const text: string[] = [];
  sheet.eachRow((row) => text.push((row.values as unknown[]).filter((v) => v !== null && v !== undefined).map(String).join(' | ')));
  const all = text.join('\n');
  expect(all).toContain(MEETING);
  for (const person of PEOPLE) expect(all).toContain(person.name);
  // A person's row, not the row of someone whose unit has that name.
  const rowOf = (name: string) => text.find((line) => line.split(' | ')[1] === name) ?? '';
  expect(rowOf('Đặng Quốc Hùng')).toContain('Có mặt');
  expect(rowOf('Lê Thị Cúc')).toContain('Vắng');
  expect(rowOf('Lê Thị Cúc')).toContain('Đi công tác tại Hà Nội');
  expect(rowOf('Phạm Minh Đức')).toContain('Vũ Văn Nam');
  expect(rowOf('Văn phòng UBND tỉnh')).toContain('Đến muộn');

  download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất danh sách (PDF)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await shot(page, 'journey-18-attendance-exported');
});
