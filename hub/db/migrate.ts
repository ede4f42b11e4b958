import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inTransaction, type Pool } from './pool.ts';

const DIR = join(import.meta.dirname, 'migrations');
/** Two hubs starting at once against one database migrate one after the other. */
const MIGRATION_LOCK = 4_815_001;

interface Migration {
  version: number;
  name: string;
  sql: string;
}

function migrations(): Migration[] {
  return readdirSync(DIR)
    .flatMap((name) => {
      const m = /^(\d{4})-[a-z0-9-]+\.sql$/.exec(name);
      return m ? [{ version: Number(m[1]), name, sql: readFileSync(join(DIR, name), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
}

/** Apply the migrations the database lacks, all in one transaction; returns their numbers. */
export async function migrate(pool: Pool): Promise<{ applied: number[] }> {
  return inTransaction(pool, async (db) => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query(`CREATE TABLE IF NOT EXISTS hub_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await db.query<{ version: number }>('SELECT version FROM hub_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations()) {
      if (done.has(m.version)) continue;
      await db.query(m.sql);
      await db.query('INSERT INTO hub_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return { applied };
  });
}
