import { PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject, type PDFPage, type PDFRef } from 'pdf-lib';
import { annotationKindLabels, type Annotation, type GeometryOf } from '../../../../../shared/contract/index.ts';
import type { AppearanceForms } from './appearance-forms.ts';
import { rgbOf, num } from './colors.ts';
import { normalizeRotation } from './display-frame.ts';
import { pdfDate } from './pdf-dates.ts';

/** Print flag: an annotation without it is left out when the PDF is printed. */
const PRINT = 4;

const SUBTYPES = {
  highlight: 'Highlight',
  underline: 'Underline',
  strikeout: 'StrikeOut',
  ink: 'Ink',
  note: 'Text',
  freetext: 'FreeText',
  rectangle: 'Square',
  ellipse: 'Circle',
  arrow: 'Line',
} as const;

const round = (v: number) => Number(num(v));

/** What pdf-lib's context.obj() turns into PDF objects (strings become names). */
type PdfValue = string | number | boolean | PDFObject | PdfValue[] | { [key: string]: PdfValue };

/** The text Acrobat shows in the comment: the note, or for a markup with no note the words it marks. */
export function pdfContents(a: Annotation): string | null {
  return a.contents ?? a.quotedText;
}

/** The keys that depend on the kind (PDF 32000-1 §12.5.6). */
function kindEntries(a: Annotation): Record<string, PdfValue> {
  switch (a.kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout':
      return { QuadPoints: (a.geometry as GeometryOf<'highlight'>).quads.flat().map(round) };
    case 'ink':
      return {
        InkList: (a.geometry as GeometryOf<'ink'>).strokes.map((s) => s.flatMap(([x, y]) => [round(x), round(y)])),
        BS: { W: round(a.thickness), S: 'S' },
      };
    case 'note':
      return { Name: 'Comment', Open: false };
    case 'freetext': {
      const [r, g, b] = rgbOf(a.color);
      const size = a.fontSize ?? 12;
      // /DA is what a reader regenerates the look from when the box is edited there.
      return { DA: PDFString.of(`/Helv ${num(size)} Tf ${num(r)} ${num(g)} ${num(b)} rg`), Q: 0, BS: { W: round(a.thickness), S: 'S' } };
    }
    case 'rectangle':
    case 'ellipse':
      return { BS: { W: round(a.thickness), S: 'S' } };
    case 'arrow': {
      const { from, to } = a.geometry as GeometryOf<'arrow'>;
      return { L: [from, to].flat().map(round), LE: ['None', 'OpenArrow'], BS: { W: round(a.thickness), S: 'S' } };
    }
  }
}

/**
 * Adds one annotation to `page` as a real PDF annotation object (so Acrobat and Foxit list it and
 * let the user edit it), with its appearance stream. Existing /Annots entries are kept.
 */
export function addAnnotationObject(pdf: PDFDocument, page: PDFPage, a: Annotation, forms: AppearanceForms): PDFRef {
  const ap = forms.appearance(a, normalizeRotation(page.getRotation().angle));
  const contents = pdfContents(a);
  const dict = pdf.context.obj({
    Type: 'Annot',
    Subtype: SUBTYPES[a.kind],
    Rect: ap.bbox.map(round),
    NM: PDFString.of(a.id),
    T: PDFHexString.fromText(a.authorName),
    Subj: PDFHexString.fromText(annotationKindLabels[a.kind].vi),
    M: PDFString.of(pdfDate(a.updatedAt)),
    CreationDate: PDFString.of(pdfDate(a.createdAt)),
    F: PRINT,
    C: rgbOf(a.color).map(round),
    CA: round(a.opacity),
    P: page.ref,
    AP: { N: forms.form(ap) },
    ...kindEntries(a),
  });
  if (contents !== null) dict.set(PDFName.of('Contents'), PDFHexString.fromText(contents));
  const ref = pdf.context.register(dict);
  page.node.addAnnot(ref);
  return ref;
}
