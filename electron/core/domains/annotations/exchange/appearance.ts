import type { Annotation, GeometryOf, Quad, Rect } from '../../../../../shared/contract/index.ts';
import { annotationBounds, NOTE_ICON_SIZE } from '../../../../../shared/annotations/geometry.ts';
import { colorOp, num } from './colors.ts';
import { cm, displayFrame } from './display-frame.ts';
import { LINE_HEIGHT, wrapText, type TextFont } from './text-font.ts';

/**
 * The look of an annotation as PDF content operators in the page's user space: what goes into its
 * appearance stream (/AP /N, drawn by Acrobat, Foxit, poppler and pdf.js) and, for a flattened
 * export, into the page itself.
 */
export interface Appearance {
  /** /BBox of the form: the annotation's /Rect, so the form maps onto the page 1:1. */
  bbox: Rect;
  content: string;
  /** Name /GS0 in the form's resources: opacity, and Multiply so a highlight keeps the text under it black. */
  graphicsState: { opacity: number; multiply: boolean } | null;
  /** The form draws text with /F0 (the embedded Noto Serif). */
  usesFont: boolean;
}

export const DEFAULT_FONT_SIZE = 12;
/** Space between a text box's border and its text. */
const TEXT_PADDING = 3;
const KAPPA = 0.5522847498;

/** The arrow head's length: it must stay inside the padding annotationBounds leaves around the line. */
export function arrowHeadLength(thickness: number): number {
  return Math.max(8, thickness * 5);
}

const pt = (x: number, y: number) => `${num(x)} ${num(y)}`;

function quadCorners(q: Quad) {
  return { ul: [q[0], q[1]], ur: [q[2], q[3]], ll: [q[4], q[5]], lr: [q[6], q[7]] } as const;
}

function markup(a: Annotation): string[] {
  const { quads } = a.geometry as GeometryOf<'highlight'>;
  const ops: string[] = [];
  if (a.kind === 'highlight') {
    ops.push(colorOp(a.color, false));
    for (const q of quads) {
      const { ul, ur, ll, lr } = quadCorners(q);
      ops.push(`${pt(ul[0], ul[1])} m ${pt(ur[0], ur[1])} l ${pt(lr[0], lr[1])} l ${pt(ll[0], ll[1])} l h f`);
    }
    return ops;
  }
  ops.push(colorOp(a.color, true), `${num(a.thickness)} w 0 J`);
  for (const q of quads) {
    const { ul, ur, ll, lr } = quadCorners(q);
    // Underline sits on the quad's bottom edge (raised by half its width so it stays inside /Rect);
    // strikeout runs through the middle of the line.
    const t = a.kind === 'underline' ? a.thickness / 2 / Math.max(Math.hypot(ul[0] - ll[0], ul[1] - ll[1]), 1e-6) : 0.5;
    const from = [ll[0] + (ul[0] - ll[0]) * t, ll[1] + (ul[1] - ll[1]) * t];
    const to = [lr[0] + (ur[0] - lr[0]) * t, lr[1] + (ur[1] - lr[1]) * t];
    ops.push(`${pt(from[0]!, from[1]!)} m ${pt(to[0]!, to[1]!)} l S`);
  }
  return ops;
}

function ink(a: Annotation): string[] {
  const { strokes } = a.geometry as GeometryOf<'ink'>;
  const ops = [colorOp(a.color, true), `${num(a.thickness)} w 1 J 1 j`];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    // A single tap still shows: a zero-length segment with round caps is a dot.
    const path = [`${pt(first![0], first![1])} m`, ...(rest.length ? rest : [first!]).map((p) => `${pt(p[0], p[1])} l`)];
    ops.push(`${path.join(' ')} S`);
  }
  return ops;
}

function ellipsePath([x1, y1, x2, y2]: Rect): string {
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const rx = (x2 - x1) / 2;
  const ry = (y2 - y1) / 2;
  const ox = rx * KAPPA;
  const oy = ry * KAPPA;
  return [
    `${pt(cx + rx, cy)} m`,
    `${pt(cx + rx, cy + oy)} ${pt(cx + ox, cy + ry)} ${pt(cx, cy + ry)} c`,
    `${pt(cx - ox, cy + ry)} ${pt(cx - rx, cy + oy)} ${pt(cx - rx, cy)} c`,
    `${pt(cx - rx, cy - oy)} ${pt(cx - ox, cy - ry)} ${pt(cx, cy - ry)} c`,
    `${pt(cx + ox, cy - ry)} ${pt(cx + rx, cy - oy)} ${pt(cx + rx, cy)} c`,
    'h',
  ].join(' ');
}

function shape(a: Annotation): string[] {
  const ops = [colorOp(a.color, true), `${num(a.thickness)} w 0 j`];
  if (a.kind === 'arrow') {
    const { from, to } = a.geometry as GeometryOf<'arrow'>;
    const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
    const len = arrowHeadLength(a.thickness);
    const wing = (side: number) => [to[0] - len * Math.cos(angle + side * Math.PI / 6), to[1] - len * Math.sin(angle + side * Math.PI / 6)];
    const [l, r] = [wing(1), wing(-1)];
    ops.push('1 J 1 j', `${pt(from[0], from[1])} m ${pt(to[0], to[1])} l S`, `${pt(l[0]!, l[1]!)} m ${pt(to[0], to[1])} l ${pt(r[0]!, r[1]!)} l S`);
    return ops;
  }
  const [x1, y1, x2, y2] = (a.geometry as GeometryOf<'rectangle'>).rect;
  ops.push(a.kind === 'ellipse' ? `${ellipsePath([x1, y1, x2, y2])} S` : `${pt(x1, y1)} ${pt(x2 - x1, y2 - y1)} re S`);
  return ops;
}

/** A speech-bubble-like square in the note's colour with three lines, upright on screen. */
function noteIcon(a: Annotation, bbox: Rect, rotation: number): string[] {
  const frame = displayFrame(bbox, rotation);
  const s = NOTE_ICON_SIZE;
  const lines = [0.3, 0.5, 0.7].map((f) => `${pt(s * 0.22, -s * f)} m ${pt(s * 0.78, -s * f)} l`).join(' ');
  return ['q', cm(frame), colorOp(a.color, false), '0.2 0.2 0.2 RG 0.8 w 1 j', `${pt(1, -s + 1)} ${pt(s - 2, s - 2)} re B`, '1 w 0 J', lines, 'S', 'Q'];
}

/** The text box: its border and its text wrapped inside, upright on screen, clipped to the box. */
function textBox(a: Annotation, rotation: number, font: TextFont): string[] {
  const rect = (a.geometry as GeometryOf<'freetext'>).rect;
  const frame = displayFrame(rect, rotation);
  const size = a.fontSize ?? DEFAULT_FONT_SIZE;
  const inset = a.thickness + TEXT_PADDING;
  const ops = ['q', cm(frame), colorOp(a.color, true), `${num(a.thickness)} w`, `0 ${num(-frame.height)} ${num(frame.width)} ${num(frame.height)} re S`];
  if (a.contents) {
    ops.push(`${pt(inset, -frame.height + inset)} ${pt(Math.max(frame.width - 2 * inset, 0), Math.max(frame.height - 2 * inset, 0))} re W n`);
    ops.push('BT', `/F0 ${num(size)} Tf`, colorOp(a.color, false));
    const lines = wrapText(font, a.contents, size, frame.width - 2 * inset);
    let y = -inset - font.ascentOf(size);
    for (const line of lines) {
      if (y < -frame.height) break;
      ops.push(`1 0 0 1 ${pt(inset, y)} Tm ${font.encode(line)} Tj`);
      y -= size * LINE_HEIGHT;
    }
    ops.push('ET');
  }
  ops.push('Q');
  return ops;
}

/** The appearance of one annotation on a page shown with `rotation` (its /Rotate). */
export function appearanceOf(a: Annotation, rotation: number, font: TextFont): Appearance {
  const bbox = annotationBounds(a.kind, a.geometry, a.thickness);
  let body: string[];
  switch (a.kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout':
      body = markup(a);
      break;
    case 'ink':
      body = ink(a);
      break;
    case 'note':
      body = noteIcon(a, bbox, rotation);
      break;
    case 'freetext':
      body = textBox(a, rotation, font);
      break;
    case 'rectangle':
    case 'ellipse':
    case 'arrow':
      body = shape(a);
      break;
  }
  const multiply = a.kind === 'highlight';
  const graphicsState = multiply || a.opacity < 1 ? { opacity: a.opacity, multiply } : null;
  return {
    bbox,
    content: [...(graphicsState ? ['/GS0 gs'] : []), ...body].join('\n'),
    graphicsState,
    usesFont: a.kind === 'freetext' && !!a.contents,
  };
}
