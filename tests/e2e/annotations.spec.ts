import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, GeometryOf } from '../../shared/contract/annotations.ts';
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
  type Box,
} from './support/annotated-reader.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { menuChoice } from './support/antd.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

let host: IsolatedHost;
let meetingId = '';
let documentId = '';
let pdfFile = '';
const downloads = mkdtempSync(join(tmpdir(), 'nghisu-annot-downloads-'));

test.beforeAll(async () => {
  host = await isolatedHost('annotations', MEMBER_PROFILE);
  ({ meetingId, documentId, pdfFile } = await seedMeetingDocument(host.host.core));
});

test.afterAll(async () => {
  await host?.close();
});

const readerUrl = () => hostPage(host.host.url, `/meetings/${meetingId}/documents/${documentId}/read`);

async function stored(): Promise<Annotation[]> {
  return (await host.host.core.call('annotations.list', { documentId })).annotations;
}

async function storedOne(kind: Annotation['kind']): Promise<Annotation> {
  await expect.poll(async () => (await stored()).filter((a) => a.kind === kind).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return (await stored()).find((a) => a.kind === kind)!;
}

function tool(page: Page, name: string) {
  return page.getByRole('toolbar', { name: 'Công cụ ghi chú' }).getByRole('button', { name, exact: true });
}

/** A box relative to page 1's top-left corner, to compare across reloads (the scroll position may differ). */
async function onPage(page: Page, id: string): Promise<Box> {
  const p = await boxOf(pageElement(page, 0));
  const b = await boxOf(annotationOnPage(page, id));
  return { x: b.x - p.x, y: b.y - p.y, width: b.width, height: b.height };
}

function expectSameBox(a: Box, b: Box) {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[k] - b[k])).toBeLessThan(1.5);
}

/** Back to "fit width" (Ctrl+0), whatever zoom the last test left remembered for the document. */
async function fitWidth(page: Page) {
  await page.locator('.ns-reader-scroll').focus();
  await page.keyboard.press('Control+0');
  await expect(page.locator('.ns-reader-zoom')).toContainText('Vừa chiều rộng');
  const scroll = await boxOf(page.locator('.ns-reader-scroll'));
  await expect.poll(async () => (await boxOf(pageElement(page, 0))).width).toBeLessThan(scroll.width);
}

async function settleSaves(page: Page) {
  await expect(page.getByRole('toolbar', { name: 'Công cụ ghi chú' }).getByText('Đang lưu…')).toHaveCount(0);
}

test('highlight, ink and a sticky note stay on their words after reload, zoom and rotation', async ({ page }) => {
  await page.goto(readerUrl());
  await readerReady(page);
  await expect(page.getByText(/Chưa có ghi chú\. Chọn đoạn văn rồi bấm Tô sáng/)).toBeVisible();
  // Opened from the meeting: its agenda is alongside.
  await expect(page.getByText('Tiến độ giải phóng mặt bằng').first()).toBeVisible();
  await screenshot(page, 'annotations-01-open-empty');

  // Select the sentence with the mouse, then press "Tô sáng".
  await dragSelect(page, sentenceSpan(page));
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toContain('Ban Chỉ đạo');
  await tool(page, 'Tô sáng').click();
  const highlight = await storedOne('highlight');
  expect(highlight.quotedText).toBe(SENTENCE);
  const spanBox = await boxOf(sentenceSpan(page));
  const hlBox = await boxOf(annotationOnPage(page, highlight.id));
  expectCovers(hlBox, spanBox, 3);
  expect(hlBox.height).toBeLessThan(spanBox.height + 8);

  // Pen: a stroke in the empty space below the text.
  await page.keyboard.press('p');
  await expect(tool(page, 'Bút vẽ')).toHaveAttribute('aria-pressed', 'true');
  const pageBox = await boxOf(pageElement(page, 0));
  const sx = pageBox.x + pageBox.width * 0.2;
  const sy = pageBox.y + pageBox.height * 0.45;
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(sx + i * 12, sy + Math.sin(i / 3) * 25);
  await page.mouse.up();
  const ink = await storedOne('ink');
  expect((ink.geometry as GeometryOf<'ink'>).strokes[0]!.length).toBeGreaterThan(10);
  const inkBox = await boxOf(annotationOnPage(page, ink.id));
  expect(inkBox.x).toBeGreaterThan(sx - 6);
  expect(inkBox.x + inkBox.width).toBeLessThan(sx + 20 * 12 + 6);

  // Sticky note: click where it goes, type, close.
  await tool(page, 'Ghi chú').click();
  const nx = pageBox.x + pageBox.width * 0.8;
  const ny = pageBox.y + pageBox.height * 0.3;
  await page.mouse.click(nx, ny);
  const noteText = page.getByRole('textbox', { name: 'Nội dung ghi chú' });
  await expect(noteText).toBeFocused();
  await noteText.fill('Cần làm rõ số liệu giải ngân quý I');
  await screenshot(page, 'annotations-02-note-card');
  await page.getByRole('dialog', { name: 'Ghi chú' }).getByRole('button', { name: 'Đóng' }).click();
  await expect.poll(async () => (await storedOne('note')).contents).toBe('Cần làm rõ số liệu giải ngân quý I');
  const note = await storedOne('note');
  const noteBox = await boxOf(annotationOnPage(page, note.id));
  expect(Math.abs(noteBox.x + noteBox.width / 2 - nx)).toBeLessThan(3);
  expect(Math.abs(noteBox.y + noteBox.height / 2 - ny)).toBeLessThan(3);

  await page.keyboard.press('Escape');
  await settleSaves(page);
  const panel = page.getByRole('region', { name: 'Danh sách ghi chú' }).or(page.locator('section[aria-label="Danh sách ghi chú"]'));
  await expect(panel.getByRole('heading', { name: 'Trang 1' })).toBeVisible();
  await expect(panel.locator('li[data-annotation-id]')).toHaveCount(3);
  await screenshot(page, 'annotations-03-three-kinds');

  const before = { hl: await onPage(page, highlight.id), ink: await onPage(page, ink.id), note: await onPage(page, note.id) };
  await page.reload();
  await readerReady(page);
  await expect(annotationOnPage(page, highlight.id)).toBeAttached();
  expectSameBox(await onPage(page, highlight.id), before.hl);
  expectSameBox(await onPage(page, ink.id), before.ink);
  expectSameBox(await onPage(page, note.id), before.note);
  await expect(panel.locator('li[data-annotation-id]')).toHaveCount(3);
  await screenshot(page, 'annotations-04-after-reload');

  // Zoom in twice, then rotate: the highlight still covers its words.
  const zoomIn = page.getByRole('button', { name: 'Phóng to (Ctrl +)' });
  const widthBefore = (await boxOf(pageElement(page, 0))).width;
  await zoomIn.click();
  await zoomIn.click();
  await expect.poll(async () => (await boxOf(pageElement(page, 0))).width).toBeGreaterThan(widthBefore * 1.1);
  await expect
    .poll(async () => {
      const s = await boxOf(sentenceSpan(page));
      const h = await boxOf(annotationOnPage(page, highlight.id));
      return Math.max(Math.abs(s.x - h.x), Math.abs(s.x + s.width - (h.x + h.width)), Math.abs(s.y - h.y) - 3, 0);
    })
    .toBeLessThan(4);
  await sentenceSpan(page).scrollIntoViewIfNeeded();
  expectCovers(await boxOf(annotationOnPage(page, highlight.id)), await boxOf(sentenceSpan(page)), 3);
  await screenshot(page, 'annotations-05-zoomed');

  await page.getByRole('button', { name: 'Xoay phải' }).click();
  await expect.poll(async () => {
    const b = await boxOf(sentenceSpan(page));
    return b.height > b.width;
  }).toBe(true);
  await expect
    .poll(async () => {
      const s = await boxOf(sentenceSpan(page));
      const h = await boxOf(annotationOnPage(page, highlight.id));
      return Math.max(Math.abs(s.y - h.y), Math.abs(s.y + s.height - (h.y + h.height)), 0);
    })
    .toBeLessThan(4);
  const rotatedSpan = await boxOf(sentenceSpan(page));
  const rotatedHl = await boxOf(annotationOnPage(page, highlight.id));
  expectCovers(rotatedHl, rotatedSpan, 3);
  expect(rotatedHl.width).toBeLessThan(rotatedSpan.width + 8);
  // The note's icon stays upright on the turned page, as in Acrobat: its text lines run across.
  const noteLines = await boxOf(annotationOnPage(page, note.id).locator('path').last());
  expect(noteLines.width).toBeGreaterThan(noteLines.height);
  await sentenceSpan(page).scrollIntoViewIfNeeded();
  await screenshot(page, 'annotations-06-rotated');
  await page.getByRole('button', { name: 'Xoay trái' }).click();
  await expect.poll(async () => (await boxOf(sentenceSpan(page))).width).toBeGreaterThan(100);
  // The reader remembers rotation per document: the next visit starts upright.
  await expect.poll(async () => (await host.host.core.call('reader.getPosition', { documentId }))?.rotation, { timeout: 5000 }).toBe(0);
});

test('shapes move, resize, undo, redo, delete and the eraser, with mouse and keyboard', async ({ page }) => {
  await page.goto(readerUrl());
  await readerReady(page);
  await fitWidth(page);
  await page.locator('.ns-reader-scroll').evaluate((el) => (el.scrollTop = 0));
  const pageBox = await boxOf(pageElement(page, 0).locator('.ns-page-surface'));

  await page.keyboard.press('r');
  // Beside the text, clear of the note and the ink stroke.
  const x1 = pageBox.x + pageBox.width * 0.45;
  const y1 = pageBox.y + pageBox.height * 0.33;
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move(x1 + 60, y1 + 30, { steps: 4 });
  await page.mouse.move(x1 + 120, y1 + 70, { steps: 4 });
  await page.mouse.up();
  const rect = await storedOne('rectangle');
  const drawn = await boxOf(annotationOnPage(page, rect.id));
  // The frame is where it was dragged (its line, half outside, adds a pixel or two).
  expect(Math.abs(drawn.x - x1)).toBeLessThan(3);
  expect(Math.abs(drawn.y - y1)).toBeLessThan(3);
  expect(Math.abs(drawn.width - 120)).toBeLessThan(5);
  expect(Math.abs(drawn.height - 70)).toBeLessThan(5);
  const [rx1, , , ry2] = (rect.geometry as GeometryOf<'rectangle'>).rect;

  // Select tool, drag the frame by its left edge.
  await page.keyboard.press('v');
  await page.mouse.move(x1, y1 + 35);
  await page.mouse.down();
  await page.mouse.move(x1 + 20, y1 + 50, { steps: 4 });
  await page.mouse.move(x1 + 40, y1 + 65, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => ((await storedOne('rectangle')).geometry as GeometryOf<'rectangle'>).rect[0]).toBeGreaterThan(rx1 + 10);
  const moved = ((await storedOne('rectangle')).geometry as GeometryOf<'rectangle'>).rect;
  // Moved right and down on screen: right and down (smaller y) on the page, same size.
  expect(moved[3]).toBeLessThan(ry2 - 10);
  const movedBox = await boxOf(annotationOnPage(page, rect.id));
  expect(Math.abs(movedBox.x - drawn.x - 40)).toBeLessThan(1.5);
  expect(Math.abs(movedBox.y - drawn.y - 30)).toBeLessThan(1.5);
  expect(Math.abs(movedBox.width - drawn.width)).toBeLessThan(1);
  await screenshot(page, 'annotations-07-shape-selected');

  // Resize by the lower-right handle.
  const handle = await boxOf(page.locator('.ns-annot-handle-se'));
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 30, handle.y + 20, { steps: 4 });
  await page.mouse.move(handle.x + 60, handle.y + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await boxOf(annotationOnPage(page, rect.id))).width).toBeGreaterThan(drawn.width + 50);
  await expect.poll(async () => ((await storedOne('rectangle')).geometry as GeometryOf<'rectangle'>).rect[2]).toBeGreaterThan(moved[2] + 10);
  const resized = ((await storedOne('rectangle')).geometry as GeometryOf<'rectangle'>).rect;

  // Undo the resize, redo it.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => ((await storedOne('rectangle')).geometry as GeometryOf<'rectangle'>).rect).toEqual(moved);
  await page.keyboard.press('Control+y');
  await expect.poll(async () => ((await storedOne('rectangle')).geometry as GeometryOf<'rectangle'>).rect).toEqual(resized);

  // Select it again by its (moved) left edge, close its card, delete with the keyboard; undo brings it back.
  await page.mouse.click(x1 + 40, y1 + 65);
  await expect(page.locator('.ns-annot-handle-se')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ns-annot-handle-se')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await stored()).some((a) => a.kind === 'rectangle')).toBe(false);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored()).some((a) => a.kind === 'rectangle')).toBe(true);

  // Eraser across the ink stroke deletes the whole stroke; undo restores it.
  const ink = await storedOne('ink');
  const inkBox = await boxOf(annotationOnPage(page, ink.id));
  await page.keyboard.press('x');
  const ex = inkBox.x + inkBox.width / 2;
  await page.mouse.move(ex, inkBox.y - 15);
  await page.mouse.down();
  await page.mouse.move(ex, inkBox.y + inkBox.height / 2, { steps: 6 });
  await page.mouse.move(ex, inkBox.y + inkBox.height + 15, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await stored()).some((a) => a.kind === 'ink')).toBe(false);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored()).some((a) => a.kind === 'ink')).toBe(true);
  await page.keyboard.press('v');
  await settleSaves(page);
  await screenshot(page, 'annotations-08-after-undo');
});

test('the panel filters by type and author, jumps to a note and shares it with the meeting', async ({ page }) => {
  await page.goto(readerUrl());
  await readerReady(page);
  const panel = page.locator('section[aria-label="Danh sách ghi chú"]');
  await expect(panel.locator('li[data-annotation-id]')).toHaveCount(4);

  await panel.getByRole('combobox', { name: 'Lọc theo loại' }).click();
  await page.locator('.ant-select-dropdown').getByText('Tô sáng', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(panel.locator('li[data-annotation-id]')).toHaveCount(1);
  await expect(panel.locator('li[data-annotation-id]')).toContainText(SENTENCE);
  await expect(panel.getByText('1/4 ghi chú')).toBeVisible();
  await screenshot(page, 'annotations-09-filtered');
  await panel.getByRole('combobox', { name: 'Lọc theo loại' }).hover();
  await panel.locator('.ant-select-clear').first().click();
  await expect(panel.locator('li[data-annotation-id]')).toHaveCount(4);

  await panel.getByRole('combobox', { name: 'Lọc theo người ghi' }).click();
  await expect(page.locator('.ant-select-dropdown').getByText('Nguyễn Văn Thành (tôi)')).toBeVisible();
  await page.keyboard.press('Escape');

  // Go to the last page, then jump back to the note from the panel.
  await page.locator('.ns-reader-scroll').focus();
  await page.keyboard.press('End');
  await expect(pageElement(page, 2)).toBeInViewport();
  const note = await storedOne('note');
  await panel.locator(`li[data-annotation-id="${note.id}"] .ns-annot-item-main`).click();
  await expect(annotationOnPage(page, note.id)).toBeInViewport();
  await expect(panel.locator(`li[data-annotation-id="${note.id}"]`)).toHaveAttribute('aria-current', 'true');

  await panel.getByRole('switch', { name: 'Chia sẻ Ghi chú với cuộc họp' }).click();
  await expect.poll(async () => (await storedOne('note')).shared).toBe(true);
  await screenshot(page, 'annotations-10-jumped-shared');
});

test('the annotated PDF has real annotation objects; XFDF carries them to another laptop', async ({ page }) => {
  await page.goto(readerUrl());
  await readerReady(page);
  const exportMenu = page.getByRole('button', { name: 'Xuất / Nhập' });

  await exportMenu.click();
  await expect(page.getByRole('menuitem', { name: 'Xuất PDF có ghi chú' })).toBeInViewport();
  await screenshot(page, 'annotations-11-export-menu');
  const pdfDownload = page.waitForEvent('download');
  await menuChoice(page, exportMenu, 'Xuất PDF có ghi chú');
  const pdfPath = join(downloads, 'annotated.pdf');
  await (await pdfDownload).saveAs(pdfPath);
  const pages = await pdfAnnotations(pdfPath);
  const subtypes = pages.map((p) => p.map((a) => a.subtype).sort());
  expect(subtypes[0]).toEqual(['Highlight', 'Ink', 'Square', 'Text']);
  expect(subtypes[1]).toEqual([]);
  expect(pages[0]!.find((a) => a.subtype === 'Text')?.contents).toBe('Cần làm rõ số liệu giải ngân quý I');

  const xfdfDownload = page.waitForEvent('download');
  await menuChoice(page, exportMenu, 'Xuất XFDF');
  const xfdfPath = join(downloads, 'notes.xfdf');
  await (await xfdfDownload).saveAs(xfdfPath);

  // Another laptop: a fresh data folder with the same file.
  const fresh = await isolatedHost('annotations-fresh', { ...MEMBER_PROFILE, fullName: 'Hoàng Thị Mai' });
  try {
    const imported = await fresh.host.core.call('documents.importFiles', { paths: [pdfFile] });
    const first = imported.results[0]!;
    if (!first.ok) throw new Error(first.error.message.en);
    const otherDoc = first.document.id;
    await page.goto(hostPage(fresh.host.url, `/documents/${otherDoc}/read`));
    await readerReady(page);
    const chooser = page.waitForEvent('filechooser');
    await menuChoice(page, page.getByRole('button', { name: 'Xuất / Nhập' }), 'Nhập XFDF');
    await (await chooser).setFiles(xfdfPath);
    await expect(page.getByText(/Đã nhập 4 ghi chú mới/)).toBeVisible({ timeout: 15_000 });

    const original = (await stored()).sort((a, b) => a.kind.localeCompare(b.kind));
    const copy = (await fresh.host.core.call('annotations.list', { documentId: otherDoc })).annotations.sort((a, b) => a.kind.localeCompare(b.kind));
    expect(copy.map((a) => [a.kind, a.pageIndex, a.color, a.contents, a.quotedText])).toEqual(
      original.map((a) => [a.kind, a.pageIndex, a.color, a.contents, a.quotedText]),
    );
    copy.forEach((a, i) => {
      const flat = (g: unknown): number[] => JSON.stringify(g).match(/-?\d+(\.\d+)?/g)!.map(Number);
      const want = flat(original[i]!.geometry);
      const got = flat(a.geometry);
      expect(got.length).toBe(want.length);
      got.forEach((v, k) => expect(Math.abs(v - want[k]!)).toBeLessThan(0.01));
    });
    const panel = page.locator('section[aria-label="Danh sách ghi chú"]');
    await expect(panel.locator('li[data-annotation-id]')).toHaveCount(4);
    await screenshot(page, 'annotations-12-xfdf-imported');
  } finally {
    await fresh.close();
  }
});
