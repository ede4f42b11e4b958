import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { integrityCheck } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

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

  it('backup then restore round-trips, and a backup is never silently overwritten', () => {
    const dir = tempDir();
    const file = join(tempDir(), 'sao-luu.db');
    const b = nghisu('backup', file, '--data-dir', dir, '--json');
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout)).toMatchObject({ file, schemaVersion: latestSchemaVersion });
    expect(integrityCheck(file)).toBe('ok');

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
