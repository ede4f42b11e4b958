import type { Quad, Rect } from '../../../../../../shared/contract/annotations.ts';

/** A box in CSS pixels relative to the page layer's top-left corner (what getClientRects gives, shifted). */
export interface LayerBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** CSS px of the page layer → PDF page space (pdf.js `viewport.convertToPdfPoint`). */
export type ToPdf = (x: number, y: number) => readonly number[];

/** Boxes narrower than this (PDF points) are caret-sized leftovers of a selection, not text. */
const MIN_SIDE = 0.5;

/**
 * The PDF-space rectangle covering a CSS box. All four corners go through the viewport, so a
 * selection made on a rotated view lands on the same words of the unrotated page.
 */
export function boxToPdfRect(box: LayerBox, toPdf: ToPdf): Rect {
  const corners = [
    toPdf(box.left, box.top),
    toPdf(box.right, box.top),
    toPdf(box.left, box.bottom),
    toPdf(box.right, box.bottom),
  ];
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * One rectangle per run of text on a line: the text layer gives a box per span (often per word),
 * and a highlight drawn as dozens of touching boxes shows seams and exports as noise. Boxes are
 * grouped into lines (sharing most of their height), then joined left to right where the gap is
 * about a word space; a wide gap (another column) keeps them apart. Lines come top to bottom.
 */
export function mergeLineRects(rects: readonly Rect[]): Rect[] {
  const usable = rects.filter((r) => r[2] - r[0] >= MIN_SIDE && r[3] - r[1] >= MIN_SIDE);
  const byTop = [...usable].sort((a, b) => b[3] + b[1] - (a[3] + a[1]));
  const lines: { band: [number, number]; rects: Rect[] }[] = [];
  for (const r of byTop) {
    const height = r[3] - r[1];
    const line = lines.find((l) => {
      const overlap = Math.min(l.band[1], r[3]) - Math.max(l.band[0], r[1]);
      return overlap >= Math.min(height, l.band[1] - l.band[0]) * 0.5;
    });
    if (line) {
      line.rects.push(r);
      line.band = [Math.min(line.band[0], r[1]), Math.max(line.band[1], r[3])];
    } else {
      lines.push({ band: [r[1], r[3]], rects: [r] });
    }
  }
  const out: Rect[] = [];
  for (const line of lines) {
    const sorted = line.rects.sort((a, b) => a[0] - b[0]);
    let run: Rect = [...sorted[0]!];
    for (const r of sorted.slice(1)) {
      const gap = r[0] - run[2];
      if (gap <= Math.max(run[3] - run[1], r[3] - r[1]) * 1.5) {
        run = [run[0], Math.min(run[1], r[1]), Math.max(run[2], r[2]), Math.max(run[3], r[3])];
      } else {
        out.push(run);
        run = [...r];
      }
    }
    out.push(run);
  }
  return out;
}

/** QuadPoints order as PDF readers write them: upper-left, upper-right, lower-left, lower-right. */
export function rectToQuad([x1, y1, x2, y2]: Rect): Quad {
  return [x1, y2, x2, y2, x1, y1, x2, y1];
}

/** The quads of a text selection on one page, from the boxes of its text relative to the page layer. */
export function quadsFromBoxes(boxes: readonly LayerBox[], toPdf: ToPdf): Quad[] {
  return mergeLineRects(boxes.map((b) => boxToPdfRect(b, toPdf))).map(rectToQuad);
}

/** Text as the user reads it: runs of whitespace (line ends, the text layer's gaps) become one space. */
export function normalizeQuotedText(text: string, max = 20_000): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}
