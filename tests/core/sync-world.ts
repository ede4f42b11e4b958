/**
 * Laptops that sync through a real hub on a real PostgreSQL: one cluster per test file, a fresh hub
 * database per test, and laptops (each its own data folder and profile) bound to units by mã định danh.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import pg from 'pg';
import { createCore, type Core } from '../../electron/core/index.ts';
import { createHubClient, startHub } from '../../hub/index.ts';
import { startPostgres, type Postgres } from '../support/postgres.ts';
import { tempDir } from '../support/temp-dir.ts';

export const UNITS = {
  office: { code: '000.00.01.H41', name: 'Văn phòng UBND tỉnh' },
  khcn: { code: '000.00.12.H41', name: 'Sở Khoa học và Công nghệ' },
  finance: { code: '000.00.31.H41', name: 'Sở Tài chính' },
  police: { code: '000.00.40.H41', name: 'Công an tỉnh' },
} as const;
export type UnitKey = keyof typeof UNITS;

export interface Laptop {
  core: Core;
  dir: string;
  /** Local organization ids by unit. */
  units: Record<UnitKey, string>;
}

export interface Hub {
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
  /** One query on the hub's database. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

let databases = 0;

export function syncWorld() {
  let cluster: Postgres | undefined;
  const hubs: Hub[] = [];
  const cores: Core[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close();
    for (const h of hubs.splice(0)) await h.close();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  async function hub(opts: { tokenTtlSeconds?: number; databaseUrl?: string; port?: number } = {}): Promise<Hub> {
    const databaseUrl = opts.databaseUrl ?? (await cluster!.createDatabase(`sync_${process.pid}_${(databases += 1)}`));
    const started = await startHub({ databaseUrl, port: opts.port ?? 0, tokenTtlSeconds: opts.tokenTtlSeconds });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    let closed = false;
    const h: Hub = {
      url: started.url,
      databaseUrl,
      async close() {
        if (closed) return;
        closed = true;
        await started.close();
        await pool.end();
      },
      async query<T>(sql: string, params: unknown[] = []) {
        return (await pool.query(sql, params)).rows as T[];
      },
    };
    hubs.push(h);
    return h;
  }

  /** A laptop with the province's directory (the four units, by code) and a profile, connected to `hubUrl` as `unit`. */
  async function laptop(h: Pick<Hub, 'url' | 'databaseUrl'>, unit: UnitKey, opts: { dir?: string; configure?: boolean } = {}): Promise<Laptop> {
    const dir = opts.dir ?? tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    cores.push(core);
    const units = {} as Record<UnitKey, string>;
    for (const [key, u] of Object.entries(UNITS) as Array<[UnitKey, (typeof UNITS)[UnitKey]]>) {
      units[key] = (await core.call('organizations.create', { organCode: u.code, name: u.name })).id;
    }
    await core.call('profile.create', { fullName: unit === 'office' ? 'Đỗ Quang Đạt' : 'Nguyễn Thị Lan', position: 'Chuyên viên', unitName: UNITS[unit].name, organizationId: units[unit], workRole: unit === 'office' ? 'secretariat' : 'member' });
    if (opts.configure !== false) await connect(core, h, unit, dir);
    return { core, dir, units };
  }

  /** Gives `unit` a client on the hub and saves the connection on the laptop (secret in a 0600 file). */
  async function connect(core: Core, h: Pick<Hub, 'url' | 'databaseUrl'>, unit: UnitKey, dir: string, url = h.url): Promise<void> {
    const client = await createHubClient({ databaseUrl: h.databaseUrl, unitCode: UNITS[unit].code, unitName: UNITS[unit].name });
    const secretFile = join(dir, `hub-secret-${unit}`);
    writeFileSync(secretFile, `${client.secret}\n`);
    chmodSync(secretFile, 0o600);
    await core.call('sync.configureWithSecretFile', { url, clientId: client.clientId, secretFile });
  }

  /** Reopen a laptop's core (after its process "died"). */
  async function reopen(dir: string): Promise<Core> {
    const core = await createCore({ dataDir: dir, logToFile: false });
    cores.push(core);
    return core;
  }

  return { hub, laptop, connect, reopen, cluster: () => cluster! };
}
