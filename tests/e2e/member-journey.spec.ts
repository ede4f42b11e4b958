import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation } from '../../shared/contract/annotations.ts';
import { expect, screenshot, test } from './fixtures.ts';
import {
  annotationOnPage,
  boxOf,
  dragSelect,
  expectCovers,
  hostPage,
  MEMBER_PROFILE,
  pageElement,
  pdfAnnotations,
  readerReady,
  seedMeetingDocument,
  SENTENCE,
  sentenceSpan,
} from './support/annotated-reader.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { menuChoice } from './support/antd.ts';

test.setTimeout(90_000);

let host: IsolatedHost;
let meetingId = '';
let documentId = '';

test.beforeAll(async () => {
  host = await isolatedHost('member-journey', MEMBER_PROFILE);
  ({ meetingId, documentId } = await seedMeetingDocument(host.host.core));
});

test.afterAll(async () => {
  await host?.close();
});

async function stored(): Promise<Annotation[]> {
  return (await host.host.core.call('annotations.list', { documentId })).annotations;
}

/**
 * The evening before the meeting: the member opens the report from the meeting's agenda, marks
 * the sentence they will ask about, circles a passage with the pen, leaves a note; the next
 * morning everything is where they left it, and they print it with the notes on the page.
 */
test('a member reads a meeting document, annotates it, finds the notes again and prints them', async ({ page }) => {
  await page.goto(hostPage(host.host.url, `/meetings/${meetingId}`));
  await page.getByRole('link', { name: 'Đọc bao-cao-tien-do.pdf trong ứng dụng' }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${meetingId}/documents/${documentId}/read`));
  await readerReady(page);
  await expect(page.getByText('Tiến độ giải phóng mặt bằng').first()).toBeVisible();

  // Select the sentence, then H marks it.
  await dragSelect(page, sentenceSpan(page));
  await page.keyboard.press('h');
  await expect.poll(async () => (await stored()).map((a) => a.kind)).toEqual(['highlight']);
  const [highlight] = await stored();
  expect(highlight!.quotedText).toBe(SENTENCE);
  expectCovers(await boxOf(annotationOnPage(page, highlight!.id)), await boxOf(sentenceSpan(page)), 3);

  // A pen loop around the second paragraph (touch-like short segments).
  await page.keyboard.press('p');
  const layer = await boxOf(pageElement(page, 0).locator('.ns-page-surface'));
  const cx = layer.x + layer.width * 0.5;
  const cy = layer.y + layer.height * 0.2;
  await page.mouse.move(cx + 160, cy);
  await page.mouse.down();
  for (let i = 1; i <= 36; i++) {
    const a = (i / 36) * Math.PI * 2;
    await page.mouse.move(cx + 160 * Math.cos(a), cy + 30 * Math.sin(a));
  }
  await page.mouse.up();
  await expect.poll(async () => (await stored()).some((a) => a.kind === 'ink')).toBe(true);

  // A sticky note in the margin.
  await page.keyboard.press('n');
  await page.mouse.click(layer.x + layer.width * 0.08, layer.y + layer.height * 0.12);
  await page.getByRole('textbox', { name: 'Nội dung ghi chú' }).fill('Hỏi Sở Xây dựng về tiến độ tái định cư');
  await page.getByRole('textbox', { name: 'Nội dung ghi chú' }).press('Control+Enter');
  await expect.poll(async () => (await stored()).find((a) => a.kind === 'note')?.contents).toBe('Hỏi Sở Xây dựng về tiến độ tái định cư');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Công cụ ghi chú' }).getByText('Đang lưu…')).toHaveCount(0);
  await screenshot(page, 'member-journey-01-annotated');

  // The next morning: the same place, the same notes.
  const boxes = new Map<string, { x: number; y: number }>();
  const pageBox = await boxOf(pageElement(page, 0));
  for (const a of await stored()) {
    const b = await boxOf(annotationOnPage(page, a.id));
    boxes.set(a.id, { x: b.x - pageBox.x, y: b.y - pageBox.y });
  }
  await page.reload();
  await readerReady(page);
  const after = await boxOf(pageElement(page, 0));
  for (const [id, b] of boxes) {
    const now = await boxOf(annotationOnPage(page, id));
    expect(Math.abs(now.x - after.x - b.x)).toBeLessThan(1.5);
    expect(Math.abs(now.y - after.y - b.y)).toBeLessThan(1.5);
  }
  const panel = page.locator('section[aria-label="Danh sách ghi chú"]');
  await expect(panel.locator('li[data-annotation-id]')).toHaveCount(3);
  await expect(panel.getByText('Hỏi Sở Xây dựng về tiến độ tái định cư')).toBeVisible();
  await screenshot(page, 'member-journey-02-next-morning');

  // Printing: the notes drawn into the page, no annotation objects left for a printer to drop.
  const download = page.waitForEvent('download');
  await menuChoice(page, page.getByRole('button', { name: 'Xuất / Nhập' }), 'Xuất PDF để in (gộp ghi chú vào trang)');
  const file = join(mkdtempSync(join(tmpdir(), 'nghisu-member-print-')), 'in.pdf');
  await (await download).saveAs(file);
  const pages = await pdfAnnotations(file);
  expect(pages).toHaveLength(3);
  expect(pages.flat().filter((a) => ['Highlight', 'Ink', 'Text'].includes(a.subtype))).toEqual([]);
});
