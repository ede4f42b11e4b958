/**
 * The four buckets of the Government Office's task-tracking reports, derived as of a date and never
 * stored: the list, a task's page, the counts and the trend all read this one SQL expression over
 * the `tasks` table aliased `t`, with `@asOf` bound.
 *
 * - Cancelled tasks, and tasks assigned after the date, are in no bucket.
 * - Done (accepted) by the date: on time when completed on or before the date it is judged by.
 * - Otherwise open: on time until the day after the date it is judged by; a completion the unit
 *   reported in time and the standing office has not yet accepted stays on time.
 * - Ongoing tasks (thường xuyên) have no date to be late against.
 *
 * All dates are `YYYY-MM-DD` in Việt Nam, so comparing strings is comparing days, whatever the
 * machine's clock zone. The judgement uses the task's current state: a task accepted later than the
 * as-of date counts as open on it, but a status change (cancel, pause) is not replayed backwards.
 */
/** Accepted as done by the as-of date: most of a province's tasks, counted apart by the dashboard. */
export const DONE_BY_AS_OF_SQL = `(t.status = 'done' AND t.completed_on <= @asOf)`;

/** Of those, the bucket. */
export const DONE_BUCKET_SQL = `CASE WHEN t.judged_by IS NULL OR t.completed_on <= t.judged_by THEN 'done_on_time' ELSE 'done_late' END`;

export const BUCKET_SQL = `
  CASE
    WHEN t.status = 'cancelled' OR t.assigned_on > @asOf THEN NULL
    WHEN ${DONE_BY_AS_OF_SQL} THEN ${DONE_BUCKET_SQL}
    WHEN t.judged_by IS NULL OR t.judged_by >= @asOf THEN 'open_on_time'
    WHEN t.status = 'done_requested' AND t.completed_on <= t.judged_by THEN 'open_on_time'
    ELSE 'open_late'
  END`;

/**
 * Sắp đến hạn: open, on time, and the deadline in force falls within the configured working days
 * (`@soonLimit` is the as-of date plus that many working days). Needs `bucket` computed alongside.
 */
export const DUE_SOON_SQL = `(bucket = 'open_on_time' AND t.status <> 'done_requested' AND t.due_date IS NOT NULL AND t.due_date <= @soonLimit)`;

/** Overdue first, then what falls due soonest; finished work last. */
export const BUCKET_ORDER_SQL = `
  CASE bucket WHEN 'open_late' THEN 0 WHEN 'open_on_time' THEN 1 WHEN 'done_late' THEN 2 WHEN 'done_on_time' THEN 3 ELSE 4 END,
  CASE WHEN bucket IN ('open_late', 'open_on_time') THEN coalesce(t.due_date, '9999-12-31') END,
  t.created_at DESC`;
