import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { failure } from '../support/core-failure.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { Database, integrityCheck, isPlainSqliteFile, plainCopy } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { blobStoreFiles, readStoredBlob, storedBlobPath } from '../support/document-store.ts';
import { createRequire } from 'node:module';

const RUNNER = join(import.meta.dirname, '../support/open-runner.ts');
const PASSPHRASE = 'Hội nghị tổng kết năm 2026';
const RawSqlite = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof Database;

let open: Core[] = [];
afterEach(async () => {
  for (const core of open) await core.close();
  open = [];
});

async function coreOn(dir: string, passphrase?: () => Promise<string>): Promise<Core> {
  const core = await createCore({ dataDir: dir, logToFile: false, ...(passphrase ? { passphrase } : {}) });
  open.push(core);
  return core;
}

async function closeAll(): Promise<void> {
  for (const core of open) await core.close();
  open = [];
}

/** What someone holding only the file (a copied laptop disk, a stolen backup of the folder) can read. */
function readableWithoutKey(file: string): boolean {
  const db = new RawSqlite(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * A data folder as releases before encryption left it: a plain database, its documents' files in the
 * clear, no database key. `extraFiles` more stored files of 1 MB (rows in `blobs`, as a document
 * deleted later leaves none, but as the store keeps for documents) make the pass over the files long.
 */
async function plainFolder(work: string, extraFiles = 0): Promise<{ dir: string; documentId: string }> {
  const source = join(work, 'nguon');
  const core = await coreOn(source);
  await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  await writeTextPdf(join(work, 'a.pdf'), ['Báo cáo tình hình kinh tế - xã hội']);
  const r = (await core.call('documents.importFiles', { paths: [join(work, 'a.pdf')] })).results[0]!;
  if (!r.ok) throw new Error(r.error.message.en);
  await closeAll();
  const dir = join(work, 'cu');
  mkdirSync(dir);
  plainCopy(source, join(dir, DATABASE_FILE));
  for (const sha of blobStoreFiles(source).blobs) writeBlob(dir, sha, readStoredBlob(source, sha));
  if (extraFiles > 0) {
    const db = new RawSqlite(join(dir, DATABASE_FILE));
    const row = db.prepare('INSERT INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)');
    for (let i = 0; i < extraFiles; i++) {
      const bytes = randomBytes(1 << 20);
      const sha = createHash('sha256').update(bytes).digest('hex');
      writeBlob(dir, sha, bytes);
      row.run(sha, bytes.length, new Date().toISOString());
    }
    db.close();
  }
  return { dir, documentId: r.document.id };
}

function writeBlob(dir: string, sha: string, bytes: Buffer): void {
  mkdirSync(dirname(storedBlobPath(dir, sha)), { recursive: true });
  writeFileSync(storedBlobPath(dir, sha), bytes);
}

/** Each stored file: in the clear (as an older version left it) or encrypted; either way its bytes must hash to its name. */
function storedFiles(dir: string): { plain: number; encrypted: number; broken: string[] } {
  const out = { plain: 0, encrypted: 0, broken: [] as string[] };
  for (const sha of blobStoreFiles(dir).blobs) {
    const disk = readFileSync(storedBlobPath(dir, sha));
    const encrypted = disk.subarray(0, 6).toString('latin1') === 'NSBLOB';
    let plain: Buffer;
    try {
      plain = encrypted ? readStoredBlob(dir, sha) : disk;
    } catch {
      out.broken.push(sha);
      continue;
    }
    if (createHash('sha256').update(plain).digest('hex') !== sha) out.broken.push(sha);
    else if (encrypted) out.encrypted++;
    else out.plain++;
  }
  return out;
}

async function expectIntact(dir: string, documentId: string): Promise<void> {
  const core = await coreOn(dir);
  await core.idle();
  expect(storedFiles(dir)).toMatchObject({ plain: 0, broken: [] });
  expect((await core.call('settings.getAll', {}))['ui.theme']).toBe('dark');
  const doc = await core.call('documents.get', { id: documentId });
  expect(doc.fileName).toBe('a.pdf');
  expect((await core.call('documents.search', { query: 'kinh te xa hoi' })).hits.map((h) => h.document.id)).toContain(documentId);
  await closeAll();
  expect(isPlainSqliteFile(join(dir, DATABASE_FILE))).toBe(false);
  expect(readableWithoutKey(join(dir, DATABASE_FILE))).toBe(false);
  expect(integrityCheck(join(dir, DATABASE_FILE))).toBe('ok');
  expect(readdirSync(dir).filter((n) => n.includes('.encrypting'))).toEqual([]);
}

/** Open the core in a child process and SIGKILL it `delayMs` after it started; resolves with whether it opened first. */
function openAndKill(dataDir: string, delayMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes('start\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`open failed: ${stderr}`));
      else resolve(out.includes('opened\n'));
    });
  });
}

describe('the database encrypted at rest (issue 11)', () => {
  it('a new data folder is encrypted from the first write, its key in keys/ (0600), unreadable without it', async () => {
    const dir = tempDir();
    const core = await coreOn(dir);
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await closeAll();
    const file = join(dir, DATABASE_FILE);
    expect(isPlainSqliteFile(file)).toBe(false);
    expect(readableWithoutKey(file)).toBe(false);
    // Not a word of what was written is in the file as plain text.
    expect(readFileSync(file).includes(Buffer.from('settings'))).toBe(false);
    const key = join(dir, 'keys', 'database.key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    // SQLCipher 4's format with the raw key: the tools of an investigation open it.
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'ui.theme'").pluck().get()).toBe('"dark"');
    db.close();
  });

  it('encrypts an older plain data folder in place at the first start, with nothing lost', async () => {
    const { dir, documentId } = await plainFolder(tempDir());
    expect(readableWithoutKey(join(dir, DATABASE_FILE))).toBe(true);
    await expectIntact(dir, documentId);
    // The pass left nothing plain, so later starts skip the walk; the next start opens it as it is.
    expect(existsSync(join(dir, 'blobs', '.all-encrypted'))).toBe(true);
    await expectIntact(dir, documentId);
  });

  it('a start killed at any instant while encrypting leaves the plain or the encrypted database, whole (SIGKILL)', async () => {
    const work = tempDir();
    const { dir: template, documentId } = await plainFolder(work);
    // Bulk, so the copy and the rekey take long enough for the kills to land inside them.
    const filler = new Database(join(template, DATABASE_FILE));
    filler.exec('CREATE TABLE filler (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) INSERT INTO filler SELECT randomblob(4000) FROM n;');
    filler.close();
    const delays = [0, 200, 400, 600, 800, 1000, 1400];
    let interrupted = 0;
    for (const [i, delay] of delays.entries()) {
      const dir = join(work, `lan-${i}`);
      cpSync(template, dir, { recursive: true });
      // Here the kills at 200–600 ms land while the copy is being encrypted (its .encrypting file is there).
      if (!(await openAndKill(dir, delay))) interrupted++;
      await expectIntact(dir, documentId);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 240_000);

  it('a start killed at any instant while encrypting the stored files leaves each one in the clear or encrypted, whole (SIGKILL)', async () => {
    const work = tempDir();
    const { dir: template, documentId } = await plainFolder(work, 40);
    expect(storedFiles(template)).toMatchObject({ plain: 41, encrypted: 0, broken: [] });
    let halfway = 0;
    for (const [i, delay] of [40, 80, 120, 160, 200, 240, 280, 330, 400, 500].entries()) {
      const dir = join(work, `tep-${i}`);
      cpSync(template, dir, { recursive: true });
      await openAndKill(dir, delay);
      const files = storedFiles(dir);
      expect(files.broken, `killed after ${delay} ms`).toEqual([]);
      expect(files.plain + files.encrypted).toBe(41);
      if (files.plain > 0 && files.encrypted > 0) halfway++;
      // The next start finishes the pass; every document is still there.
      await expectIntact(dir, documentId);
      expect(storedFiles(dir)).toMatchObject({ plain: 0, encrypted: 41 });
      expect(blobStoreFiles(dir).temps).toEqual([]);
      rmSync(dir, { recursive: true, force: true });
    }
    // At least one kill landed in the middle of the pass.
    expect(halfway).toBeGreaterThan(0);
  }, 240_000);

  it('with the key gone, the data is refused untouched and no new key is made over it', async () => {
    const dir = tempDir();
    await coreOn(dir);
    await closeAll();
    const file = join(dir, DATABASE_FILE);
    const before = readFileSync(file);
    rmSync(join(dir, 'keys', 'database.key'));
    const e = await failure(createCore({ dataDir: dir, logToFile: false }));
    expect(e.code).toBe('DB_CORRUPT');
    expect(e.payload.message.vi).toContain('không còn khóa');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'keys', 'database.key'))).toBe(false);
  });

  it('the app passphrase also seals the key: with the keychain and plain key lost, the passphrase opens the data', async () => {
    const dir = tempDir();
    const core = await coreOn(dir);
    await core.call('profile.create', { fullName: 'Trần Thị Thư', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    await closeAll();
    const slot = join(dir, 'keys', 'database.key.passphrase');
    expect(statSync(slot).mode & 0o777).toBe(0o600);
    expect(readFileSync(slot, 'utf8')).not.toContain(readFileSync(join(dir, 'keys', 'database.key'), 'utf8').trim());
    // As on a laptop whose keychain is gone: only the passphrase-sealed form is left.
    rmSync(join(dir, 'keys', 'database.key'));
    const refused = await failure(createCore({ dataDir: dir, logToFile: false }));
    expect(refused.code).toBe('DATA_KEY_UNAVAILABLE');
    const wrong = await failure(createCore({ dataDir: dir, logToFile: false, passphrase: async () => 'không phải mật khẩu này' }));
    expect(wrong.code).toBe('UNAUTHORIZED');
    const reopened = await coreOn(dir, async () => PASSPHRASE);
    expect((await reopened.call('settings.getAll', {}))['ui.theme']).toBe('dark');
  });
});
