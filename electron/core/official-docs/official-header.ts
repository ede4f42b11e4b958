import { centeredRule } from './centered-rule.ts';
import { fitSize } from './fit-size.ts';
import { nfc } from './nfc.ts';
import type { Pdf } from './pdf-document.ts';

export interface HeaderParts {
  /** The issuing body, e.g. the committee's name. */
  issuer: string;
  /** "Số:      /GM-BCĐ", or null for documents without a number. */
  numberLine: string | null;
  /** "MẬT", "TỐI MẬT", "TUYỆT MẬT" under the number, when classified. */
  classificationMark: string | null;
  /** "Lào Cai, ngày 05 tháng 01 năm 2026", or null. */
  placeDate: string | null;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The header block of Nghị định 30/2020 (Phụ lục I): the issuing body top left in bold capitals
 * with a short rule under it and the number below; the national name and motto top right, bold,
 * a rule the width of the motto under it, and the place and date in italics. Returns the y below.
 */
export function drawOfficialHeader(doc: Pdf, parts: HeaderParts): number {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const top = doc.page.margins.top;
  const leftWidth = width * 0.4;
  const rightX = left + leftWidth + 6;
  const rightWidth = width - leftWidth - 6;

  // Left: issuing body.
  doc.font('bold').fontSize(12);
  doc.text(nfc(parts.issuer.toLocaleUpperCase('vi')), left, top, { width: leftWidth, align: 'center', lineGap: 1 });
  let leftY = doc.y + 3;
  centeredRule(doc, left + leftWidth / 2, leftY, leftWidth / 3);
  leftY += 8;
  if (parts.numberLine) {
    doc.font('regular').fontSize(13).text(nfc(parts.numberLine), left, leftY, { width: leftWidth, align: 'center' });
    leftY = doc.y;
  }
  if (parts.classificationMark) {
    doc.font('bold').fontSize(13).text(nfc(parts.classificationMark), left, leftY + 4, { width: leftWidth, align: 'center' });
    leftY = doc.y;
  }

  // Right: national name, motto with its rule, place and date.
  const nameSize = fitSize(doc, 'bold', NATIONAL_NAME, rightWidth, 12, 10);
  doc.font('bold').fontSize(nameSize).text(NATIONAL_NAME, rightX, top, { width: rightWidth, align: 'center' });
  doc.font('bold').fontSize(13).text(MOTTO, rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString(MOTTO);
  let rightY = doc.y + 2;
  centeredRule(doc, rightX + rightWidth / 2, rightY, mottoWidth);
  rightY += 10;
  if (parts.placeDate) {
    doc.font('italic').fontSize(13).text(nfc(parts.placeDate), rightX, rightY, { width: rightWidth, align: 'center' });
    rightY = doc.y;
  }
  doc.x = left;
  return Math.max(leftY, rightY);
}
