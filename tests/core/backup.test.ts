import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/contract/index.ts';
import { createCore, CoreError, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { extractDatabase, readArchive, sha256Of } from '../support/backup-archive.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { Database, integrityCheck, plainCopy, sha256 } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readStoredBlob } from '../support/document-store.ts';

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
    await core.call('settings.set', { key: 'documents.issuingPlace', value: 'Sa Pa' });

    const backup = await core.call('backup.create', { file: join(out, 'sao-luu.db') });
    expect(backup.schemaVersion).toBe(latestSchemaVersion);
    expect(backup.sha256).toBe(sha256(join(out, 'sao-luu.db')));
    expect(integrityCheck(await extractDatabase(backup.file, out))).toBe('ok');

    await core.call('settings.set', { key: 'ui.theme', value: 'light' });
    await core.call('settings.set', { key: 'documents.issuingPlace', value: 'Bát Xát' });

    const events: CoreEvent[] = [];
    core.subscribe((e) => events.push(e));
    const restored = await core.call('backup.restore', { file: join(out, 'sao-luu.db') });
    expect(events).toContainEqual({ event: 'data.restored', payload: { schemaVersion: latestSchemaVersion } });
    const settings = await core.call('settings.getAll', {});
    expect(settings['ui.theme']).toBe('dark');
    expect(settings['documents.issuingPlace']).toBe('Sa Pa');

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
    expect(integrityCheck(await extractDatabase(r.file, tempDir()))).toBe('ok');
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

const MEMBER = { fullName: 'Trần Văn Bình', position: 'Phó Trưởng ban', unitName: 'Sở Xây dựng', workRole: 'secretariat' } as const;

/** A PDF of its own text, imported; returns the document's id and its bytes' SHA-256. */
async function importDoc(core: Core, name: string, text: string): Promise<{ id: string; sha256: string }> {
  const file = join(tempDir(), name);
  await writeTextPdf(file, [text]);
  const { results } = await core.call('documents.importFiles', { paths: [file] });
  const r = results[0]!;
  if (!r.ok) throw new Error(r.error.message.en);
  expect(r.document.sha256).toBe(sha256(file));
  return { id: r.document.id, sha256: r.document.sha256 };
}

const blobPath = (dataDir: string, sha: string) => join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2));

/** The document's row is there and its stored bytes still hash to its name. */
async function readable(core: Core, doc: { id: string; sha256: string }): Promise<void> {
  const detail = await core.call('documents.get', { id: doc.id });
  expect(detail.sha256).toBe(doc.sha256);
  expect(sha256Of(readStoredBlob(core.dataDir, doc.sha256))).toBe(doc.sha256);
}

describe('a backup carries the documents and the key', () => {
  it('holds the database, every document file it names and the signing key, in one 0600 file verified before it was named', async () => {
    const dir = tempDir();
    const out = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const profile = await core.call('profile.create', MEMBER);
    const a = await importDoc(core, 'a.pdf', 'Báo cáo tiến độ dự án đường sắt');
    const b = await importDoc(core, 'b.pdf', 'Kết luận phiên họp Ban Chỉ đạo');

    const backup = await core.call('backup.create', { file: join(out, 'sao-luu.nghisu') });
    expect(backup.contents).toEqual({
      format: 'archive',
      documentFiles: 2,
      documentBytes: readStoredBlob(dir, a.sha256).length + readStoredBlob(dir, b.sha256).length,
      missingDocumentFiles: 0,
      signingKey: true,
    });
    if (process.platform !== 'win32') expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    expect(readdirSync(out), 'no temp file is left beside it').toEqual(['sao-luu.nghisu']);

    const { manifest, entries } = await readArchive(backup.file);
    expect(manifest.blobs.map((x) => x.sha256).sort()).toEqual([a.sha256, b.sha256].sort());
    for (const blob of manifest.blobs) expect(sha256Of(entries.get(`blobs/${blob.sha256}`)!)).toBe(blob.sha256);
    expect(sha256Of(entries.get('nghisu.db')!)).toBe(manifest.database.sha256);
    const keyName = `${profile.id}.ed25519.pem`;
    expect(manifest.keys.map((k) => k.name)).toEqual([keyName]);
    expect(entries.get(`keys/${keyName}`)!.equals(readFileSync(join(dir, 'keys', keyName)))).toBe(true);

    const withoutKey = await core.call('backup.create', { file: join(out, 'khong-khoa.nghisu'), signingKey: false });
    expect(withoutKey.contents.signingKey).toBe(false);
    expect([...(await readArchive(withoutKey.file)).entries.keys()].some((name) => name.startsWith('keys/'))).toBe(false);
    await core.close();
  });

  it('lists a document file that is gone or damaged in the store as missing instead of carrying it as good', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const a = await importDoc(core, 'a.pdf', 'Tài liệu A');
    const b = await importDoc(core, 'b.pdf', 'Tài liệu B');
    const c = await importDoc(core, 'c.pdf', 'Tài liệu C');
    writeFileSync(blobPath(dir, b.sha256), 'hỏng');
    // One byte changed on the disk inside an encrypted file: its chunk fails its tag while it streams.
    const sealed = readFileSync(blobPath(dir, c.sha256));
    sealed[sealed.length - 40]! ^= 0x01;
    writeFileSync(blobPath(dir, c.sha256), sealed);
    const backup = await core.call('backup.create', { file: join(tempDir(), 'b.nghisu') });
    expect(backup.contents).toMatchObject({ documentFiles: 1, missingDocumentFiles: 2 });
    const { manifest } = await readArchive(backup.file);
    expect(manifest.blobs.map((x) => x.sha256)).toEqual([a.sha256]);
    expect(manifest.missingBlobs.sort()).toEqual([b.sha256, c.sha256].sort());
    // The rest of the archive is whole: it restores on another laptop.
    const other = await createCore({ dataDir: tempDir(), logToFile: false });
    await other.call('backup.restore', { file: backup.file });
    await readable(other, a);
    await other.close();
    await core.close();
  });
});

describe('restore never loses a document', () => {
  it('round-trips: import A, back up, import B, restore → A readable and B kept; undo → A and B readable, across restarts', async () => {
    const dir = tempDir();
    let core = await createCore({ dataDir: dir, logToFile: false });
    const a = await importDoc(core, 'a.pdf', 'Tài liệu A trước khi sao lưu');
    const backup = await core.call('backup.create', { file: join(tempDir(), 'sao-luu.nghisu') });
    const b = await importDoc(core, 'b.pdf', 'Tài liệu B sau khi sao lưu');

    const restored = await core.call('backup.restore', { file: backup.file });
    expect(restored.contents.format).toBe('archive');
    expect(restored.documentFiles).toEqual({ written: 0, alreadyStored: 1, missing: 0 });
    await readable(core, a);
    expect((await core.call('documents.list', {})).items.map((d) => d.id)).toEqual([a.id]);
    expect(sha256Of(readStoredBlob(dir, b.sha256))).toBe(b.sha256);
    // The start-up sweep of the next run must keep B too: the kept database names it.
    await core.close();
    core = await createCore({ dataDir: dir, logToFile: false });
    expect(sha256Of(readStoredBlob(dir, b.sha256))).toBe(b.sha256);

    // Undo: restore the database the restore kept.
    const undone = await core.call('backup.restore', { file: restored.previousCopy });
    expect(undone.contents).toMatchObject({ format: 'database', documentFiles: 0, signingKey: false });
    expect(undone.documentFiles.missing).toBe(0);
    await readable(core, a);
    await readable(core, b);
    await core.close();
    core = await createCore({ dataDir: dir, logToFile: false });
    await readable(core, a);
    await readable(core, b);
    await core.close();
  });

  it('restores into an empty data folder on another computer from the backup alone: documents and the signing key', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const profile = await core.call('profile.create', MEMBER);
    const a = await importDoc(core, 'a.pdf', 'Nghị quyết về đường sắt Lào Cai');
    const b = await importDoc(core, 'b.pdf', 'Thông báo kết luận');
    const backup = await core.call('backup.create', { file: join(tempDir(), 'mang-di.nghisu') });
    await core.close();

    const other = join(tempDir(), 'may-moi');
    const fresh = await createCore({ dataDir: other, logToFile: false });
    const r = await fresh.call('backup.restore', { file: backup.file });
    expect(r.documentFiles).toEqual({ written: 2, alreadyStored: 0, missing: 0 });
    expect(r.signingKey).toBe('written');
    await readable(fresh, a);
    await readable(fresh, b);
    expect((await fresh.call('documents.search', { query: 'duong sat' })).hits.map((h) => h.document.id)).toEqual([a.id]);
    const key = join(other, 'keys', `${profile.id}.ed25519.pem`);
    expect(readFileSync(key).equals(readFileSync(join(dir, 'keys', `${profile.id}.ed25519.pem`)))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(key).mode & 0o777).toBe(0o600);
    expect((await fresh.call('profile.get', {}))?.fingerprint).toBe(profile.fingerprint);
    await fresh.close();
  });

  it('a document deleted after a restore keeps its file while the kept database names it', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const a = await importDoc(core, 'a.pdf', 'Tài liệu A');
    const backup = await core.call('backup.create', { file: join(tempDir(), 'b.nghisu') });
    const restored = await core.call('backup.restore', { file: backup.file });
    await core.call('documents.delete', { id: a.id });
    expect(sha256Of(readStoredBlob(dir, a.sha256))).toBe(a.sha256);
    await core.call('backup.restore', { file: restored.previousCopy });
    await readable(core, a);
    await core.close();
  });

  it('restores an old plain-SQLite backup and says it holds no documents: files the store lacks are counted', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const a = await importDoc(core, 'a.pdf', 'Tài liệu A');
    const b = await importDoc(core, 'b.pdf', 'Tài liệu B');
    // How backups were made before archives: SQLite's online backup into a plain file.
    const plain = join(tempDir(), 'cu.db');
    plainCopy(dir, plain);
    await core.close();

    const other = await createCore({ dataDir: tempDir(), logToFile: false });
    const copy = await importDoc(other, 'a.pdf', 'Tài liệu A');
    expect(copy.sha256).not.toBe(b.sha256);
    const r = await other.call('backup.restore', { file: plain });
    expect(r.contents).toEqual({ format: 'database', documentFiles: 0, documentBytes: 0, missingDocumentFiles: 0, signingKey: false });
    // Only B's file is lacking (A's bytes differ here: pdfkit stamps the time), so both count as missing unless equal.
    expect(r.documentFiles.missing).toBe([a.sha256, b.sha256].filter((s) => s !== copy.sha256).length);
    expect((await other.call('documents.list', {})).items).toHaveLength(2);
    await other.close();
  });

  it('refuses an archive whose document file was altered, before the database is touched', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    const a = await importDoc(core, 'a.pdf', 'Tài liệu A');
    const backup = await core.call('backup.create', { file: join(tempDir(), 'b.nghisu') });
    await core.call('settings.set', { key: 'ui.theme', value: 'light' });
    await core.close();

    // Blobs are stored uncompressed: flip one byte of A inside the archive.
    const bytes = readFileSync(backup.file);
    const at = bytes.indexOf(readStoredBlob(dir, a.sha256).subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] = bytes[at + 10]! ^ 0xff;
    writeFileSync(backup.file, bytes);

    const other = join(tempDir(), 'may-moi');
    const fresh = await createCore({ dataDir: other, logToFile: false });
    await fresh.call('settings.set', { key: 'ui.theme', value: 'light' });
    const e = await rejection(fresh.call('backup.restore', { file: backup.file }));
    expect(e.code).toBe('BACKUP_INVALID');
    expect(e.text.vi).toContain('không khớp mã SHA-256');
    expect((await fresh.call('settings.getAll', {}))['ui.theme']).toBe('light');
    expect(existsSync(blobPath(other, a.sha256))).toBe(false);
    expect(readdirSync(join(other, 'backups')).filter((n) => n.endsWith('.db'))).toEqual([]);
    await fresh.close();
  });
});

describe('the start-up sweep after a restore', () => {
  it('keeps an unnamed file written since the last restore, and removes an old one no kept database names', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const backup = await core.call('backup.create', { file: join(tempDir(), 'b.nghisu') });
    await core.close();

    const leftover = (hex: string) => {
      const file = blobPath(dir, hex.repeat(64));
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, hex);
      return file;
    };
    const old = leftover('a');
    const longAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, longAgo, longAgo);

    const again = await createCore({ dataDir: dir, logToFile: false });
    expect(existsSync(old)).toBe(false);
    await again.call('backup.restore', { file: backup.file });
    const young = leftover('b');
    const stale = leftover('c');
    utimesSync(stale, longAgo, longAgo);
    await again.close();

    const restarted = await createCore({ dataDir: dir, logToFile: false });
    expect(existsSync(young)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    await restarted.close();
  });
});
