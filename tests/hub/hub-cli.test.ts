import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../hub/index.ts';
import { health, whoAmI } from '../../shared/sync/wire.ts';
import { Api, clusterPerFile, freshDatabase, tokenFor } from './hub-world.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');
const cluster = clusterPerFile();

/** The environment without DATABASE_URL, unless a test gives it. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
}

function nghisu(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: env(extraEnv) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(r: { code: number | null; stdout: string; stderr: string }): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('nghisu hub', () => {
  it('migrates a database and creates a client whose secret opens the hub', async () => {
    const url = await freshDatabase(cluster());
    expect(json(nghisu(['hub', 'migrate', '--database-url', url, '--json']))).toEqual({ applied: [1, 2, 3] });
    // DATABASE_URL stands in for the option, as in a container.
    expect(json(nghisu(['--json', 'hub', 'migrate'], { DATABASE_URL: url }))).toEqual({ applied: [] });
    expect(nghisu(['hub', 'migrate'], { DATABASE_URL: url }).stdout).toContain('Lược đồ đã mới nhất');

    const client = json<{ clientId: string; secret: string; unitCode: string }>(
      nghisu(['hub', 'create-client', '--database-url', url, '--unit', '000.00.31.h41', '--name', 'Sở Tài chính', '--json']),
    );
    expect(client).toEqual({ clientId: expect.any(String), secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), unitCode: '000.00.31.H41' });
    const human = nghisu(['hub', 'create-client', '--database-url', url, '--unit', '000.00.40.H41']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/client_secret:\s+[A-Za-z0-9_-]{43}/);

    const hub = await startHub({ databaseUrl: url, migrate: false });
    try {
      const api = new Api(hub.url, await tokenFor(hub.url, client.clientId, client.secret), crypto.randomUUID());
      const me = await api.call('GET', '/v1/me');
      expect(whoAmI.parse(me.body)).toMatchObject({ clientId: client.clientId, unitCode: '000.00.31.H41', unitName: 'Sở Tài chính' });
    } finally {
      await hub.close();
    }
  });

  it('refuses a bad unit code or a missing database, and explains an unreachable one', async () => {
    const url = await freshDatabase(cluster());
    expect(nghisu(['hub', 'create-client', '--database-url', url, '--unit', 'Sở Tài chính']).code).toBe(2);
    expect(nghisu(['hub', 'migrate']).code).toBe(2);
    const notMigrated = nghisu(['hub', 'create-client', '--database-url', url, '--unit', '000.00.31.H41']);
    expect(notMigrated.code).toBe(1);
    expect(notMigrated.stderr).toContain('nghisu hub migrate');
    const down = nghisu(['hub', 'migrate', '--database-url', 'postgres://postgres@127.0.0.1:1/none', '--json']);
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout)).toMatchObject({ error: { code: 'IO_ERROR' } });
  });

  it('serves until SIGTERM, then stops cleanly', async () => {
    const url = await freshDatabase(cluster());
    const child = spawn(process.execPath, [BIN, 'hub', 'serve', '--database-url', url, '--port', '0'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(child, 'exit');
    let base: string | undefined;
    // Request logs (JSON lines) share stdout with the line that says where the hub listens.
    for await (const line of createInterface({ input: child.stdout })) {
      base = /hub listening: (\S+)/.exec(line)?.[1];
      if (base) break;
    }
    child.stdout.resume();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const up = await fetch(`${base}/health`);
    expect(health.parse(await up.json())).toMatchObject({ status: 'ok' });
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
