import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');
const PASSPHRASE = 'Hà Giang cuối năm 2026';

function nghisu(input: string | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nghisu with a passphrase-sealed signing key', () => {
  it('signs a pack only with the passphrase from --passphrase-fd; without a terminal to ask, says how', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    const { meetingId } = await publishedMeeting(core);
    await core.call('security.setPassphrase', { passphrase: PASSPHRASE });
    await core.close();
    const file = join(tempDir(), 'goi.nghisu');

    const bare = nghisu(undefined, '--data-dir', dir, 'pack', 'export', meetingId, file);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('[LOCKED]');
    expect(bare.stderr).toContain('--passphrase-fd');
    expect(existsSync(file)).toBe(false);

    const wrong = nghisu('Hà Giang đầu năm 2026\n', '--data-dir', dir, '--passphrase-fd', '0', 'pack', 'export', meetingId, file);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('[UNAUTHORIZED]');
    expect(existsSync(file)).toBe(false);

    const right = nghisu(`${PASSPHRASE}\n`, '--data-dir', dir, '--passphrase-fd', '0', 'pack', 'export', meetingId, file);
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toContain('Đã xuất gói');
    expect(existsSync(file)).toBe(true);

    expect(nghisu(undefined, '--data-dir', dir, '--passphrase-fd', 'x', 'info').code).toBe(2);
  });
});
