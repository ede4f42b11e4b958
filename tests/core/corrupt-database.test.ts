import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, CoreError } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database, sha256 } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

async function healthyDatabaseBytes(): Promise<Buffer> {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  await core.close();
  return readFileSync(join(dir, DATABASE_FILE));
}

const cases: Array<[string, () => Promise<Buffer>]> = [
  ['random bytes', async () => randomBytes(8192)],
  ['a text file', async () => Buffer.from('Đây không phải là cơ sở dữ liệu\n'.repeat(100))],
  ['a truncated header', async () => (await healthyDatabaseBytes()).subarray(0, 60)],
  [
    'a valid header over garbage pages',
    async () => {
      const good = await healthyDatabaseBytes();
      const bad = Buffer.from(good);
      randomBytes(bad.length - 100).copy(bad, 100);
      return bad;
    },
  ],
  [
    'another application\'s SQLite file',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'other.db');
      const db = new Database(file);
      db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
      db.close();
      return readFileSync(file);
    },
  ],
];

describe('a damaged database file', () => {
  it.each(cases)('refuses %s with DB_CORRUPT and leaves it byte-identical', async (_name, make) => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, await make());
    const before = sha256(file);

    const error = await createCore({ dataDir: dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_CORRUPT');
    expect((error as CoreError).text.vi).toMatch(/bị hỏng|không phải cơ sở dữ liệu/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-journal`)).toBe(false);
  });
});
