import { createRequire } from 'node:module';

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

/** Where a font's TTF is (other libraries than pdfkit embed the same fonts from it). */
export const fontFile = (name: FontName): string => require.resolve(FONT_FILES[name]);
