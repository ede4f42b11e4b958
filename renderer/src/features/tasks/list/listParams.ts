import { taskBucketFilter, taskStatus, type TaskBucketFilter, type TaskStatus } from '../../../../../shared/contract/index.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';

/** What the tasks screen shows, kept in the address so Back, a reload and a link return to the same list. */
export interface TasksParams {
  unitId: string | null;
  bucket: TaskBucketFilter | null;
  status: TaskStatus | null;
  meetingId: string | null;
  tag: string | null;
  query: string;
  /** The day the buckets are judged on (YYYY-MM-DD, Việt Nam); today unless chosen. */
  asOf: string;
  page: number;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function readParams(search: URLSearchParams): TasksParams {
  const bucket = taskBucketFilter.safeParse(search.get('bucket'));
  const status = taskStatus.safeParse(search.get('status'));
  const asOf = search.get('asOf');
  return {
    unitId: search.get('unit'),
    bucket: bucket.success ? bucket.data : null,
    status: status.success ? status.data : null,
    meetingId: search.get('meeting'),
    tag: search.get('tag'),
    query: search.get('q') ?? '',
    asOf: asOf && dayPattern.test(asOf) ? asOf : todayKey(),
    page: Math.max(1, Number(search.get('page')) || 1),
  };
}

export function writeParams(p: TasksParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.unitId) out.set('unit', p.unitId);
  if (p.bucket) out.set('bucket', p.bucket);
  if (p.status) out.set('status', p.status);
  if (p.meetingId) out.set('meeting', p.meetingId);
  if (p.tag) out.set('tag', p.tag);
  if (p.query) out.set('q', p.query);
  if (p.asOf !== todayKey()) out.set('asOf', p.asOf);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

/** Filters that narrow the list (the as-of day does not: it only moves the buckets). */
export function hasFilters(p: TasksParams): boolean {
  return p.unitId !== null || p.bucket !== null || p.status !== null || p.meetingId !== null || p.tag !== null || p.query !== '';
}

/** The address of the list behind a filter, e.g. the tasks of one meeting. */
export function tasksHref(patch: Partial<TasksParams>): string {
  const query = writeParams({ unitId: null, bucket: null, status: null, meetingId: null, tag: null, query: '', asOf: todayKey(), page: 1, ...patch }).toString();
  return query ? `/tasks?${query}` : '/tasks';
}
