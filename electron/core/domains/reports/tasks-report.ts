import type { TasksReport, TasksReportInput } from '../../../../shared/contract/index.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import { taskFilter, type TaskReader } from '../tasks/task-reader.ts';
import type { TaskStatsService } from '../tasks/task-stats.ts';
import type { UnitRefs } from '../tasks/unit-refs.ts';
import { createOverdueTasks } from './overdue-tasks.ts';
import { createReportIssuer } from './report-issuer.ts';
import { reportWindow } from './report-period.ts';

export interface TasksReportDeps {
  reader: TaskReader;
  stats: Pick<TaskStatsService, 'byUnit'>;
  units: UnitRefs;
}

/**
 * The periodic report on tasks (Nghị định 09/2019, Điều 12): the buckets as of the report's date
 * for every task assigned by then, per lead unit, what was assigned and completed within the data
 * window, and the overdue tasks with why. It reads the same bucket expression as the dashboard, so
 * the report and the screen never disagree on a figure.
 *
 * As of a past date it counts what the rows say about that date: a task assigned later is left
 * out, one completed later (by the date the unit reported it done) counts as still open then, and
 * progress and reasons come from the history written by then. A status change itself (cancelled,
 * paused) and a deadline moved by an extension approved later are not replayed backwards: a task
 * cancelled after the date is left out, and a task judged by a later-approved extension date is
 * judged by it (see tasks/timeliness.ts).
 */
export function createTasksReport(ctx: ServiceContext, deps: TasksReportDeps) {
  const issuer = createReportIssuer(ctx.db);
  const overdue = createOverdueTasks(deps);

  function inPeriod(filter: { committeeId?: string }, from: string, asOf: string): { assigned: number; completed: number } {
    const f = taskFilter(filter);
    const and = f.where.map((w) => ` AND ${w}`).join('');
    // One pass over the narrow timeliness index: both counts read only its columns.
    const sql = `SELECT coalesce(sum(t.assigned_on >= @from), 0) AS assigned,
        coalesce(sum(t.status = 'done' AND t.completed_on >= @from AND t.completed_on <= @asOf), 0) AS completed
      FROM tasks t WHERE t.status <> 'cancelled' AND t.assigned_on <= @asOf${and}`;
    return deps.reader.prepared(sql).get({ ...f.params, from, asOf }) as { assigned: number; completed: number };
  }

  return function build(input: TasksReportInput): TasksReport {
    const committee = input.committeeId ? issuer.committee(input.committeeId) : null;
    // "Today" is the day in Việt Nam, whatever the machine's clock zone.
    const { period, asOf, partial } = reportWindow(input.kind, input.asOf, dayKey(ctx.now()), ctx.setting('reports.cutoffDay'));
    const filter = committee ? { committeeId: committee.id } : {};
    const { totals, units } = deps.stats.byUnit(filter, asOf);
    const counts = inPeriod(filter, period.from, asOf);
    return {
      period,
      asOf,
      partial,
      committee,
      issuer: issuer.issuer(committee),
      totals,
      assignedInPeriod: counts.assigned,
      completedInPeriod: counts.completed,
      units,
      overdue: overdue(filter, asOf),
      empty: totals.total === 0,
    };
  };
}

export type BuildTasksReport = ReturnType<typeof createTasksReport>;
