import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageViewport, PDFPageProxy } from 'pdfjs-dist';
import type { Rect } from '../../../shared/contract/annotations.ts';
import { boxToPdfRect, mergeLineRects, normalizeQuotedText, quadsFromBoxes, rectToQuad } from '../../../renderer/src/features/reader/annotations/model/quads.ts';

let page: PDFPageProxy;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  page = await (await getDocument({ data: await doc.save() }).promise).getPage(1);
});

/** An A4 page (595 × 842 pt) as pdf.js's reader lays it out at a zoom and view rotation. */
function viewport(scale: number, rotation: 0 | 90 | 180 | 270): PageViewport {
  return page.getViewport({ scale, rotation });
}

/** Where a PDF rectangle appears on screen, as the text layer would report it. */
function screenBox(v: PageViewport, [x1, y1, x2, y2]: Rect) {
  const a = v.convertToViewportPoint(x1, y1);
  const b = v.convertToViewportPoint(x2, y2);
  return { left: Math.min(a[0]!, b[0]!), top: Math.min(a[1]!, b[1]!), right: Math.max(a[0]!, b[0]!), bottom: Math.max(a[1]!, b[1]!) };
}

function close(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
}

describe('quads from a text selection', () => {
  const word: Rect = [100, 700, 160, 714];

  it('lands on the same words of the page at every zoom and view rotation', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      for (const scale of [0.5, 1, 1.75, 4]) {
        const v = viewport(scale, rotation);
        const rect = boxToPdfRect(screenBox(v, word), (x, y) => v.convertToPdfPoint(x, y));
        close(rect, word);
      }
    }
  });

  it('writes QuadPoints upper-left, upper-right, lower-left, lower-right', () => {
    expect(rectToQuad([10, 20, 30, 40])).toEqual([10, 40, 30, 40, 10, 20, 30, 20]);
  });

  it('joins the words of one line into one quad and keeps lines apart', () => {
    const line1: Rect[] = [
      [100, 700, 140, 714],
      [143, 700, 190, 714],
      [193, 701, 260, 713.5],
    ];
    const line2: Rect[] = [
      [100, 684, 180, 698],
      [183, 684, 230, 698],
    ];
    const merged = mergeLineRects([...line2, ...line1]);
    expect(merged).toEqual([
      [100, 700, 260, 714],
      [100, 684, 230, 698],
    ]);
  });

  it('keeps two columns on the same line apart', () => {
    const merged = mergeLineRects([
      [72, 700, 280, 714],
      [320, 700, 520, 714],
    ]);
    expect(merged).toHaveLength(2);
  });

  it('drops caret-thin boxes the browser reports at line ends', () => {
    expect(mergeLineRects([[100, 700, 100.2, 714], [100, 700, 150, 714]])).toEqual([[100, 700, 150, 714]]);
  });

  it('maps a rotated view selection of two lines back to two horizontal page lines', () => {
    const v = viewport(1.5, 90);
    const lines: Rect[] = [
      [100, 700, 300, 714],
      [100, 684, 250, 698],
    ];
    const quads = quadsFromBoxes(
      lines.map((r) => screenBox(v, r)),
      (x, y) => v.convertToPdfPoint(x, y),
    );
    expect(quads).toHaveLength(2);
    close(quads[0]!, rectToQuad(lines[0]!));
    close(quads[1]!, rectToQuad(lines[1]!));
  });

  it('quotes the text as read, whitespace folded', () => {
    expect(normalizeQuotedText('  Ban Chỉ đạo\n yêu cầu   các sở ')).toBe('Ban Chỉ đạo yêu cầu các sở');
  });
});
