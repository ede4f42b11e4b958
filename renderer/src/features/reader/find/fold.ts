/**
 * Text folding for find-in-document: what a member types without diacritics ("duong sat",
 * "BAN CHI DAO") must find the Vietnamese text ("Đường sắt", "Ban Chỉ đạo"). Unicode
 * decomposition strips the tone and vowel marks, but đ/Đ is a letter of its own (not d plus a
 * mark), so it is folded explicitly — which is why pdf.js's own find controller is not used.
 */
import { foldChar } from '../../../../../shared/text-fold.ts';

const SPACE = /\s/u;

/** A query folded the same way as page text: no marks, đ→d, lower case, whitespace runs as one space. */
export function foldQuery(query: string): string {
  let out = '';
  for (const ch of query.trim()) {
    if (SPACE.test(ch)) {
      if (!out.endsWith(' ')) out += ' ';
    } else out += foldChar(ch);
  }
  return out;
}

/** A position in the page's text content: which text item, and which UTF-16 offset inside its `str`. */
export interface TextPosition {
  item: number;
  offset: number;
}

export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`, where it came from. */
  map: TextPosition[];
}

/**
 * Fold the text items of one page into one searchable string. Items that end a line are joined
 * by a space so a phrase broken across lines is still found; runs of whitespace collapse to one.
 */
export function foldItems(items: readonly { str: string; hasEOL?: boolean }[]): FoldedText {
  let text = '';
  const map: TextPosition[] = [];
  const push = (s: string, at: TextPosition) => {
    for (let k = 0; k < s.length; k++) map.push(at);
    text += s;
  };
  items.forEach((item, i) => {
    let offset = 0;
    for (const ch of item.str) {
      const at = { item: i, offset };
      if (SPACE.test(ch)) {
        if (text.length > 0 && !text.endsWith(' ')) push(' ', at);
      } else push(foldChar(ch), at);
      offset += ch.length;
    }
    if (item.hasEOL && text.length > 0 && !text.endsWith(' ')) push(' ', { item: i, offset: item.str.length });
  });
  return { text, map };
}

/** A match as a run of characters inside one text item (a match across items has several). */
export interface ItemRange {
  item: number;
  start: number;
  end: number;
}

/** Every occurrence of `query` (already folded) in `folded`, each as the item ranges it covers. */
export function findInFolded(folded: FoldedText, query: string): ItemRange[][] {
  const hits: ItemRange[][] = [];
  if (!query) return hits;
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(query, from);
    if (at < 0) break;
    hits.push(rangesOf(folded, at, at + query.length));
    from = at + Math.max(1, query.length);
  }
  return hits;
}

function rangesOf(folded: FoldedText, start: number, end: number): ItemRange[] {
  const ranges: ItemRange[] = [];
  for (let k = start; k < end; k++) {
    const pos = folded.map[k]!;
    const last = ranges.at(-1);
    if (last && last.item === pos.item) last.end = Math.max(last.end, pos.offset + 1);
    else ranges.push({ item: pos.item, start: pos.offset, end: pos.offset + 1 });
  }
  return ranges;
}
