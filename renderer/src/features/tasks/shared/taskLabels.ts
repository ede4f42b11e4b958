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

/** The fields of a task as an "edited" event names them, in the order of the form. */
export const EDITED_FIELDS = [
  'content',
  'expectedResult',
  'leadUnit',
  'coordinatingUnits',
  'personInCharge',
  'supervisor',
  'deadline',
  'urgency',
  'classification',
  'tags',
] as const;
export type EditedField = (typeof EDITED_FIELDS)[number];

/** The core's column names → the field the user knows; null for what is never shown (the search key). */
const FIELD_OF_COLUMN = new Map<string, EditedField | null>(
  Object.entries({
    content: 'content',
    expected_result: 'expectedResult',
    lead_unit_id: 'leadUnit',
    coordinating_units: 'coordinatingUnits',
    person_in_charge: 'personInCharge',
    supervisor_id: 'supervisor',
    deadline_kind: 'deadline',
    working_days: 'deadline',
    review: 'deadline',
    original_deadline: 'deadline',
    due_date: 'deadline',
    judged_by: 'deadline',
    urgency: 'urgency',
    classification: 'classification',
    tags: 'tags',
    search_key: null,
  } satisfies Record<string, EditedField | null>),
);

/**
 * What an "edited" event's text ("content, search_key, lead_unit_id") says was changed: the known
 * fields once each and in the form's order, then any column this screen does not know, as written.
 */
export function editedFields(text: string): Array<{ field: EditedField } | { column: string }> {
  const columns = text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const known = new Set<EditedField>();
  const unknown: string[] = [];
  for (const column of columns) {
    const field = FIELD_OF_COLUMN.get(column);
    if (field) known.add(field);
    else if (field === undefined && !unknown.includes(column)) unknown.push(column);
  }
  return [...EDITED_FIELDS.filter((f) => known.has(f)).map((field) => ({ field })), ...unknown.map((column) => ({ column }))];
}
