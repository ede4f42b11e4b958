// The machine's clock zone must not matter: run as if the laptop were set to New York.
process.env.TZ = 'America/New_York';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskBucket, TaskDeadlineInput } from '../../shared/contract/index.ts';
import { meetingsWorld, type MeetingsWorld } from './meetings-fixture.ts';

/** Sets "now" to a Việt Nam wall-clock time. */
function at(local: string): void {
  vi.setSystemTime(new Date(`${local}+07:00`));
}

let w: MeetingsWorld;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-03-01T09:00:00');
  w = await meetingsWorld();
});
afterEach(async () => {
  await w.core.close();
  vi.useRealTimers();
});

async function task(deadline: TaskDeadlineInput = { kind: 'date', date: '2026-03-10' }, assignedOn = '2026-03-02') {
  return w.core.call('tasks.create', { task: { content: 'Báo cáo tiến độ giải ngân vốn đầu tư công', leadUnit: w.d.soTaiChinh, assignedOn, deadline } });
}

async function bucketOf(id: string, asOf: string): Promise<{ bucket: TaskBucket | null; dueSoon: boolean }> {
  const t = await w.core.call('tasks.get', { id, asOf });
  return { bucket: t.bucket, dueSoon: t.dueSoon };
}

type Step = (id: string) => Promise<unknown>;
const complete = (date: string, accept = true): Step => async (id) => {
  at(`${date}T10:00:00`);
  await w.core.call('tasks.complete', { id, date });
  if (accept) await w.core.call('tasks.accept', { id });
};
const extend = (on: string, to: string, approve = true): Step => async (id) => {
  at(`${on}T10:00:00`);
  const t = await w.core.call('tasks.requestExtension', { id, to, reason: 'Chờ ý kiến thẩm định của Bộ' });
  await w.core.call('tasks.decideExtension', { extensionId: t.extensions.at(-1)!.id, approve });
};

/**
 * Assigned 02/03/2026, due 10/03/2026 (a Tuesday). Each case: what happened, and the bucket as of
 * a date. The deadline day itself is still on time; the day after is late.
 */
const cases: Array<{ name: string; steps: Step[]; asOf: string; bucket: TaskBucket | null; dueSoon?: boolean; deadline?: TaskDeadlineInput }> = [
  { name: 'done before the deadline', steps: [complete('2026-03-05')], asOf: '2026-03-20', bucket: 'done_on_time' },
  { name: 'done on the deadline', steps: [complete('2026-03-10')], asOf: '2026-03-20', bucket: 'done_on_time' },
  { name: 'done after the deadline', steps: [complete('2026-03-12')], asOf: '2026-03-20', bucket: 'done_late' },
  { name: 'done later than the as-of date counts as open then', steps: [complete('2026-03-12')], asOf: '2026-03-09', bucket: 'open_on_time' },
  { name: 'open on the deadline day', steps: [], asOf: '2026-03-10', bucket: 'open_on_time' },
  { name: 'open the day after the deadline', steps: [], asOf: '2026-03-11', bucket: 'open_late' },
  { name: 'open, deadline in 2 working days: due soon', steps: [], asOf: '2026-03-06', bucket: 'open_on_time', dueSoon: true },
  { name: 'open, deadline in 4 working days: not yet due soon', steps: [], asOf: '2026-03-04', bucket: 'open_on_time', dueSoon: false },
  { name: 'reported done in time, not yet accepted', steps: [complete('2026-03-09', false)], asOf: '2026-03-20', bucket: 'open_on_time' },
  { name: 'reported done late, not yet accepted', steps: [complete('2026-03-12', false)], asOf: '2026-03-20', bucket: 'open_late' },
  { name: 'extension asked before the deadline and approved, done before the new date', steps: [extend('2026-03-09', '2026-03-20'), complete('2026-03-18')], asOf: '2026-03-25', bucket: 'done_on_time' },
  { name: 'extension asked before the deadline and approved, still open after the old date', steps: [extend('2026-03-09', '2026-03-20')], asOf: '2026-03-15', bucket: 'open_on_time' },
  { name: 'extension asked after the deadline: the first date still judges', steps: [extend('2026-03-12', '2026-03-20'), complete('2026-03-18')], asOf: '2026-03-25', bucket: 'done_late' },
  { name: 'extension refused', steps: [extend('2026-03-09', '2026-03-20', false)], asOf: '2026-03-15', bucket: 'open_late' },
  { name: 'cancelled', steps: [async (id) => w.core.call('tasks.cancel', { id, reason: 'Không còn phù hợp' })], asOf: '2026-03-20', bucket: null },
  { name: 'not yet assigned on the as-of date', steps: [], asOf: '2026-03-01', bucket: null },
  { name: 'ongoing, open', steps: [], asOf: '2026-12-01', bucket: 'open_on_time', deadline: { kind: 'ongoing', review: 'month' } },
  { name: 'ongoing, done', steps: [complete('2026-04-01')], asOf: '2026-12-01', bucket: 'done_on_time', deadline: { kind: 'ongoing', review: 'month' } },
];

describe('timeliness buckets', () => {
  it.each(cases)('$name → $bucket', async ({ steps, asOf, bucket, dueSoon, deadline }) => {
    const t = await task(deadline);
    for (const step of steps) await step(t.id);
    const got = await bucketOf(t.id, asOf);
    expect(got.bucket).toBe(bucket);
    if (dueSoon !== undefined) expect(got.dueSoon).toBe(dueSoon);
    // The list and the counts read the same judgement as the task's page.
    for (const b of ['done_on_time', 'done_late', 'open_on_time', 'open_late'] as const) {
      const list = await w.core.call('tasks.list', { asOf, bucket: b });
      expect(list.items.some((i) => i.id === t.id), b).toBe(b === bucket);
    }
    const stats = await w.core.call('tasks.stats', { asOf, weeks: 0 });
    expect(stats.totals.total).toBe(bucket === null ? 0 : 1);
    if (bucket) expect(stats.totals[bucket]).toBe(1);
  });

  it('"today" is the day in Việt Nam: 00:30 on 11/03 there is still 10/03 in New York, and the task is already late', async () => {
    const t = await task();
    at('2026-03-11T00:30:00');
    expect(new Date().getDate()).toBe(10); // the machine's own zone says 10/03
    const alerts = await w.core.call('tasks.alerts', {});
    expect(alerts).toMatchObject({ asOf: '2026-03-11', overdue: 1 });
    expect((await w.core.call('tasks.get', { id: t.id })).bucket).toBe('open_late');
    at('2026-03-10T23:59:00');
    expect((await w.core.call('tasks.alerts', {})).overdue).toBe(0);
  });

  it('a deadline in working days steps over Tết 2026: 10 working days from 12/02/2026 is 05/03/2026', async () => {
    const t = await task({ kind: 'working_days', days: 10 }, '2026-02-12');
    expect(t.dueDate).toBe('2026-03-05');
    expect(t.originalDeadline).toBe('2026-03-05');
    // The administrator declares 03/03 a day off: the same rule now lands a day later for new tasks.
    await w.core.call('calendar.setDays', { days: [{ date: '2026-03-03', kind: 'off', note: 'Nghỉ theo quyết định của UBND tỉnh' }] });
    expect((await task({ kind: 'working_days', days: 10 }, '2026-02-12')).dueDate).toBe('2026-03-06');
    expect(t.dueDate).toBe('2026-03-05');
  });
});
