/**
 * Tasks figures, on the bench's seeded ten years (30,000 tasks across about sixty units):
 *   tasks.stats.p95_ms           unit × bucket counts over all tasks as of today, no trend (the dashboard)
 *   tasks.list_overdue.p95_ms    the first 50 overdue tasks (open_late) and their total (the list's default tab)
 *   calendar.add_days.p95_us     one deadline of 60 working days from a varied date, in µs: timed in
 *                                batches of 1,000 calls, because one call is below the timer's resolution
 */
import { createWorkingCalendar, isoOf } from '../../shared/calendar/index.ts';
import type { Core } from '../../electron/core/index.ts';
import type { Random } from '../../electron/core/seed/random.ts';
import { p95, percentile, type Figure } from './stats.ts';

type Add = (name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']) => void;

const RUNS = 200;
const BATCH = 1_000;
const BATCHES = 200;

export async function measureTasks(core: Core, r: Random, add: Add, log: (text: string) => void): Promise<void> {
  const stats = await core.call('tasks.stats', { weeks: 0 });
  const t = stats.totals;
  log(
    `  nhiệm vụ: ${t.total} (${stats.units.length} đơn vị) — đúng hạn ${t.done_on_time}, trễ hạn ${t.done_late}, đang làm trong hạn ${t.open_on_time}, quá hạn ${t.open_late}`,
  );
  add('tasks.stats.p95_ms', await p95(Array.from({ length: RUNS }, () => ({ weeks: 0 })), (input) => core.call('tasks.stats', input)), 'ms', 30, 'max');
  add(
    'tasks.list_overdue.p95_ms',
    await p95(Array.from({ length: RUNS }, () => ({ bucket: 'open_late', limit: 50 })), (input) => core.call('tasks.list', input)),
    'ms',
    20,
    'max',
  );

  // An administrator's calendar: the built-in holidays plus a year's decisions (a Saturday worked, a bridge day off).
  const calendar = createWorkingCalendar([
    { date: '2025-04-26', kind: 'work', note: 'Làm bù ngày 02/5' },
    { date: '2025-05-02', kind: 'off', note: 'Nghỉ bù' },
    { date: '2026-01-02', kind: 'off', note: 'Nghỉ Tết Dương lịch' },
  ]);
  // Dates over the ten years of the dataset and the next one (2016–2027).
  const from = Date.UTC(2016, 0, 1) / 86_400_000;
  const dates = Array.from({ length: BATCH }, () => isoOf(from + r.int(0, 12 * 365)));
  let sink = 0;
  const batch = () => {
    for (const d of dates) sink += calendar.addWorkingDays(d, 60).length;
  };
  batch(); // builds each year's day flags once, as the core's calendar does at its first deadline
  const samples: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    const started = performance.now();
    batch();
    samples.push(((performance.now() - started) * 1000) / BATCH);
  }
  if (sink === 0) log('  ! lịch làm việc không trả ngày nào');
  add('calendar.add_days.p95_us', percentile(samples, 95), 'µs', 50, 'max');
}
