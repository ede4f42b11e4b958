import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { extractDatabase } from '../support/backup-archive.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { Database, integrityCheck } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readStoredBlob } from '../support/document-store.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

/** Runs the real `nghisu` executable, as an administrator's script would. */
function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu CLI', () => {
  it('info --json works on an empty folder', () => {
    const dir = join(tempDir(), 'chua-co');
    const r = nghisu('info', '--json', '--data-dir', dir);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as { dataDir: string; schemaVersion: number; counts: Record<string, number> };
    expect(info.dataDir).toBe(dir);
    expect(info.schemaVersion).toBe(latestSchemaVersion);
    expect(info.counts).toMatchObject({ audit_log: 0, settings: 0, meetings: 0, documents: 0 });
  });

  it('info prints Vietnamese for people', () => {
    const r = nghisu('--data-dir', tempDir(), 'info');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thư mục dữ liệu');
    expect(r.stdout).toContain('Lược đồ');
  });

  it('backup then restore round-trips, and a backup is never silently overwritten', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'sao-luu.db');
    const b = nghisu('backup', file, '--data-dir', dir, '--json');
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ file, schemaVersion: latestSchemaVersion, contents: { format: 'archive', documentFiles: 0 } });
    expect(integrityCheck(await extractDatabase(file, tempDir()))).toBe('ok');

    const again = nghisu('backup', file, '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã tồn tại');
    expect(nghisu('backup', file, '--force', '--data-dir', dir).code).toBe(0);

    const r = nghisu('restore', file, '--data-dir', dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, schemaVersion: latestSchemaVersion });
  });

  it('restore refuses a file that is not a backup, with a clear message and exit code 1', () => {
    const dir = tempDir();
    const bogus = join(tempDir(), 'khong-phai.db');
    writeFileSync(bogus, 'đây là văn bản');
    const r = nghisu('restore', bogus, '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[BACKUP_INVALID]');
    expect(r.stderr).toContain('không phải bản sao lưu hợp lệ');
    const en = nghisu('restore', bogus, '--data-dir', dir, '--lang', 'en', '--json');
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('is not a valid Nghị Sự backup');
    expect(JSON.parse(en.stdout)).toMatchObject({ error: { code: 'BACKUP_INVALID' } });
  });

  it('restore refuses while the app has the data open, and works once it is closed', async () => {
    const dir = tempDir();
    const file = join(tempDir(), 'sao-luu.db');
    expect(nghisu('backup', file, '--data-dir', dir).code).toBe(0);
    const app = await createCore({ dataDir: dir });
    await app.call('settings.set', { key: 'ui.language', value: 'en' });
    const busy = nghisu('restore', file, '--data-dir', dir);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('[DB_BUSY]');
    expect((await app.call('settings.getAll', {}))['ui.language']).toBe('en');
    await app.close();
    expect(nghisu('restore', file, '--data-dir', dir).code).toBe(0);
  });

  it('reports a damaged database without touching it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nghisu.db'), 'hỏng');
    const r = nghisu('info', '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[DB_CORRUPT]');
  });

  it('exits 2 on a usage error', () => {
    expect(nghisu('khong-co-lenh').code).toBe(2);
    expect(nghisu('backup').code).toBe(2);
    expect(nghisu('--lang', 'fr', 'info').code).toBe(2);
  });

  it('settings set/get: the administrator sets the update feed; http to another machine is refused', () => {
    const dir = tempDir();
    const bad = nghisu('settings', 'set', 'updates.url', 'http://capnhat.laocai.gov.vn/nghisu', '--data-dir', dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('https://');
    const ok = nghisu('settings', 'set', 'updates.url', 'https://capnhat.laocai.gov.vn/nghisu', '--data-dir', dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Đã đặt updates.url');
    const got = nghisu('settings', 'get', 'updates.url', '--json', '--data-dir', dir);
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout)).toEqual({ 'updates.url': 'https://capnhat.laocai.gov.vn/nghisu' });
    expect(nghisu('settings', 'get', 'no.such', '--data-dir', dir).code).toBe(2);
  });
});

describe('nghisu backup and restore keep every document', () => {
  const blob = (dir: string, sha: string) => join(dir, 'blobs', sha.slice(0, 2), sha.slice(2));
  const storedSha = (dir: string, sha: string) => createHash('sha256').update(readStoredBlob(dir, sha)).digest('hex');
  /** Document ids and file names as the database lists them, read directly. */
  function documents(dir: string): { id: string; blob_sha256: string }[] {
    const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
    try {
      return db.prepare('SELECT id, blob_sha256 FROM documents ORDER BY id').all() as { id: string; blob_sha256: string }[];
    } finally {
      db.close();
    }
  }
  const readable = (dir: string) => documents(dir).every((d) => existsSync(blob(dir, d.blob_sha256)) && storedSha(dir, d.blob_sha256) === d.blob_sha256);

  it('says what the backup holds; restore keeps the later document on disk and its undo brings it back', async () => {
    const dir = tempDir();
    const work = tempDir();
    const app = await createCore({ dataDir: dir, logToFile: false });
    await app.call('profile.create', { fullName: 'Trần Văn Bình', position: 'Chánh Văn phòng', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    await app.close();
    const a = join(work, 'a.pdf');
    const b = join(work, 'b.pdf');
    await writeTextPdf(a, ['Tài liệu A: báo cáo tiến độ']);
    await writeTextPdf(b, ['Tài liệu B: nhập sau khi sao lưu']);

    expect(nghisu('--data-dir', dir, 'import-pdf', a).code).toBe(0);
    const file = join(work, 'sao-luu.nghisu');
    const backup = nghisu('--data-dir', dir, 'backup', file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Bản sao lưu gồm: cơ sở dữ liệu; 1 tệp tài liệu');
    expect(backup.stdout).toContain('khóa ký riêng của hồ sơ');
    expect(backup.stdout).toContain('BÍ MẬT');
    expect(backup.stdout).toContain('Không gồm: nhật ký');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(nghisu('--data-dir', dir, 'import-pdf', b).code).toBe(0);
    const before = documents(dir);
    expect(before).toHaveLength(2);

    const restore = nghisu('--data-dir', dir, '--json', 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    const r = JSON.parse(restore.stdout) as { previousCopy: string; documentFiles: unknown; signingKey: string };
    expect(r.documentFiles).toEqual({ written: 0, alreadyStored: 1, missing: 0 });
    expect(r.signingKey).toBe('present');
    expect(documents(dir)).toHaveLength(1);
    expect(readable(dir)).toBe(true);
    // B's file is still on disk, after another process's start-up sweep too.
    expect(nghisu('--data-dir', dir, 'info').code).toBe(0);
    for (const d of before) expect(storedSha(dir, d.blob_sha256)).toBe(d.blob_sha256);

    const undo = nghisu('--data-dir', dir, 'restore', r.previousCopy);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toContain('Bản sao lưu kiểu cũ: chỉ có cơ sở dữ liệu');
    expect(undo.stdout).toContain('0 thiếu');
    expect(documents(dir)).toEqual(before);
    expect(readable(dir)).toBe(true);
  }, 300_000);

  it('restores into an empty folder on another computer from the backup alone; --without-key says the key is left out', async () => {
    const dir = tempDir();
    const work = tempDir();
    const app = await createCore({ dataDir: dir, logToFile: false });
    const profile = await app.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    await app.close();
    const a = join(work, 'a.pdf');
    await writeTextPdf(a, ['Nghị quyết đường sắt']);
    expect(nghisu('--data-dir', dir, 'import-pdf', a).code).toBe(0);

    const file = join(work, 'mang-di.nghisu');
    expect(nghisu('--data-dir', dir, 'backup', file).code).toBe(0);
    const other = join(tempDir(), 'may-moi');
    const restore = nghisu('--data-dir', other, '--lang', 'en', 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('Document files: 1 written from the backup, 0 already stored, 0 missing.');
    expect(restore.stdout).toContain('Signing key: written from the backup.');
    expect(documents(other)).toEqual(documents(dir));
    expect(readable(other)).toBe(true);
    const key = join(other, 'keys', `${profile.id}.ed25519.pem`);
    expect(readFileSync(key, 'utf8')).toBe(readFileSync(join(dir, 'keys', `${profile.id}.ed25519.pem`), 'utf8'));
    expect(statSync(key).mode & 0o777).toBe(0o600);

    const keyless = join(work, 'khong-khoa.nghisu');
    const b = nghisu('--data-dir', dir, '--lang', 'en', 'backup', '--without-key', keyless);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('The private signing key is not included');
    const third = join(tempDir(), 'may-thu-ba');
    const r = nghisu('--data-dir', third, '--json', 'restore', keyless);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ signingKey: 'missing', contents: { signingKey: false } });
    // Only the third laptop's own database key: no signing key came with the backup.
    expect(readdirSync(join(third, 'keys'))).toEqual(['database.key']);
  }, 300_000);
});
