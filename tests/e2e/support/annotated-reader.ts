import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Core } from '../../../electron/core/index.ts';
import { writeTextPdf } from '../../support/pdf-fixtures.ts';

/** The sentence the member selects and highlights (alone on its line of page 1). */
export const SENTENCE = 'Ban Chỉ đạo yêu cầu các sở khẩn trương hoàn thành hồ sơ.';

export const MEMBER_PROFILE = {
  fullName: 'Nguyễn Văn Thành',
  position: 'Giám đốc Sở Xây dựng',
  unitName: 'Sở Xây dựng tỉnh Lào Cai',
  workRole: 'member',
} as const;

/** A three-page report as a Sở sends it, in a meeting with an agenda item it belongs to. */
export const REPORT_PAGES = [
  `BÁO CÁO TIẾN ĐỘ CÁC CÔNG TRÌNH TRỌNG ĐIỂM\n\n${SENTENCE}\n\nCác đơn vị báo cáo kết quả giải phóng mặt bằng, tái định cư và giải ngân vốn đầu tư công trong kỳ.`,
  'Trang hai: tình hình giải ngân vốn đầu tư công của các dự án.\n\nDự án Đường sắt Lào Cai - Hà Nội - Hải Phòng cần đẩy nhanh tiến độ.',
  'Trang ba: kiến nghị và đề xuất của các sở, ngành.',
];

export async function seedMeetingDocument(core: Core, pages: string[] = REPORT_PAGES): Promise<{ meetingId: string; itemId: string; documentId: string; pdfFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nghisu-annot-pdf-'));
  const pdfFile = join(dir, 'bao-cao-tien-do.pdf');
  await writeTextPdf(pdfFile, pages);
  const committee = await core.call('committees.create', { name: 'Ban Chỉ đạo các công trình trọng điểm tỉnh Lào Cai' });
  const { meeting } = await core.call('meetings.create', {
    committeeId: committee.id,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo quý I năm 2026',
    startsAt: '2026-01-08T01:00:00.000Z',
    endsAt: '2026-01-08T04:00:00.000Z',
  });
  const { itemId } = await core.call('agenda.add', { meetingId: meeting.id, title: 'Tiến độ giải phóng mặt bằng' });
  const imported = await core.call('documents.importFiles', { paths: [pdfFile], meetingId: meeting.id, agendaItemId: itemId });
  const first = imported.results[0]!;
  if (!first.ok) throw new Error(`import failed: ${first.error.message.en}`);
  return { meetingId: meeting.id, itemId, documentId: first.document.id, pdfFile };
}

export function hostPage(url: string, path: string): string {
  const u = new URL(url);
  u.hash = path;
  return u.toString();
}

/** Waits until the reader has laid out its pages, drawn page 1 and put its text layer in place. */
export async function readerReady(page: Page): Promise<void> {
  await expect(page.locator('.ns-reader-body[data-ready="true"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.ns-reader-scroll[data-first-page-drawn="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(sentenceSpan(page)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('toolbar', { name: 'Công cụ ghi chú' })).toBeVisible();
}

export function pageElement(page: Page, pageIndex: number): Locator {
  return page.locator(`.pdfViewer .page[data-page-number="${pageIndex + 1}"]`);
}

export function sentenceSpan(page: Page): Locator {
  return pageElement(page, 0).locator('.textLayer span', { hasText: 'Ban Chỉ đạo yêu cầu' }).first();
}

export function annotationOnPage(page: Page, id: string): Locator {
  return page.locator(`.ns-annot-svg g[data-annotation-id="${id}"]`);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
}

/** `inner` lies within `outer` give or take `slack` CSS px on every side. */
export function expectCovers(outer: Box, inner: Box, slack = 3): void {
  expect(outer.x).toBeLessThanOrEqual(inner.x + slack);
  expect(outer.y).toBeLessThanOrEqual(inner.y + slack);
  expect(outer.x + outer.width).toBeGreaterThanOrEqual(inner.x + inner.width - slack);
  expect(outer.y + outer.height).toBeGreaterThanOrEqual(inner.y + inner.height - slack);
}

/** Selects a span's text the way a member does: press at its start, drag to its end. */
export async function dragSelect(page: Page, span: Locator): Promise<void> {
  const box = await boxOf(span);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
  await page.mouse.move(box.x + box.width - 1, y, { steps: 5 });
  await page.mouse.up();
}

/** The annotation objects pdf.js finds on each page of a PDF file. */
export async function pdfAnnotations(file: string): Promise<{ subtype: string; contents: string }[][]> {
  const task = getDocument({ data: new Uint8Array(await readFile(file)) });
  const pdf = await task.promise;
  const pages: { subtype: string; contents: string }[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const list = (await (await pdf.getPage(i)).getAnnotations()) as { subtype: string; contentsObj?: { str: string } }[];
    pages.push(list.map((a) => ({ subtype: a.subtype, contents: a.contentsObj?.str ?? '' })));
  }
  await task.destroy();
  return pages;
}
