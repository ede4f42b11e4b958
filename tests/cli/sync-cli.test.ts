import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHubClient } from '../../hub/index.ts';
import { syncWorld, UNITS } from '../core/sync-world.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');
const world = syncWorld();

/** Asynchronous: the hub these commands talk to runs in this process. */
function nghisu(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('nghisu sync', () => {
  it('configures from a 0600 secret file (refusing a readable one), runs a pass, and reports its status', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office', { configure: false });
    await office.core.call('tasks.create', { task: { content: 'Rà soát thủ tục hành chính liên thông', leadUnit: UNITS.khcn.code, deadline: { kind: 'date', date: '2026-12-31' } } });
    await office.core.close();
    const client = await createHubClient({ databaseUrl: hub.databaseUrl, unitCode: UNITS.office.code });
    // Outside the data folder, whose files the app makes private itself.
    const secretFile = join(tempDir(), 'secret');
    writeFileSync(secretFile, client.secret);
    chmodSync(secretFile, 0o644);
    const d = ['--data-dir', office.dir];

    const open = await nghisu(...d, 'sync', 'configure', '--url', hub.url, '--client-id', client.clientId, '--secret-file', secretFile);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('chmod 600');
    chmodSync(secretFile, 0o600);
    const plain = await nghisu(...d, 'sync', 'configure', '--url', 'http://hub.example.gov.vn', '--client-id', client.clientId, '--secret-file', secretFile);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('https://');

    expect((await nghisu(...d, 'sync', 'configure', '--url', hub.url, '--client-id', client.clientId, '--secret-file', secretFile)).code).toBe(0);
    const before = JSON.parse((await nghisu(...d, '--json', 'sync', 'status')).stdout) as Record<string, unknown>;
    expect(before).toMatchObject({ pending: 1, lastSuccessAt: null, lastError: null, cursor: null, conflicts: 0 });

    const run = await nghisu(...d, '--json', 'sync', 'run');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ pushed: 1, pending: 0, error: null });
    const after = JSON.parse((await nghisu(...d, '--json', 'sync', 'status')).stdout) as Record<string, unknown>;
    expect(after).toMatchObject({ pending: 0, lastError: null, conflicts: 0, unitCode: UNITS.office.code });
    expect(after.lastSuccessAt).toEqual(expect.any(String));
    expect(after.cursor).toEqual(expect.stringMatching(/^c1\./));
    // The secret is nowhere in the database or the logs.
    const { readFileSync, readdirSync } = await import('node:fs');
    expect(readFileSync(join(office.dir, 'nghisu.db')).includes(Buffer.from(client.secret))).toBe(false);
    for (const f of readdirSync(join(office.dir, 'logs'))) expect(readFileSync(join(office.dir, 'logs', f), 'utf8')).not.toContain(client.secret);

    // Unreachable: the change waits, the exit code says so, the error is in Vietnamese.
    await hub.close();
    const { createCore } = await import('../../electron/core/index.ts');
    const core = await createCore({ dataDir: office.dir, logToFile: false });
    await core.call('tasks.create', { task: { content: 'Việc chờ mạng', leadUnit: UNITS.khcn.code, deadline: { kind: 'date', date: '2026-12-31' } } });
    await core.close();
    const offline = await nghisu(...d, 'sync', 'run');
    expect(offline.code).toBe(1);
    expect(offline.stdout).toContain('Không kết nối được Hệ thống điều hành');
    expect(JSON.parse((await nghisu(...d, '--json', 'sync', 'status')).stdout)).toMatchObject({ pending: 1, lastError: { vi: expect.stringContaining('Không kết nối được') } });
  });

  it('sends a written-opinions request and a member’s answers through the hub between two data folders', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office');
    const finance = await world.laptop(hub, 'finance');
    const lan = await office.core.call('people.create', { fullName: 'Nguyễn Thị Lan', position: 'Giám đốc Sở Tài chính', organizationId: office.units.finance });
    const committee = await office.core.call('committees.create', { name: 'Ban Chỉ đạo chuyển đổi số tỉnh' });
    await office.core.call('committees.setMembers', { committeeId: committee.id, members: [{ role: 'member', personId: lan.id }] });
    const request = await office.core.call('opinions.create', { committeeId: committee.id, title: 'Lấy ý kiến dự thảo Kế hoạch', questions: ['Đồng ý thông qua?'], deadline: '2099-12-31' });
    await office.core.close();
    await finance.core.close();
    const o = ['--data-dir', office.dir];
    const f = ['--data-dir', finance.dir];
    const json = async <T>(...args: string[]): Promise<T> => {
      const r = await nghisu(...args);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as T;
    };

    const sent = await json<{ kind: string; state: string }>(...o, '--json', 'sync', 'publish-opinions', request.id);
    expect(sent).toMatchObject({ kind: 'opinion_request', state: 'pending' });
    expect((await nghisu(...o, 'sync', 'run')).code).toBe(0);

    // The member's laptop: the request waits for its signer, is trusted, answered and sent back.
    expect((await nghisu(...f, 'sync', 'run')).code).toBe(0);
    const [arrived] = await json<Array<{ id: string; kind: string; state: string }>>(...f, '--json', 'sync', 'publications');
    expect(arrived).toMatchObject({ kind: 'opinion_request', state: 'waiting' });
    const early = await nghisu(...f, 'sync', 'publish-answers', request.id);
    expect(early.code).not.toBe(0);
    expect(early.stderr).toContain('Không có phiếu lấy ý kiến nhận được này');
    expect((await nghisu(...f, 'sync', 'import-publication', arrived!.id, '--trust-signer')).code).toBe(0);
    expect((await nghisu(...f, 'opinions', 'answer', request.id, '--question', '1', '--choice', 'agree')).code).toBe(0);
    expect(await json(...f, '--json', 'sync', 'publish-answers', request.id)).toMatchObject({ kind: 'opinion_answers', state: 'pending' });
    expect((await nghisu(...f, 'sync', 'run')).code).toBe(0);

    // The office: the answers wait until it names whose key signed them.
    expect((await nghisu(...o, 'sync', 'run')).code).toBe(0);
    const inbox = (await json<Array<{ id: string; direction: string; state: string }>>(...o, '--json', 'sync', 'publications')).find((p) => p.direction === 'in')!;
    expect(inbox.state).toBe('waiting');
    const nobody = await nghisu(...o, 'sync', 'import-publication', inbox.id, '--trust-signer');
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toContain('Hãy chọn người được xin ý kiến');
    expect((await nghisu(...o, 'sync', 'import-publication', inbox.id, '--trust-signer', '--person', lan.id)).code).toBe(0);
    const status = await nghisu(...o, 'opinions', 'status', request.id);
    expect(status.stdout).toContain('Nguyễn Thị Lan');
    expect(await json(...o, '--json', 'opinions', 'summary', request.id)).toMatchObject({ answered: [{ name: 'Nguyễn Thị Lan' }], notAnswered: [] });
  });
});
