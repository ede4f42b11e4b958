import type { Page } from '@playwright/test';
import { pick } from './support/antd.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { seedDirectory, type SeededDirectory } from './support/seed.ts';
import { shot } from './support/shots.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, test } from './fixtures.ts';

/**
 * Journey 4, after the meeting: the secretary opens an ended meeting, creates the minutes from it
 * (prefilled in the layout of Mẫu 1.9), types the discussion, records a conclusion with its lead
 * unit and deadline, sees it autosaved and still there after a reload, then finalizes the minutes,
 * which become read-only with their hash shown.
 */

test.describe.configure({ mode: 'serial' });
test.use({ actionTimeout: 15_000 });

const TITLE = 'Họp Ban Chỉ đạo về tiến độ công trình trọng điểm';
const ITEM = 'Tiến độ giải phóng mặt bằng';
const TYPED = 'Đồng chí Giám đốc Sở Xây dựng báo cáo: đã bàn giao 85% mặt bằng.';
const CONCLUSION = 'Sở Xây dựng hoàn thành bàn giao mặt bằng trước ngày 31/12/2026.';

let env: IsolatedHost;
let dir: SeededDirectory;
let meetingId: string;

test.beforeAll(async () => {
  env = await isolatedHost('minutes', E2E_PROFILE);
  const core = env.host.core;
  dir = await seedDirectory(core);
  // 01/12/2026 08:00–11:00 in Hà Nội, held and ended.
  const created = await core.call('meetings.create', {
    committeeId: dir.committee.id,
    kindCode: 'regular',
    title: TITLE,
    startsAt: '2026-12-01T01:00:00.000Z',
    endsAt: '2026-12-01T04:00:00.000Z',
    chairPersonId: dir.people.chair.id,
    roomId: dir.room.id,
    chairingOrgId: dir.units.office.id,
  });
  meetingId = created.meeting.id;
  await core.call('agenda.add', { meetingId, title: ITEM, durationMinutes: 60 });
  await core.call('participants.addCommittee', { meetingId });
  for (const status of ['published', 'in_progress', 'ended'] as const) await core.call('meetings.setStatus', { id: meetingId, status });
});

test.afterAll(async () => {
  await env?.close();
});

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'Nội dung biên bản' });
}

test('the secretary drafts, edits, autosaves and finalizes the minutes of an ended meeting', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(env.host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
  await page.getByRole('link', { name: TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // From the meeting to its minutes: none yet, so the empty state explains and offers the draft.
  await page.getByRole('button', { name: 'Biên bản' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}/minutes`));
  await expect(page.getByText('Cuộc họp này chưa có biên bản')).toBeVisible();
  await shot(page, 'minutes-empty');
  await page.getByRole('button', { name: 'Tạo biên bản từ cuộc họp' }).click();

  // The draft is prefilled from the meeting: time, place, chair, the agenda item's heading.
  await expect(editor(page)).toContainText('Thời gian bắt đầu:');
  await expect(editor(page)).toContainText('Địa điểm: Phòng họp số 1');
  await expect(editor(page)).toContainText('Chủ trì (chủ tọa): Đặng Quốc Hùng, Chủ tịch UBND tỉnh');
  await expect(page.getByRole('heading', { level: 3, name: `1. ${ITEM}` })).toBeVisible();

  // Type the discussion in the empty line under the item's facts, in bold.
  const presenter = editor(page).locator('p', { hasText: 'Trình bày:' });
  await presenter.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(TYPED);
  await expect(editor(page).locator('strong, .ns-mx-bold', { hasText: TYPED })).toBeVisible();

  // A conclusion under the current agenda item, with its lead unit and deadline.
  await page.getByRole('button', { name: 'Kết luận', exact: true }).click();
  const conclusion = page.locator('.ns-mx-conclusion').last();
  await conclusion.getByRole('textbox', { name: 'Nội dung kết luận' }).fill(CONCLUSION);
  await pick(conclusion, page, 'Đơn vị chủ trì', 'xay dung', 'Sở Xây dựng');
  const deadline = conclusion.getByRole('textbox', { name: 'Thời hạn' });
  await deadline.click();
  await deadline.fill('31/12/2026');
  await deadline.press('Enter');
  await expect(deadline).toHaveValue('31/12/2026');

  // Autosaved: the status says so, and the panel lists the conclusion as the core read it.
  await expect(page.getByRole('status').filter({ hasText: /Đã lưu lúc \d\d:\d\d/ })).toBeVisible({ timeout: 15_000 });
  const panel = page.locator('.ns-minutes-panel');
  await expect(panel).toContainText('Kết luận (1)');
  await expect(panel).toContainText(CONCLUSION);
  await expect(panel).toContainText('Chủ trì: Sở Xây dựng');
  await expect(panel).toContainText('Thời hạn: 31/12/2026');
  await shot(page, 'minutes-editing');

  // The core has it: a reload shows the typed text and the conclusion, nothing offered to recover.
  await page.reload();
  await expect(editor(page)).toContainText(TYPED);
  const reloaded = page.locator('.ns-mx-conclusion').last();
  await expect(reloaded.getByRole('textbox', { name: 'Nội dung kết luận' })).toHaveValue(CONCLUSION);
  await expect(reloaded.getByRole('textbox', { name: 'Thời hạn' })).toHaveValue('31/12/2026');
  await expect(reloaded).toContainText('Sở Xây dựng');
  await expect(page.getByText(/Có nội dung chưa lưu/)).toHaveCount(0);
  const saved = await env.host.core.call('minutes.get', { meetingId });
  expect(saved?.conclusions.map((c) => [c.text, c.leadUnitName, c.deadline, c.agendaItemTitle])).toEqual([[CONCLUSION, 'Sở Xây dựng', '2026-12-31', ITEM]]);

  // Finalize: the dialog explains the lock and the hash; then the minutes are read-only.
  await page.getByRole('button', { name: 'Chốt biên bản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chốt biên bản?' });
  await expect(dialog).toContainText('mã băm (SHA-256)');
  await dialog.getByRole('button', { name: 'Chốt biên bản' }).click();
  await expect(page.getByText(/Biên bản đã chốt lúc/)).toBeVisible();
  const final = await env.host.core.call('minutes.get', { meetingId });
  expect(final?.status).toBe('final');
  await expect(page.getByText(final!.finalized!.sha256)).toBeVisible();
  await expect(editor(page)).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByRole('toolbar', { name: 'Định dạng biên bản' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Nội dung kết luận' })).toHaveCount(0);
  await expect(editor(page)).toContainText(CONCLUSION);
  await expect(page.getByRole('button', { name: 'Mở lại' })).toBeVisible();
  await shot(page, 'minutes-final');
});
