import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import type { Core } from '../../electron/core/index.ts';
import { zipEntry } from '../support/docx-text.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { hostPage, MEMBER_PROFILE } from './support/annotated-reader.ts';
import { confirmPopover, modalOpened, pick } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';

/**
 * Lấy ý kiến bằng văn bản on two laptops, through the screens only: the secretariat makes a request
 * with a document and sends its file; the member takes it in (trusting the secretariat's key after
 * reading its fingerprint), reads the document, answers (one "ý kiến khác" with its text) and
 * sends the signed answers back; the secretariat takes them in, sees them counted with the member's
 * name, reminds the one who has not answered and issues the summary as DOCX.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

const SECRETARIAT_PROFILE = {
  fullName: 'Trần Thị Thư',
  position: 'Chuyên viên Văn phòng',
  unitName: 'Văn phòng UBND tỉnh Lào Cai',
  workRole: 'secretariat',
} as const;

const COMMITTEE = 'Ban Chỉ đạo các dự án trọng điểm tỉnh Lào Cai';
const TITLE = 'Dự thảo Kế hoạch đầu tư đường sắt Lào Cai – Hà Nội';
const QUESTIONS = ['Đồng chí có đồng ý thông qua dự thảo Kế hoạch không?', 'Đồng ý giao Sở Xây dựng chủ trì thực hiện?'];
const OTHER_TEXT = 'Đề nghị giao Sở Giao thông vận tải chủ trì, Sở Xây dựng phối hợp.';
const OTHER_MEMBER = 'Phạm Thị Hoa';
const FILE_NAME = 'du-thao-ke-hoach.pdf';

let secretariat: IsolatedHost;
let member: IsolatedHost;
let memberPersonId = '';
let secretariatFingerprint = '';
let requestFile = '';
let answersFile = '';
let requestId = '';
const files = mkdtempSync(join(tmpdir(), 'nghisu-opinions-'));

/** The secretariat's laptop: a committee of two people (the member and one more) and the draft in the library. */
async function seedSecretariat(core: Core): Promise<void> {
  const org = await core.call('organizations.create', { organCode: '000.00.25.H41', name: 'Sở Xây dựng' });
  const thanh = await core.call('people.create', { fullName: MEMBER_PROFILE.fullName, position: MEMBER_PROFILE.position, organizationId: org.id });
  const hoa = await core.call('people.create', { fullName: OTHER_MEMBER, position: 'Giám đốc Sở Tài chính' });
  memberPersonId = thanh.id;
  const committee = await core.call('committees.create', { name: COMMITTEE });
  await core.call('committees.setMembers', {
    committeeId: committee.id,
    members: [
      { personId: thanh.id, role: 'head' },
      { personId: hoa.id, role: 'member' },
    ],
  });
  const pdf = join(mkdtempSync(join(files, 'pdf-')), FILE_NAME);
  await writeTextPdf(pdf, ['DỰ THẢO KẾ HOẠCH ĐẦU TƯ\n\nTuyến đường sắt Lào Cai – Hà Nội – Hải Phòng.', 'Trang hai: nguồn vốn và tiến độ.']);
  const imported = await core.call('documents.importFiles', { paths: [pdf] });
  if (!imported.results[0]?.ok) throw new Error('the draft was not imported');
  secretariatFingerprint = (await core.call('profile.get', {}))!.fingerprint;
}

test.beforeAll(async () => {
  secretariat = await isolatedHost('opinions-secretariat', SECRETARIAT_PROFILE);
  member = await isolatedHost('opinions-member', MEMBER_PROFILE);
  await seedSecretariat(secretariat.host.core);
  // The member gave the secretariat their public key (a file, checked by phone): trusted as theirs.
  const memberKey = (await member.host.core.call('profile.get', {}))!.publicKey;
  await secretariat.host.core.call('keys.trust', { publicKey: memberKey, label: MEMBER_PROFILE.fullName, scope: { purpose: 'notes', personId: memberPersonId } });
});

test.afterAll(async () => {
  await secretariat?.close();
  await member?.close();
});

/** A file the screen hands to the browser's download, kept where the other laptop can pick it up. */
async function downloaded(page: Page, click: () => Promise<void>, ending: RegExp): Promise<{ file: string; download: Download }> {
  const waiting = page.waitForEvent('download');
  await click();
  const download = await waiting;
  expect(download.suggestedFilename()).toMatch(ending);
  const file = join(mkdtempSync(join(files, 'download-')), download.suggestedFilename());
  await download.saveAs(file);
  return { file, download };
}

function question(page: Page, number: number): Locator {
  return page.getByRole('radiogroup', { name: `Ý kiến cho câu hỏi ${number}` });
}

async function answer(page: Page, number: number, choice: string): Promise<void> {
  // antd draws the radio as a label over a zero-size input: click the label the user sees.
  await question(page, number).locator('label').filter({ has: page.getByRole('radio', { name: choice, exact: true }) }).click();
  await expect(question(page, number).getByRole('radio', { name: choice, exact: true })).toBeChecked();
}

test('the secretariat makes a request for the committee and exports its signed file', async ({ page }) => {
  // From the meetings page, where the secretariat works: written opinions are a way to decide between meetings.
  await page.goto(hostPage(secretariat.host.url, '/meetings'));
  await page.getByRole('button', { name: 'Lấy ý kiến bằng văn bản' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lấy ý kiến bằng văn bản' })).toBeVisible();
  await expect(page.getByText('Chưa có đợt lấy ý kiến nào.')).toBeVisible();
  await screenshot(page, 'opinions-01-empty');

  await page.getByRole('button', { name: 'Tạo đợt lấy ý kiến' }).first().click();
  const drawer = page.getByRole('dialog', { name: 'Tạo đợt lấy ý kiến' });
  await expect(drawer).toBeVisible();
  await pick(drawer, page, 'Ban Chỉ đạo', 'dự án', COMMITTEE);
  // Everyone the committee would ask is ticked.
  await expect(drawer.getByRole('checkbox', { name: `${MEMBER_PROFILE.fullName} — ${MEMBER_PROFILE.position}` })).toBeChecked();
  await expect(drawer.getByRole('checkbox', { name: `${OTHER_MEMBER} — Giám đốc Sở Tài chính` })).toBeChecked();
  await drawer.getByRole('textbox', { name: 'Nội dung xin ý kiến' }).fill(TITLE);
  await drawer.getByRole('textbox', { name: 'Lời dẫn' }).fill('Văn phòng xin ý kiến các đồng chí thành viên về dự thảo kèm theo.');
  await drawer.getByRole('textbox', { name: 'Câu hỏi 1' }).fill(QUESTIONS[0]!);
  await drawer.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  await drawer.getByRole('textbox', { name: 'Câu hỏi 2' }).fill(QUESTIONS[1]!);
  // A multiple select stays open after a pick: take the draft, then close the list with Escape.
  const documents = drawer.getByRole('combobox', { name: 'Tài liệu kèm theo' });
  await documents.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: FILE_NAME }).click();
  await expect(drawer.locator('.ant-select-selection-item', { hasText: FILE_NAME })).toBeVisible();
  await documents.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(drawer).toBeVisible();
  await screenshot(page, 'opinions-02-create');
  // Ctrl+Enter creates, as the other forms save.
  await drawer.getByRole('textbox', { name: 'Câu hỏi 2' }).press('Control+Enter');

  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  requestId = new URL(page.url()).hash.split('/').pop()!;
  const recipients = page.getByRole('table', { name: 'Người được xin ý kiến' });
  await expect(recipients.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('Đã trả lời 0/2')).toBeVisible();
  await expect(page.getByRole('link', { name: `Đọc ${FILE_NAME} trong ứng dụng` })).toBeVisible();

  ({ file: requestFile } = await downloaded(page, () => page.getByRole('button', { name: 'Xuất tệp phiếu lấy ý kiến' }).click(), /^lay-y-kien-.+\.nsykien$/));
  await expect(page.getByText(new RegExp(`ký bằng khóa ${secretariatFingerprint.slice(0, 8)}`))).toBeVisible();
  await screenshot(page, 'opinions-03-secretariat-detail');
});

test('the member takes in the request, reads the document, answers and exports the signed answers', async ({ page }) => {
  await page.goto(hostPage(member.host.url, '/opinions'));
  await expect(page.getByText('Bạn chưa nhận phiếu lấy ý kiến nào.')).toBeVisible();
  await page.getByRole('button', { name: 'Nhập phiếu lấy ý kiến' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Nhập phiếu lấy ý kiến' });
  await modalOpened(dialog);
  await dialog.getByLabel('Tệp lấy ý kiến').setInputFiles(requestFile);

  // The secretariat's key is not trusted for this committee yet: nothing is stored until the member compares the fingerprint.
  await expect(dialog.getByText('Khóa ký chưa được tin cậy')).toBeVisible();
  await expect(dialog.getByLabel('Dấu vân tay của khóa')).toHaveText(secretariatFingerprint);
  await expect(dialog.getByText(COMMITTEE, { exact: false })).toBeVisible();
  await screenshot(page, 'opinions-04-member-untrusted');
  expect(await member.host.core.call('opinions.list', {})).toEqual([]);
  await dialog.getByRole('button', { name: 'Tin cậy khóa và nhập' }).click();

  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(`Đã nhập phiếu “${TITLE}” (2 câu hỏi, 1 tài liệu).`)).toBeVisible();

  // The document came with the request: it opens in the reader.
  await page.getByRole('link', { name: `Đọc ${FILE_NAME} trong ứng dụng` }).click();
  await expect(page.locator('.ns-reader-body[data-ready="true"]')).toBeVisible({ timeout: 20_000 });
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  await answer(page, 1, 'Đồng ý');
  await answer(page, 2, 'Ý kiến khác');
  // "Ý kiến khác" needs its text: refused on the form, nothing saved.
  await page.getByRole('button', { name: 'Lưu ý kiến' }).click();
  await expect(page.getByText('Ý kiến khác cần ghi rõ nội dung.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Nội dung ý kiến cho câu hỏi 2' }).fill(OTHER_TEXT);
  await page.getByRole('textbox', { name: 'Nội dung ý kiến cho câu hỏi 2' }).press('Control+Enter');
  await expect(page.getByText('Đã lưu ý kiến.')).toBeVisible();
  await expect.poll(async () => (await member.host.core.call('opinions.get', { requestId })).questionList.map((q) => q.myAnswer?.choice)).toEqual(['agree', 'other']);
  await screenshot(page, 'opinions-05-member-answers');

  ({ file: answersFile } = await downloaded(page, () => page.getByRole('button', { name: 'Xuất tệp trả lời (ký số)' }).click(), /^tra-loi-y-kien-.+\.nsykien$/));
  await expect(page.getByText('Đã ký bản trả lời 1 lần (tệp hoặc gửi qua Hệ thống).')).toBeVisible();
});

test('the secretariat takes in the answers, reminds who has not answered and exports the summary', async ({ page }) => {
  await page.goto(hostPage(secretariat.host.url, '/opinions'));
  await expect(page.getByRole('table', { name: 'Danh sách các đợt lấy ý kiến' }).getByRole('link', { name: TITLE })).toBeVisible();
  await expect(page.getByText('0/2 người')).toBeVisible();
  await screenshot(page, 'opinions-06-secretariat-list');
  await page.getByRole('link', { name: TITLE }).click();

  await page.getByRole('button', { name: 'Nhập tệp trả lời' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập tệp trả lời' });
  await modalOpened(dialog);
  await dialog.getByLabel('Tệp lấy ý kiến').setInputFiles(answersFile);
  await expect(page.getByText(`Đã nhập ý kiến của ${MEMBER_PROFILE.fullName} (2 câu trả lời).`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByText('Đã trả lời 1/2')).toBeVisible();
  const recipients = page.getByRole('table', { name: 'Người được xin ý kiến' });
  await expect(recipients.getByRole('row', { name: new RegExp(MEMBER_PROFILE.fullName) })).toContainText('Đã trả lời');
  await expect(recipients.getByRole('row', { name: new RegExp(OTHER_MEMBER) })).toContainText('Chưa trả lời');
  // Counted per question, and the member's text with their name.
  await expect(page.getByRole('group', { name: 'Số ý kiến cho câu hỏi 1' })).toContainText('Đồng ý: 1');
  await expect(page.getByRole('group', { name: 'Số ý kiến cho câu hỏi 2' })).toContainText('Ý kiến khác: 1');
  await expect(page.getByRole('list', { name: 'Ý kiến cụ thể' })).toContainText(`${MEMBER_PROFILE.fullName} (Ý kiến khác): ${OTHER_TEXT}`);

  await page.getByRole('button', { name: 'Đôn đốc người chưa trả lời' }).click();
  await expect(page.getByRole('tooltip')).toContainText('Ghi nhận đã đôn đốc 1 người chưa trả lời?');
  await confirmPopover(page, 'Ghi nhận');
  await expect(page.getByText(`Đã ghi nhận đôn đốc: ${OTHER_MEMBER}.`)).toBeVisible();
  await expect(recipients.getByRole('row', { name: new RegExp(OTHER_MEMBER) })).toContainText('Đã đôn đốc');
  await screenshot(page, 'opinions-07-secretariat-summary');

  const { file } = await downloaded(page, () => page.getByRole('button', { name: 'Xuất tổng hợp ý kiến (DOCX)' }).click(), /^tong-hop-y-kien-.+\.docx$/);
  expect(statSync(file).size).toBeGreaterThan(2_000);
  const xml = await zipEntry(file, 'word/document.xml');
  expect(xml).toContain(MEMBER_PROFILE.fullName);
  expect(xml).toContain(OTHER_MEMBER);
});
