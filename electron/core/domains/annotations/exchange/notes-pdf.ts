import { nfc } from '../../../official-docs/nfc.ts';
import { officialPdf, pdfBytes } from '../../../official-docs/pdf-document.ts';
import { UNPLACED_NOTE, type NotesOutline } from './notes-outline.ts';

/** "My notes" as a PDF (A4, Noto Serif so every Vietnamese letter prints). */
export async function notesPdf(outline: NotesOutline): Promise<Buffer> {
  const doc = officialPdf(outline.documentLine);
  doc.addPage();
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('bold').fontSize(14).text(nfc(outline.title), { width, align: 'center' });
  doc.moveDown(0.3).text(nfc(outline.documentLine), { width, align: 'center' });
  doc.moveDown().font('regular').fontSize(13).text(nfc(outline.authorLine), { width });
  doc.font('italic').text(nfc(outline.exportedLine), { width });
  for (const e of outline.entries) {
    doc.moveDown(0.8).font('bold').fontSize(13).text(nfc(`${e.page} — ${e.kind}${e.unplaced ? ` ${UNPLACED_NOTE}` : ''}`), { width });
    if (e.quoted) doc.font('italic').text(nfc(`“${e.quoted}”`), doc.page.margins.left + 20, undefined, { width: width - 20 });
    if (e.contents) doc.font('regular').text(nfc(e.contents), doc.page.margins.left, undefined, { width });
    doc.font('regular').fontSize(11).fillColor('#555555').text(e.time, doc.page.margins.left, undefined, { width }).fillColor('black');
  }
  return pdfBytes(doc);
}
