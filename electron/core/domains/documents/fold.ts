import { foldChar, foldDStroke } from '../../../../shared/text-fold.ts';

/**
 * Text folding for the search index. SQLite's unicode61 tokenizer (remove_diacritics 2) strips
 * accents itself, but đ/Đ are letters of their own to Unicode, so they are folded here, in the
 * indexed text and in every query alike.
 */
export function foldForIndex(text: string): string {
  return foldDStroke(text.normalize('NFC'));
}

const folded = new Map<string, string>();

/**
 * Fold `text` the way the index sees it and remember, for every folded character, where it came
 * from; snippets are found in the folded copy and cut from the original (with its diacritics).
 */
export function foldWithMap(text: string): { folded: string; origin: number[] } {
  const parts: string[] = [];
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      // Most of a Vietnamese page is ASCII: no table lookup needed.
      parts.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch);
      origin.push(i);
      i += 1;
      continue;
    }
    let f = folded.get(ch);
    if (f === undefined) {
      f = foldChar(ch);
      if (folded.size < 10_000) folded.set(ch, f);
    }
    for (let k = 0; k < f.length; k++) origin.push(i);
    parts.push(f);
    i += ch.length;
  }
  return { folded: parts.join(''), origin };
}

/** Words as the index tokenizes them (letters and digits), folded; for queries and highlighting. */
export function foldedTokens(text: string): string[] {
  return foldWithMap(text.normalize('NFC')).folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
