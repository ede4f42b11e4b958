import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, CoreError } from '../../electron/core/index.ts';
import { APPLICATION_ID, DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations/index.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { Database, folderKey, sha256 } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('migrations', () => {
  it('creates the latest schema from an empty folder, in WAL with full sync', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: join(dir, 'nested', 'profile') });
    const info = await core.call('app.info', {});
    expect(info.schemaVersion).toBe(latestSchemaVersion);
    expect(info.counts).toMatchObject({ audit_log: 0, settings: 0, meetings: 0, documents: 0 });
    expect(Object.values(info.counts).every((n) => n === 0 || n > 0)).toBe(true);
    await core.close();

    const db = new Database(join(dir, 'nested', 'profile', DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('numbers migrations from 1 without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('is idempotent: reopening applies nothing and keeps data', async () => {
    const dir = tempDir();
    const first = await createCore({ dataDir: dir });
    await first.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await first.close();
    const second = await createCore({ dataDir: dir });
    expect((await second.call('settings.getAll', {}))['ui.theme']).toBe('dark');
    expect((await second.call('app.info', {})).schemaVersion).toBe(latestSchemaVersion);
    await second.close();
  });

  it('rolls back every pending migration when one fails, leaving the previous schema', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE ok_part (x); SELECT * FROM missing_table;' }];
    expect(() => openDatabase(file, broken, folderKey(dir))).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('ok_part', 'settings')").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer app and leaves it byte-identical', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    await core.call('settings.set', { key: 'ui.language', value: 'en' });
    await core.close();
    const file = join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    const before = sha256(file);

    const error = await createCore({ dataDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_TOO_NEW');
    expect((error as CoreError).text.vi).toContain('phiên bản Nghị Sự mới hơn');
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('starts on a zero-byte database file as on a new one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), '');
    const core = await createCore({ dataDir: dir });
    expect((await core.call('app.info', {})).schemaVersion).toBe(latestSchemaVersion);
    await core.close();
  });
});

describe('each migration from the schema before it', () => {
  // A database left at version N-1 by an older release, holding data, must reach the latest schema
  // with that data intact. Rows are written through SQL that every schema since 1 accepts.
  for (const m of migrations) {
    it(`upgrades a version ${m.version - 1} database through "${m.name}" without losing data`, () => {
      const file = join(tempDir(), DATABASE_FILE);
      openDatabase(file, migrations.slice(0, m.version - 1), folderKey(dirname(file))).db.close();
      if (m.version > 1) {
        const old = new Database(file);
        old.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('ui.theme', '\"dark\"', '2026-01-01T00:00:00Z')").run();
        old.close();
      }
      const { db, schemaVersion } = openDatabase(file, migrations, folderKey(dirname(file)));
      expect(schemaVersion).toBe(latestSchemaVersion);
      if (m.version > 1) expect(db.prepare("SELECT value FROM settings WHERE key = 'ui.theme'").pluck().get()).toBe('"dark"');
      expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }
});
