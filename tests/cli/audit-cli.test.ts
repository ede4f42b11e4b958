import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu audit', () => {
  it('verifies the chain, lists, exports, and exits 1 once a row was edited by hand', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    await core.call('profile.create', { fullName: 'Phạm Đức Long', position: 'Thư ký', unitName: 'Văn phòng Ban Chỉ đạo', workRole: 'secretariat' });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    await core.close();

    const ok = nghisu('--data-dir', dir, 'audit', 'verify');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Nhật ký nguyên vẹn: 2 mục');

    const list = nghisu('--data-dir', dir, 'audit', 'list', '--action', 'settings');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Phạm Đức Long, Thư ký');
    expect(list.stdout).toContain('Cài đặt: đặt (ui.theme)');
    expect(list.stdout).toContain('1 trên tổng số 1 mục.');

    const file = join(tempDir(), 'nhat-ky.xlsx');
    const exported = nghisu('--data-dir', dir, 'audit', 'export', file);
    expect(exported.code, exported.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const again = nghisu('--data-dir', dir, 'audit', 'export', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');

    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare(`UPDATE audit_log SET actor_name = 'Người khác' WHERE seq = 2`).run();
    db.close();
    const broken = nghisu('--data-dir', dir, 'audit', 'verify', '--json');
    expect(broken.code).toBe(1);
    const v = JSON.parse(broken.stdout) as { ok: boolean; problems: Array<{ kind: string; seq: number }> };
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'edited', seq: 2 })]);
    const human = nghisu('--data-dir', dir, 'audit', 'verify');
    expect(human.stdout).toContain('NHẬT KÝ CÓ DẤU HIỆU BỊ SỬA');
    // Seven real processes: generous for a loaded two-core machine.
  }, 180_000);

  it('refuses a malformed day before opening anything', () => {
    const r = nghisu('--data-dir', tempDir(), 'audit', 'list', '--from', '05/01/2026');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YYYY-MM-DD');
  });
});
