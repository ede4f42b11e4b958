import { foldText } from '../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../runtime.ts';

/** What a meeting is found by: its title folded (no accents, đ → d, lower case). */
export function meetingSearchKey(title: string): string {
  return foldText(title);
}

/**
 * Rows written by other code (a pack import) may not have folded their title yet (search_key '').
 * Registering the fold on this connection lets the list fold those few on the fly instead of
 * missing them.
 */
export function registerTitleFold(db: SqliteDatabase): void {
  db.function('meetings_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldText(text) : ''));
}

export const SEARCH_KEY_SQL = "(CASE WHEN m.search_key = '' THEN meetings_fold(m.title) ELSE m.search_key END)";

/** The folded words of a keyword query as LIKE patterns (%, _ and \ escaped; use ESCAPE '\'). */
export function titleLikeTerms(query: string | undefined): string[] {
  if (!query) return [];
  return foldText(query)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
