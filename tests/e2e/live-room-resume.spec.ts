import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { expect, screenshot, test } from './fixtures.ts';
import { seedMeetingDocument } from './support/annotated-reader.ts';

/**
 * The chair's laptop dies with the room open (the room's host here is the command line, killed with
 * SIGKILL mid-vote); the app, started again on the same data folder, offers to take up that room:
 * "Tiếp tục phòng họp" opens it under the same address with the vote still open and its ballot kept.
 */

test.setTimeout(120_000);

const BIN = fileURLToPath(new URL('../../bin/nghisu.js', import.meta.url));
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const MOTION = 'Thông qua phương án giải phóng mặt bằng đợt 2';

let dataDir = '';
let web: WebHost | null = null;
let meetingId = '';
let url = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-room-resume-'));
  const setup = await startWebHost({ dataDir, staticDir });
  const core = setup.core;
  await core.call('profile.create', { fullName: 'Trần Thị Thư', position: 'Chuyên viên Văn phòng', unitName: 'Văn phòng UBND tỉnh Lào Cai', workRole: 'secretariat' });
  ({ meetingId } = await seedMeetingDocument(core, ['BÁO CÁO\n\nTrang một.']));
  const chair = await core.call('people.create', { fullName: 'Đặng Quốc Hùng', position: 'Chủ tịch UBND tỉnh' });
  await core.call('participants.add', { meetingId, personId: chair.id, role: 'chair' });
  await core.call('meetings.setStatus', { id: meetingId, status: 'published' });
  await core.call('meetings.setStatus', { id: meetingId, status: 'in_progress' });
  await setup.close();

  // The room runs in a process of its own, which dies without closing anything.
  const host = spawn(process.execPath, [BIN, '--data-dir', dataDir, '--json', 'room', 'open', meetingId, '--host', '127.0.0.1', '--vote', MOTION], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => host.on('exit', resolve));
  const line = await createInterface({ input: host.stdout })[Symbol.asyncIterator]().next();
  url = (JSON.parse(line.value as string) as { url: string }).url;
  host.kill('SIGKILL');
  await exited;
  web = await startWebHost({ dataDir, staticDir });
});

test.afterAll(async () => {
  await web?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the chair takes up the interrupted room on its address, the open vote still there', async ({ page }) => {
  await page.goto(`${web!.url}#/meetings/${meetingId}/room`);
  const alert = page.getByRole('alert').filter({ hasText: 'Phòng họp bị gián đoạn lúc' });
  await expect(alert).toContainText(url.replace(/^wss:\/\//, '').replace(/\/$/, ''));
  await expect(page.getByRole('button', { name: 'Mở phòng họp mới' })).toBeVisible();
  await screenshot(page, 'live-room-resume-offer');
  await alert.getByRole('button', { name: 'Tiếp tục phòng họp' }).click();
  await expect(page.getByText('Đã mở lại phòng họp; máy thành viên tự vào lại.')).toBeVisible();
  await expect(page.getByText(url, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(MOTION).first()).toBeVisible();
  await screenshot(page, 'live-room-resumed');
  const status = await web!.core.call('liveRoom.status', { meetingId });
  expect(status).toMatchObject({ open: true, url });
  expect(status.snapshot!.votes).toEqual([expect.objectContaining({ title: MOTION, result: null })]);
  await web!.core.call('liveRoom.close', { meetingId });
});
