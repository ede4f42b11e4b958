import { hostUrl } from './env.ts';
import { choose, expect, hostOrigin, mainNav, openShell, screenshot, test } from './fixtures.ts';

// Chromium logs every refused or dropped WebSocket as a console error; here that is the point.
const socketNoise = /WebSocket/;
const unavailable = 'Không kết nối được với lõi ứng dụng';
const reconnecting = 'Mất kết nối với lõi ứng dụng. Đang kết nối lại…';

test('a wrong access token shows a clear Vietnamese message with a retry button', async ({ page, consoleWatch }) => {
  consoleWatch.allow(socketNoise);
  await page.goto(`${hostOrigin()}/?token=not-the-token`);
  await expect(page.getByRole('heading', { level: 1, name: unavailable })).toBeVisible();
  await expect(page.getByText(/^Lõi ứng dụng không trả lời/)).toBeVisible();
  await expect(page.getByText('Dữ liệu trên máy không bị ảnh hưởng.', { exact: false })).toBeVisible();
  const retry = page.getByRole('button', { name: 'Thử lại' });
  await screenshot(page, 'core-unavailable');
  await retry.click();
  await expect(page.getByRole('heading', { level: 1, name: unavailable })).toBeVisible();
  await expect(retry).toBeEnabled();
});

test('opening the page without a token says where the token comes from', async ({ page }) => {
  await page.goto(`${hostOrigin()}/`);
  await expect(page.getByRole('heading', { level: 1, name: unavailable })).toBeVisible();
  await expect(page.getByText(/^Thiếu mã truy cập của phiên làm việc/)).toBeVisible();
});

test('the retry button reconnects at once when the core is back', async ({ page, consoleWatch }) => {
  consoleWatch.allow(socketNoise);
  // Freeze the page's timers so the automatic reconnection cannot beat the button to it.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1_000);
  let coreUp = false;
  let attempts = 0;
  await page.routeWebSocket(/\/bridge/, async (ws) => {
    attempts += 1;
    if (coreUp) ws.connectToServer();
    else await ws.close({ code: 1011, reason: 'core not ready' });
  });
  await page.goto(hostUrl());
  await expect(page.getByRole('heading', { level: 1, name: unavailable })).toBeVisible();
  const before = attempts;

  coreUp = true;
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  expect(attempts).toBe(before + 1);
});

test('a call cut off by a dropped connection fails clearly; the app says so and reconnects', async ({
  page,
  consoleWatch,
}) => {
  consoleWatch.allow(socketNoise);
  let coreUp = true;
  let dropNextSave = true;
  await page.routeWebSocket(/\/bridge/, async (ws) => {
    if (!coreUp) {
      await ws.close({ code: 1012, reason: 'core restarting' });
      return;
    }
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const request = JSON.parse(String(message)) as { method: string };
      if (request.method === 'settings.set' && dropNextSave) {
        // The core goes away with this request unanswered.
        dropNextSave = false;
        coreUp = false;
        void ws.close({ code: 1012, reason: 'core restarting' });
        return;
      }
      server.send(message);
    });
  });
  await openShell(page);
  await page.keyboard.press('Control+Comma');
  await choose(page, 'Tối');
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(
    page.getByText(/^Chưa lưu được cài đặt: Mất kết nối với lõi ứng dụng trước khi nhận được trả lời/),
  ).toBeVisible();
  await expect(page.getByText(reconnecting)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // Nothing was lost from the screen: the unsaved choice is still there to save again.
  await expect(page.getByRole('radio', { name: 'Tối' })).toBeChecked();
  await expect(mainNav(page)).toBeVisible();
  await screenshot(page, 'connection-lost');

  coreUp = true;
  await expect(page.getByText(reconnecting)).toHaveCount(0, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(page.getByText('Đã lưu cài đặt.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a slow start (the first after an update encrypts the data) says what is happening, then the app opens', async ({ page }) => {
  // The core's answers are held back, as while it encrypts and migrates years of data.
  const held: string[] = [];
  let forward: ((message: string) => void) | null = null;
  let release = () => {};
  await page.routeWebSocket(/\/bridge/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => (forward ? forward(String(message)) : held.push(String(message))));
    release = () => {
      forward = (message) => ws.send(message);
      for (const message of held.splice(0)) ws.send(message);
    };
  });
  await page.goto(hostUrl());
  await expect(page.getByText('Đang kết nối với lõi ứng dụng…')).toBeVisible();
  const hint = page.getByRole('status').filter({ hasText: 'Lần mở đầu tiên sau khi cập nhật, ứng dụng mã hóa và nâng cấp dữ liệu' });
  await expect(hint).toBeVisible({ timeout: 10_000 });
  await expect(hint).toContainText('Xin đừng tắt ứng dụng');
  await screenshot(page, 'core-slow-start');
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await expect(hint).toHaveCount(0);
});
