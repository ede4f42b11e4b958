import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures.ts';
import { hostPage, MEMBER_PROFILE, seedMeetingDocument } from './support/annotated-reader.ts';
import { choose, confirmPopover } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { loopbackMulticast } from '../support/loopback-multicast.ts';

test.setTimeout(120_000);

const SECRETARIAT_PROFILE = { fullName: 'Trần Thị Thư', position: 'Chuyên viên Văn phòng', unitName: 'Văn phòng UBND tỉnh Lào Cai', workRole: 'secretariat' } as const;
const MOTION = 'Thông qua Báo cáo tiến độ giải phóng mặt bằng quý I';

let secretariat: IsolatedHost;
let member: IsolatedHost;
let meetingId = '';
let documentId = '';
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  secretariat = await isolatedHost('room-secretariat', SECRETARIAT_PROFILE);
  member = await isolatedHost('room-member', MEMBER_PROFILE);
  const core = secretariat.host.core;
  ({ meetingId, documentId } = await seedMeetingDocument(core, [
    'BÁO CÁO TIẾN ĐỘ GIẢI PHÓNG MẶT BẰNG\n\nTrang một: tổng hợp các dự án.',
    'Trang hai: tình hình giải ngân vốn đầu tư công.',
    'Trang ba: kiến nghị của các sở.',
  ]));
  const org = await core.call('organizations.create', { organCode: '000.00.25.H41', name: 'Sở Xây dựng' });
  const chair = await core.call('people.create', { fullName: 'Đặng Quốc Hùng', position: 'Chủ tịch UBND tỉnh', organizationId: org.id });
  const person = await core.call('people.create', { fullName: MEMBER_PROFILE.fullName, position: MEMBER_PROFILE.position, organizationId: org.id });
  await core.call('participants.add', { meetingId, personId: chair.id, role: 'chair' });
  await core.call('participants.add', { meetingId, personId: person.id, role: 'member' });
  // The member's laptop key, trusted by the secretariat as this member's (as for shared notes).
  const key = await member.host.core.call('profile.get', {});
  await core.call('keys.trust', { publicKey: key!.publicKey, label: MEMBER_PROFILE.fullName, scope: { purpose: 'notes', personId: person.id } });
  await core.call('meetings.setStatus', { id: meetingId, status: 'published' });
  const file = join(mkdtempSync(join(tmpdir(), 'nghisu-room-pack-')), 'goi.nghisu');
  await core.call('packs.exportFile', { meetingId, file });
  await member.host.core.call('packs.importFile', { file, trustSigner: true });
  await core.call('meetings.setStatus', { id: meetingId, status: 'in_progress' });
  await core.call('minutes.draft', { meetingId });
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
  await secretariat?.close();
  await member?.close();
});

async function laptop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

function card(page: Page, title: string) {
  return page.locator('.ns-room-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
}

test('the chair opens the room, a member joins from another laptop, follows the page, asks to speak, votes; the result reaches both, the projector and the minutes', async ({ browser }) => {
  const chairPage = await laptop(browser);
  const memberPage = await laptop(browser);

  // The secretariat opens the room on the meeting's page, on the network it picks.
  await chairPage.goto(hostPage(secretariat.host.url, `/meetings/${meetingId}`));
  await chairPage.getByRole('button', { name: 'Phòng họp' }).click();
  await expect(chairPage.getByRole('heading', { level: 1 })).toContainText('Phòng họp');
  await choose(chairPage, chairPage.getByRole('combobox', { name: 'Mạng của phòng họp' }), '127.0.0.1');
  await chairPage.getByRole('button', { name: 'Mở phòng họp' }).click();
  const url = (await chairPage.locator('.ns-room-url').innerText()).trim();
  const fingerprint = (await chairPage.locator('.ns-room-fingerprint').innerText()).trim();
  expect(url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/$/);
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await expect(chairPage.getByRole('img', { name: 'Mã QR của liên kết vào phòng' })).toBeVisible();
  await screenshot(chairPage, 'live-room-opened');

  // The member joins from the meeting's page with the address and fingerprint shown by the host.
  await memberPage.goto(hostPage(member.host.url, `/meetings/${meetingId}`));
  await memberPage.getByRole('button', { name: 'Vào phòng họp' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Phòng họp trực tuyến' })).toBeVisible();
  // The meeting's signed pack named the room's certificate: only the address is typed.
  await expect(memberPage.getByRole('textbox', { name: 'Dấu vân tay' })).toHaveValue(fingerprint);
  await expect(memberPage.getByText('Dấu vân tay lấy từ gói tài liệu đã ký của cuộc họp: chỉ cần nhập địa chỉ.')).toBeVisible();
  if (await loopbackMulticast()) {
    // Found on the network (DNS-SD), named by the meeting whose pack pinned its certificate.
    await memberPage.getByRole('button', { name: 'Tìm phòng họp trên mạng' }).click();
    const found = memberPage.locator('.ns-room-found .ant-list-item', { hasText: 'Họp Ban Chỉ đạo quý I năm 2026' });
    await expect(found).toBeVisible({ timeout: 15_000 });
    await found.getByRole('button', { name: 'Chọn' }).click();
    await expect(memberPage.getByRole('textbox', { name: 'Địa chỉ phòng họp' })).toHaveValue(url);
  } else {
    await memberPage.getByRole('textbox', { name: 'Địa chỉ phòng họp' }).fill(url);
  }
  await screenshot(memberPage, 'live-room-join');
  await memberPage.getByRole('button', { name: 'Vào phòng', exact: true }).click();
  await expect(memberPage.getByText('Đã kết nối')).toBeVisible();
  await expect(memberPage.getByText(`Bạn: ${MEMBER_PROFILE.fullName}`)).toBeVisible();

  // Joining checked the member in: the chair's attendance and quorum follow.
  const attendance = card(chairPage, 'Điểm danh');
  await expect(attendance.getByText('Có mặt 1/2 thành viên có quyền biểu quyết')).toBeVisible();
  await attendance.locator('.ant-list-item', { hasText: 'Đặng Quốc Hùng' }).getByRole('button', { name: 'Điểm danh' }).click();
  await expect(attendance.getByText('Có mặt 2/2 thành viên có quyền biểu quyết')).toBeVisible();

  // The chair moves to the item and presents page 2 of the report; the member's screen follows.
  const current = card(chairPage, 'Nội dung đang họp');
  await current.getByRole('button', { name: 'Chọn' }).click();
  await expect(current.locator('.ns-room-current-title')).toHaveText('1. Tiến độ giải phóng mặt bằng');
  await expect(memberPage.locator('.ns-room-current-title')).toHaveText('1. Tiến độ giải phóng mặt bằng');
  await choose(chairPage, current.getByRole('combobox', { name: 'Tài liệu đang trình chiếu' }), 'bao-cao-tien-do.pdf');
  await current.getByRole('spinbutton', { name: 'Trang' }).fill('2');
  await current.getByRole('button', { name: 'Trình chiếu' }).click();
  await expect(memberPage.getByText('Đang trình chiếu trang 2')).toBeVisible();
  await memberPage.getByRole('switch', { name: 'Theo người trình bày' }).click();
  await expect(memberPage).toHaveURL(new RegExp(`#/documents/${documentId}/read`));
  await expect(memberPage.getByRole('textbox', { name: 'Số trang cần đến' })).toHaveValue('2', { timeout: 20_000 });
  // The presenter turns to page 3: the member's reader turns with it.
  await current.getByRole('spinbutton', { name: 'Trang' }).fill('3');
  await current.getByRole('button', { name: 'Trình chiếu' }).click();
  await expect(memberPage.getByRole('textbox', { name: 'Số trang cần đến' })).toHaveValue('3', { timeout: 20_000 });
  await screenshot(memberPage, 'live-room-follow-reader');

  // The member asks to speak; the chair gives the floor.
  await memberPage.goBack();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Phòng họp trực tuyến' })).toBeVisible();
  await memberPage.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
  await expect(memberPage.getByText('Bạn đang ở vị trí 1 trong danh sách chờ')).toBeVisible();
  const speakers = card(chairPage, 'Phát biểu');
  await expect(speakers.getByText(`1. ${MEMBER_PROFILE.fullName}`)).toBeVisible();
  await speakers.getByRole('button', { name: 'Mời phát biểu' }).click();
  await expect(memberPage.getByText('Đến lượt bạn phát biểu')).toBeVisible();
  await expect(speakers.locator('.ns-room-speaker')).toContainText(MEMBER_PROFILE.fullName);
  await speakers.getByRole('button', { name: 'Kết thúc' }).click();

  // A named vote: the member votes from the laptop, the chair closes and counts.
  const votes = card(chairPage, 'Biểu quyết');
  await votes.getByRole('textbox', { name: 'Nội dung biểu quyết' }).fill(MOTION);
  await votes.getByRole('button', { name: 'Mở biểu quyết' }).click();
  await expect(votes.getByText('Đã có 0/2 phiếu')).toBeVisible();
  await expect(memberPage.getByRole('heading', { name: MOTION })).toBeVisible();
  await memberPage.locator('label').filter({ has: memberPage.getByRole('radio', { name: 'Đồng ý', exact: true }) }).click();
  await memberPage.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(memberPage.getByText('Phiếu của bạn đã được ghi nhận: Đồng ý')).toBeVisible();
  await expect(votes.getByText('Đã có 1/2 phiếu')).toBeVisible();
  await screenshot(memberPage, 'live-room-member');
  await screenshot(chairPage, 'live-room-console');
  await votes.getByRole('button', { name: 'Kết thúc và kiểm phiếu' }).click();
  // Two members present, one voted for: "more than half of those present" needs two.
  await expect(votes.locator('.ns-room-verdict')).toHaveText('Không thông qua');
  await expect(memberPage.locator('.ns-room-verdict')).toHaveText('Không thông qua');
  await expect(memberPage.getByText('1 đồng ý · 0 không đồng ý · 0 ý kiến khác — cần 2')).toBeVisible();

  // The projector screen opens in a window of its own (a new tab in the browser host): large, no menu.
  const [projector] = await Promise.all([chairPage.context().waitForEvent('page'), chairPage.getByRole('button', { name: 'Màn hình chiếu' }).click()]);
  await projector.setViewportSize({ width: 1440, height: 900 });
  await expect(projector.locator('.ns-projector')).toContainText('1. Tiến độ giải phóng mặt bằng');
  await expect(projector.locator('.ns-projector-failed')).toHaveText('Không thông qua');
  await expect(projector.locator('.ns-projector-rule')).toHaveText('Cần 2/2 phiếu đồng ý (quá nửa số thành viên có mặt)');
  await expect(projector.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
  await screenshot(projector, 'live-room-projector');
  await projector.close();

  // The minutes offer the result and take it under the item, with who voted how.
  await chairPage.getByRole('button', { name: 'Mở biên bản' }).click();
  await expect(chairPage.getByText('Có 1 kết quả biểu quyết từ phòng họp chưa có trong biên bản.')).toBeVisible();
  await chairPage.getByRole('button', { name: 'Đưa vào biên bản' }).click();
  const dialog = chairPage.getByRole('dialog');
  await expect(dialog).toContainText(MOTION);
  await dialog.getByRole('button', { name: /^Áp dụng/ }).click();
  await expect(chairPage.getByText('Có 1 kết quả biểu quyết từ phòng họp chưa có trong biên bản.')).toHaveCount(0);
  // The motion sits in the vote block's question field.
  await expect
    .poll(() => chairPage.locator('.ns-minutes-layout').locator('input, textarea').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
    .toContain(MOTION);
  await expect(chairPage.locator('.ns-minutes-layout')).toContainText('Kết quả: không thông qua (1 đồng ý; cần 2 — quá nửa số thành viên có mặt)');
  await expect(chairPage.locator('.ns-minutes-layout')).toContainText(`Đồng ý (1): ${MEMBER_PROFILE.fullName}`);
  await screenshot(chairPage, 'live-room-minutes');

  // Closing the room: the member is told, and nothing listens any more.
  await chairPage.goBack();
  await chairPage.getByRole('button', { name: 'Đóng phòng họp' }).click();
  await confirmPopover(chairPage, 'Đóng phòng họp');
  await expect(chairPage.getByRole('button', { name: 'Mở phòng họp' })).toBeVisible();
  await expect(memberPage.getByText('Chủ trì đã đóng phòng họp.')).toBeVisible();
  // The member's laptop keeps what it saw: the vote and its result, after the room is gone.
  await memberPage.getByRole('button', { name: 'Rời phòng' }).click();
  const seen = memberPage.locator('.ns-room-seen');
  await expect(seen).toContainText(MOTION);
  await expect(seen).toContainText('Không thông qua');
  await screenshot(memberPage, 'live-room-member-after');
  // F1 opens the guide at the room's topic.
  await memberPage.keyboard.press('F1');
  await expect(memberPage).toHaveURL(/\/help\?topic=room$/);
  await expect(memberPage.getByRole('region', { name: 'Trong phòng họp' })).toBeInViewport();
  // The meeting's page keeps the room's results.
  await chairPage.getByRole('link', { name: 'Về cuộc họp' }).click();
  const record = chairPage.locator('.ns-room-record');
  await expect(record).toContainText('Kết quả tại phòng họp');
  await expect(record).toContainText(MOTION);
  await expect(record).toContainText(`Đồng ý: ${MEMBER_PROFILE.fullName}`);
  await expect(record).toContainText(MEMBER_PROFILE.fullName);
  await screenshot(chairPage, 'live-room-record');
  const stored = await secretariat.host.core.call('liveRoom.status', { meetingId });
  expect(stored.earlier[0]).toMatchObject({ endKind: 'closed', votes: 1 });

  for (const p of [chairPage, memberPage]) expect((p as Page & { errors?: string[] }).errors).toEqual([]);
});
