import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** Noto Serif covers every Vietnamese letter; pdfkit embeds the subset used. */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

/** Where a font's TTF is (other libraries than pdfkit embed the same fonts from it). */
export const fontFile = (name: FontName): string => require.resolve(FONT_FILES[name]);

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** Nghị định 30/2020 margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const OFFICIAL_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

export type Pdf = PDFKit.PDFDocument;

/** An A4 document with the fonts registered; pages are added by the caller. */
export function officialPdf(title: string): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: OFFICIAL_MARGINS,
    autoFirstPage: false,
    lang: 'vi-VN',
    displayTitle: true,
    info: { Title: title, Creator: 'Nghị Sự', Producer: 'Nghị Sự' },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, require.resolve(file));
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

/** Text is stored NFC, but anything pasted in NFD would draw its marks apart: normalise on the way out. */
export const nfc = (text: string) => text.normalize('NFC');

/** Font size at which `text` fits `width`, from `size` down to `min`. */
export function fitSize(doc: Pdf, font: FontName, text: string, width: number, size: number, min = size - 2): number {
  doc.font(font);
  for (let s = size; s >= min; s -= 0.5) {
    if (doc.fontSize(s).widthOfString(text) <= width) return s;
  }
  return min;
}

/** A horizontal rule of `length`, centred on `centerX`. */
export function centeredRule(doc: Pdf, centerX: number, y: number, length: number): void {
  doc.save().lineWidth(0.6).moveTo(centerX - length / 2, y).lineTo(centerX + length / 2, y).stroke().restore();
}
