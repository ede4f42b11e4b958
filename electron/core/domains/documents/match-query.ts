import { CoreError } from '../../errors.ts';
import { foldedTokens } from './fold.ts';

/** A query the user typed, parsed into phrases of folded words. */
export interface ParsedQuery {
  /** Every phrase must occur; words of a phrase are adjacent and in order; the last word is a prefix. */
  phrases: string[][];
  /** The FTS5 MATCH expression for those phrases. */
  match: string;
}

const MAX_WORDS = 24;

/**
 * Turn user text into an FTS5 expression that cannot be anything but a search: every word is
 * re-tokenised and double-quoted, so characters like `"`, `*`, `-`, `:`, `(` or the words AND, OR,
 * NEAR carry no syntax. Words are searched as a phrase because Vietnamese words are several
 * syllables ("Ban Chỉ đạo" is three tokens, each very common alone); a comma or semicolon
 * separates phrases that must all occur. The last word of each phrase matches as a prefix, so
 * results appear while typing.
 */
export function parseQuery(text: string): ParsedQuery {
  const phrases = text
    .split(/[,;]/)
    .map((part) => foldedTokens(part))
    .filter((words) => words.length > 0);
  const count = phrases.reduce((n, p) => n + p.length, 0);
  if (count === 0) {
    throw new CoreError(
      'INVALID_INPUT',
      { vi: 'Từ khóa tìm kiếm cần có chữ hoặc số.', en: 'The search needs at least one letter or digit.' },
      [{ path: 'query', message: 'Từ khóa cần có chữ hoặc số', messageEn: 'needs a letter or digit' }],
    );
  }
  if (count > MAX_WORDS) {
    throw new CoreError(
      'INVALID_INPUT',
      { vi: `Từ khóa quá dài (tối đa ${MAX_WORDS} từ).`, en: `The search is too long (at most ${MAX_WORDS} words).` },
      [{ path: 'query', message: `Tối đa ${MAX_WORDS} từ`, messageEn: `at most ${MAX_WORDS} words` }],
    );
  }
  // Tokens are [\p{L}\p{N}]+ only, so they never contain a quote.
  const match = phrases.map((words) => `"${words.join(' ')}"*`).join(' AND ');
  return { phrases, match };
}
