import type { Quad } from '../contract/annotations.ts';

/**
 * Finding a quoted passage in a page's text runs and the quads that cover it — how a highlight is
 * carried to a new version of a document. Pure: the core gives it pdf.js text items (transform,
 * width, height in PDF user space), the reader could give it the same.
 */

/** What a text run needs to be searched and measured: pdf.js TextItem's fields. */
export interface PositionedText {
  str: string;
  /** [a, b, c, d, e, f]: (e, f) is the start of the baseline, (a, b) the writing direction. */
  transform: readonly number[];
  width: number;
  height: number;
}

/**
 * A page's text for searching: without whitespace (a passage breaks over lines differently in a new
 * version, and pdf.js writes spaces inconsistently), NFC, lower case; each character remembers the
 * run and the position in it that it came from.
 */
export interface SearchableText {
  compact: string;
  /** For each UTF-16 unit of `compact`: [run index, character index in the run's NFC characters]. */
  origin: [number, number][];
  /** Each run's NFC characters (code points). */
  chars: string[][];
}

/** Quoted text as it is searched for (see SearchableText). */
export function compactText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00ad]+/gu, '').toLowerCase();
}

export function searchableText(items: readonly PositionedText[]): SearchableText {
  const parts: string[] = [];
  const origin: [number, number][] = [];
  const chars: string[][] = [];
  items.forEach((item, run) => {
    const runChars = [...item.str.normalize('NFC')];
    chars.push(runChars);
    runChars.forEach((ch, at) => {
      const c = compactText(ch);
      for (let k = 0; k < c.length; k++) origin.push([run, at]);
      parts.push(c);
    });
  });
  return { compact: parts.join(''), origin, chars };
}

/** Where `quote` occurs in the page (start offsets in `compact`, not overlapping). */
export function findQuote(text: SearchableText, quote: string): { start: number; end: number }[] {
  const needle = compactText(quote);
  if (needle === '') return [];
  const found: { start: number; end: number }[] = [];
  for (let at = text.compact.indexOf(needle); at >= 0; at = text.compact.indexOf(needle, at + needle.length)) {
    found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/**
 * How wide a character is relative to others of the same font, roughly: pdf.js gives only the
 * width of a whole run, and spreading it evenly would put a highlight several letters off at the
 * end of a long line of proportional type.
 */
function relativeWidth(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch;
  if (/\s/u.test(base)) return 0.28;
  if ('iljtfrI.,;:!|\'`()[]'.includes(base)) return 0.32;
  if ('mwMW'.includes(base)) return 0.85;
  if (/\p{Lu}/u.test(base)) return 0.68;
  if (/\p{N}/u.test(base)) return 0.5;
  return 0.5;
}

/** Where the glyph box sits relative to the baseline, in font sizes (typical Latin/Vietnamese faces). */
const ASCENT = 0.9;
const DESCENT = 0.25;

interface Segment {
  /** Baseline start and end points. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Unit writing direction and unit "up". */
  ux: number;
  uy: number;
  vx: number;
  vy: number;
  size: number;
}

function segment(item: PositionedText, chars: string[], from: number, to: number): Segment {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const along = Math.hypot(a, b);
  const ux = along > 0 ? a / along : 1;
  const uy = along > 0 ? b / along : 0;
  const up = Math.hypot(c, d);
  // pdf.js's up vector can be mirrored or skewed; perpendicular to the baseline is what a box needs.
  let vx = -uy;
  let vy = ux;
  if (up > 0 && (c * vx + d * vy) < 0) {
    vx = -vx;
    vy = -vy;
  }
  const size = item.height > 0 ? item.height : up > 0 ? up : along > 0 ? along : 10;
  const weights = chars.map(relativeWidth);
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const before = weights.slice(0, from).reduce((s, w) => s + w, 0);
  const inside = weights.slice(from, to).reduce((s, w) => s + w, 0);
  const start = (item.width * before) / total;
  const end = (item.width * (before + inside)) / total;
  return { x0: e + ux * start, y0: f + uy * start, x1: e + ux * end, y1: f + uy * end, ux, uy, vx, vy, size };
}

/** Two pieces of one line, close enough to be one quad. */
function continues(prev: Segment, next: Segment): boolean {
  if (Math.abs(prev.ux - next.ux) > 0.01 || Math.abs(prev.uy - next.uy) > 0.01) return false;
  const size = Math.max(prev.size, next.size);
  // Distance of the next start from the previous baseline, and the gap along it.
  const dx = next.x0 - prev.x1;
  const dy = next.y0 - prev.y1;
  const across = dx * prev.vx + dy * prev.vy;
  const gap = dx * prev.ux + dy * prev.uy;
  return Math.abs(across) < size * 0.3 && gap > -size && gap < size * 2;
}

const round = (n: number) => Math.round(n * 100) / 100;

function toQuad(s: Segment): Quad {
  const top = s.size * ASCENT;
  const bottom = s.size * DESCENT;
  return [
    round(s.x0 + s.vx * top), round(s.y0 + s.vy * top),
    round(s.x1 + s.vx * top), round(s.y1 + s.vy * top),
    round(s.x0 - s.vx * bottom), round(s.y0 - s.vy * bottom),
    round(s.x1 - s.vx * bottom), round(s.y1 - s.vy * bottom),
  ];
}

/**
 * The quads (upper-left, upper-right, lower-left, lower-right) over the characters `start..end` of
 * `text.compact`, one per line: pieces of the same line merge, a new line starts a new quad.
 */
export function quadsForRange(items: readonly PositionedText[], text: SearchableText, start: number, end: number): Quad[] {
  if (end <= start) return [];
  // Character ranges per run, in reading order.
  const ranges: { run: number; from: number; to: number }[] = [];
  for (let i = start; i < end; i++) {
    const [run, at] = text.origin[i]!;
    const last = ranges[ranges.length - 1];
    // Spaces inside a run are not in `compact`, but they are inside the passage.
    if (last && last.run === run) last.to = Math.max(last.to, at + 1);
    else ranges.push({ run, from: at, to: at + 1 });
  }
  const segments: Segment[] = [];
  for (const r of ranges) {
    const next = segment(items[r.run]!, text.chars[r.run]!, r.from, r.to);
    const prev = segments[segments.length - 1];
    if (prev && continues(prev, next)) {
      prev.x1 = next.x1;
      prev.y1 = next.y1;
      prev.size = Math.max(prev.size, next.size);
    } else segments.push(next);
  }
  return segments.map(toQuad);
}

/** Centre of a set of quads (to pick, among several occurrences, the one nearest the old place). */
export function quadsCentre(quads: readonly Quad[]): [number, number] {
  let x = 0;
  let y = 0;
  for (const q of quads) {
    x += q[0] + q[2] + q[4] + q[6];
    y += q[1] + q[3] + q[5] + q[7];
  }
  const n = Math.max(1, quads.length * 4);
  return [x / n, y / n];
}
