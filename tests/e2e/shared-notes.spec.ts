import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '../../shared/contract/annotations.ts';
import type { Core } from '../../electron/core/index.ts';
import { docxParagraphs } from '../support/docx-text.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { expect, screenshot, test } from './fixtures.ts';
import {
  annotationOnPage,
  boxOf,
  dragSelect,
  expectCovers,
  hostPage,
  MEMBER_PROFILE,
  pageElement,
  readerReady,
  seedMeetingDocument,
  SENTENCE,
  sentenceSpan,
} from './support/annotated-reader.ts';
import { menuChoice, pick } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';

/**
 * Two laptops: the secretariat publishes a meeting with the Sở's report and hands the pack to a
 * member; the member shares one of their notes and keeps another private; the secretariat imports
 * the shared one, attributed to the member. Then a revised report replaces the first one and the
 * member's notes follow their words to it — the one whose words are gone is listed, not dropped.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const SECRETARIAT_PROFILE = {
  fullName: 'Trần Thị Thư',
  position: 'Chuyên viên Văn phòng',
  unitName: 'Văn phòng UBND tỉnh Lào Cai',
  workRole: 'secretariat',
} as const;

/** A sentence the member strikes out, which the revised report no longer has. */
const DROPPED = 'Nội dung này sẽ được lược bỏ trong bản sửa đổi.';
const PRIVATE_NOTE = 'Riêng tôi: hỏi lại anh Chủ trước cuộc họp';
const FILE_NAME = 'bao-cao-tien-do.pdf';

let secretariat: IsolatedHost;
let member: IsolatedHost;
let meetingId = '';
let documentId = '';
const files = mkdtempSync(join(tmpdir(), 'nghisu-shared-notes-'));

async function writeReport(dir: string, pages: string[]): Promise<string> {
  const file = join(mkdtempSync(join(files, dir)), FILE_NAME);
  await writeTextPdf(file, pages);
  return file;
}

/** The secretariat's laptop: the report in a meeting, with the member invited, published. */
async function publishMeeting(core: Core): Promise<void> {
  ({ meetingId, documentId } = await seedMeetingDocument(core, [
    `BÁO CÁO TIẾN ĐỘ CÁC CÔNG TRÌNH TRỌNG ĐIỂM\n\n${SENTENCE}\n\n${DROPPED}\n\nCác đơn vị báo cáo kết quả giải phóng mặt bằng và tái định cư.`,
    'Trang hai: tình hình giải ngân vốn đầu tư công của các dự án.',
  ]));
  const org = await core.call('organizations.create', { organCode: '000.00.25.H41', name: 'Sở Xây dựng' });
  const person = await core.call('people.create', { fullName: MEMBER_PROFILE.fullName, position: MEMBER_PROFILE.position, organizationId: org.id });
  await core.call('participants.add', { meetingId, personId: person.id, role: 'member' });
  await core.call('meetings.setStatus', { id: meetingId, status: 'published' });
}

/** The pack goes from the secretariat's laptop to the member's (USB stick, e-mail): packs have their own tests. */
async function handOverPack(name: string): Promise<void> {
  const file = join(files, name);
  await secretariat.host.core.call('packs.exportFile', { meetingId, file });
  await member.host.core.call('packs.importFile', { file, trustSigner: true });
}

test.beforeAll(async () => {
  secretariat = await isolatedHost('shared-secretariat', SECRETARIAT_PROFILE);
  member = await isolatedHost('shared-member', MEMBER_PROFILE);
  await publishMeeting(secretariat.host.core);
  await handOverPack('pack-1.nghisu-pack');
});

test.afterAll(async () => {
  await secretariat?.close();
  await member?.close();
});

function tools(page: Page) {
  return page.getByRole('toolbar', { name: 'Công cụ ghi chú' });
}

function panel(page: Page) {
  return page.locator('section[aria-label="Danh sách ghi chú"]');
}

async function settleSaves(page: Page) {
  await expect(tools(page).getByText('Đang lưu…')).toHaveCount(0);
}

async function memberNotes(docId = documentId): Promise<Annotation[]> {
  return (await member.host.core.call('annotations.list', { documentId: docId })).annotations;
}

async function exportFromMenu(page: Page, item: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await menuChoice(page, tools(page).getByRole('button', { name: 'Xuất / Nhập' }), item);
  const file = join(mkdtempSync(join(files, 'download-')), name);
  await (await download).saveAs(file);
  return file;
}

function spanOf(page: Page, pageIndex: number, text: string) {
  return pageElement(page, pageIndex).locator('.textLayer span', { hasText: text }).first();
}

let sharedFile = '';

test('a member shares one note with the secretariat, keeps another private, and takes "my notes" away as DOCX', async ({ page }) => {
  await page.goto(hostPage(member.host.url, `/meetings/${meetingId}`));
  await page.getByRole('link', { name: `Đọc ${FILE_NAME} trong ứng dụng` }).click();
  await readerReady(page);

  // Highlight the sentence to question, strike out one to drop, and a private sticky note.
  await dragSelect(page, sentenceSpan(page));
  await page.keyboard.press('h');
  await dragSelect(page, spanOf(page, 0, DROPPED));
  await tools(page).getByRole('button', { name: 'Gạch ngang', exact: true }).click();
  await page.keyboard.press('n');
  const layer = await boxOf(pageElement(page, 0).locator('.ns-page-surface'));
  await page.mouse.click(layer.x + layer.width * 0.85, layer.y + layer.height * 0.1);
  await page.getByRole('textbox', { name: 'Nội dung ghi chú' }).fill(PRIVATE_NOTE);
  await page.getByRole('textbox', { name: 'Nội dung ghi chú' }).press('Control+Enter');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await memberNotes()).map((a) => a.kind).sort()).toEqual(['highlight', 'note', 'strikeout']);

  // Everything starts private; the member shares the highlight only.
  await expect(panel(page).getByRole('switch', { name: 'Chia sẻ Tô sáng với cuộc họp' })).not.toBeChecked();
  await panel(page).getByRole('switch', { name: 'Chia sẻ Tô sáng với cuộc họp' }).click();
  await expect.poll(async () => (await memberNotes()).filter((a) => a.shared).map((a) => a.kind)).toEqual(['highlight']);
  await settleSaves(page);
  await screenshot(page, 'shared-notes-01-member-shares');

  sharedFile = await exportFromMenu(page, 'Xuất ghi chú chia sẻ (tệp ký số)', 'ghi-chu-chia-se.nghisu-notes');
  await expect(page.getByText(/^Đã xuất .+\.$/)).toBeVisible();

  // "My notes": every note of the member's, private ones too, with its page and the words it marks.
  const docx = await exportFromMenu(page, 'Xuất ghi chú của tôi (DOCX)', 'ghi-chu-cua-toi.docx');
  const lines = await docxParagraphs(docx);
  expect(lines[0]).toBe('GHI CHÚ CỦA TÔI');
  expect(lines).toContain(`Người ghi: ${MEMBER_PROFILE.fullName}`);
  expect(lines).toContain('Trang 1 — Tô sáng');
  expect(lines).toContain(`“${SENTENCE}”`);
  expect(lines).toContain('Trang 1 — Gạch ngang');
  expect(lines).toContain(PRIVATE_NOTE);
});

test('the secretariat checks the signer, trusts the key and sees the shared note, attributed and read-only', async ({ page }) => {
  await page.goto(hostPage(secretariat.host.url, `/meetings/${meetingId}/documents/${documentId}/read`));
  await readerReady(page);
  await expect(panel(page).getByText(/Chưa có ghi chú/)).toBeVisible();

  await menuChoice(page, tools(page).getByRole('button', { name: 'Xuất / Nhập' }), 'Nhập ghi chú chia sẻ của thành viên');
  const dialog = page.getByRole('dialog', { name: 'Nhập ghi chú chia sẻ của thành viên' });
  await dialog.getByLabel('Chọn tệp ghi chú chia sẻ').setInputFiles(sharedFile);

  // Not trusted yet: the fingerprint comes first, to compare with the member by phone.
  await expect(dialog.getByText('Khóa ký này chưa được tin cậy')).toBeVisible({ timeout: 15_000 });
  const memberKey = (await member.host.core.call('profile.get', {}))!;
  await expect(dialog.getByLabel('Dấu vân tay khóa ký')).toContainText(memberKey.fingerprint);
  await expect(dialog.getByText(MEMBER_PROFILE.fullName).first()).toBeVisible();
  await expect(dialog.getByText('1 ghi chú', { exact: true })).toBeVisible();
  // The key is bound to the member's entry in the directory first: it signs her notes, and only hers.
  await expect(dialog.getByRole('button', { name: 'Tin cậy khóa này và nhập' })).toBeDisabled();
  await pick(dialog, page, 'Người giữ khóa này trong danh mục', 'nguyen van thanh', MEMBER_PROFILE.fullName);
  await screenshot(page, 'shared-notes-02-untrusted-signer');
  await dialog.getByRole('button', { name: 'Tin cậy khóa này và nhập' }).click();
  await expect(page.getByText(`Đã nhập 1 ghi chú của ${MEMBER_PROFILE.fullName}.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  // On the page over the same words, in the list under the member's name, and not editable.
  const items = panel(page).locator('li[data-annotation-id]');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Tô sáng');
  await expect(items.first()).toContainText(MEMBER_PROFILE.fullName);
  await expect(items.first()).toContainText('Của thành viên · chỉ xem');
  await expect(items.first().getByRole('button', { name: 'Xóa Tô sáng' })).toHaveCount(0);
  await expect(panel(page).getByText(PRIVATE_NOTE)).toHaveCount(0);
  const id = (await items.first().getAttribute('data-annotation-id'))!;
  expectCovers(await boxOf(annotationOnPage(page, id)), await boxOf(sentenceSpan(page)), 3);
  expect((await secretariat.host.core.call('keys.listTrusted', {})).map((k) => k.grants)).toEqual([
    [expect.objectContaining({ purpose: 'notes', personName: MEMBER_PROFILE.fullName })],
  ]);
  const stored = (await secretariat.host.core.call('annotations.list', { documentId })).annotations;
  expect(stored.map((a) => ({ kind: a.kind, editable: a.editable, origin: a.origin }))).toEqual([{ kind: 'highlight', editable: false, origin: 'shared-import' }]);

  // The panel filters by author: the member is listed by name.
  await panel(page).getByRole('combobox', { name: 'Lọc theo người ghi' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${MEMBER_PROFILE.fullName} (1)` }).click();
  await page.keyboard.press('Escape');
  await expect(panel(page).getByText('1/1 ghi chú')).toBeVisible();
  await expect(items).toHaveCount(1);
  await screenshot(page, 'shared-notes-03-secretariat-sees-it');
});

test('a revised report carries the member’s notes by their words; the one whose words are gone is listed and placed', async ({ page }) => {
  // The Sở sends a revision: the sentence moved to page 2, the struck-out one is gone.
  const v2 = await writeReport('v2-', [
    'BÁO CÁO TIẾN ĐỘ CÁC CÔNG TRÌNH TRỌNG ĐIỂM (BẢN SỬA ĐỔI)\n\nBổ sung: tình hình giải ngân vốn đầu tư công quý I.\n\nCác đơn vị báo cáo kết quả giải phóng mặt bằng và tái định cư.',
    `Trang hai: tình hình giải ngân vốn đầu tư công của các dự án.\n\n${SENTENCE}`,
  ]);
  const s = secretariat.host.core;
  const imported = await s.call('documents.importFiles', { paths: [v2] });
  const second = imported.results[0]!;
  if (!second.ok) throw new Error(second.error.message.en);
  const v2Id = second.document.id;
  const attached = (await s.call('documents.listForMeeting', { meetingId })).find((a) => a.document.id === documentId)!;
  await s.call('documents.replaceVersion', { attachmentId: attached.attachmentId, documentId: v2Id });
  await handOverPack('pack-2.nghisu-pack');

  await page.goto(hostPage(member.host.url, `/meetings/${meetingId}`));
  await page.getByRole('link', { name: `Đọc ${FILE_NAME} trong ứng dụng` }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${v2Id}/read`));
  await expect(page.locator('.ns-reader-scroll[data-first-page-drawn="true"]')).toBeAttached({ timeout: 20_000 });

  const notes = await memberNotes(v2Id);
  const highlight = notes.find((a) => a.kind === 'highlight')!;
  const strike = notes.find((a) => a.kind === 'strikeout')!;
  expect(highlight).toMatchObject({ pageIndex: 1, placement: 'placed', shared: true });
  expect(strike.placement).toBe('unplaced');
  expect(notes.find((a) => a.kind === 'note')).toMatchObject({ pageIndex: 0, placement: 'placed', contents: PRIVATE_NOTE });

  // The highlight covers its sentence where the revision put it, on page 2.
  await panel(page).getByRole('button', { name: 'Đi tới Tô sáng ở trang 2' }).click();
  const moved = spanOf(page, 1, 'Ban Chỉ đạo yêu cầu');
  await expect(moved).toBeVisible({ timeout: 15_000 });
  expectCovers(await boxOf(annotationOnPage(page, highlight.id)), await boxOf(moved), 3);

  // The strikeout is listed with where it was; the member puts it on the page in view.
  const unplaced = page.getByRole('region', { name: 'Chưa đặt được vào phiên bản mới' });
  await expect(unplaced.locator(`li[data-annotation-id="${strike.id}"]`)).toContainText('Gạch ngang · trước ở trang 1');
  await expect(unplaced).toContainText(DROPPED);
  await screenshot(page, 'shared-notes-04-unplaced-listed');
  await unplaced.getByRole('button', { name: 'Đặt vào trang hiện tại (2)' }).click();
  await expect(unplaced).toHaveCount(0);
  await expect.poll(async () => (await memberNotes(v2Id)).find((a) => a.id === strike.id)).toMatchObject({ placement: 'placed', pageIndex: 1 });
  await expect(annotationOnPage(page, strike.id)).toBeAttached();
  await settleSaves(page);
  await screenshot(page, 'shared-notes-05-placed');

  // The first version keeps the member's notes as they were.
  expect((await memberNotes(documentId)).map((a) => a.kind).sort()).toEqual(['highlight', 'note', 'strikeout']);
});
