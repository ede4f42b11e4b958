import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFRef } from 'pdf-lib';
import type { Annotation } from '../../../../../shared/contract/index.ts';
import { fontFile } from '../../../official-docs/fonts.ts';
import { appearanceOf, type Appearance } from './appearance.ts';
import { num } from './colors.ts';
import type { TextFont } from './text-font.ts';

/**
 * Turns appearances into form XObjects of a pdf-lib document. Noto Serif is embedded only when a text
 * box needs it, so Vietnamese text shows in any reader. It is embedded whole (~0.5 MB): pdf-lib's
 * subsetting drops most glyphs of this font (poppler then draws only a few accented letters).
 */
export function createAppearanceForms(pdf: PDFDocument) {
  let font: PDFFont | undefined;
  const textFont = (): TextFont => ({
    encode: (text) => embedded().encodeText(text).toString(),
    widthOf: (text, size) => embedded().widthOfTextAtSize(text, size),
    ascentOf: (size) => embedded().heightAtSize(size, { descender: false }),
  });

  function embedded(): PDFFont {
    if (!font) throw new Error('the font is embedded before text is drawn');
    return font;
  }

  return {
    /** Embeds the font when one of `annotations` draws text; call once before `form`. */
    async prepare(annotations: readonly Annotation[]): Promise<void> {
      if (font || !annotations.some((a) => a.kind === 'freetext' && a.contents)) return;
      pdf.registerFontkit(fontkit);
      font = await pdf.embedFont(readFileSync(fontFile('regular')), { subset: false });
    },

    appearance: (a: Annotation, rotation: number): Appearance => appearanceOf(a, rotation, textFont()),

    /** The appearance as a registered form XObject whose /BBox is the annotation's /Rect in page space. */
    form(ap: Appearance): PDFRef {
      const resources: Record<string, Record<string, Record<string, number | string> | PDFRef>> = {};
      if (ap.graphicsState) {
        const { opacity, multiply } = ap.graphicsState;
        resources.ExtGState = {
          GS0: { Type: 'ExtGState', CA: Number(num(opacity)), ca: Number(num(opacity)), ...(multiply ? { BM: 'Multiply' } : {}) },
        };
      }
      if (ap.usesFont) resources.Font = { F0: embedded().ref };
      const stream = pdf.context.flateStream(ap.content, {
        Type: 'XObject',
        Subtype: 'Form',
        FormType: 1,
        BBox: ap.bbox.map((v) => Number(num(v))),
        Resources: resources,
      });
      return pdf.context.register(stream);
    },
  };
}

export type AppearanceForms = ReturnType<typeof createAppearanceForms>;
