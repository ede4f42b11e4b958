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
 */
import { recentPeriods } from '../../shared/reports/periods.ts';
import { dayKey } from '../../shared/vn-time.ts';
import type { Core } from '../../electron/core/index.ts';
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
