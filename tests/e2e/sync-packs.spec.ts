import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { addDaysKey, todayKey } from '../../shared/vn-time.ts';
import { createHubClient, startHub } from '../../hub/index.ts';
import { writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { startPostgres, type Postgres } from '../support/postgres.ts';
import { expect, screenshotDir, test } from './fixtures.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { choose, confirmPopover } from './support/antd.ts';
import { shot } from './support/shots.ts';

/**
 * Meeting packs through the hub, on a real hub and PostgreSQL: the standing office's laptop sends a
 * published meeting's signed pack from the meeting screen ("Gửi qua Hệ thống điều hành", disabled
 * with the way to connect until it is connected); the hub holds one publication; a member unit's
 * laptop receives it when it syncs, keeps it waiting because it has never trusted the office's key,
 * and imports it once the user has read the fingerprint in the confirmation and trusted the key.
 */

test.use({ actionTimeout: 15_000 });

const OFFICE = { code: '000.00.01.H41', name: 'Văn phòng UBND tỉnh Lào Cai' };
const FINANCE = { code: '000.00.31.H41', name: 'Sở Tài chính' };
const MEETING = 'Phiên họp Ban Chỉ đạo chuyển đổi số tháng 12';
const PDF = 'Báo cáo 45-BC-STC.pdf';

let cluster: Postgres;
let hub: { url: string; close(): Promise<void> };
let hubDb: pg.Pool;
let databaseUrl: string;
let files: string;
let office: IsolatedHost;
let finance: IsolatedHost;
let meetingId: string;

/** Gives `unit` a client on the hub and saves the connection on the laptop, the secret in a 0600 file. */
async function connect(laptop: IsolatedHost, unit: { code: string; name: string }): Promise<void> {
  const client = await createHubClient({ databaseUrl, unitCode: unit.code, unitName: unit.name });
  const secretFile = join(laptop.dataDir, 'hub-secret');
  writeFileSync(secretFile, `${client.secret}\n`);
  chmodSync(secretFile, 0o600);
  await laptop.host.core.call('sync.configureWithSecretFile', { url: hub.url, clientId: client.clientId, secretFile });
}

/** Both units in a laptop's directory, by mã định danh; returns their local ids. */
async function directory(laptop: IsolatedHost) {
  const core = laptop.host.core;
  const office = await core.call('organizations.create', { organCode: OFFICE.code, name: OFFICE.name });
  const finance = await core.call('organizations.create', { organCode: FINANCE.code, name: FINANCE.name });
  return { office: office.id, finance: finance.id };
}

test.beforeAll(async () => {
  // initdb and the hub's migrations take a while on a loaded two-core machine.
  test.setTimeout(180_000);
  cluster = await startPostgres();
  databaseUrl = await cluster.createDatabase('sync_packs_e2e');
  hub = await startHub({ databaseUrl, port: 0 });
  hubDb = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-sync-packs-'));

  // The standing office's laptop: a committee with a member from Sở Tài chính, a published meeting with a PDF.
  office = await isolatedHost('sync-packs-office', null);
  const core = office.host.core;
  const units = await directory(office);
  await core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên Văn phòng', unitName: OFFICE.name, organizationId: units.office, workRole: 'secretariat' });
  const chair = await core.call('people.create', { fullName: 'Nguyễn Văn Chủ', position: 'Phó Chủ tịch UBND tỉnh', organizationId: units.office });
  const member = await core.call('people.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở Tài chính', organizationId: units.finance });
  const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo chuyển đổi số tỉnh' });
  await core.call('committees.setMembers', {
    committeeId: committee.id,
    members: [
      { personId: chair.id, role: 'head' },
      { personId: member.id, role: 'member' },
    ],
  });
  const day = addDaysKey(todayKey(), 7);
  const { meeting } = await core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: MEETING,
    startsAt: `${day}T01:00:00.000Z`,
    endsAt: `${day}T04:00:00.000Z`,
    chairPersonId: chair.id,
  });
  meetingId = meeting.id;
  const { itemId } = await core.call('agenda.add', { meetingId, title: 'Kết quả chuyển đổi số năm 2026', presenter: { personId: member.id }, durationMinutes: 30 });
  await core.call('participants.addCommittee', { meetingId });
  await writeOfficialPdf(join(files, PDF), {
    agency: ['UBND TỈNH LÀO CAI', 'SỞ TÀI CHÍNH'],
    number: '45/BC-STC',
    placeDate: 'Lào Cai, ngày 01 tháng 12 năm 2026',
    typeTitle: 'BÁO CÁO',
    summary: 'Kinh phí thực hiện chuyển đổi số năm 2026',
    bodies: ['Sở Tài chính báo cáo kinh phí thực hiện các nhiệm vụ chuyển đổi số năm 2026.'],
  });
  await core.call('documents.importFiles', { paths: [join(files, PDF)], meetingId, agendaItemId: itemId });
  await core.call('meetings.setStatus', { id: meetingId, status: 'published' });

  // Sở Tài chính's laptop: the same directory, its own profile and key, connected to the hub as its unit.
  finance = await isolatedHost('sync-packs-finance', null);
  const financeUnits = await directory(finance);
  await finance.host.core.call('profile.create', { fullName: 'Nguyễn Thị Lan', position: 'Chuyên viên Sở Tài chính', unitName: FINANCE.name, organizationId: financeUnits.finance, workRole: 'member' });
});

test.afterAll(async () => {
  await office?.close();
  await finance?.close();
  await hubDb?.end();
  await hub?.close();
  await cluster?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

const indicator = (page: Page) => page.getByRole('group', { name: 'Liên thông' });

/** The toast a step leaves (earlier ones may still be fading out beside it). */
async function toast(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.locator('.ant-message-notice').filter({ hasText: text })).toBeVisible();
}

test('the office sends a published meeting’s pack through the hub; a member unit trusts the key and imports it', async ({ page }) => {
  test.setTimeout(180_000);
  const actions = page.getByRole('toolbar', { name: 'Thao tác với cuộc họp' });

  // Not connected yet: the button is there, disabled, and says where to connect.
  await page.goto(`${office.host.url}#/meetings/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  const send = actions.getByRole('button', { name: 'Gửi qua Hệ thống điều hành' });
  await expect(send).toBeDisabled();
  await send.locator('xpath=..').hover();
  const tip = page.getByRole('tooltip').filter({ hasText: 'Máy này chưa kết nối Hệ thống điều hành của tỉnh.' });
  await expect(tip).toBeVisible();
  await expect(tip.getByRole('link', { name: 'Kết nối ở trang Liên thông' })).toHaveAttribute('href', '#/sync');
  await page.mouse.move(700, 700);
  await actions.screenshot({ path: `${screenshotDir}sync-packs-send-not-connected.png`, animations: 'disabled' });

  // Connected: the secretariat sends the pack, after a confirmation that says who receives it.
  await connect(office, OFFICE);
  await page.reload();
  await expect(send).toBeEnabled();
  await send.click();
  await expect(page.getByRole('tooltip').filter({ hasText: 'các đơn vị thành viên của Ban Chỉ đạo' })).toBeVisible();
  await shot(page, 'sync-packs-send-confirm');
  await confirmPopover(page, 'Gửi');
  await toast(page, 'Đã xếp hàng gửi gói tài liệu; sẽ gửi ở lần đồng bộ tới.');
  const [queued] = await office.host.core.call('sync.publications', {});
  expect(queued).toMatchObject({ direction: 'out', kind: 'meeting_pack', meetingId, title: MEETING });

  // "Đồng bộ ngay" (the send already started a pass; a second one shares it or finds nothing left).
  await indicator(page).getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await toast(page, /Đã đồng bộ: gửi \d+, nhận \d+ thay đổi\./);
  await expect.poll(async () => (await hubDb.query<{ n: number }>('SELECT count(*)::int AS n FROM publications')).rows[0]!.n).toBe(1);
  const held = (await hubDb.query<{ recipients: string[] }>('SELECT recipients FROM publications')).rows[0]!;
  expect(held.recipients).toEqual([OFFICE.code, FINANCE.code]);

  // The office's list says it went out.
  await page.goto(`${office.host.url}#/sync`);
  await page.getByRole('link', { name: 'Xem các gói, phiếu ý kiến đã gửi và nhận' }).click();
  await expect(page).toHaveURL(/#\/sync\/publications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gói tài liệu và ý kiến qua Hệ thống điều hành' })).toBeVisible();
  const sent = page.getByRole('row', { name: new RegExp(MEETING) });
  await expect(sent).toContainText('Gửi đi');
  await expect(sent).toContainText('Đã gửi');
  await expect(sent).toContainText(new RegExp(`Gói họp \\d{4}-\\d{2}-\\d{2} ${MEETING} \\(bản 1\\)\\.nghisu`));
  await expect(sent).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(sent.getByRole('link', { name: MEETING })).toHaveAttribute('href', `#/meetings/${meetingId}`);
  await shot(page, 'sync-packs-office-sent');

  // Sở Tài chính's laptop, before it is connected: nothing yet.
  await page.goto(finance.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await page.goto(`${new URL(page.url()).origin}/#/sync/publications`);
  await expect(page.getByText('Chưa có tệp nào gửi hoặc nhận', { exact: true })).toBeVisible();
  await shot(page, 'sync-packs-empty');

  // Connected, it syncs: the pack arrives and waits, since this laptop has never trusted the office's
  // key. (The host's background pass may fetch it first: "Đồng bộ ngay" then shares or finds nothing.)
  await connect(finance, FINANCE);
  await page.reload();
  const status = indicator(page);
  await status.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await toast(page, /Đã đồng bộ: gửi 0, nhận [01] thay đổi\./);
  const waitingLink = status.getByRole('link', { name: '1 tệp nhận về chờ xác nhận khóa ký' });
  await expect(waitingLink).toBeVisible();
  expect((await finance.host.core.call('meetings.list', {})).total).toBe(0);
  const received = page.getByRole('row', { name: new RegExp(MEETING) });
  await expect(received).toContainText('Nhận về');
  await expect(received).toContainText('Chờ xác nhận khóa ký');
  await expect(received).toContainText('dấu vân tay');
  // Not on this laptop yet: the title is not a link.
  await expect(received.getByRole('link', { name: MEETING })).toHaveCount(0);
  await page.mouse.move(700, 700);
  await status.screenshot({ path: `${screenshotDir}sync-packs-indicator-waiting.png`, animations: 'disabled' });
  await shot(page, 'sync-packs-waiting');

  // The confirmation quotes the reason with the office's fingerprint, and asks to check it first.
  const fingerprint = (await office.host.core.call('profile.get', {}))!.fingerprint;
  await received.getByRole('button', { name: 'Tin cậy khóa ký và nhập' }).click();
  const confirm = page.getByRole('dialog', { name: 'Tin cậy khóa ký và nhập?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`dấu vân tay ${fingerprint}`);
  await expect(confirm).toContainText('Hãy đối chiếu dấu vân tay trên với Văn phòng Ban Chỉ đạo');
  await expect(confirm.getByRole('button', { name: 'Hủy' })).toBeFocused();
  await shot(page, 'sync-packs-trust-confirm');
  await confirm.getByRole('button', { name: 'Tin cậy và nhập' }).click();
  await toast(page, `Đã nhập “${MEETING}”.`);
  await expect(confirm).toBeHidden();
  await expect(received).toContainText('Đã nhập');
  await expect(received.getByRole('button', { name: 'Tin cậy khóa ký và nhập' })).toHaveCount(0);
  await expect(waitingLink).toHaveCount(0);
  await shot(page, 'sync-packs-imported');

  // The meeting is on the member's laptop, with its document, marked as received from a pack.
  await received.getByRole('link', { name: MEETING }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
  await expect(page.getByRole('button', { name: `Mở tài liệu ${PDF}` })).toBeVisible();
  await page.getByRole('link', { name: 'Danh sách cuộc họp' }).click();
  await expect(page.getByRole('row', { name: new RegExp(MEETING) })).toContainText('Nhận từ gói, bản 1');
  await shot(page, 'sync-packs-member-meetings');
  expect((await finance.host.core.call('keys.listTrusted', {})).map((k) => k.fingerprint)).toEqual([fingerprint]);
});

test('written opinions go online: the office sends the request, the member answers from the laptop, the office takes the answers in', async ({ page }) => {
  test.setTimeout(180_000);
  const core = office.host.core;
  for (const [laptop, unit] of [[office, OFFICE], [finance, FINANCE]] as const) {
    if (!(await laptop.host.core.call('sync.status', {})).configured) await connect(laptop, unit);
  }
  const [committee] = await core.call('committees.list', {});
  const title = 'Lấy ý kiến dự thảo Kế hoạch chuyển đổi số năm 2027';
  const request = await core.call('opinions.create', {
    committeeId: committee!.id,
    title,
    questions: ['Đồng chí có đồng ý thông qua dự thảo Kế hoạch không?'],
    deadline: addDaysKey(todayKey(), 10),
  });

  // The office sends it from the request's page; the tag beside the button follows the send.
  await page.goto(`${office.host.url}#/opinions/${request.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Gửi qua Hệ thống điều hành' }).click();
  await expect(page.getByRole('tooltip').filter({ hasText: 'đơn vị của những người được xin ý kiến' })).toBeVisible();
  await confirmPopover(page, 'Gửi');
  await toast(page, 'Đã xếp hàng gửi phiếu lấy ý kiến; sẽ gửi ở lần đồng bộ tới.');
  await expect(page.getByText(/^Đã gửi qua Hệ thống lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeVisible();
  await shot(page, 'sync-opinions-office-sent');
  expect((await hubDb.query<{ recipients: string[] }>("SELECT recipients FROM publications WHERE kind = 'opinion_request'")).rows).toEqual([{ recipients: [OFFICE.code, FINANCE.code] }]);

  // The member's laptop: the request arrives with a pass (imported at once when the office's key is
  // already trusted for the committee; otherwise trusted here as for a pack).
  await page.goto(finance.host.url);
  await indicator(page).getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await toast(page, /Đã đồng bộ: gửi 0, nhận [01] thay đổi\./);
  await page.goto(`${new URL(page.url()).origin}/#/sync/publications`);
  const arrived = page.getByRole('row', { name: new RegExp(title) });
  await expect(arrived).toContainText('Phiếu lấy ý kiến');
  if (await arrived.getByRole('button', { name: 'Tin cậy khóa ký và nhập' }).isVisible()) {
    await arrived.getByRole('button', { name: 'Tin cậy khóa ký và nhập' }).click();
    await page.getByRole('dialog', { name: 'Tin cậy khóa ký và nhập?' }).getByRole('button', { name: 'Tin cậy và nhập' }).click();
  }
  await expect(arrived).toContainText('Đã nhập');
  await arrived.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The member answers and sends the answers back online (the answers are saved first).
  const group = page.getByRole('radiogroup', { name: 'Ý kiến cho câu hỏi 1' });
  await group.locator('label').filter({ has: page.getByRole('radio', { name: 'Đồng ý', exact: true }) }).click();
  await page.getByRole('button', { name: 'Gửi trả lời qua Hệ thống điều hành' }).click();
  await expect(page.getByRole('tooltip').filter({ hasText: 'về đơn vị đã gửi phiếu' })).toBeVisible();
  await confirmPopover(page, 'Gửi');
  await toast(page, 'Đã xếp hàng gửi bản trả lời; sẽ gửi ở lần đồng bộ tới.');
  await expect(page.getByText(/^Đã gửi qua Hệ thống lúc /)).toBeVisible();
  await shot(page, 'sync-opinions-member-sent');
  expect((await finance.host.core.call('opinions.get', { requestId: request.id })).questionList[0]!.myAnswer).toMatchObject({ choice: 'agree' });

  // The office: the answers arrive and wait until the office says whose key signed them.
  await page.goto(office.host.url);
  await indicator(page).getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await toast(page, /Đã đồng bộ: gửi 0, nhận [01] thay đổi\./);
  await page.goto(`${new URL(page.url()).origin}/#/sync/publications`);
  const answers = page.getByRole('row', { name: /Bản trả lời lấy ý kiến/ });
  await expect(answers).toContainText('Chờ xác nhận khóa ký');
  await answers.getByRole('button', { name: 'Tin cậy khóa ký và nhập' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tin cậy khóa ký của người trả lời?' });
  const memberKey = (await finance.host.core.call('profile.get', {}))!.fingerprint;
  await expect(dialog).toContainText(`dấu vân tay ${memberKey}`);
  await expect(dialog.getByRole('button', { name: 'Tin cậy và nhập' })).toBeDisabled();
  await choose(page, dialog.getByRole('combobox', { name: 'Khóa này là của' }), /Lê Thị Đào/);
  await shot(page, 'sync-opinions-trust-answers');
  await dialog.getByRole('button', { name: 'Tin cậy và nhập' }).click();
  await toast(page, `Đã nhập “${title}”.`);
  await expect(answers).toContainText('Đã nhập');
  await answers.getByRole('link', { name: title }).click();
  await expect(page.getByText('Đã trả lời 1/2')).toBeVisible();
  await shot(page, 'sync-opinions-office-answered');
});
