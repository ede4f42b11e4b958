import type { BucketCounts, TaskAlerts, TaskBucket, TaskStats } from '../../../../shared/contract/index.ts';
import type { TasksInput } from './input-types.ts';
import { addDaysKey } from '../../../../shared/vn-time.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import { taskFilter, type TaskReader } from './task-reader.ts';
import { BUCKET_SQL, DONE_BUCKET_SQL, DONE_BY_AS_OF_SQL, DUE_SOON_SQL } from './timeliness.ts';
import type { UnitRefs } from './unit-refs.ts';

const BUCKETS: readonly TaskBucket[] = ['done_on_time', 'done_late', 'open_on_time', 'open_late'];

function zero(): BucketCounts {
  return { done_on_time: 0, done_late: 0, open_on_time: 0, open_late: 0, due_soon: 0, total: 0 };
}

interface CountRow {
  key: string;
  bucket: TaskBucket;
  n: number;
  soon: number;
}

/** What the counts may be narrowed to (see taskFilter). */
export interface CountFilter {
  unitId?: string;
  meetingId?: string;
  committeeId?: string;
  tag?: string;
}

/** Adds one grouped row into a counts record (a cancelled task has no bucket and is not counted). */
function add(into: BucketCounts, row: CountRow): void {
  into[row.bucket] += row.n;
  into.due_soon += row.soon;
  into.total += row.n;
}

/**
 * The dashboards' numbers: unit × bucket as of a date in one pass over the tasks, and the weekly
 * trend by evaluating the same buckets as of each week's end.
 */
export function createTaskStats(db: SqliteDatabase, deps: { reader: TaskReader; units: UnitRefs; soonLimit: (asOf: string) => string }) {
  const pendingExtensions = db.prepare("SELECT count(DISTINCT e.task_id) FROM task_extensions e JOIN tasks t ON t.id = e.task_id WHERE e.status = 'pending' AND t.status NOT IN ('cancelled', 'done')").pluck();

  /**
   * Counts by bucket (and unit) in two passes: the tasks done by the date, whose bucket needs one
   * comparison, straight from the covering index; then the rest through the full bucket expression,
   * computed once per row (the subquery is kept from being flattened, which would repeat it).
   */
  function grouped(filterInput: CountFilter, groupBy: 'unit' | 'none', asOf: string): CountRow[] {
    const filter = taskFilter(filterInput);
    const key = groupBy === 'unit' ? 't.lead_unit_id' : "''";
    const and = filter.where.map((w) => ` AND ${w}`).join('');
    const done = `SELECT ${key} AS key, ${DONE_BUCKET_SQL} AS bucket, count(*) AS n, 0 AS soon
      FROM tasks t WHERE ${DONE_BY_AS_OF_SQL} AND t.assigned_on <= @asOf${and} GROUP BY 1, 2`;
    const rest = `SELECT key, bucket, count(*) AS n, sum(${DUE_SOON_SQL}) AS soon
      FROM (SELECT ${key} AS key, t.status AS status, t.due_date AS due_date, ${BUCKET_SQL} AS bucket
              FROM tasks t WHERE NOT ${DONE_BY_AS_OF_SQL} AND t.status <> 'cancelled'${and} LIMIT -1) t
      WHERE bucket IS NOT NULL GROUP BY 1, 2`;
    const params = { ...filter.params, asOf, soonLimit: deps.soonLimit(asOf) };
    return [...(deps.reader.prepared(done).all(params) as CountRow[]), ...(deps.reader.prepared(rest).all(params) as CountRow[])];
  }

  /**
   * Totals and one row per lead unit as of a date, the units with the most overdue work first: the
   * dashboard's table, and the periodic report's (a committee's tasks alone when it names one).
   */
  function byUnit(filter: CountFilter, asOf: string): Pick<TaskStats, 'totals' | 'units'> {
    const counts = new Map<string, BucketCounts>();
    const totals = zero();
    for (const row of grouped(filter, 'unit', asOf)) {
      if (!counts.has(row.key)) counts.set(row.key, zero());
      add(counts.get(row.key)!, row);
      add(totals, row);
    }
    const unitInfo = new Map(deps.units.many([...counts.keys()]).map((u) => [u.id, u]));
    const units = [...counts.entries()]
      .map(([id, c]) => ({ unit: unitInfo.get(id) ?? { id, code: null, name: '' }, ...c }))
      .sort((a, b) => b.open_late - a.open_late || b.open_on_time + b.open_late - (a.open_on_time + a.open_late) || a.unit.name.localeCompare(b.unit.name, 'vi'));
    return { totals, units };
  }

  function stats(input: TasksInput<'tasks.stats'> & { asOf: string; dueSoonDays: number }): TaskStats {
    const filter = { unitId: input.unitId, meetingId: input.meetingId, tag: input.tag };
    const { totals, units } = byUnit(filter, input.asOf);
    const weeks: TaskStats['weeks'] = [];
    for (let w = input.weeks - 1; w >= 0; w--) {
      const day = addDaysKey(input.asOf, -7 * w);
      const counts = zero();
      for (const row of grouped(filter, 'none', day)) add(counts, row);
      weeks.push({ asOf: day, ...counts });
    }
    return { asOf: input.asOf, dueSoonDays: input.dueSoonDays, totals, units, weeks };
  }

  function alerts(asOf: string): TaskAlerts {
    const counts = zero();
    for (const row of grouped({}, 'none', asOf)) add(counts, row);
    const completionsPending = deps.reader.prepared("SELECT count(*) FROM tasks WHERE status = 'done_requested'").pluck().get() as number;
    return { asOf, overdue: counts.open_late, dueSoon: counts.due_soon, extensionsPending: pendingExtensions.get() as number, completionsPending };
  }

  return { stats, alerts, byUnit, buckets: BUCKETS };
}

export type TaskStatsService = ReturnType<typeof createTaskStats>;
