import type { Rect } from '../../../../../shared/contract/index.ts';
import { num } from './colors.ts';

/**
 * A box as the reader sees it on a page shown with /Rotate: where its top-left corner is in the
 * page's user space and which way "right" and "down" point there. Text and icons drawn through it
 * read upright on screen and in print, whatever the page's rotation.
 */
export interface DisplayFrame {
  /** `cm` operands mapping (u right, v up, origin at the box's top-left) to user space. */
  matrix: [number, number, number, number, number, number];
  width: number;
  height: number;
}

export function displayFrame([x1, y1, x2, y2]: Rect, rotation: number): DisplayFrame {
  const w = x2 - x1;
  const h = y2 - y1;
  switch (rotation) {
    case 90:
      return { matrix: [0, 1, -1, 0, x1, y1], width: h, height: w };
    case 180:
      return { matrix: [-1, 0, 0, -1, x2, y1], width: w, height: h };
    case 270:
      return { matrix: [0, -1, 1, 0, x2, y2], width: h, height: w };
    default:
      return { matrix: [1, 0, 0, 1, x1, y2], width: w, height: h };
  }
}

export function cm(frame: DisplayFrame): string {
  return `${frame.matrix.map(num).join(' ')} cm`;
}

/** A page's /Rotate as 0, 90, 180 or 270 (files may say -90 or 450). */
export function normalizeRotation(degrees: number): number {
  const r = ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
  return r;
}
