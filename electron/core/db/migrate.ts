import type { SqliteDatabase } from '../runtime.ts';
import type { Migration } from './migration.ts';

export function readSchemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Apply every pending migration in one transaction: a crash part-way leaves the previous schema
 * intact, never a half-migrated one. Returns the schema version now in force.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = readSchemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      // PRAGMA cannot take a bound parameter; the value is an integer we control.
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return readSchemaVersion(db);
}
