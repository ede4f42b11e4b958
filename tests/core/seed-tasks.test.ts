import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import type { TaskRow } from '../../shared/contract/index.ts';
import { createWorkingCalendar } from '../../shared/calendar/index.ts';
import { Database } from '../support/sqlite.ts';

/** The seed's "today": a Monday morning in Việt Nam, fixed so the mix does not move with the clock. */
const NOW = new Date('2026-06-15T09:00:00+07:00');
const TODAY = '2026-06-15';

let dir: string;
let core: Core;
let db: InstanceType<typeof Database>;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  // One seeded folder for all the tests below (tempDir would remove it after the first).
  dir = mkdtempSync(join(tmpdir(), 'nghisu-seed-tasks-'));
  core = await createCore({ dataDir: dir, logToFile: false });
  await core.call('seed.generate', { years: 1 });
  db = new Database(core.databaseFile, { readonly: true });
}, 180_000);

afterAll(async () => {
  db?.close();
  await core?.close();
  vi.useRealTimers();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('seed: a year of tasks', () => {
  it('makes about 3,000 tasks across about sixty units, in all four buckets in a plausible mix', async () => {
    const stats = await core.call('tasks.stats', { weeks: 0 });
    expect(stats.asOf).toBe(TODAY);
    const { totals } = stats;
    // 3,000 tasks, of which about 1% cancelled (in no bucket).
    expect(totals.total).toBeGreaterThan(2_900);
    expect(totals.total).toBeLessThanOrEqual(3_000);
    const share = (n: number) => n / totals.total;
    expect(share(totals.done_on_time)).toBeGreaterThan(0.55);
    expect(share(totals.done_on_time)).toBeLessThan(0.75);
    expect(share(totals.done_late)).toBeGreaterThan(0.07);
    expect(share(totals.done_late)).toBeLessThan(0.17);
    expect(share(totals.open_on_time)).toBeGreaterThan(0.08);
    expect(share(totals.open_on_time)).toBeLessThan(0.22);
    expect(share(totals.open_late)).toBeGreaterThan(0.04);
    expect(share(totals.open_late)).toBeLessThan(0.12);
    expect(totals.done_on_time + totals.done_late + totals.open_on_time + totals.open_late).toBe(totals.total);

    // Units with correct codes and names, most of them leading some tasks.
    expect(stats.units.length).toBeGreaterThanOrEqual(50);
    for (const u of stats.units) {
      expect(u.unit.code).toMatch(/^000\.\d{2}\.3[123]\.H41$/);
      expect(u.unit.name).not.toBe('');
    }
    expect(db.prepare('SELECT count(*) FROM organizations').pluck().get()).toBeGreaterThanOrEqual(55);

    const overdue = await core.call('tasks.list', { bucket: 'open_late', limit: 50 });
    expect(overdue.total).toBe(totals.open_late);
    expect(overdue.items.every((t) => t.bucket === 'open_late')).toBe(true);
  });

  it('gives every task a lead unit of the directory and coordinating units other than the lead', async () => {
    const rows: TaskRow[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await core.call('tasks.list', { limit: 500, offset });
      rows.push(...page.items);
      if (rows.length >= page.total) break;
    }
    expect(rows).toHaveLength(3_000);
    const units = new Set(db.prepare('SELECT id FROM organizations').pluck().all() as string[]);
    for (const t of rows) {
      expect(units.has(t.leadUnit.id)).toBe(true);
      expect(t.leadUnit.name).not.toBe('');
      expect(t.coordinatingUnits.length).toBeLessThanOrEqual(3);
      expect(t.coordinatingUnits.some((u) => u.id === t.leadUnit.id)).toBe(false);
    }
    // The same, straight from the tables, including coordinators the list could leave out.
    expect(db.prepare('SELECT count(*) FROM task_coordinators c JOIN tasks t ON t.id = c.task_id WHERE c.unit_id = t.lead_unit_id').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM task_coordinators WHERE unit_id NOT IN (SELECT id FROM organizations)').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const withCoordinators = db.prepare('SELECT count(DISTINCT task_id) FROM task_coordinators').pluck().get() as number;
    expect(withCoordinators).toBeGreaterThan(1_000);
  });

  it('takes most tasks from the seeded meetings, counts working-day deadlines in the working calendar, and keeps a history', () => {
    const fromMeetings = db.prepare('SELECT count(*) FROM tasks t JOIN meetings m ON m.id = t.meeting_id WHERE substr(m.starts_at, 1, 10) <= t.assigned_on').pluck().get() as number;
    expect(fromMeetings).toBeGreaterThan(1_800);
    expect(db.prepare("SELECT count(*) FROM tasks WHERE source_kind = 'document' AND document_id IN (SELECT id FROM documents)").pluck().get()).toBeGreaterThan(200);

    const calendar = createWorkingCalendar();
    const workingDays = db.prepare("SELECT assigned_on, working_days, original_deadline FROM tasks WHERE deadline_kind = 'working_days'").all() as Array<{
      assigned_on: string;
      working_days: number;
      original_deadline: string;
    }>;
    expect(workingDays.length).toBeGreaterThan(300);
    for (const t of workingDays) expect(t.original_deadline).toBe(calendar.addWorkingDays(t.assigned_on, t.working_days));
    expect(db.prepare("SELECT count(*) FROM tasks WHERE deadline_kind = 'ongoing'").pluck().get()).toBeGreaterThan(50);

    // Extensions of every kind: approved when asked in time, refused, and asked after the deadline.
    const ext = (where: string) => db.prepare(`SELECT count(*) FROM task_extensions WHERE ${where}`).pluck().get() as number;
    expect(ext("status = 'approved' AND requested_on <= from_date")).toBeGreaterThan(20);
    expect(ext("status = 'refused'")).toBeGreaterThan(20);
    expect(ext('requested_on > from_date')).toBeGreaterThan(20);
    expect(ext("status = 'pending'")).toBeGreaterThan(10);

    const events = db.prepare('SELECT count(*) FROM task_events').pluck().get() as number;
    expect(events).toBeGreaterThan(3 * 3_000);
    expect(db.prepare("SELECT count(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = t.id AND e.kind = 'created')").pluck().get()).toBe(0);
    // Nothing happened after the seed's now.
    expect(Date.parse(db.prepare('SELECT max(at) FROM task_events').pluck().get() as string)).toBeLessThanOrEqual(NOW.getTime());
    expect(Date.parse(db.prepare('SELECT max(completed_on) FROM tasks').pluck().get() as string)).toBeLessThanOrEqual(Date.parse(TODAY));
  });

  it('leaves older tasks mostly done and recent ones mostly open', () => {
    const openShare = (where: string) =>
      db
        .prepare(`SELECT avg(status NOT IN ('done', 'cancelled')) FROM tasks WHERE ${where}`)
        .pluck()
        .get() as number;
    expect(openShare("assigned_on < '2025-09-15'")).toBeLessThan(0.2);
    expect(openShare("assigned_on >= '2026-04-15'")).toBeGreaterThan(0.35);
  });
});
