import { nfc } from './nfc.ts';
import type { Pdf } from './pdf-document.ts';

export interface SignatureBlock {
  /** The authority and title lines, bold capitals: ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"], ["NGƯỜI LẬP DANH SÁCH"]. */
  titles: readonly string[];
  /** An italic line under the titles, e.g. "(Ký, ghi rõ họ tên)". */
  note?: string;
  /** The signer's full name, printed below the room left to sign; null leaves the name off. */
  signerName: string | null;
  /** Room left between the last line above and the name, in points. */
  signingRoom: number;
}

/**
 * The signature block (Nghị định 30/2020, Phụ lục I, ô số 7): authority and title in bold capitals,
 * room to sign and seal, then the signer's full name in bold, all centred in the column given.
 */
export function drawSignatureBlock(doc: Pdf, block: SignatureBlock, at: { x: number; y: number; width: number }): void {
  const options = { width: at.width, align: 'center' } as const;
  block.titles.forEach((title, i) => doc.font('bold').fontSize(13).text(nfc(title), at.x, i === 0 ? at.y : doc.y, options));
  if (block.note) doc.font('italic').fontSize(12).text(nfc(block.note), at.x, doc.y, options);
  if (block.signerName) doc.font('bold').fontSize(13).text(nfc(block.signerName), at.x, doc.y + block.signingRoom, options);
}
