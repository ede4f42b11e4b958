import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { writeExport } from '../../electron/core/files/exports.ts';
import { stageUpload } from '../../electron/core/files/staging.ts';
import { MEMBER_PROFILE } from '../support/annotated-document.ts';
import { OFFICIAL_NOTICE, writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const posix = process.platform !== 'win32';
const modeOf = (path: string) => statSync(path).mode & 0o777;

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe.runIf(posix)('data folder modes (defect 8: others on the laptop cannot read it)', () => {
  it('creates the data folder and its folders 0700 and the database, WAL, logs, blobs, uploads and exports 0600', async () => {
    const dir = join(tempDir(), 'profile');
    core = await createCore({ dataDir: dir });
    const file = join(tempDir(), 'Thông báo.pdf');
    await writeOfficialPdf(file, OFFICIAL_NOTICE);
    const { results } = await core.call('documents.importFiles', { paths: [file] });
    if (!results[0]!.ok) throw new Error('import failed');
    const sha = results[0]!.document.sha256;
    const { uploadId } = await stageUpload(core.paths, Readable.from([Buffer.from('tệp tải lên')]), 1000);
    await core.call('profile.create', MEMBER_PROFILE);
    const written = await writeExport(core.paths, 'a.txt', 'text/plain', 'nội dung');
    const byWriter = await writeExport(core.paths, 'b.txt', 'text/plain', async (f) => writeFileSync(f, 'nội dung'));

    for (const d of [dir, join(dir, 'exports', written.exportId), join(dir, 'blobs'), join(dir, 'blobs', sha.slice(0, 2)), join(dir, 'logs'), join(dir, 'staging'), join(dir, 'exports'), join(dir, 'tmp'), join(dir, 'keys')]) {
      expect({ d, mode: modeOf(d).toString(8) }).toEqual({ d, mode: '700' });
    }
    const files = [
      join(dir, DATABASE_FILE),
      join(dir, `${DATABASE_FILE}-wal`),
      join(dir, `${DATABASE_FILE}-shm`),
      join(dir, 'blobs', sha.slice(0, 2), sha.slice(2)),
      join(dir, 'staging', uploadId),
      join(dir, 'exports', written.exportId, written.fileName),
      join(dir, 'exports', byWriter.exportId, byWriter.fileName),
      ...readdirSync(join(dir, 'logs')).map((f) => join(dir, 'logs', f)),
      ...readdirSync(join(dir, 'keys')).map((f) => join(dir, 'keys', f)),
    ];
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect({ f, mode: modeOf(f).toString(8) }).toEqual({ f, mode: '600' });
  });

  it('tightens a data folder an older version left readable by others, at start', async () => {
    const dir = tempDir();
    core = await createCore({ dataDir: dir, logToFile: false });
    await core.close();
    core = undefined;
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'old.db'), 'x');
    mkdirSync(join(dir, 'blobs', 'ab'));
    mkdirSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'core.log'), '{}');
    chmodSync(join(dir, 'logs', 'core.log'), 0o644);
    for (const d of [dir, join(dir, 'backups'), join(dir, 'blobs'), join(dir, 'blobs', 'ab'), join(dir, 'exports')]) chmodSync(d, 0o755);
    for (const f of [join(dir, DATABASE_FILE), join(dir, 'backups', 'old.db')]) chmodSync(f, 0o644);

    core = await createCore({ dataDir: dir, logToFile: false });
    for (const d of [dir, join(dir, 'backups'), join(dir, 'blobs'), join(dir, 'blobs', 'ab'), join(dir, 'exports')]) expect(modeOf(d)).toBe(0o700);
    for (const f of [join(dir, DATABASE_FILE), join(dir, `${DATABASE_FILE}-wal`), join(dir, 'backups', 'old.db'), join(dir, 'logs', 'core.log')]) {
      expect(modeOf(f)).toBe(0o600);
    }
  });
});

describe('secure_delete', () => {
  it('is on for the database connection, so deleted content is overwritten', () => {
    const { db } = openDatabase(join(tempDir(), DATABASE_FILE), migrations, randomBytes(32));
    try {
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
