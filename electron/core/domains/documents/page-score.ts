import { foldChar } from '../../../../shared/text-fold.ts';

/** Not part of a word (FTS5's unicode61 separates tokens there). */
const SEPARATOR = 0;
/** A combining mark: inside a word, dropped (remove_diacritics). */
const MARK = 1;
/** Not looked up yet. */
const UNKNOWN = 0xffff;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;

/** Each UTF-16 unit folded as the index folds it (lower case, no marks, đ → d), filled on first sight. */
const folded = new Uint16Array(65536).fill(UNKNOWN);

function foldUnit(code: number): number {
  let f = folded[code]!;
  if (f !== UNKNOWN) return f;
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) f = code; // half of a letter outside the BMP: part of a word, as to FTS5
  else if (MARK_CHAR.test(ch)) f = MARK;
  else if (!WORD_CHAR.test(ch)) f = SEPARATOR;
  else {
    const one = foldChar(ch);
    f = one.length === 1 ? one.charCodeAt(0) : ch.toLowerCase().charCodeAt(0);
  }
  folded[code] = f;
  return f;
}

/**
 * A page's words as the index holds them, folded into one reused array of UTF-16 units with each
 * word's bounds beside it: no string is made per word, which made scoring cost more than bm25.
 */
class FoldedWords {
  units = new Uint16Array(16_384);
  starts = new Int32Array(4_096);
  ends = new Int32Array(4_096);
  count = 0;

  read(text: string): void {
    if (this.units.length < text.length) this.units = new Uint16Array(text.length * 2);
    let n = 0;
    let start = -1;
    this.count = 0;
    for (let i = 0; i <= text.length; i++) {
      const f = i < text.length ? foldUnit(text.charCodeAt(i)) : SEPARATOR;
      if (f === MARK) continue;
      if (f !== SEPARATOR) {
        if (start < 0) start = n;
        this.units[n++] = f;
      } else if (start >= 0) {
        this.push(start, n);
        start = -1;
      }
    }
  }

  private push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** Word `i` is `word` (or, with `prefix`, begins with it). */
  is(i: number, word: Uint16Array, prefix: boolean): boolean {
    const start = this.starts[i]!;
    const length = this.ends[i]! - start;
    if (prefix ? length < word.length : length !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (this.units[start + k] !== word[k]) return false;
    return true;
  }

  /** How often the phrase occurs: its words adjacent and in order, the last one a prefix (as the query matches). */
  occurrences(phrase: readonly Uint16Array[]): number {
    const last = phrase.length - 1;
    let found = 0;
    outer: for (let i = 0; i + last < this.count; i++) {
      for (let k = 0; k < last; k++) if (!this.is(i + k, phrase[k]!, false)) continue outer;
      if (this.is(i + last, phrase[last]!, true)) found++;
    }
    return found;
  }
}

const toUnits = (word: string) => Uint16Array.from(word, (ch) => ch.charCodeAt(0));

const K1 = 1.2;
const B = 0.75;

/**
 * Relevance of pages that all match the query, higher first: BM25's term-frequency part (k1 1.2,
 * b 0.75, the page's length against the mean of these pages) summed over the phrases. FTS5's own
 * bm25() also weighs each phrase by its rarity, which it learns by counting the phrase's matches in
 * the whole index — for "ban chỉ đạo" on 100,000 pages that count was most of the search's time. Every
 * page here holds every phrase (they are ANDed), so the rarity changes the order only between the
 * phrases of a query with several; their frequency in the page is what ranks.
 */
export function pageScores(texts: readonly string[], phrases: readonly (readonly string[])[]): number[] {
  const encoded = phrases.map((phrase) => phrase.map(toUnits));
  const words = new FoldedWords();
  const counts = texts.map((text) => {
    words.read(text);
    return { length: words.count, tf: encoded.map((phrase) => words.occurrences(phrase)) };
  });
  const meanLength = counts.reduce((n, c) => n + c.length, 0) / Math.max(1, counts.length) || 1;
  return counts.map(({ length, tf }) => {
    const norm = K1 * (1 - B + (B * length) / meanLength);
    return tf.reduce((score, f) => score + (f * (K1 + 1)) / (f + norm), 0);
  });
}
