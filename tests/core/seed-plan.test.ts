import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { Database } from '../support/sqlite.ts';

/** The seed's "today": a Monday morning in Việt Nam, fixed so the values do not move with the clock. */
const NOW = new Date('2026-06-15T09:00:00+07:00');

let dir: string;
let core: Core;
let db: InstanceType<typeof Database>;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  dir = mkdtempSync(join(tmpdir(), 'nghisu-seed-plan-'));
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

describe('seed: the main committee’s action plan', () => {
  it('is one plan over the seeded years, three areas, about fifteen targets owned by seeded units', async () => {
    const plans = await core.call('plans.list', {});
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    const firstCommittee = db.prepare('SELECT id, name FROM committees ORDER BY rowid LIMIT 1').get() as { id: string; name: string };
    expect(plan).toMatchObject({ yearFrom: 2025, yearTo: 2026, committee: firstCommittee, thresholds: { nearPercent: 80, metPercent: 100 } });
    expect(plan!.targets).toBeGreaterThanOrEqual(14);
    expect(plan!.targets).toBeLessThanOrEqual(20);
    expect(plan!.reported).toBe(plan!.targets);

    const detail = await core.call('plans.get', { planId: plan!.id });
    expect(detail.groups.filter((g) => g.parentId === null).map((g) => g.title)).toEqual([
      'Các chỉ tiêu kinh tế',
      'Các chỉ tiêu văn hóa – xã hội',
      'Các chỉ tiêu môi trường, quốc phòng – an ninh',
    ]);
    const names = detail.targets.map((t) => t.name);
    for (const name of ['Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)', 'Thu ngân sách nhà nước trên địa bàn', 'Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)', 'Tỷ lệ che phủ rừng', 'Số doanh nghiệp thành lập mới']) {
      expect(names).toContain(name);
    }
    expect(detail.targets.find((t) => t.name.startsWith('Tỷ lệ hộ nghèo'))!).toMatchObject({ direction: 'lower', measure: '%', ownerUnit: { name: 'Sở Lao động - Thương binh và Xã hội tỉnh Lào Cai' } });
    expect(detail.targets.find((t) => t.name === 'Thu ngân sách nhà nước trên địa bàn')!).toMatchObject({ measure: 'tỷ đồng', ownerUnit: { name: 'Sở Tài chính tỉnh Lào Cai' } });
    for (const t of detail.targets) {
      expect(t.ownerUnit, t.name).not.toBeNull();
      expect(t.groupId, t.name).not.toBeNull();
      // Yearly goals for both seeded years; quarterly ones for all but the year-only target.
      expect(Object.keys(t.goals), t.name).toEqual(expect.arrayContaining(['2025', '2026']));
    }
    expect(detail.targets.filter((t) => t.goals['2026-Q1'] !== undefined).length).toBe(detail.targets.length - 1);
  });

  it('has quarterly values for the quarters gone by, not for the ones to come, some met, some near, some missed', async () => {
    const [plan] = await core.call('plans.list', {});
    const detail = await core.call('plans.get', { planId: plan!.id });
    for (const t of detail.targets) {
      for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025', '2026-Q1']) expect(t.actuals[q], `${t.name} ${q}`).toBeDefined();
      expect(t.actuals['2026-Q3']).toBeUndefined();
      for (const a of Object.values(t.actuals)) expect(a.reportedAt < NOW.toISOString()).toBe(true);
    }
    const totals = { met: 0, near: 0, missed: 0, none: 0 };
    for (const period of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']) {
      const r = await core.call('reports.targets', { planId: plan!.id, period });
      expect(r).toMatchObject({ partial: false, empty: false });
      expect(r.counts.none, period).toBe(0);
      for (const k of ['met', 'near', 'missed'] as const) totals[k] += r.counts[k];
    }
    expect(totals.met).toBeGreaterThan(totals.near);
    expect(totals.near).toBeGreaterThan(0);
    expect(totals.missed).toBeGreaterThan(0);
    // Units explain some shortfalls in the note beside their value.
    const notes = db.prepare('SELECT count(*) FROM target_actuals WHERE note IS NOT NULL').pluck().get() as number;
    expect(notes).toBeGreaterThan(0);
  });
});
