import pg from 'pg';

export type Pool = pg.Pool;
export type Db = pg.PoolClient;

/** Feed positions and sequences are bigint; they stay far below 2^53, and callers want numbers, not strings. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => (oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)),
};

export function createPool(databaseUrl: string, log: (e: Error) => void = () => {}): Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, types, max: 20, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle connection the server drops (restart, failover) must not crash the process; the next query reconnects.
  pool.on('error', log);
  return pool;
}

/** Run `fn` in one transaction on one connection; any throw rolls the whole of it back. */
export async function inTransaction<T>(pool: Pool, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  let broken: Error | undefined;
  try {
    await db.query('BEGIN');
    const result = await fn(db);
    await db.query('COMMIT');
    return result;
  } catch (e) {
    await db.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw e;
  } finally {
    // A connection that could not even roll back is not handed to the next request.
    db.release(broken);
  }
}
