import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  color as colorSchema,
  geometryByKind,
  type AnnotationGeometry,
  type AnnotationKind,
  type Rect,
} from '../../../../../shared/contract/index.ts';
import { CoreError } from '../../../errors.ts';
import { hexOf } from './colors.ts';
import { parsePdfDate } from './pdf-dates.ts';
import type { PdfFileId } from './pdf-file-id.ts';
import { DEFAULT_PRESSURE, DEFAULT_WIDTH, KIND_OF_ELEMENT, OTHER_XFDF_ANNOTATIONS } from './xfdf-format.ts';
import { decodeXmlText } from './xml-entities.ts';

/** Far more than any member writes on a document; a bigger file is refused before it is parsed. */
export const MAX_XFDF_BYTES = 20 * 1024 * 1024;
export const MAX_XFDF_ANNOTATIONS = 20_000;

/** One annotation as the file describes it, checked but not yet placed on a document. */
export interface XfdfAnnotation {
  /** The file's `name` (the annotation's id where it came from), if any. */
  name: string | null;
  kind: AnnotationKind;
  pageIndex: number;
  geometry: AnnotationGeometry;
  color: string;
  thickness: number;
  opacity: number;
  contents: string | null;
  quotedText: string | null;
  fontSize: number | null;
  title: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ParsedXfdf {
  /** <f href>: the PDF's file name as the writer knew it. */
  href: string | null;
  ids: PdfFileId | null;
  annotations: XfdfAnnotation[];
  /** Annotation elements of kinds this app does not make, by element name. */
  skipped: { element: string; count: number }[];
}

type XmlNode = Record<string, unknown>;

export function xfdfInvalid(vi: string, en: string): CoreError {
  return new CoreError('FILE_INVALID', { vi: `Tệp XFDF không hợp lệ: ${vi}`, en: `Invalid XFDF file: ${en}` });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
  isArray: (name) => name in KIND_OF_ELEMENT || name === 'gesture' || name === 'inklist' || (OTHER_XFDF_ANNOTATIONS as readonly string[]).includes(name),
});

function attr(node: XmlNode, name: string): string | null {
  const v = node[`@${name}`];
  return typeof v === 'string' ? decodeXmlText(v) : null;
}

/** The text of a child element (<contents>, <quoted>); null when absent or empty. */
function childText(node: XmlNode, name: string): string | null {
  const v = node[name];
  const raw = typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as XmlNode)['#text'] === 'string' ? ((v as XmlNode)['#text'] as string) : null;
  if (raw === null) return null;
  const text = decodeXmlText(raw).replace(/\r\n?/g, '\n');
  return text === '' ? null : text;
}

/** Numbers separated by commas (and, in gestures, semicolons); null when any is not a finite number. */
function numbers(text: string | null, separators = /,/): number[] | null {
  if (text === null) return null;
  const parts = text.trim().split(separators).map((s) => s.trim());
  if (parts.length === 0 || parts.some((s) => s === '')) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}

interface Context {
  index: number;
  element: string;
}

function bad(c: Context, vi: string, en: string): CoreError {
  return xfdfInvalid(`ghi chú thứ ${c.index} (<${c.element}>) ${vi}.`, `annotation ${c.index} (<${c.element}>) ${en}.`);
}

function readRect(node: XmlNode, c: Context): Rect {
  const v = numbers(attr(node, 'rect'));
  if (!v || v.length !== 4) throw bad(c, 'có khung (rect) không hợp lệ', 'has an invalid rect');
  return [Math.min(v[0]!, v[2]!), Math.min(v[1]!, v[3]!), Math.max(v[0]!, v[2]!), Math.max(v[1]!, v[3]!)];
}

function readColor(node: XmlNode, kind: AnnotationKind, c: Context): string {
  let value = attr(node, 'color');
  if (value === null && kind === 'freetext') {
    // A text box may carry its colour only in its default appearance ("… r g b rg").
    const m = /(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+rg/.exec(attr(node, 'defaultappearance') ?? '');
    value = m ? hexOf([Number(m[1]), Number(m[2]), Number(m[3])]) : '#000000';
  }
  const parsed = colorSchema.safeParse(value ?? '');
  if (!parsed.success) throw bad(c, `có màu "${value ?? ''}" không hợp lệ (cần #RRGGBB)`, `has an invalid colour "${value ?? ''}" (#RRGGBB expected)`);
  return parsed.data;
}

function readNumber(node: XmlNode, name: string, fallback: number, c: Context): number {
  const raw = attr(node, name);
  if (raw === null) return fallback;
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v)) throw bad(c, `có ${name}="${raw}" không phải số`, `has ${name}="${raw}", not a number`);
  return v;
}

function geometryOf(kind: AnnotationKind, node: XmlNode, thickness: number, c: Context): unknown {
  switch (kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout': {
      const v = numbers(attr(node, 'coords'));
      if (!v || v.length % 8 !== 0) throw bad(c, 'có tọa độ (coords) không hợp lệ', 'has invalid coords');
      const quads: number[][] = [];
      for (let i = 0; i < v.length; i += 8) quads.push(v.slice(i, i + 8));
      return { quads };
    }
    case 'ink': {
      const lists = (node.inklist as XmlNode[] | undefined) ?? [];
      const gestures = lists.flatMap((l) => (Array.isArray(l.gesture) ? (l.gesture as unknown[]) : []));
      const strokes = gestures.map((g) => {
        const text = typeof g === 'string' ? g : typeof (g as XmlNode)?.['#text'] === 'string' ? ((g as XmlNode)['#text'] as string) : '';
        const v = numbers(text.replace(/;\s*$/, ''), /[,;]/);
        if (!v || v.length % 2 !== 0) throw bad(c, 'có nét vẽ (gesture) không hợp lệ', 'has an invalid gesture');
        const points: [number, number, number][] = [];
        for (let i = 0; i < v.length; i += 2) points.push([v[i]!, v[i + 1]!, DEFAULT_PRESSURE]);
        return points;
      });
      if (strokes.length === 0) throw bad(c, 'không có nét vẽ nào', 'has no gesture');
      return { strokes };
    }
    case 'note': {
      const [x1, , , y2] = readRect(node, c);
      return { at: [x1, y2] };
    }
    case 'freetext':
    case 'rectangle':
    case 'ellipse': {
      // The file's rect holds the border; the shape runs along the middle of the stroke.
      const [x1, y1, x2, y2] = readRect(node, c);
      const half = Math.min(thickness / 2, (x2 - x1) / 4, (y2 - y1) / 4);
      return { rect: [x1 + half, y1 + half, x2 - half, y2 - half] };
    }
    case 'arrow': {
      const start = numbers(attr(node, 'start'));
      const end = numbers(attr(node, 'end'));
      if (!start || start.length !== 2 || !end || end.length !== 2) throw bad(c, 'có điểm đầu/cuối không hợp lệ', 'has an invalid start or end');
      const head = (attr(node, 'head') ?? 'None').toLowerCase();
      const tail = (attr(node, 'tail') ?? 'None').toLowerCase();
      // The arrow's tip is where the file draws a line ending: at the start (head) or at the end (tail).
      return head !== 'none' && tail === 'none' ? { from: end, to: start } : { from: start, to: end };
    }
  }
}

function readAnnotation(kind: AnnotationKind, node: XmlNode, c: Context): XfdfAnnotation {
  const pageText = attr(node, 'page');
  const pageIndex = Number(pageText ?? '');
  if (pageText === null || pageText.trim() === '' || !Number.isInteger(pageIndex) || pageIndex < 0) {
    throw bad(c, `có số trang "${pageText ?? ''}" không hợp lệ`, `has an invalid page "${pageText ?? ''}"`);
  }
  const width = readNumber(node, 'width', DEFAULT_WIDTH, c);
  const opacity = readNumber(node, 'opacity', 1, c);
  if (width < 0 || opacity < 0 || opacity > 1) throw bad(c, 'có độ dày hoặc độ mờ ngoài giới hạn', 'has a width or opacity out of range');
  // Borderless boxes say width 0; the app's thinnest line is 0.25 pt.
  const thickness = Math.min(Math.max(width, 0.25), 48);
  const geometry = geometryOf(kind, node, thickness, c);
  const parsed = geometryByKind[kind].safeParse(geometry);
  if (!parsed.success) throw bad(c, 'có tọa độ ngoài giới hạn', 'has coordinates out of range');
  let fontSize: number | null = null;
  if (kind === 'freetext') {
    const m = /([\d.]+)\s+Tf/.exec(attr(node, 'defaultappearance') ?? '');
    const size = m ? Number(m[1]) : NaN;
    fontSize = Number.isFinite(size) && size > 0 ? Math.min(Math.max(size, 4), 96) : null;
  }
  const quoted = childText(node, 'quoted');
  const title = attr(node, 'title')?.trim().slice(0, 200) || null;
  return {
    name: attr(node, 'name')?.trim() || null,
    kind,
    pageIndex,
    geometry: parsed.data as AnnotationGeometry,
    color: readColor(node, kind, c),
    thickness,
    opacity: Math.max(opacity, 0.05),
    contents: childText(node, 'contents')?.slice(0, 20_000) ?? null,
    quotedText: kind === 'highlight' || kind === 'underline' || kind === 'strikeout' ? (quoted?.slice(0, 20_000) ?? null) : null,
    fontSize,
    title,
    createdAt: parsePdfDate(attr(node, 'creationdate') ?? ''),
    updatedAt: parsePdfDate(attr(node, 'date') ?? ''),
  };
}

/**
 * Reads and checks an XFDF document. Any annotation that is not valid refuses the whole file (a
 * half-imported file would be worse than none); elements of kinds the app does not make are
 * skipped and counted so the user is told.
 */
export function parseXfdf(text: string): ParsedXfdf {
  if (Buffer.byteLength(text, 'utf8') > MAX_XFDF_BYTES) {
    throw xfdfInvalid('tệp quá lớn (tối đa 20 MB).', 'the file is too large (20 MB at most).');
  }
  // XFDF never needs a DTD; refusing one rules out external entities and entity expansion bombs.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw xfdfInvalid('tệp có khai báo DOCTYPE/ENTITY, không được chấp nhận.', 'the file declares a DOCTYPE or entities, which is not accepted.');
  }
  const body = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw xfdfInvalid(`XML hỏng ở dòng ${valid.err.line}: ${valid.err.msg}`, `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(body) as XmlNode;
  } catch (e) {
    throw xfdfInvalid('không đọc được cấu trúc XML.', `the XML cannot be read (${(e as Error).message}).`);
  }
  const root = doc.xfdf as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw xfdfInvalid('không có phần tử gốc <xfdf>.', 'there is no <xfdf> root element.');
  const f = root.f as XmlNode | undefined;
  const idsNode = root.ids as XmlNode | undefined;
  const original = idsNode ? attr(idsNode, 'original')?.trim().toUpperCase() : null;
  const modified = idsNode ? attr(idsNode, 'modified')?.trim().toUpperCase() : null;
  const annots = (root.annots && typeof root.annots === 'object' ? root.annots : {}) as XmlNode;

  const annotations: XfdfAnnotation[] = [];
  const skipped = new Map<string, number>();
  let index = 0;
  for (const [element, value] of Object.entries(annots)) {
    if (element.startsWith('@') || element === '#text') continue;
    const nodes = (Array.isArray(value) ? value : [value]) as XmlNode[];
    const kind = KIND_OF_ELEMENT[element];
    if (!kind) {
      skipped.set(element, (skipped.get(element) ?? 0) + nodes.length);
      continue;
    }
    for (const node of nodes) {
      index += 1;
      if (index > MAX_XFDF_ANNOTATIONS) throw xfdfInvalid(`có quá ${MAX_XFDF_ANNOTATIONS} ghi chú.`, `it has more than ${MAX_XFDF_ANNOTATIONS} annotations.`);
      annotations.push(readAnnotation(kind, typeof node === 'object' && node ? node : {}, { index, element }));
    }
  }
  return {
    href: f ? (attr(f, 'href')?.trim() ?? null) : null,
    ids: original && /^[0-9A-F]+$/.test(original) ? { original, modified: modified && /^[0-9A-F]+$/.test(modified) ? modified : original } : null,
    annotations,
    skipped: [...skipped].map(([element, count]) => ({ element, count })),
  };
}
