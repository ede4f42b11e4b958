import { nfc } from './nfc.ts';
import type { Pdf } from './pdf-document.ts';

/**
 * "Nơi nhận" (Nghị định 30/2020, Phụ lục I, ô số 9): the heading in bold italic 12 pt, then one line
 * per recipient in 11 pt, each starting "- " and the last "- Lưu: VT."; the caller gives the lines.
 */
export function drawRecipients(doc: Pdf, lines: readonly string[], at: { x: number; y: number; width: number }): void {
  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', at.x, at.y, { width: at.width });
  doc.font('regular').fontSize(11);
  for (const line of lines) doc.text(nfc(line), at.x, doc.y, { width: at.width });
}
