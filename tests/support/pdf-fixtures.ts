/**
 * Real PDFs for document tests: Vietnamese text set in Noto Serif by pdfkit (so the text layer has
 * proper ToUnicode maps, as Word's PDFs do), official headers per Nghị định 30/2020, encrypted,
 * damaged and very large files.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

const fonts = join(import.meta.dirname, '../../node_modules/@expo-google-fonts/noto-serif');
export const FONT_REGULAR = join(fonts, '400Regular/NotoSerif_400Regular.ttf');
export const FONT_BOLD = join(fonts, '700Bold/NotoSerif_700Bold.ttf');
export const FONT_ITALIC = join(fonts, '400Regular_Italic/NotoSerif_400Regular_Italic.ttf');

/** The real PDFs shared by the project (pdf.js test files), outside the repository. */
export const FIXTURE_PDFS = join(import.meta.dirname, '../../../shared/fixtures/pdfs');

export interface OfficialPdfSpec {
  /** Agency lines, top left (parent first). */
  agency?: string[];
  /** e.g. "125/TB-BCĐ"; printed as "Số: 125/TB-BCĐ". */
  number?: string;
  /** e.g. "Lào Cai, ngày 05 tháng 01 năm 2026". */
  placeDate?: string;
  /** e.g. "THÔNG BÁO"; omitted for a letter (công văn). */
  typeTitle?: string;
  /** Trích yếu under the title, or "V/v …" under the number for a letter. */
  summary?: string;
  /** Stamps under the number: "MẬT", "KHẨN", … */
  marks?: string[];
  /** Body text of each page; page 1's comes after the header. */
  bodies: string[];
  userPassword?: string;
}

export const OFFICIAL_NOTICE: OfficialPdfSpec = {
  agency: ['UBND TỈNH LÀO CAI', 'BAN CHỈ ĐẠO CÁC CÔNG TRÌNH'],
  number: '125/TB-BCĐ',
  placeDate: 'Lào Cai, ngày 05 tháng 01 năm 2026',
  typeTitle: 'THÔNG BÁO',
  summary: 'Kết luận của Trưởng ban tại phiên họp về tiến độ các dự án trọng điểm',
  bodies: [
    'Ngày 03 tháng 01 năm 2026, Ban Chỉ đạo đã họp để đánh giá tiến độ triển khai. Các thành viên thống nhất báo cáo với Tỉnh ủy.',
    'Giao Sở Xây dựng chủ trì phối hợp với các đơn vị liên quan hoàn thành hồ sơ trước ngày 15 tháng 01 năm 2026.',
  ],
};

function newDocument(spec: { userPassword?: string }) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 57, bottom: 57, left: 85, right: 57 },
    ...(spec.userPassword ? { userPassword: spec.userPassword, ownerPassword: `${spec.userPassword}-chu`, pdfVersion: '1.7' as const } : {}),
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.registerFont('italic', FONT_ITALIC);
  return doc;
}

async function finish(doc: PDFKit.PDFDocument, file: string): Promise<void> {
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.end();
  await once(out, 'finish');
}

/** A document with the NĐ30 header on page 1 and the given bodies, one per page. */
export async function writeOfficialPdf(file: string, spec: OfficialPdfSpec): Promise<void> {
  const doc = newDocument(spec);
  const left = 85;
  const top = 57;
  const agency = spec.agency ?? [];
  agency.forEach((line, i) => doc.font(i === agency.length - 1 ? 'bold' : 'regular').fontSize(12).text(line, left, top + i * 16, { width: 200, align: 'center' }));
  doc.font('bold').fontSize(12).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 285, top, { width: 260, align: 'center' });
  doc.font('bold').fontSize(13).text('Độc lập - Tự do - Hạnh phúc', 285, top + 16, { width: 260, align: 'center' });
  let y = top + Math.max(agency.length, 2) * 16 + 20;
  if (spec.number !== undefined) doc.font('regular').fontSize(13).text(`Số: ${spec.number}`, left, y, { width: 200, align: 'center' });
  if (spec.placeDate) doc.font('italic').fontSize(13).text(spec.placeDate, 285, y, { width: 260, align: 'center' });
  y += 22;
  if (!spec.typeTitle && spec.summary) {
    doc.font('regular').fontSize(12).text(`V/v ${spec.summary}`, left, y, { width: 200, align: 'center' });
    y = doc.y + 6;
  }
  for (const mark of spec.marks ?? []) {
    doc.font('bold').fontSize(13).text(mark, left, y, { width: 200, align: 'center' });
    y += 20;
  }
  y += 16;
  if (spec.typeTitle) {
    doc.font('bold').fontSize(14).text(spec.typeTitle, left, y, { width: 460, align: 'center' });
    if (spec.summary) doc.font('bold').fontSize(13).text(spec.summary, { width: 460, align: 'center' });
    y = doc.y + 24;
  }
  spec.bodies.forEach((body, i) => {
    if (i > 0) doc.addPage();
    doc.font('regular').fontSize(13).text(body, left, i === 0 ? y : top, { width: 460, align: 'justify', indent: 30 });
  });
  await finish(doc, file);
}

/** A plain document: one text per page, no header. */
export async function writeTextPdf(file: string, pages: string[], options: { userPassword?: string } = {}): Promise<void> {
  const doc = newDocument(options);
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.font('regular').fontSize(13).text(text, { align: 'left' });
  });
  await finish(doc, file);
}

/** A PDF whose cross-reference table and object headers are garbled: no reader can find its pages. */
export function writeCorruptPdf(file: string, from: Buffer): void {
  const text = from.toString('latin1');
  const garbled = text
    .replace(/\d+ \d+ obj/g, (m) => '#'.repeat(m.length))
    .replace(/endobj|xref|trailer|startxref|\/Root|\/Type/g, (m) => '~'.repeat(m.length));
  writeFileSync(file, Buffer.from(garbled, 'latin1'));
}

/** The first `fraction` of a real PDF, as a download cut short leaves it. */
export function writeTruncatedPdf(file: string, source: string, fraction: number): void {
  const bytes = readFileSync(source);
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/**
 * A very large PDF written as a stream: two pages of text (Helvetica, ASCII) and, between the
 * pages and the cross-reference table, one stream object of `bulkBytes` that no page uses (as
 * a scanner's unused image would be). Returns the file's size.
 */
export async function writeBigPdf(file: string, bulkBytes: number, pageTexts = ['Bao cao tien do du an duong sat Lao Cai', 'Trang hai ket luan phien hop']): Promise<number> {
  const out = createWriteStream(file);
  let offset = 0;
  const offsets: number[] = [];
  const write = async (chunk: string | Buffer) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    offset += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  const object = async (body: string) => {
    offsets.push(offset);
    await write(`${offsets.length} 0 obj\n${body}\nendobj\n`);
  };
  await write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const pageIds = pageTexts.map((_, i) => 4 + i * 2);
  await object('<< /Type /Catalog /Pages 2 0 R >>');
  await object(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageTexts.length} >>`);
  await object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (let i = 0; i < pageTexts.length; i++) {
    const content = `BT /F1 18 Tf 72 770 Td (${pageTexts[i]}) Tj ET`;
    await object(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    await object(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  offsets.push(offset);
  await write(`${offsets.length} 0 obj\n<< /Length ${bulkBytes} >>\nstream\n`);
  const block = Buffer.alloc(8 * 1024 * 1024, 0x5a);
  for (let left = bulkBytes; left > 0; left -= block.length) await write(left >= block.length ? block : block.subarray(0, left));
  await write('\nendstream\nendobj\n');
  const xref = offset;
  await write(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) await write(`${String(o).padStart(10, '0')} 00000 n \n`);
  await write(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  out.end();
  await once(out, 'finish');
  return offset;
}
