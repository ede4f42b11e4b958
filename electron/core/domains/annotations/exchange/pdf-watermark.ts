import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { degrees, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { fontFile } from '../../../official-docs/fonts.ts';
import { displayFrame, normalizeRotation } from './display-frame.ts';

const COLOR = rgb(0.7, 0, 0);
const TILE = { width: 300, height: 210, size: 15, angle: 30 };
const FOOTER_SIZE = 7;

function tiles(page: PDFPage, font: PDFFont, lines: readonly string[]): void {
  const box = page.getCropBox();
  const text = lines.join('  ·  ');
  const width = font.widthOfTextAtSize(text, TILE.size);
  // Rows of the tilted line, staggered, overflowing the box so no corner is left bare.
  for (let y = box.y - TILE.height, row = 0; y < box.y + box.height + TILE.height; y += TILE.height, row += 1) {
    const offset = row % 2 === 0 ? 0 : TILE.width / 2;
    for (let x = box.x - width + offset; x < box.x + box.width; x += width + TILE.width / 2) {
      page.drawText(text, { x, y, size: TILE.size, font, color: COLOR, opacity: 0.16, rotate: degrees(TILE.angle) });
    }
  }
}

/**
 * One line at the foot of the page as it is shown (upright on a page with /Rotate too): what a
 * photocopy or text extraction still carries.
 */
function footer(page: PDFPage, font: PDFFont, lines: readonly string[]): void {
  const box = page.getCropBox();
  const rotation = normalizeRotation(page.getRotation().angle);
  const frame = displayFrame([box.x, box.y, box.x + box.width, box.y + box.height], rotation);
  const [a, b, c, d, e, f] = frame.matrix;
  // 18 pt from the shown left edge, 8 pt above the shown bottom edge.
  const u = 18;
  const v = -frame.height + 8;
  page.drawText(lines.join(' · '), {
    x: a * u + c * v + e,
    y: b * u + d * v + f,
    rotate: degrees(rotation),
    size: FOOTER_SIZE,
    font,
    color: COLOR,
    opacity: 0.8,
  });
}

/**
 * Every page of a classified document leaving as a PDF carries who took it out and when: tiled,
 * tilted lines over the page and one upright line at its foot. Noto Serif is embedded whole because
 * pdf-lib's subsetting loses Vietnamese glyphs of this font.
 */
export async function drawWatermark(pdf: PDFDocument, lines: readonly string[]): Promise<void> {
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(fontFile('regular')), { subset: false });
  for (const page of pdf.getPages()) {
    tiles(page, font, lines);
    footer(page, font, lines);
  }
}
