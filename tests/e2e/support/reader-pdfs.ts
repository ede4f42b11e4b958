import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import { PDFDocument as PdfLibDocument, PDFName } from 'pdf-lib';
import { FONT_BOLD, FONT_REGULAR, writeTextPdf } from '../../support/pdf-fixtures.ts';

/** What the reader spec searches for, and where it is. */
export const READER_DOC = {
  pages: 12,
  /** Page labels: two roman front-matter pages, then 1, 2, … */
  labels: ['i', 'ii', ...Array.from({ length: 10 }, (_, i) => String(i + 1))],
  /** "Đường sắt" occurs once on each of these (0-based) pages. */
  railPages: [2, 5, 9],
  outline: ['I. Tình hình triển khai', 'II. Đường sắt Lào Cai - Hà Nội - Hải Phòng', 'III. Kiến nghị'],
  /** The sentence the copy test selects. */
  sentence: 'Ban Chỉ đạo yêu cầu các sở, ngành khẩn trương hoàn thành hồ sơ.',
};

/**
 * A report as a member receives it: an outline, page labels (front matter numbered i, ii), the
 * phrases the find test looks for, and a rectangle annotation with its appearance, made the way
 * Acrobat or Foxit would, on page 1.
 */
export async function writeReaderPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, autoFirstPage: false });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const out = createWriteStream(file);
  doc.pipe(out);
  for (let p = 0; p < READER_DOC.pages; p++) {
    doc.addPage();
    doc.font('bold').fontSize(16).text(`Trang nội dung số ${p + 1}`, { align: 'center' });
    doc.moveDown();
    if (p === 0) {
      doc.font('bold').fontSize(14).text('BÁO CÁO TIẾN ĐỘ CÁC CÔNG TRÌNH TRỌNG ĐIỂM', { align: 'center' });
      doc.moveDown();
      doc.font('regular').fontSize(13).text(READER_DOC.sentence);
    }
    if (p === 1) doc.outline.addItem(READER_DOC.outline[0]!);
    if (p === 4) doc.outline.addItem(READER_DOC.outline[1]!);
    if (p === 10) doc.outline.addItem(READER_DOC.outline[2]!);
    doc.font('regular').fontSize(13);
    for (let k = 0; k < 6; k++) {
      doc.text(`Đoạn ${k + 1}: các đơn vị báo cáo kết quả giải phóng mặt bằng, tái định cư và giải ngân vốn đầu tư công trong kỳ.`, { align: 'justify' });
      doc.moveDown(0.5);
    }
    if (READER_DOC.railPages.includes(p)) {
      doc.text('Dự án Đường sắt Lào Cai - Hà Nội - Hải Phòng cần đẩy nhanh tiến độ.', { align: 'left' });
    }
  }
  doc.end();
  await once(out, 'finish');

  const pdf = await PdfLibDocument.load(await readFile(file));
  const ctx = pdf.context;
  pdf.catalog.set(
    PDFName.of('PageLabels'),
    ctx.obj({ Nums: [0, ctx.obj({ S: PDFName.of('r') }), 2, ctx.obj({ S: PDFName.of('D') })] }),
  );
  // A red /Square with its own appearance stream, as another reader would have saved it.
  const page = pdf.getPage(0);
  const rect = [380, 560, 520, 640];
  const appearance = ctx.register(
    ctx.stream('1 0 0 RG 4 w 2 2 136 76 re S', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 140, 80],
    }),
  );
  const annotation = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Square',
      Rect: rect,
      C: [1, 0, 0],
      Border: [0, 0, 4],
      T: 'Nguyễn Văn Thành',
      Contents: 'Cần làm rõ số liệu giải ngân',
      F: 4,
      AP: ctx.obj({ N: appearance }),
    }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([annotation]));
  await writeFile(file, await pdf.save());
}

/** The same words behind a password: what pdf.js refuses without it. */
export async function writeEncryptedPdf(file: string): Promise<void> {
  await writeTextPdf(file, ['Tài liệu mật: báo cáo tiến độ.'], { userPassword: 'bcd2026' });
}
