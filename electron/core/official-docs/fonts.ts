import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Noto Serif covers every Vietnamese letter; pdfkit embeds the subset used. */
export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
} as const;

export type FontName = keyof typeof FONT_FILES;

/** Where a font's TTF is (other libraries than pdfkit embed the same fonts from it). */
export const fontFile = (name: FontName): string => require.resolve(FONT_FILES[name]);
