import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { Random } from './random.ts';
import { documentSummary, pageText } from './vietnamese-text.ts';

const require = createRequire(import.meta.url);
const fontRegular = require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf');
const fontBold = require.resolve('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf');

/**
 * A realistic meeting document as a real PDF with a Vietnamese text layer: an NĐ 30/2020 header on
 * the first page (agency, national name, number, place and date, type and summary) and prose after.
 * Used by the seeded dataset's stored files and by the import benchmark.
 */
export async function writeSamplePdf(file: string, r: Random, pages: number, number = r.int(1, 999)): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 57, bottom: 57, left: 85, right: 57 }, autoFirstPage: false, compress: true });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.registerFont('regular', fontRegular);
  doc.registerFont('bold', fontBold);
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    if (p === 0) {
      doc.font('bold').fontSize(12).text('BAN CHỈ ĐẠO TỈNH LÀO CAI', 70, 57, { width: 190, align: 'center' });
      doc.fontSize(11.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 262, 57, { width: 290, align: 'center' });
      doc.fontSize(12).text('Độc lập - Tự do - Hạnh phúc', 262, 73, { width: 290, align: 'center' });
      doc.font('regular').fontSize(13).text(`Số: ${number}/BC-BCĐ`, 70, 100, { width: 190, align: 'center' });
      doc.text(`Lào Cai, ngày ${String(r.int(1, 28)).padStart(2, '0')} tháng ${String(r.int(1, 12)).padStart(2, '0')} năm 2026`, 262, 100, {
        width: 290,
        align: 'center',
      });
      doc.font('bold').fontSize(14).text('BÁO CÁO', 85, 150, { width: 455, align: 'center' });
      doc.fontSize(13).text(documentSummary(r), { width: 455, align: 'center' });
      doc.moveDown();
    }
    doc.font('regular').fontSize(13).text(pageText(r, p === 0 ? 1200 : 2400), { align: 'justify', height: 700, ellipsis: true });
  }
  doc.end();
  await finished(out);
}
