import type { FontName } from './fonts.ts';
import type { Pdf } from './pdf-document.ts';

/** Font size at which `text` fits `width`, from `size` down to `min`. */
export function fitSize(doc: Pdf, font: FontName, text: string, width: number, size: number, min = size - 2): number {
  doc.font(font);
  for (let s = size; s >= min; s -= 0.5) {
    if (doc.fontSize(s).widthOfString(text) <= width) return s;
  }
  return min;
}
