/**
 * Report figures of issue 16, on the bench's seeded ten years (30,000 tasks across about sixty units),
 * each the median of 5 runs after a warm-up, on the last month whose window has ended (as of its
 * cut-off, so every figure is reconstructed for a past date):
 *   report.as_of_reconstruct_ms  the report's preview (reports.tasks): buckets per unit, what was
 *                                assigned and completed in the window, the overdue list with the
 *                                progress and reasons written by the cut-off
 *   report.tasks_month_docx_ms   that report as DOCX (Nghị định 30 layout), written to the exports folder
 *   report.tasks_month_xlsx_ms   its XLSX (two sheets, formulas)
 *   report.stats_anchor_ms       the anchor: the dashboard's unit × bucket counts (tasks.stats) as of
 *                                the same day, the part of the preview the dashboard already pays for
 * and of the targets report, on a ten-year plan of about 500 targets (the seed's sixteen chỉ tiêu
 * of the province, assigned again to 31 districts and departments), for the last quarter ended:
 *   report.targets_quarter_docx_ms  the targets report as DOCX (every target in the table)
 *   report.targets_quarter_xlsx_ms  its XLSX (a ratio formula per target, COUNTIFs)
 */
import { recentPeriods } from '../../shared/reports/periods.ts';
import { dayKey } from '../../shared/vn-time.ts';
import type { Core } from '../../electron/core/index.ts';
import { generatePlan, planYears } from '../../electron/core/seed/generate-plan.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { percentile, type Figure } from './stats.ts';

type Add = (name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']) => void;

const RUNS = 5;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return percentile(samples, 50);
}

export async function measureReports(core: Core, add: Add, log: (text: string) => void): Promise<void> {
  const cutoffDay = (await core.call('settings.getAll', {}))['reports.cutoffDay'];
  // The seed's "today" is the clock's: the month before the running one has ended.
  const [, month] = recentPeriods('month', dayKey(new Date()), 2, cutoffDay);
  const input = { kind: 'month' as const, asOf: month!.to };
  const report = await core.call('reports.tasks', input);
  log(
    `  báo cáo ${report.period.label.vi} (đến ${report.asOf}): ${report.totals.total} nhiệm vụ, ${report.units.length} đơn vị, giao trong kỳ ${report.assignedInPeriod}, hoàn thành trong kỳ ${report.completedInPeriod}, quá hạn ${report.overdue.length}`,
  );
  add('report.as_of_reconstruct_ms', await median(() => core.call('reports.tasks', input)), 'ms', 500, 'max');
  add('report.stats_anchor_ms', await median(() => core.call('tasks.stats', { asOf: input.asOf, weeks: 0 })), 'ms', null, 'info');
  add('report.tasks_month_docx_ms', await median(() => core.call('reports.tasksExport', { ...input, format: 'docx' })), 'ms', 2000, 'max');
  add('report.tasks_month_xlsx_ms', await median(() => core.call('reports.tasksExport', { ...input, format: 'xlsx' })), 'ms', 2000, 'max');
}

/** The bench's big plan: ten years, about 500 targets, written beside the seeded data (the core stays open). */
async function benchPlan(core: Core, log: (text: string) => void): Promise<string> {
  const { Database } = await import('../../tests/support/sqlite.ts');
  const db = new Database(core.databaseFile);
  try {
    const units = db.prepare('SELECT id, name FROM organizations WHERE parent_id IS NOT NULL ORDER BY organ_code').all() as Array<{ id: string; name: string }>;
    const localities = units.filter((u) => u.name.startsWith('Ủy ban nhân dân'));
    const copies = [...localities, ...units.filter((u) => !u.name.startsWith('Ủy ban nhân dân'))].slice(0, 31);
    const reporters = db.prepare('SELECT id FROM people ORDER BY id LIMIT 200').pluck().all() as string[];
    const committee = db.prepare('SELECT id FROM committees ORDER BY rowid LIMIT 1').pluck().get() as string | undefined;
    const t = performance.now();
    const counts = generatePlan({
      db,
      r: createRandom(16),
      committeeId: committee ?? null,
      title: 'Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh (giao chỉ tiêu đến từng đơn vị)',
      code: '16/CTr-BCĐ',
      ...planYears(10, new Date()),
      until: new Date(),
      units,
      reporters,
      copies,
    });
    log(`  kế hoạch chỉ tiêu: ${counts.targets} chỉ tiêu, ${counts.goals} kế hoạch kỳ, ${counts.actuals} số liệu báo cáo (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    return counts.planId;
  } finally {
    db.close();
  }
}

/** The quarter before the running one (in Việt Nam): its values are all in. */
function lastQuarter(today: string): string {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

export async function measureTargetsReport(core: Core, add: Add, log: (text: string) => void): Promise<void> {
  const planId = await benchPlan(core, log);
  const input = { planId, period: lastQuarter(dayKey(new Date())) };
  const report = await core.call('reports.targets', input);
  const c = report.counts;
  log(
    `  báo cáo chỉ tiêu ${report.periodLabel} (đến ${report.asOf}): ${c.met + c.near + c.missed + c.none} chỉ tiêu, đạt ${c.met}, gần đạt ${c.near}, không đạt ${c.missed}, chưa có số liệu ${c.none}`,
  );
  add('report.targets_quarter_docx_ms', await median(() => core.call('reports.targetsExport', { ...input, format: 'docx' })), 'ms', 2000, 'max');
  add('report.targets_quarter_xlsx_ms', await median(() => core.call('reports.targetsExport', { ...input, format: 'xlsx' })), 'ms', 2000, 'max');
}
