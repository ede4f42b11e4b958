import PDFDocument from 'pdfkit';
import { FONT_FILES, fontFile, type FontName } from './fonts.ts';
import { OFFICIAL_MARGINS, OFFICIAL_PAPER } from './page-setup.ts';

export type Pdf = PDFKit.PDFDocument;

/** An A4 document with the official margins and the fonts registered; pages are added by the caller. */
export function officialPdf(title: string, options: { bufferPages?: boolean } = {}): Pdf {
  const doc = new PDFDocument({
    // Kept in memory when the page numbers are written after the text (they need the page count).
    bufferPages: options.bufferPages ?? false,
    size: OFFICIAL_PAPER,
    margins: OFFICIAL_MARGINS,
    autoFirstPage: false,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: title, Creator: 'Nghị Sự', Producer: 'Nghị Sự' },
  });
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontFile(name));
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
