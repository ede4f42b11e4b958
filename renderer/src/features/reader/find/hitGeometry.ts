import type { PageViewport } from 'pdfjs-dist';
import type { ItemRange } from './fold.ts';

/** What find needs of a pdf.js text item. */
export interface PositionedItem {
  str: string;
  /** [a, b, c, d, e, f]: text space to PDF page space; (e, f) is the start of the baseline. */
  transform: number[];
  /** Advance width in page units. */
  width: number;
  height: number;
}

/** A hit's box in PDF page space (four corners, since text may run at an angle). */
export type Quad = [number, number, number, number, number, number, number, number];

/**
 * The box of characters start..end of a text item, placed proportionally along the item's width
 * (pdf.js gives no per-glyph positions; proportional is exact for monospaced runs and within a
 * fraction of a glyph for proportional fonts, which is what a highlight needs).
 */
export function rangeQuad(item: PositionedItem, range: Pick<ItemRange, 'start' | 'end'>): Quad | null {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const length = item.str.length;
  if (length === 0) return null;
  const runLength = Math.hypot(a, b) || 1;
  const ux = a / runLength;
  const uy = b / runLength;
  // "Up" is perpendicular to the baseline; its length is the font size.
  const size = item.height || Math.hypot(c, d) || runLength;
  const vx = -uy;
  const vy = ux;
  const x0 = (item.width * range.start) / length;
  const x1 = (item.width * Math.min(range.end, length)) / length;
  const below = -0.25 * size;
  const above = 0.9 * size;
  const at = (along: number, up: number): [number, number] => [e + ux * along + vx * up, f + uy * along + vy * up];
  return [...at(x0, below), ...at(x1, below), ...at(x1, above), ...at(x0, above)] as Quad;
}

/** The quad's bounding box in the viewport's CSS pixels (follows zoom and rotation). */
export function quadToViewportRect(quad: Quad, viewport: PageViewport): { left: number; top: number; width: number; height: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < 8; k += 2) {
    const [x, y] = viewport.convertToViewportPoint(quad[k]!, quad[k + 1]!) as [number, number];
    xs.push(x);
    ys.push(y);
  }
  const left = Math.min(...xs);
  const top = Math.min(...ys);
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}
