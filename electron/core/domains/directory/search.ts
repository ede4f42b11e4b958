import { foldText } from '../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../runtime.ts';

/** The folded words of a query (at most eight: nobody types more, and each costs a scan). */
export function queryWords(query: string | undefined): string[] {
  if (!query) return [];
  return foldText(query)
    .split(' ')
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/** The folded words of a query, each as a LIKE pattern with %, _ and \ escaped (use ESCAPE '\'). */
export function likeTerms(query: string | undefined): string[] {
  return queryWords(query).map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** What a row is found by, folded once at write time so a search never folds a whole table. */
export function searchKey(...parts: Array<string | null | undefined>): string {
  return foldText(parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' '));
}

/**
 * Rows written by other code (a pack import, a seed, a test's plain SQL) may have no folded key yet
 * (search_key ''). With the fold registered on the connection, queries fold those few on the fly
 * instead of missing them.
 */
export function registerDirectoryFold(db: SqliteDatabase): void {
  db.function('directory_fold', { deterministic: true, varargs: true }, (...parts: unknown[]) =>
    searchKey(...parts.map((p) => (typeof p === 'string' ? p : null))),
  );
}

/** A person's search key in SQL, with the fold for rows that have none stored. */
export const PERSON_KEY_SQL = "(CASE WHEN p.search_key = '' THEN directory_fold(p.full_name, p.position, p.email, p.phone) ELSE p.search_key END)";
/** A unit's search key in SQL (alias o), with the fold for rows that have none stored. */
export const UNIT_KEY_SQL = "(CASE WHEN o.search_key = '' THEN directory_fold(o.name, o.short_name, o.organ_code) ELSE o.search_key END)";
