import type { DataArea, TaskBucket, TaskBucketFilter, TaskStatus } from '../../../../../shared/contract/index.ts';

/**
 * What a task screen re-reads when it changes elsewhere (another window, the CLI): the tasks, and
 * the units, people, meetings and minutes they name.
 */
export const TASK_AREAS: readonly DataArea[] = ['tasks', 'directory', 'meetings', 'minutes'];

/** The buckets in the order of the Government Office's reports, then the "due soon" warning. */
export const BUCKETS: readonly TaskBucket[] = ['done_on_time', 'done_late', 'open_on_time', 'open_late'];
export const BUCKET_FILTERS: readonly TaskBucketFilter[] = [...BUCKETS, 'due_soon'];

/** antd Tag colours: done on time green, done late gold, open on time blue, open late red, due soon orange. */
export const bucketTagColor: Record<TaskBucketFilter, string> = {
  done_on_time: 'green',
  done_late: 'gold',
  open_on_time: 'blue',
  open_late: 'red',
  due_soon: 'orange',
};

/** The same colours for charts (antd's palette, readable on light and dark backgrounds). */
export const bucketChartColor: Record<TaskBucketFilter, string> = {
  done_on_time: '#389e0d',
  done_late: '#d4a106',
  open_on_time: '#1e5aa8',
  open_late: '#cf1322',
  due_soon: '#fa8c16',
};

export const statusTagColor: Record<TaskStatus, string> = {
  assigned: 'default',
  in_progress: 'cyan',
  done_requested: 'purple',
  done: 'success',
  returned: 'magenta',
  paused: 'warning',
  cancelled: 'default',
};

export const TASK_STATUSES: readonly TaskStatus[] = ['assigned', 'in_progress', 'done_requested', 'done', 'returned', 'paused', 'cancelled'];

/** "2026-12-31" → "31/12/2026". */
export function dmy(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Dates the core wrote into a text ("2027-02-04: …") as the user reads them ("04/02/2027: …"). */
export function readableDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}/${m}/${y}`);
}

/** "2026-12-31" → "31/12" for chart axes. */
export function dm(date: string): string {
  const [, m, d] = date.split('-');
  return `${d}/${m}`;
}

/** A unit as one line: its name (its code, where it has one, is for the provincial system). */
export function unitName(unit: { name: string } | null | undefined): string {
  return unit?.name ?? '—';
}
