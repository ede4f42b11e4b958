import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist';
import { quadToViewportRect, rangeQuad, type PositionedItem, type Quad } from '../../../renderer/src/features/reader/find/hitGeometry.ts';

/** A4 in points, as the reports are. */
const PAGE = { width: 595, height: 842 };

let page: PDFPageProxy;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.addPage([PAGE.width, PAGE.height]);
  page = await (await getDocument({ data: await doc.save() }).promise).getPage(1);
});

function corners(quad: Quad): [number, number][] {
  return [0, 2, 4, 6].map((k) => [quad[k]!, quad[k + 1]!]);
}

function expectQuad(quad: Quad | null, expected: [number, number][]): void {
  expect(quad).not.toBeNull();
  corners(quad!).forEach(([x, y], i) => {
    expect(x).toBeCloseTo(expected[i]![0], 6);
    expect(y).toBeCloseTo(expected[i]![1], 6);
  });
}

/** "Ban Chỉ đạo" set at 12 pt from (100, 700), 60 pt wide: 11 characters. */
const LINE: PositionedItem = { str: 'Ban Chỉ đạo', transform: [12, 0, 0, 12, 100, 700], width: 60, height: 12 };

describe('rangeQuad: a hit box in PDF page space', () => {
  it('spans the characters proportionally along the baseline, from below it to the ascender', () => {
    // "Chỉ" is characters 4..7 of 11: from 4/11 to 7/11 of the width; 0.25 em below, 0.9 em above.
    const x0 = 100 + (60 * 4) / 11;
    const x1 = 100 + (60 * 7) / 11;
    expectQuad(rangeQuad(LINE, { start: 4, end: 7 }), [
      [x0, 697],
      [x1, 697],
      [x1, 710.8],
      [x0, 710.8],
    ]);
  });

  it('covers the whole item for the whole range, and clamps a range that runs past its end', () => {
    const whole = rangeQuad(LINE, { start: 0, end: LINE.str.length });
    expect(rangeQuad(LINE, { start: 0, end: LINE.str.length + 1 })).toEqual(whole);
    expectQuad(whole, [
      [100, 697],
      [160, 697],
      [160, 710.8],
      [100, 710.8],
    ]);
  });

  it('follows text rotated a quarter turn (running up the page, as in a landscape table)', () => {
    // Baseline along +y from (300, 200); "up" for the glyphs is −x. Characters 2..4 of 10, 100 pt long.
    const item: PositionedItem = { str: 'Phụ lục 01', transform: [0, 12, -12, 0, 300, 200], width: 100, height: 12 };
    expectQuad(rangeQuad(item, { start: 2, end: 4 }), [
      [303, 220],
      [303, 240],
      [289.2, 240],
      [289.2, 220],
    ]);
  });

  it('keeps a hit on slanted text a rectangle: sides along and across the baseline', () => {
    const angle = Math.PI / 6;
    const size = 10;
    const item: PositionedItem = {
      str: 'DỰ THẢO',
      transform: [size * Math.cos(angle), size * Math.sin(angle), -size * Math.sin(angle), size * Math.cos(angle), 200, 300],
      width: 70,
      height: size,
    };
    const [p0, p1, p2, p3] = corners(rangeQuad(item, { start: 0, end: 3 })!) as [number, number][];
    const along = [p1![0] - p0![0], p1![1] - p0![1]];
    const across = [p3![0] - p0![0], p3![1] - p0![1]];
    expect(Math.hypot(along[0]!, along[1]!)).toBeCloseTo(30, 6);
    expect(Math.hypot(across[0]!, across[1]!)).toBeCloseTo(1.15 * size, 6);
    expect(along[0]! * across[0]! + along[1]! * across[1]!).toBeCloseTo(0, 6);
    expect(Math.atan2(along[1]!, along[0]!)).toBeCloseTo(angle, 6);
    // The box starts a quarter em below the baseline's start, perpendicular to it.
    expect(p0![0]).toBeCloseTo(200 + 0.25 * size * Math.sin(angle), 6);
    expect(p0![1]).toBeCloseTo(300 - 0.25 * size * Math.cos(angle), 6);
    expect(p2![0] - p3![0]).toBeCloseTo(along[0]!, 6);
  });

  it('takes the font size from the transform when the item has no height', () => {
    const item: PositionedItem = { ...LINE, transform: [0, 12, -12, 0, 300, 200], height: 0 };
    const [p0, , , p3] = corners(rangeQuad(item, { start: 0, end: 1 })!);
    expect(Math.hypot(p3![0] - p0![0], p3![1] - p0![1])).toBeCloseTo(1.15 * 12, 6);
  });

  it('has no box for an empty item', () => {
    expect(rangeQuad({ ...LINE, str: '' }, { start: 0, end: 0 })).toBeNull();
  });
});

describe('quadToViewportRect: the box on screen', () => {
  const quad = rangeQuad(LINE, { start: 0, end: LINE.str.length })!; // (100, 697)–(160, 710.8)

  it('scales and flips y (PDF origin bottom left, screen top left)', () => {
    const rect = quadToViewportRect(quad, page.getViewport({ scale: 1.5, rotation: 0 }));
    expect(rect.left).toBeCloseTo(150, 6);
    expect(rect.top).toBeCloseTo((PAGE.height - 710.8) * 1.5, 6);
    expect(rect.width).toBeCloseTo(90, 6);
    expect(rect.height).toBeCloseTo(13.8 * 1.5, 6);
  });

  it('turns with the page: width and height swap at 90° and 270°, the position mirrors at 180°', () => {
    const scale = 2;
    const r90 = quadToViewportRect(quad, page.getViewport({ scale, rotation: 90 }));
    expect(r90.width).toBeCloseTo(13.8 * scale, 6);
    expect(r90.height).toBeCloseTo(60 * scale, 6);
    // Turned clockwise: the top of the page is now on the right; y up the page is x across the screen.
    expect(r90.left).toBeCloseTo(697 * scale, 6);
    expect(r90.top).toBeCloseTo(100 * scale, 6);

    const r180 = quadToViewportRect(quad, page.getViewport({ scale, rotation: 180 }));
    expect(r180.left).toBeCloseTo((PAGE.width - 160) * scale, 6);
    expect(r180.top).toBeCloseTo(697 * scale, 6);
    expect(r180.width).toBeCloseTo(60 * scale, 6);

    const r270 = quadToViewportRect(quad, page.getViewport({ scale, rotation: 270 }));
    expect(r270.width).toBeCloseTo(13.8 * scale, 6);
    expect(r270.left).toBeCloseTo((PAGE.height - 710.8) * scale, 6);
    expect(r270.top).toBeCloseTo((PAGE.width - 160) * scale, 6);
  });

  it('bounds a slanted hit by its four corners', () => {
    const item: PositionedItem = { str: 'DỰ THẢO', transform: [0, 10, -10, 0, 300, 200], width: 70, height: 10 };
    const rect = quadToViewportRect(rangeQuad(item, { start: 0, end: 7 })!, page.getViewport({ scale: 1, rotation: 0 }));
    // Running up the page from (300, 200) to (300, 270), 11.5 pt across.
    expect(rect.left).toBeCloseTo(291, 6);
    expect(rect.width).toBeCloseTo(11.5, 6);
    expect(rect.top).toBeCloseTo(PAGE.height - 270, 6);
    expect(rect.height).toBeCloseTo(70, 6);
  });
});
