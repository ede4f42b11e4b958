import type { MeetingDetail } from '../../../../../shared/contract/index.ts';
import { nfc } from '../../../official-docs/nfc.ts';
import { drawOfficialHeader } from '../../../official-docs/official-header.ts';
import { officialPdf, pdfBytes, type Pdf } from '../../../official-docs/pdf-document.ts';
import { drawSignatureBlock } from '../../../official-docs/signature-block.ts';
import { placeDateVi } from '../../../official-docs/place-date.ts';
import { ATTENDANCE_COLUMNS, attendanceHeading, attendanceLines, attendanceSummaryLines, type AttendanceLine } from './attendance-list.ts';

/** Column shares of the table width: STT, Họ và tên, Chức vụ, Đơn vị, Vai trò, Tình trạng, Ghi chú. */
const SHARES = [0.06, 0.22, 0.15, 0.17, 0.12, 0.16, 0.12];
const FONT_SIZE = 10;
const PAD = 3;

function cells(line: AttendanceLine): string[] {
  return [String(line.stt), line.name, line.position, line.unit, line.role, line.status, line.note];
}

/**
 * The attendance list as a printable A4 table; the header row repeats at the top of every page the
 * table runs onto, so a page picked up alone still reads.
 */
export async function attendancePdf(meeting: MeetingDetail, issuedAt: Date, place: string): Promise<Buffer> {
  const doc = officialPdf(`Danh sách điểm danh — ${meeting.title}`);
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const widths = SHARES.map((s) => s * width);

  let y = drawOfficialHeader(doc, { issuer: meeting.committee.name, numberLine: null, classificationMark: null, placeDate: placeDateVi(place, issuedAt) });
  doc.font('bold').fontSize(14).text('DANH SÁCH ĐIỂM DANH', left, y + 20, { width, align: 'center' });
  doc.font('bold').fontSize(13).text(nfc(meeting.title), left, doc.y + 2, { width, align: 'center' });
  for (const line of attendanceHeading(meeting)) doc.font('italic').fontSize(12).text(nfc(line), left, doc.y, { width, align: 'center' });
  y = doc.y + 12;

  function rowHeight(values: string[], font: 'regular' | 'bold'): number {
    doc.font(font).fontSize(FONT_SIZE);
    return Math.max(...values.map((v, i) => doc.heightOfString(nfc(v) || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  }

  function drawRow(values: string[], top: number, height: number, font: 'regular' | 'bold'): void {
    let x = left;
    doc.font(font).fontSize(FONT_SIZE);
    values.forEach((v, i) => {
      const w = widths[i]!;
      if (font === 'bold') doc.save().rect(x, top, w, height).fill('#e8e8e8').restore();
      doc.save().lineWidth(0.5).rect(x, top, w, height).stroke().restore();
      doc.fillColor('black').text(nfc(v), x + PAD, top + PAD, { width: w - 2 * PAD, align: i === 0 || font === 'bold' ? 'center' : 'left' });
      x += w;
    });
  }

  const header = [...ATTENDANCE_COLUMNS];
  const headerHeight = rowHeight(header, 'bold');
  drawRow(header, y, headerHeight, 'bold');
  y += headerHeight;
  for (const line of attendanceLines(meeting.participants)) {
    const values = cells(line);
    const h = rowHeight(values, 'regular');
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(header, y, headerHeight, 'bold');
      y += headerHeight;
    }
    drawRow(values, y, h, 'regular');
    y += h;
  }

  const summary = attendanceSummaryLines(meeting.attendance);
  doc.font('regular').fontSize(12);
  const summaryHeight = summary.reduce((sum, s) => sum + doc.heightOfString(s, { width }) + 2, 0);
  if (y + 12 + summaryHeight + 90 > bottom()) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  doc.text('', left, y + 12);
  for (const s of summary) doc.text(nfc(s), left, doc.y, { width, paragraphGap: 2 });

  drawSignatureBlock(
    doc,
    { titles: ['NGƯỜI LẬP DANH SÁCH'], note: '(Ký, ghi rõ họ tên)', signerName: meeting.secretary?.name ?? null, signingRoom: 56 },
    { x: left + width * 0.5, y: doc.y + 14, width: width * 0.5 },
  );
  return pdfBytes(doc as Pdf);
}
