/**
 * What drawing text into an appearance stream needs from a font, whichever library embeds it:
 * glyph encoding for `Tj` and metrics for wrapping.
 */
export interface TextFont {
  /** The text as a hex string operand for `Tj` (e.g. "<0012003A>"). */
  encode(text: string): string;
  widthOf(text: string, size: number): number;
  /** Distance from the top of a line to its baseline. */
  ascentOf(size: number): number;
}

/** Line height as a multiple of the font size (Noto Serif's own spacing is generous; this reads well in small boxes). */
export const LINE_HEIGHT = 1.25;

/**
 * Breaks `text` into lines no wider than `width`: at spaces, and inside a word only when the word
 * alone is wider than the box (long URLs, numbers). Explicit line breaks are kept.
 */
export function wrapText(font: TextFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOf(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // A word wider than the box is cut where it overflows.
      let rest = word;
      while (font.widthOf(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOf(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
