import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateHub } from '../../hub/index.ts';
import { clusterPerFile, freshDatabase } from './hub-world.ts';

const cluster = clusterPerFile();

async function inspect(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const tables = (await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).rows.map((r) => r.t);
    const migrations = (await db.query<{ version: number }>('SELECT version FROM hub_migrations ORDER BY version')).rows.map((r) => r.version);
    return { tables, migrations };
  } finally {
    await db.end();
  }
}

describe('hub migrations', () => {
  it('build the schema on an empty database, and do nothing the second time', async () => {
    const url = await freshDatabase(cluster());
    expect(await migrateHub(url)).toEqual({ applied: [1, 2, 3] });
    const first = await inspect(url);
    expect(first.tables).toEqual(['assignment_events', 'assignments', 'clients', 'extensions', 'files', 'hub_migrations', 'installations', 'operations', 'publications', 'tokens']);
    expect(first.migrations).toEqual([1, 2, 3]);
    expect(await migrateHub(url)).toEqual({ applied: [] });
    expect(await inspect(url)).toEqual(first);
  });

  it('run once when several hubs start at the same time', async () => {
    const url = await freshDatabase(cluster());
    const results = await Promise.all([1, 2, 3, 4].map(() => migrateHub(url)));
    expect(results.map((r) => r.applied).sort()).toEqual([[], [], [], [1, 2, 3]]);
    expect((await inspect(url)).migrations).toEqual([1, 2, 3]);
  });
});
