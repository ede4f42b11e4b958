import type { Page } from '@playwright/test';
import pg from 'pg';
import { addDaysKey, todayKey } from '../../shared/vn-time.ts';
import { createHubClient, startHub } from '../../hub/index.ts';
import { startPostgres, type Postgres } from '../support/postgres.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, screenshotDir, test } from './fixtures.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { shot } from './support/shots.ts';

/**
 * Liên thông against a real hub on a real PostgreSQL: the standing office connects its laptop from
 * the Liên thông page (a wrong address refused in Vietnamese under its field), a task it assigns
 * waits in the navigation column's status until "Đồng bộ ngay" sends it to the hub's database; the
 * hub's copy is then changed behind the laptop's back while the laptop edits the same task, and the
 * conflict that follows is decided on the conflicts page by taking the hub's version.
 */

test.use({ actionTimeout: 15_000 });

const OFFICE = { code: '000.00.01.H41', name: 'Văn phòng UBND tỉnh Lào Cai' };
const KHCN = { code: '000.00.12.H41', name: 'Sở Khoa học và Công nghệ' };
const CONTENT = 'Xây dựng nền tảng số dùng chung của tỉnh';
const LOCAL_EDIT = 'Xây dựng nền tảng số dùng chung của tỉnh, hoàn thành trong quý I';
const HUB_EDIT = 'Nội dung do Văn phòng sửa';

const today = todayKey();
const due = addDaysKey(today, 40);
const moved = addDaysKey(today, 60);
const dmy = (iso: string) => iso.split('-').reverse().join('/');

let cluster: Postgres;
let hub: { url: string; close(): Promise<void> };
let hubDb: pg.Pool;
let client: { clientId: string; secret: string };
let env: IsolatedHost;
let khcnId: string;

test.beforeAll(async () => {
  // initdb and the hub's migrations take a while on a loaded two-core machine.
  test.setTimeout(180_000);
  cluster = await startPostgres();
  const databaseUrl = await cluster.createDatabase('sync_e2e');
  hub = await startHub({ databaseUrl, port: 0 });
  hubDb = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  client = await createHubClient({ databaseUrl, unitCode: OFFICE.code, unitName: OFFICE.name });

  // The standing office's laptop: its unit and the lead unit in the directory with their mã định danh.
  env = await isolatedHost('sync', null);
  const core = env.host.core;
  const office = await core.call('organizations.create', { organCode: OFFICE.code, name: OFFICE.name });
  khcnId = (await core.call('organizations.create', { organCode: KHCN.code, name: KHCN.name })).id;
  await core.call('profile.create', { ...E2E_PROFILE, organizationId: office.id });
});

test.afterAll(async () => {
  await env?.close();
  await hubDb?.end();
  await hub?.close();
  await cluster?.stop();
});

async function hubCount(sql: string): Promise<number> {
  return (await hubDb.query<{ n: number }>(sql)).rows[0]!.n;
}

/** The liên thông status in the navigation column. */
const indicator = (page: Page) => page.getByRole('group', { name: 'Liên thông' });

async function indicatorShot(page: Page, name: string): Promise<void> {
  await page.mouse.move(700, 400);
  await indicator(page).screenshot({ path: `${screenshotDir}${name}.png`, animations: 'disabled' });
}

/** The toast a sync pass or a decision leaves (earlier ones may still be fading out beside it). */
async function toast(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.locator('.ant-message-notice').filter({ hasText: text })).toBeVisible();
}

test('the office connects to the hub, sends a task, and takes the hub’s version of a conflicting edit', async ({ page }) => {
  test.setTimeout(180_000);
  const core = env.host.core;
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();

  // Not connected: the status says so on every screen and leads to the Liên thông page.
  const status = indicator(page);
  await expect(status.getByRole('link', { name: 'Chưa kết nối' })).toBeVisible();
  await expect(status.getByRole('button', { name: 'Đồng bộ ngay' })).toHaveCount(0);
  await indicatorShot(page, 'sync-indicator-not-connected');
  await status.getByRole('link', { name: 'Chưa kết nối' }).click();
  await expect(page).toHaveURL(/#\/sync$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Liên thông' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Liên thông là gì?' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('nghisu hub create-client');
  await shot(page, 'sync-settings-empty');

  // An address on the open Internet without https is refused by the core, in Vietnamese, under its field; nothing is saved.
  const form = page.locator('form#sync-connection');
  await form.getByRole('textbox', { name: 'Địa chỉ Hệ thống điều hành' }).fill('http://example.com');
  await form.getByRole('textbox', { name: 'Mã ứng dụng' }).fill(client.clientId);
  await form.getByLabel('Khóa bí mật').fill(client.secret);
  await form.getByRole('button', { name: /Lưu$/ }).click();
  const urlItem = form.locator('.ant-form-item').filter({ has: page.getByRole('textbox', { name: 'Địa chỉ Hệ thống điều hành' }) });
  await expect(urlItem.locator('.ant-form-item-explain-error')).toHaveText('Cần địa chỉ https:// (http:// chỉ cho máy này)');
  expect((await core.call('sync.status', {})).configured).toBe(false);

  // The hub's address (plain http is allowed on this machine): saved, then the hub says who this laptop is.
  await form.getByRole('textbox', { name: 'Địa chỉ Hệ thống điều hành' }).fill(hub.url);
  await form.getByRole('button', { name: 'Lưu và kiểm tra kết nối' }).click();
  await expect(page.getByText(`Kết nối được: đơn vị ${OFFICE.code} — ${OFFICE.name}`)).toBeVisible();
  await expect(urlItem.locator('.ant-form-item-explain-error')).toHaveCount(0);
  const saved = await core.call('sync.status', {});
  expect(saved).toMatchObject({ configured: true, url: hub.url, clientId: client.clientId, unitCode: OFFICE.code });
  // The secret is never shown back; the form says it must be typed again to save a change.
  await expect(form.getByLabel('Khóa bí mật')).toHaveValue('');
  await expect(form).toContainText('Khóa bí mật đã lưu trên máy này và không hiển thị lại.');
  await expect(form.getByRole('button', { name: 'Lưu và kiểm tra kết nối' })).toHaveCount(0);
  await expect(form.getByRole('button', { name: /Kiểm tra kết nối$/ })).toBeVisible();
  await expect(status).toContainText('Chưa đồng bộ lần nào');
  const details = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: 'Tình trạng liên thông' }) });
  await expect(details).toContainText(saved.installationId!);
  await expect(details).toContainText(`${OFFICE.name} (${OFFICE.code})`);
  await shot(page, 'sync-settings-connected');

  // A task assigned here waits to be sent…
  const task = await core.call('tasks.create', { task: { content: CONTENT, leadUnit: khcnId, deadline: { kind: 'date', date: due } } });
  await expect(status).toContainText('1 thay đổi chờ gửi');
  await indicatorShot(page, 'sync-indicator-pending');

  // …until "Đồng bộ ngay" sends it to the hub.
  await status.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await toast(page, /Đã đồng bộ: gửi 1, nhận \d+ thay đổi\./);
  await expect(status).toContainText(/Đã đồng bộ lúc \d{2}:\d{2}/);
  await expect(status).not.toContainText('chờ gửi');
  expect(await hubCount('SELECT count(*)::int AS n FROM assignments')).toBe(1);
  await indicatorShot(page, 'sync-indicator-synced');

  // The office edits the task on the hub meanwhile, and the laptop edits it too.
  await hubDb.query(
    `UPDATE assignments SET fields_version = fields_version + 1, version = version + 1, fields = jsonb_set(fields, '{content}', to_jsonb($1::text)) WHERE id = $2`,
    [HUB_EDIT, task.id],
  );
  // The pass just now may have stored the hub's answer on the task: edit the version there is.
  const current = await core.call('tasks.get', { id: task.id });
  await core.call('tasks.update', { id: task.id, baseVersion: current.version, changes: { content: LOCAL_EDIT, deadline: { kind: 'date', date: moved } } });
  await expect(status).toContainText('1 thay đổi chờ gửi');

  // Ctrl+Shift+D syncs from any screen: the hub refuses the stale edit, and the conflict waits for a person.
  await page.keyboard.press('Control+Shift+D');
  await toast(page, 'Có 1 xung đột cần bạn xử lý.');
  await expect(status.getByRole('link', { name: '1 xung đột cần xử lý' })).toBeVisible();
  await indicatorShot(page, 'sync-indicator-conflict');
  await status.getByRole('link', { name: '1 xung đột cần xử lý' }).click();

  await expect(page).toHaveURL(/#\/sync\/conflicts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Xung đột liên thông' })).toBeVisible();
  const conflict = page.getByRole('article', { name: LOCAL_EDIT });
  await expect(conflict.getByRole('link', { name: LOCAL_EDIT })).toHaveAttribute('href', `#/tasks/${task.id}`);
  await expect(conflict).toContainText('Hệ thống điều hành:');
  await expect(conflict.getByRole('row', { name: new RegExp(`^Nội dung ${LOCAL_EDIT} ${HUB_EDIT}$`) })).toBeVisible();
  await expect(conflict.getByRole('row', { name: `Hạn xử lý ${dmy(moved)} ${dmy(due)}` })).toBeVisible();
  await shot(page, 'sync-conflicts');

  await conflict.getByRole('button', { name: 'Nhận bản của Hệ thống điều hành' }).click();
  await toast(page, 'Đã nhận bản của Hệ thống điều hành.');
  await expect(page.getByText('Không có xung đột', { exact: true })).toBeVisible();
  await expect(status.getByRole('link', { name: /xung đột/ })).toHaveCount(0);
  await shot(page, 'sync-conflicts-empty');

  // F1 here opens the guide at liên thông.
  await page.keyboard.press('F1');
  await expect(page).toHaveURL(/\/help\?topic=sync$/);
  await expect(page.getByRole('region', { name: 'Liên thông với Hệ thống điều hành' })).toContainText('Ctrl+Shift+D');

  // The task on this laptop is now the hub's copy.
  await page.goto(`${new URL(page.url()).origin}/#/tasks/${task.id}`);
  await expect(page.getByRole('heading', { level: 1, name: HUB_EDIT })).toBeVisible();
  expect(await core.call('tasks.get', { id: task.id })).toMatchObject({ content: HUB_EDIT, dueDate: due });
  expect(await core.call('sync.status', {})).toMatchObject({ pending: 0, conflicts: 0, rejected: 0, lastError: null });

  // The hub goes away: the status says why in Vietnamese and when it tries again.
  await hub.close();
  await status.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await toast(page, /Chưa đồng bộ được: Không kết nối được Hệ thống điều hành/);
  await expect(status).toContainText('Lỗi đồng bộ');
  await expect(status).toContainText('Các thay đổi vẫn được giữ và sẽ gửi khi có mạng.');
  await expect(status).toContainText(/Thử lại lúc \d{2}:\d{2}/);
  await indicatorShot(page, 'sync-indicator-error');
});
