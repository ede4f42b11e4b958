import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/contract/index.ts';
import { createCore, CoreError } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database, integrityCheck, sha256 } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

async function rejection(p: Promise<unknown>): Promise<CoreError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CoreError);
  return e as CoreError;
}

describe('backup and restore', () => {
  it('round-trips: backup, change, restore brings the backed-up data back and keeps the replaced copy', async () => {
    const dir = tempDir();
    const out = tempDir();
    const core = await createCore({ dataDir: dir });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await core.call('settings.set', { key: 'sync.endpointUrl', value: 'https://dieuhanh.laocai.gov.vn' });

    const backup = await core.call('backup.create', { file: join(out, 'sao-luu.db') });
    expect(backup.schemaVersion).toBe(latestSchemaVersion);
    expect(backup.sha256).toBe(sha256(join(out, 'sao-luu.db')));
    expect(integrityCheck(join(out, 'sao-luu.db'))).toBe('ok');

    await core.call('settings.set', { key: 'ui.theme', value: 'light' });
    await core.call('settings.set', { key: 'sync.endpointUrl', value: '' });

    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    const restored = await core.call('backup.restore', { file: join(out, 'sao-luu.db') });
    expect(events).toContainEqual({ event: 'data.restored', payload: { schemaVersion: latestSchemaVersion } });
    const settings = await core.call('settings.getAll', {});
    expect(settings['ui.theme']).toBe('dark');
    expect(settings['sync.endpointUrl']).toBe('https://dieuhanh.laocai.gov.vn');

    // The replaced database is kept and holds the values from before the restore.
    const previous = new Database(restored.previousCopy, { readonly: true });
    expect(previous.prepare("SELECT value FROM settings WHERE key = 'ui.theme'").pluck().get()).toBe('"light"');
    previous.close();
    await core.close();

    const reopened = await createCore({ dataDir: dir });
    expect((await reopened.call('settings.getAll', {}))['ui.theme']).toBe('dark');
    await reopened.close();
  });

  it('does not overwrite an existing file unless asked', async () => {
    const core = await createCore({ dataDir: tempDir() });
    const target = join(tempDir(), 'b.db');
    writeFileSync(target, 'giữ nguyên');
    const e = await rejection(core.call('backup.create', { file: target }));
    expect(e.code).toBe('IO_ERROR');
    expect(e.text.vi).toContain('đã tồn tại');
    const r = await core.call('backup.create', { file: target, overwrite: true });
    expect(integrityCheck(r.file)).toBe('ok');
    await core.close();
  });

  it('refuses to restore files that are not valid backups and changes nothing', async () => {
    const dir = tempDir();
    const junk = tempDir();
    const core = await createCore({ dataDir: dir });
    await core.call('settings.set', { key: 'ui.language', value: 'en' });
    const live = join(dir, DATABASE_FILE);

    const text = join(junk, 'text.db');
    writeFileSync(text, 'Biên bản cuộc họp');
    const empty = join(junk, 'empty.db');
    writeFileSync(empty, '');
    const foreign = join(junk, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const missing = join(junk, 'missing.db');

    for (const file of [text, empty, foreign, missing]) {
      const e = await rejection(core.call('backup.restore', { file }));
      expect(e.code, file).toBe('BACKUP_INVALID');
      expect(e.text.vi).toContain('không phải bản sao lưu hợp lệ');
    }
    expect((await core.call('settings.getAll', {}))['ui.language']).toBe('en');
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(integrityCheck(live)).toBe('ok');
    await core.close();
  });
});

describe('restore while the data is open elsewhere', () => {
  it('refuses with DB_BUSY and changes nothing while another connection (the running app) holds the database', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    const backup = await core.call('backup.create', { file: join(tempDir(), 'b.db') });
    await core.call('settings.set', { key: 'ui.theme', value: 'light' });

    const runningApp = new Database(join(dir, DATABASE_FILE));
    runningApp.prepare('SELECT count(*) FROM settings').get();
    const e = await rejection(core.call('backup.restore', { file: backup.file }));
    expect(e.code).toBe('DB_BUSY');
    expect(e.text.vi).toContain('Hãy đóng ứng dụng');
    expect((await core.call('settings.getAll', {}))['ui.theme']).toBe('light');
    runningApp.close();

    await core.call('backup.restore', { file: backup.file });
    expect((await core.call('settings.getAll', {}))['ui.theme']).toBe('dark');
    await core.close();
  });
});
