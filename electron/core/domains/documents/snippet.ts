import type { SnippetSegment } from '../../../../shared/contract/index.ts';
import { foldWithMap } from './fold.ts';

const BEFORE = 70;
const LENGTH = 240;

interface Span {
  start: number;
  end: number;
}

/** Where the phrases occur in `folded`, as spans of whole words (a prefix match marks its whole word). */
function findSpans(folded: string, phrases: string[][]): Span[] {
  const tokens: { word: string; start: number; end: number }[] = [];
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  const spans: Span[] = [];
  for (const words of phrases) {
    const last = words.length - 1;
    for (let i = 0; i + last < tokens.length; i++) {
      let ok = true;
      for (let k = 0; k <= last && ok; k++) {
        const token = tokens[i + k]!.word;
        ok = k === last ? token.startsWith(words[k]!) : token === words[k];
      }
      if (ok) spans.push({ start: tokens[i]!.start, end: tokens[i + last]!.end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * A short piece of the ORIGINAL page text around the first match, with every match inside it
 * marked, so the UI can highlight without HTML and the user reads the real diacritics.
 */
export function makeSnippet(text: string, phrases: string[][]): SnippetSegment[] {
  const { folded, origin } = foldWithMap(text);
  const at = (k: number) => (k < origin.length ? origin[k]! : text.length);
  const spans = findSpans(folded, phrases).map((s) => ({ start: at(s.start), end: at(s.end) }));
  const first = spans[0];
  let from = first ? Math.max(0, first.start - BEFORE) : 0;
  let to = Math.min(text.length, from + LENGTH);
  if (first && first.end > to) to = Math.min(text.length, first.end + 20);
  // Cut at spaces, not inside a word.
  if (from > 0) {
    const space = text.slice(from, first ? first.start : to).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const space = text.slice(first ? first.end : from, to).search(/\s\S*$/);
    if (space >= 0) to = (first ? first.end : from) + space;
  }
  const segments: SnippetSegment[] = [];
  const push = (part: string, hit: boolean) => {
    if (part === '') return;
    const prev = segments[segments.length - 1];
    if (prev && prev.hit === hit) prev.text += part;
    else segments.push({ text: part, hit });
  };
  if (from > 0) push('…', false);
  let pos = from;
  for (const span of spans) {
    if (span.end <= pos || span.start >= to) continue;
    const start = Math.max(span.start, pos);
    const end = Math.min(span.end, to);
    push(clean(text.slice(pos, start)), false);
    push(clean(text.slice(start, end)), true);
    pos = end;
  }
  push(clean(text.slice(pos, to)), false);
  if (to < text.length) push('…', false);
  const head = segments[0];
  if (head && !head.hit) head.text = head.text.replace(/^ +/, '');
  const tail = segments[segments.length - 1];
  if (tail && !tail.hit) tail.text = tail.text.replace(/ +$/, '');
  return segments.filter((s) => s.text !== '');
}
