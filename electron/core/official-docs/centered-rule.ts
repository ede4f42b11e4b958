import type { Pdf } from './pdf-document.ts';

/** A horizontal rule of `length`, centred on `centerX` (the short lines under the issuer and the motto). */
export function centeredRule(doc: Pdf, centerX: number, y: number, length: number): void {
  doc.save().lineWidth(0.6).moveTo(centerX - length / 2, y).lineTo(centerX + length / 2, y).stroke().restore();
}
