import type { SqliteDatabase } from '../../runtime.ts';

export type SqliteStatement = ReturnType<SqliteDatabase['prepare']>;

/** Prepared statements keyed by their SQL, for queries whose shape depends on the filters given. */
export function createStatementCache(db: SqliteDatabase, max = 200) {
  const cache = new Map<string, SqliteStatement>();
  return {
    get(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        statement = db.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
