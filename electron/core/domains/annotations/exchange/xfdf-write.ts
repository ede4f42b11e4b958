import { annotationKindLabels, type Annotation, type GeometryOf } from '../../../../../shared/contract/index.ts';
import { annotationBounds } from '../../../../../shared/annotations/geometry.ts';
import { rgbOf, num } from './colors.ts';
import { DEFAULT_FONT_SIZE } from './appearance.ts';
import { pdfDate } from './pdf-dates.ts';
import type { PdfFileId } from './pdf-file-id.ts';
import { NGHISU_NAMESPACE, NGHISU_PREFIX, XFDF_ELEMENTS, XFDF_NAMESPACE } from './xfdf-format.ts';
import { xmlEscape } from './xml-text.ts';

const list = (values: readonly number[]) => values.map(num).join(',');

function attributes(a: Annotation): Record<string, string> {
  const attrs: Record<string, string> = {
    page: String(a.pageIndex),
    rect: list(annotationBounds(a.kind, a.geometry, a.thickness)),
    color: a.color,
    opacity: num(a.opacity),
    width: num(a.thickness),
    flags: 'print',
    name: a.id,
    title: a.authorName,
    subject: annotationKindLabels[a.kind].vi,
    date: pdfDate(a.updatedAt),
    creationdate: pdfDate(a.createdAt),
  };
  switch (a.kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout':
      attrs.coords = list((a.geometry as GeometryOf<'highlight'>).quads.flat());
      break;
    case 'note':
      attrs.icon = 'Comment';
      break;
    case 'freetext': {
      const [r, g, b] = rgbOf(a.color);
      const size = a.fontSize ?? DEFAULT_FONT_SIZE;
      attrs.defaultappearance = `/Helv ${num(size)} Tf ${num(r)} ${num(g)} ${num(b)} rg`;
      attrs.defaultstyle = `font: ${num(size)}pt 'Noto Serif'; color: ${a.color}`;
      break;
    }
    case 'arrow': {
      // XFDF's head is the line's start: the arrow's tip is written first, as Acrobat's arrow tool does.
      const { from, to } = a.geometry as GeometryOf<'arrow'>;
      attrs.start = list(to);
      attrs.end = list(from);
      attrs.head = 'OpenArrow';
      attrs.tail = 'None';
      break;
    }
    default:
      break;
  }
  return attrs;
}

function children(a: Annotation): string[] {
  const out: string[] = [];
  if (a.kind === 'ink') {
    const gestures = (a.geometry as GeometryOf<'ink'>).strokes.map((s) => `<gesture>${s.map(([x, y]) => `${num(x)},${num(y)}`).join(';')}</gesture>`);
    out.push(`<inklist>${gestures.join('')}</inklist>`);
  }
  if (a.contents !== null) out.push(`<contents>${xmlEscape(a.contents)}</contents>`);
  if (a.quotedText !== null) out.push(`<${NGHISU_PREFIX}:quoted>${xmlEscape(a.quotedText)}</${NGHISU_PREFIX}:quoted>`);
  return out;
}

/**
 * This user's annotations of one document as an XFDF file: the PDF it belongs to by name (<f>) and
 * file identifiers (<ids>), then one element per annotation in page order.
 */
export function writeXfdf(annotations: readonly Annotation[], pdf: { fileName: string; ids: PdfFileId | null }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xfdf xmlns="${XFDF_NAMESPACE}" xmlns:${NGHISU_PREFIX}="${NGHISU_NAMESPACE}" xml:space="preserve">`,
    `<f href="${xmlEscape(pdf.fileName)}"/>`,
  ];
  if (pdf.ids) lines.push(`<ids original="${pdf.ids.original}" modified="${pdf.ids.modified}"/>`);
  lines.push('<annots>');
  for (const a of annotations) {
    const element = XFDF_ELEMENTS[a.kind];
    const attrs = Object.entries(attributes(a))
      .map(([k, v]) => `${k}="${xmlEscape(v)}"`)
      .join(' ');
    const inner = children(a);
    lines.push(inner.length ? `<${element} ${attrs}>${inner.join('')}</${element}>` : `<${element} ${attrs}/>`);
  }
  lines.push('</annots>', '</xfdf>', '');
  return lines.join('\n');
}
