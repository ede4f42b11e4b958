import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CoreError } from '../errors.ts';

const require = createRequire(import.meta.url);

/**
 * Tinos: the metrics of Times New Roman (the face Nghị định 30/2020 names, and the one the DOCX
 * files ask for) with every Vietnamese letter, so a PDF breaks its lines where Word would.
 * pdfkit embeds the subset used.
 */
export const FONT_FILES = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

/** The face DOCX files name; Word and LibreOffice map it to Times New Roman or a metric twin. */
export const DOCX_FONT = 'Times New Roman';

export type FontName = keyof typeof FONT_FILES;

/**
 * Where a font file of the app's packages is. A missing one means a damaged installation: said so
 * plainly, before any file is written, rather than as a crash inside the PDF writer.
 */
export function resolveFont(spec: string): string {
  let file: string | null = null;
  try {
    file = require.resolve(spec);
  } catch {
    // Not installed: reported below.
  }
  if (!file || !existsSync(file)) {
    throw new CoreError('IO_ERROR', {
      vi: `Thiếu phông chữ để xuất PDF (${spec}). Bản cài đặt ứng dụng bị hỏng: hãy cài lại Nghị Sự. Dữ liệu không bị ảnh hưởng.`,
      en: `A font needed to write the PDF is missing (${spec}). The installation is damaged: reinstall Nghị Sự. No data was affected.`,
    });
  }
  return file;
}

/** Where a font's TTF is (other libraries than pdfkit embed the same fonts from it). */
export const fontFile = (name: FontName): string => resolveFont(FONT_FILES[name]);
