import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index.ts';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.ts';
import { Database } from '../support/sqlite.ts';
import { writeTextPdf } from '../support/pdf-fixtures.ts';
import { syncWorld, UNITS, type Hub, type Laptop } from './sync-world.ts';

const world = syncWorld();
const root = join(import.meta.dirname, '../..');
const OPS = /^\/v1\/operations/;
const FEED = /^\/v1\/changes/;
const TRAVELLING = "('progress','completed','accepted','returned','paused','resumed','cancelled','reminded','extension_requested','extension_approved','extension_refused')";

interface Row {
  scenario: string;
  passes: number;
  assignments: number;
  events: number;
  lost: number;
  duplicated: number;
  classifiedOnHub: number;
}
const table: Row[] = [];

afterAll(() => {
  // The fault matrix, as the issue asks: one line per fault, lost and duplicated counted from the rows.
  const head = ['scenario', 'passes', 'assignments', 'events', 'lost', 'duplicated', 'mật on hub'];
  const lines = table.map((r) => [r.scenario, r.passes, r.assignments, r.events, r.lost, r.duplicated, r.classifiedOnHub].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(['', 'Liên thông fault matrix (hub on PostgreSQL):', fmt(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...lines.map(fmt)].join('\n'));
});

function rows<T>(core: Core, sql: string, ...params: unknown[]): T[] {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Passes until nothing waits and the last pass had no error (a laptop retrying until the network and hub behave). */
async function settle(core: Core, max = 12): Promise<number> {
  for (let i = 1; i <= max; i++) {
    const r = await core.call('sync.run', {});
    if (r.error === null && r.pending === 0) return i;
  }
  const s = await core.call('sync.status', {});
  throw new Error(`sync did not settle: ${JSON.stringify(s)}`);
}

interface Setup {
  hub: Hub;
  proxy: FaultProxy;
  office: Laptop;
  khcn: Laptop;
  secretId: string;
}

async function setup(opts: { tokenTtlSeconds?: number } = {}): Promise<Setup> {
  const hub = await world.hub(opts);
  const proxy = await startFaultProxy(hub.url);
  const via = { url: proxy.url, databaseUrl: hub.databaseUrl };
  const office = await world.laptop(via, 'office');
  const khcn = await world.laptop(via, 'khcn');
  const secret = await office.core.call('tasks.create', {
    task: { content: 'Phương án bảo vệ bí mật nhà nước', leadUnit: UNITS.khcn.code, deadline: { kind: 'date', date: '2027-01-29' }, classification: 'secret' },
  });
  return { hub, proxy, office, khcn, secretId: secret.id };
}

/** The whole loop under whatever faults are injected: assign, receive, report (with evidence), complete, extend, accept, approve. */
async function workload(s: Setup, between: (step: string) => Promise<void> = async () => undefined): Promise<number> {
  let passes = 0;
  const ids: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const t = await s.office.core.call('tasks.create', {
      task: { content: `Nhiệm vụ số ${i} về chuyển đổi số`, leadUnit: UNITS.khcn.code, coordinatingUnits: [UNITS.finance.code], assignedOn: '2026-11-02', deadline: { kind: 'date', date: '2026-12-31' } },
    });
    ids.push(t.id);
  }
  await between('office-push');
  passes += await settle(s.office.core);
  await between('khcn-pull');
  passes += await settle(s.khcn.core);
  const file = join(s.khcn.dir, `minh-chung-${ids[0]}.pdf`);
  await writeTextPdf(file, ['Minh chứng tiến độ: biên bản nghiệm thu giai đoạn 1.']);
  const doc = (await s.khcn.core.call('documents.importFiles', { paths: [file] })).results[0]!;
  if (!doc.ok) throw new Error('evidence import failed');
  await s.khcn.core.call('tasks.report', { id: ids[0]!, percent: 60, text: 'Đã nghiệm thu giai đoạn 1.', documentIds: [doc.document.id] });
  await s.khcn.core.call('tasks.report', { id: ids[1]!, percent: 30, text: 'Đang khảo sát.', documentIds: [] });
  await s.khcn.core.call('tasks.complete', { id: ids[2]!, text: 'Đã hoàn thành.', documentIds: [] });
  await s.khcn.core.call('tasks.requestExtension', { id: ids[3]!, to: '2027-03-31', reason: 'Chờ kinh phí.' });
  await between('khcn-push');
  passes += await settle(s.khcn.core);
  await between('office-pull');
  passes += await settle(s.office.core);
  await s.office.core.call('tasks.accept', { id: ids[2]! });
  const ext = (await s.office.core.call('tasks.get', { id: ids[3]! })).extensions.find((x) => x.status === 'pending');
  if (!ext) throw new Error('the extension request did not reach the office');
  await s.office.core.call('tasks.decideExtension', { extensionId: ext.id, approve: true, note: 'Đồng ý.' });
  await between('office-decide');
  passes += await settle(s.office.core);
  passes += await settle(s.khcn.core);
  return passes;
}

/** Compares the hub's PostgreSQL rows with both laptops' SQLite rows: what is lost, what is doubled. */
async function verify(s: Setup, scenario: string, passes: number): Promise<void> {
  const hubAssignments = (await s.hub.query<{ id: string; status: string; percent: number; due: string | null }>(
    "SELECT id, state->>'status' AS status, (state->>'percent')::int AS percent, fields->>'dueDate' AS due FROM assignments ORDER BY id",
  ));
  const hubEvents = (await s.hub.query<{ id: string }>('SELECT id FROM assignment_events ORDER BY id')).map((r) => r.id);
  const officeTasks = rows<{ id: string }>(s.office.core, "SELECT id FROM tasks WHERE classification = 'normal' ORDER BY id").map((r) => r.id);
  let lost = 0;
  let duplicated = hubEvents.length - new Set(hubEvents).size;
  const hubSet = new Set(hubEvents);
  lost += officeTasks.filter((id) => !hubAssignments.some((a) => a.id === id)).length;
  for (const l of [s.office, s.khcn]) {
    const local = rows<{ id: string }>(l.core, `SELECT id FROM task_events WHERE kind IN ${TRAVELLING} ORDER BY id`).map((r) => r.id);
    lost += local.filter((id) => !hubSet.has(id)).length + hubEvents.filter((id) => !local.includes(id)).length;
    // A change sent twice under a new identity would show as two equal events.
    duplicated += rows<{ n: number }>(l.core, `SELECT count(*) - count(DISTINCT task_id || kind || coalesce(text, '') || coalesce(percent, '')) AS n FROM task_events WHERE kind IN ${TRAVELLING}`)[0]!.n;
    const state = rows<{ id: string; status: string; percent: number; due: string | null }>(l.core, 'SELECT id, status, percent, due_date AS due FROM tasks WHERE id IN (SELECT task_id FROM sync_remote) ORDER BY id');
    expect(state, `${scenario}: the laptop's tasks match the hub's`).toEqual(hubAssignments);
    expect(rows(l.core, 'SELECT count(*) AS n FROM sync_outbox')).toEqual([{ n: 0 }]);
  }
  const classifiedOnHub = (await s.hub.query<{ n: number }>('SELECT count(*)::int AS n FROM assignments WHERE id = $1', [s.secretId]))[0]!.n;
  table.push({ scenario, passes, assignments: hubAssignments.length, events: hubEvents.length, lost, duplicated, classifiedOnHub });
  expect({ lost, duplicated, classifiedOnHub, assignments: hubAssignments.length, events: hubEvents.length }).toEqual({ lost: 0, duplicated: 0, classifiedOnHub: 0, assignments: 4, events: 6 });
  expect(s.proxy.unused(), `${scenario}: every injected fault happened`).toBe(0);
}

const matrix: Array<[string, Array<[RegExp, Fault, number?]>]> = [
  ['no fault', []],
  ['request dropped before the hub', [[OPS, { kind: 'drop-request' }, 2], [FEED, { kind: 'drop-request' }]]],
  ['response dropped after the hub committed', [[OPS, { kind: 'drop-response' }, 3], [FEED, { kind: 'drop-response' }]]],
  ['request duplicated', [[OPS, { kind: 'duplicate' }, 3], [FEED, { kind: 'duplicate' }]]],
  ['two requests reordered', [[OPS, { kind: 'reorder' }, 3]]],
  ['delayed', [[OPS, { kind: 'delay', ms: 800 }], [FEED, { kind: 'delay', ms: 800 }]]],
  ['connection reset mid-body', [[OPS, { kind: 'reset-mid-body' }, 2], [FEED, { kind: 'reset-mid-body' }, 2]]],
  ['401: token expired, refreshed', [[OPS, { kind: 'status', status: 401 }, 2], [FEED, { kind: 'status', status: 401 }]]],
  ['403: refused, then allowed', [[OPS, { kind: 'status', status: 403 }]]],
  ['409 on the request', [[OPS, { kind: 'status', status: 409 }]]],
  ['412 on the request', [[OPS, { kind: 'status', status: 412 }]]],
  ['422 on the request', [[OPS, { kind: 'status', status: 422 }]]],
  ['429 with Retry-After', [[OPS, { kind: 'status', status: 429, retryAfter: 7 }], [FEED, { kind: 'status', status: 429, retryAfter: 7 }]]],
  ['500', [[OPS, { kind: 'status', status: 500 }, 2], [FEED, { kind: 'status', status: 500 }]]],
  ['503 with Retry-After', [[OPS, { kind: 'status', status: 503, retryAfter: 30 }], [FEED, { kind: 'status', status: 503 }]]],
  ['hostile: malformed JSON', [[OPS, { kind: 'answer', status: 200, body: '{"results": [' }], [FEED, { kind: 'answer', status: 200, body: '{not json' }]]],
  ['hostile: huge body', [[FEED, { kind: 'answer', status: 200, body: Buffer.alloc(40 * 1024 * 1024, 0x20) }]]],
  ['hostile: answer outside the contract', [[OPS, { kind: 'answer', status: 200, body: '{"results":[{"opId":"x","status":200}]}' }]]],
];

describe('liên thông survives the fault matrix: 0 lost, 0 duplicated on both sides', () => {
  for (const [scenario, faults] of matrix) {
    it(scenario, async () => {
      const s = await setup();
      for (const [path, fault, times] of faults) s.proxy.inject(path, fault, times ?? 1);
      const passes = await workload(s);
      if (scenario.startsWith('401')) expect(s.proxy.seen.filter((r) => r.path === '/oauth/token').length).toBeGreaterThanOrEqual(3);
      await verify(s, scenario, passes);
      await s.proxy.close();
    });
  }

  it('429 and 503 set the next attempt no sooner than Retry-After, and the error reads in Vietnamese', async () => {
    const s = await setup();
    await s.office.core.call('tasks.create', { task: { content: 'Nhiệm vụ chờ', leadUnit: UNITS.khcn.code, deadline: { kind: 'date', date: '2026-12-31' } } });
    s.proxy.inject(OPS, { kind: 'status', status: 429, retryAfter: 120 });
    const before = Date.now();
    const r = await s.office.core.call('sync.run', {});
    expect(r.error?.vi).toMatch(/bận|lỗi/);
    const status = await s.office.core.call('sync.status', {});
    expect(Date.parse(status.nextAttemptAt!)).toBeGreaterThanOrEqual(before + 120_000);
    expect(status).toMatchObject({ pending: 1, lastError: { vi: expect.stringContaining('120 giây') } });
    expect(await s.office.core.call('sync.run', {})).toMatchObject({ pushed: 1, pending: 0, error: null });
    expect((await s.office.core.call('sync.status', {})).nextAttemptAt).toBeNull();
    await s.proxy.close();
  });

  it('a feed that goes backwards or names an unknown unit is refused whole; the sender keeps sending', async () => {
    const s = await setup();
    const passes = await workload(s);
    // An older page served again: the cursor went backwards.
    s.proxy.inject(FEED, { kind: 'stale-answer' });
    const back = await s.khcn.core.call('sync.run', {});
    expect(back.error?.vi).toContain('con trỏ đi lùi');
    // A change for a unit this laptop's directory lacks: nothing of its page applies.
    const [target] = await s.hub.query<{ id: string }>('SELECT id FROM assignments ORDER BY id LIMIT 1');
    await s.hub.query(
      `UPDATE assignments SET fields = jsonb_set(jsonb_set(fields, '{coordinatingUnits}', '["000.00.99.H41"]'), '{content}', '"Nội dung mới"'),
         coordinating_units = '{000.00.99.H41}', fields_version = fields_version + 1, version = version + 1, position = nextval('feed_position') WHERE id = $1`,
      [target!.id],
    );
    const before = rows(s.khcn.core, 'SELECT content FROM tasks WHERE id = ?', target!.id);
    await s.khcn.core.call('tasks.report', { id: (await s.hub.query<{ id: string }>("SELECT id FROM assignments WHERE state->>'status' = 'in_progress' ORDER BY id LIMIT 1"))[0]!.id, percent: 90, text: 'Gần xong.', documentIds: [] });
    const unknown = await s.khcn.core.call('sync.run', {});
    expect(unknown.error?.vi).toContain('000.00.99.H41');
    expect(unknown.pushed).toBe(1);
    expect(rows(s.khcn.core, 'SELECT content FROM tasks WHERE id = ?', target!.id)).toEqual(before);
    // What was sent is on the hub, once: the progress report of this pass included.
    const hubEvents = (await s.hub.query<{ id: string }>('SELECT id FROM assignment_events')).map((r) => r.id);
    const local = rows<{ id: string }>(s.khcn.core, `SELECT id FROM task_events WHERE kind IN ${TRAVELLING}`).map((r) => r.id);
    const lost = local.filter((id) => !hubEvents.includes(id)).length;
    const duplicated = hubEvents.length - new Set(hubEvents).size;
    expect({ lost, duplicated, events: hubEvents.length }).toEqual({ lost: 0, duplicated: 0, events: 7 });
    const [{ n: assignments }] = (await s.hub.query<{ n: number }>('SELECT count(*)::int AS n FROM assignments')) as [{ n: number }];
    table.push({ scenario: 'hostile: cursor backwards, unknown unit', passes, assignments, events: hubEvents.length, lost, duplicated, classifiedOnHub: 0 });
    await s.proxy.close();
  });

  it('the hub restarted mid-run', async () => {
    const s = await setup();
    const port = Number(new URL(s.hub.url).port);
    const passes = await workload(s, async (step) => {
      if (step !== 'khcn-push') return;
      await s.hub.close();
      const r = await s.khcn.core.call('sync.run', {});
      // The proxy (the province's gateway) answers 502 while the hub is down.
      expect(r.error?.vi).toContain('mã 502');
      const again = await world.hub({ databaseUrl: s.hub.databaseUrl, port });
      s.hub.query = again.query;
    });
    await verify(s, 'hub restarted mid-run', passes);
    await s.proxy.close();
  });

  it('offline for days (the clock moves five days on, the token has long expired)', async () => {
    const s = await setup({ tokenTtlSeconds: 3600 });
    const passes = await workload(s, async (step) => {
      if (step !== 'khcn-push') return;
      s.proxy.setDown(true);
      for (let i = 0; i < 3; i++) expect((await s.khcn.core.call('sync.run', {})).error).not.toBeNull();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 5 * 86_400_000);
      s.proxy.setDown(false);
    });
    vi.useRealTimers();
    expect(s.proxy.seen.filter((r) => r.path === '/oauth/token').length).toBeGreaterThanOrEqual(3);
    await verify(s, 'offline for days', passes);
    await s.proxy.close();
  });

  for (const [step, path] of [
    ['khcn-push', OPS],
    ['office-pull', FEED],
  ] as const) {
    it(`the laptop's process killed (SIGKILL) during a ${step.endsWith('push') ? 'push' : 'pull'}`, async () => {
      const s = await setup();
      const passes = await workload(s, async (at) => {
        if (at !== step) return;
        const laptop = step === 'khcn-push' ? s.khcn : s.office;
        await laptop.core.close();
        const child = spawn(process.execPath, [join(root, 'bin/nghisu.js'), '--data-dir', laptop.dir, 'sync', 'run', '--json'], { stdio: 'ignore' });
        const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
        // Killed while its request is at the hub: the hub commits, the laptop never hears.
        s.proxy.inject(path, { kind: 'delay', ms: 300 });
        s.proxy.onRequest((p) => {
          if (path.test(p)) setTimeout(() => child.kill('SIGKILL'), 100);
        });
        expect(await exited).toBe('SIGKILL');
        s.proxy.onRequest(null);
        laptop.core = await world.reopen(laptop.dir);
      });
      await verify(s, `SIGKILL during ${step.endsWith('push') ? 'push' : 'pull'}`, passes);
      await s.proxy.close();
    });
  }
});
