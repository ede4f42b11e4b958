import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../../electron/web/server.ts';
import { Database } from '../support/sqlite.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { choose } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory } from './support/seed.ts';

/** The app lock: set a passphrase, lock with Ctrl+L, a wrong and a right passphrase, the idle lock. */
let lab: IsolatedHost;
const PASSPHRASE = 'Bắc Hà chợ phiên chủ nhật';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  lab = await isolatedHost('app-lock', E2E_PROFILE);
});

test.afterAll(async () => {
  await lab.close();
});

test('a passphrase set in Cài đặt locks the app on Ctrl+L; only the right passphrase brings the same screen back', async ({ page }) => {
  await page.goto(`${lab.host.url}#/settings`);
  const card = page.locator('.ns-settings-card').filter({ hasText: 'Khóa ứng dụng và mật khẩu' });
  await expect(card.getByText('Chưa đặt mật khẩu', { exact: true })).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByText('Chưa đặt mật khẩu nên chưa khóa được ứng dụng.', { exact: false })).toBeVisible();

  await card.getByLabel('Mật khẩu', { exact: true }).fill('ngắn');
  await card.getByLabel('Nhập lại mật khẩu').fill('khác');
  await card.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await expect(card.getByText('Cần ít nhất 8 ký tự.')).toBeVisible();
  await expect(card.getByText('Hai lần nhập không giống nhau.')).toBeVisible();
  await card.getByLabel('Mật khẩu', { exact: true }).fill(PASSPHRASE);
  await card.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Đặt mật khẩu' }).click();
  await expect(card.getByText('Đã đặt mật khẩu: khóa ký được bảo vệ', { exact: false })).toBeVisible();
  await expect(card.getByLabel('Mật khẩu hiện tại')).toBeVisible();
  await screenshot(page, 'app-lock-settings');

  await page.goto(`${lab.host.url}#/documents`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  await page.keyboard.press('Control+l');
  const lock = page.getByRole('main').filter({ hasText: 'Ứng dụng đang khóa' });
  await expect(lock).toBeVisible();
  await expect(lock.getByText('Nguyễn Thị Hương · Văn phòng UBND tỉnh Lào Cai')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await lock.getByLabel('Mật khẩu').fill('Bắc Hà chợ phiên thứ bảy');
  await lock.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(lock.getByRole('alert')).toContainText('Mật khẩu không đúng.');
  await screenshot(page, 'app-lock-wrong');
  await lock.getByLabel('Mật khẩu').fill(PASSPHRASE);
  await lock.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  expect(page.url()).toContain('#/documents');

  const db = new Database(join(lab.dataDir, 'nghisu.db'), { readonly: true });
  const actions = db.prepare("SELECT action FROM audit_log WHERE action LIKE 'security.%' ORDER BY rowid").pluck().all();
  db.close();
  expect(actions).toEqual(['security.setPassphrase', 'security.lock', 'security.unlockFailed', 'security.unlock']);
});

test('left alone for the chosen idle time, the app locks itself', async ({ page }) => {
  await page.goto(`${lab.host.url}#/settings`);
  const card = page.locator('.ns-settings-card').filter({ hasText: 'Khóa ứng dụng và mật khẩu' });
  await choose(page, card.getByRole('combobox'), /^5 phút$/);
  await expect(page.getByText('Ứng dụng sẽ tự khóa sau 5 phút không dùng.')).toBeVisible();
  // A controlled clock from a fresh start of the screen, so five minutes pass in an instant.
  await page.clock.install();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
  await page.clock.fastForward('04:00');
  await expect(page.getByText('Ứng dụng đang khóa')).toHaveCount(0);
  await page.clock.fastForward('01:30');
  await expect(page.getByText('Ứng dụng đang khóa')).toBeVisible();
  await screenshot(page, 'app-lock-screen');
  await page.getByLabel('Mật khẩu').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
});

test('locking while the minutes are being typed keeps every letter: the last save reaches the core before the lock', async ({ page }) => {
  const core = lab.host.core;
  const dir = await seedDirectory(core);
  const { meeting } = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: 'Phiên họp kiểm tra khóa ứng dụng',
    startsAt: '2026-12-02T01:00:00.000Z',
    endsAt: '2026-12-02T03:00:00.000Z',
    chairPersonId: dir.people.chair.id,
  });
  await core.call('agenda.add', { meetingId: meeting.id, title: 'Tiến độ giải phóng mặt bằng', durationMinutes: 30 });
  await core.call('participants.addCommittee', { meetingId: meeting.id });
  for (const status of ['published', 'in_progress', 'ended'] as const) await core.call('meetings.setStatus', { id: meeting.id, status });
  await core.call('minutes.draft', { meetingId: meeting.id });

  await page.goto(`${lab.host.url}#/meetings/${meeting.id}/minutes`);
  const editor = page.getByRole('textbox', { name: 'Nội dung biên bản' });
  await expect(editor).toContainText('Thời gian bắt đầu:');
  await editor.locator('p', { hasText: 'Trình bày:' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const typed = 'Đồng chí Trưởng ban yêu cầu hoàn thành trước ngày 31/12';
  await page.keyboard.type(typed);
  // At once, before the autosave's pause: the lock takes the screen, the editor's last save goes first.
  await page.keyboard.press('Control+l');
  await expect(page.getByText('Ứng dụng đang khóa')).toBeVisible();
  await expect.poll(async () => JSON.stringify((await core.call('minutes.get', { meetingId: meeting.id }))!.content)).toContain(typed);

  await page.getByLabel('Mật khẩu').fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(editor).toContainText(typed);
  await expect(page.getByText(/Có nội dung chưa lưu/)).toHaveCount(0);
});

test('a data folder whose key the keychain lost opens with the passphrase on the lock screen, data and all', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-key-recovery-'));
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  try {
    const before = await startWebHost({ dataDir, staticDir });
    await before.core.call('profile.create', E2E_PROFILE);
    const committee = await before.core.call('committees.create', { name: 'Ban Chỉ đạo phát triển du lịch tỉnh' });
    await before.core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    await before.close();
    // As after an OS reinstall: the form of the key this laptop kept is gone, the passphrase's remains.
    rmSync(join(dataDir, 'keys', 'database.key'));

    const host = await startWebHost({ dataDir, staticDir });
    try {
      await page.goto(`${host.url}#/directory`);
      const lock = page.getByRole('main').filter({ hasText: 'Mở dữ liệu bằng mật khẩu' });
      await expect(lock).toBeVisible();
      await expect(lock.getByText('Kho khóa của hệ điều hành không mở được khóa dữ liệu', { exact: false })).toBeVisible();
      await expect(page.getByRole('navigation')).toHaveCount(0);
      await lock.getByLabel('Mật khẩu').fill('Bắc Hà chợ phiên thứ bảy');
      await lock.getByRole('button', { name: 'Mở khóa' }).click();
      await expect(lock.getByRole('alert')).toContainText('Mật khẩu không đúng; dữ liệu chưa được mở.');
      await screenshot(page, 'app-lock-key-recovery');
      await lock.getByLabel('Mật khẩu').fill(PASSPHRASE);
      await lock.getByRole('button', { name: 'Mở khóa' }).click();
      await expect(page.getByRole('navigation')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Danh mục' })).toBeVisible();
      await page.getByRole('tab', { name: 'Ban Chỉ đạo' }).click();
      await expect(page.getByText(committee.name).first()).toBeVisible();
      // The profile is the folder's, read again once the data opened.
      await page.getByRole('tab', { name: 'Hồ sơ của tôi' }).click();
      await expect(page.getByLabel('Họ và tên')).toHaveValue(E2E_PROFILE.fullName);
    } finally {
      await host.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
