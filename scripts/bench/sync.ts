/**
 * Liên thông figures, on loopback, against the reference hub on a real PostgreSQL (started here
 * as a separate process, so the laptop's CPU is measured apart from the hub's):
 *   sync.push_10k_s            10,000 task changes queued on one laptop, until the hub acknowledged
 *                              them all (one `sync.run` pass: the batched push, then the feed)
 *   sync.pull_10k_s            a second laptop (the lead unit) receiving those 10,000 tasks from the feed
 *   sync.idle_poll_cpu_pct     a laptop with nothing to send polling once per 30 s: its CPU per poll
 *                              over 30 s, in percent of one core
 *   sync.push_unbatched_10k_s  the anchor: the same push with one request per change, timed on 1,000
 *                              changes and scaled to 10,000
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/index.ts';
import type { SyncHostOptions } from '../../electron/core/domains/sync/index.ts';
import { createHubClient } from '../../hub/index.ts';
import { startPostgres } from '../../tests/support/postgres.ts';
import type { Figure } from './stats.ts';

type Add = (name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']) => void;

const OFFICE = { code: '000.00.01.H41', name: 'Văn phòng UBND tỉnh' };
const UNIT = { code: '000.00.12.H41', name: 'Sở Khoa học và Công nghệ' };

async function serveHub(root: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'bin/nghisu.js'), '--json', 'hub', 'serve', '--database-url', databaseUrl, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the hub exited (${code}) before listening`)));
  });
  return { url, child };
}

async function laptop(work: string, name: string, hub: { url: string; databaseUrl: string }, unit: typeof OFFICE, host: SyncHostOptions = {}): Promise<Core> {
  const dir = join(work, name);
  const core = await createCore({ dataDir: dir, logToFile: false, sync: host });
  for (const u of [OFFICE, UNIT]) await core.call('organizations.create', { organCode: u.code, name: u.name });
  await core.call('profile.create', { fullName: 'Cán bộ đo đạc', position: 'Chuyên viên', unitName: unit.name, workRole: 'secretariat' });
  const client = await createHubClient({ databaseUrl: hub.databaseUrl, unitCode: unit.code, unitName: unit.name });
  const secretFile = join(dir, 'hub-secret');
  writeFileSync(secretFile, client.secret);
  chmodSync(secretFile, 0o600);
  await core.call('sync.configureWithSecretFile', { url: hub.url, clientId: client.clientId, secretFile });
  return core;
}

async function assign(core: Core, n: number, label: string): Promise<void> {
  for (let done = 0; done < n; done += 200) {
    const items = Array.from({ length: Math.min(200, n - done) }, (_, i) => ({
      source: { kind: 'direct' as const },
      task: { content: `${label} ${done + i + 1}: triển khai nhiệm vụ chuyển đổi số`, leadUnit: UNIT.code, assignedOn: '2026-11-02', deadline: { kind: 'date' as const, date: '2026-12-31' } },
    }));
    await core.call('tasks.createMany', { items });
  }
}

export async function measureSync(root: string, add: Add, log: (text: string) => void): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'nghisu-bench-sync-'));
  const cluster = await startPostgres();
  let hub: { url: string; child: ChildProcess } | undefined;
  const cores: Core[] = [];
  try {
    const databaseUrl = await cluster.createDatabase('bench_sync');
    hub = await serveHub(root, databaseUrl);
    const office = await laptop(work, 'office', { url: hub.url, databaseUrl }, OFFICE);
    cores.push(office);
    await assign(office, 10_000, 'Nhiệm vụ');
    const queued = (await office.call('sync.status', {})).pending;
    let t = performance.now();
    const pushed = await office.call('sync.run', {});
    const push = (performance.now() - t) / 1000;
    if (pushed.error || pushed.pending !== 0) throw new Error(`push failed: ${JSON.stringify(pushed)}`);
    log(`  liên thông: ${queued} thay đổi chờ gửi → đã gửi ${pushed.pushed}`);
    add('sync.push_10k_s', push, 's', 10, 'max');

    const unit = await laptop(work, 'unit', { url: hub.url, databaseUrl }, UNIT);
    cores.push(unit);
    t = performance.now();
    const pulled = await unit.call('sync.run', {});
    add('sync.pull_10k_s', (performance.now() - t) / 1000, 's', 10, 'max');
    if (pulled.pulled !== 10_000) log(`  ! the lead unit received ${pulled.pulled} of 10000`);

    // Idle: nothing to send, nothing new in the feed.
    const polls = 20;
    await unit.call('sync.run', {});
    const cpu = process.cpuUsage();
    for (let i = 0; i < polls; i++) await unit.call('sync.run', {});
    const used = process.cpuUsage(cpu);
    const perPollMs = (used.user + used.system) / 1000 / polls;
    add('sync.idle_poll_cpu_pct', (perPollMs / 30_000) * 100, '%', 1, 'max');

    // The anchor: one request per change.
    const anchor = await laptop(work, 'anchor', { url: hub.url, databaseUrl }, OFFICE, { maxBatch: 1 });
    cores.push(anchor);
    await assign(anchor, 1_000, 'Nhiệm vụ (không gộp)');
    t = performance.now();
    const one = await anchor.call('sync.run', {});
    if (one.error || one.pending !== 0) throw new Error(`unbatched push failed: ${JSON.stringify(one)}`);
    add('sync.push_unbatched_10k_s', ((performance.now() - t) / 1000) * 10, 's', null, 'info');
  } finally {
    for (const c of cores) await c.close();
    hub?.child.kill('SIGTERM');
    await cluster.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
