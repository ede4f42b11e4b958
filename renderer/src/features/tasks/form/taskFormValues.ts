import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Classification, FieldIssue, TaskChangesInput, TaskDetail, TaskFieldsInput, TaskSourceInput, Urgency } from '../../../../../shared/contract/index.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';

export type DeadlineKind = 'date' | 'working_days' | 'ongoing';
export type ReviewPeriod = 'week' | 'month' | 'quarter' | 'year';

export interface TaskFormValues {
  /** The văn bản chỉ đạo of the store the task is given from; null for a task given directly. */
  documentId: string | null;
  content: string;
  expectedResult: string;
  leadUnit: string | null;
  coordinatingUnits: string[];
  personInCharge: string;
  supervisorId: string | null;
  assignedOn: Dayjs;
  deadlineKind: DeadlineKind;
  deadlineDate: Dayjs | null;
  workingDays: number | null;
  review: ReviewPeriod;
  urgency: Urgency;
  classification: Classification;
  tags: string[];
}

export const URGENCIES: readonly Urgency[] = ['normal', 'urgent', 'very_urgent', 'flash'];
export const CLASSIFICATIONS: readonly Classification[] = ['normal', 'confidential', 'secret', 'top_secret'];
export const REVIEW_PERIODS: readonly ReviewPeriod[] = ['week', 'month', 'quarter', 'year'];

export function emptyValues(): TaskFormValues {
  return {
    documentId: null,
    content: '',
    expectedResult: '',
    leadUnit: null,
    coordinatingUnits: [],
    personInCharge: '',
    supervisorId: null,
    assignedOn: dayjs(todayKey()),
    deadlineKind: 'date',
    deadlineDate: null,
    workingDays: 10,
    review: 'month',
    urgency: 'normal',
    classification: 'normal',
    tags: [],
  };
}

export function inputOf(v: TaskFormValues): TaskFieldsInput {
  const deadline: TaskFieldsInput['deadline'] =
    v.deadlineKind === 'date'
      ? { kind: 'date', date: v.deadlineDate ? v.deadlineDate.format('YYYY-MM-DD') : '' }
      : v.deadlineKind === 'working_days'
        ? { kind: 'working_days', days: v.workingDays ?? 0 }
        : { kind: 'ongoing', review: v.review };
  return {
    content: v.content.trim(),
    expectedResult: v.expectedResult.trim() || null,
    leadUnit: v.leadUnit ?? '',
    coordinatingUnits: v.coordinatingUnits.filter((u) => u !== v.leadUnit),
    personInCharge: v.personInCharge.trim() || null,
    supervisorId: v.supervisorId ?? null,
    assignedOn: v.assignedOn.format('YYYY-MM-DD'),
    deadline,
    urgency: v.urgency,
    classification: v.classification,
    tags: [...new Set(v.tags.map((tag) => tag.trim()).filter(Boolean))],
  };
}

/** An approved extension carries the deadline from then on: the core refuses to change it by an edit. */
export function deadlineLocked(task: TaskDetail): boolean {
  return task.extensions.some((x) => x.status === 'approved');
}

/** The form prefilled from a task, to edit it. The due date in force stands in for a date to switch to. */
export function valuesOf(task: TaskDetail): TaskFormValues {
  return {
    documentId: task.source.documentId,
    content: task.content,
    expectedResult: task.expectedResult ?? '',
    leadUnit: task.leadUnit.id,
    coordinatingUnits: task.coordinatingUnits.map((u) => u.id),
    personInCharge: task.personInCharge ?? '',
    supervisorId: task.supervisor?.id ?? null,
    assignedOn: dayjs(task.assignedOn),
    deadlineKind: task.deadlineKind,
    deadlineDate: task.dueDate ? dayjs(task.dueDate) : null,
    workingDays: task.workingDays ?? 10,
    review: task.review ?? 'month',
    urgency: task.urgency,
    classification: task.classification,
    tags: [...task.tags],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Whether the deadline the form gives is the task's own (the kind and what defines it). */
function sameDeadline(task: TaskDetail, d: TaskFieldsInput['deadline']): boolean {
  if (d.kind !== task.deadlineKind) return false;
  if (d.kind === 'date') return d.date === task.dueDate;
  if (d.kind === 'working_days') return d.days === task.workingDays;
  return (d.review ?? 'month') === (task.review ?? 'month');
}

/**
 * What the form changes of the task, and only that (tasks.update): empty when nothing differs. The
 * date assigned and the source never change here; the deadline only while no extension was approved.
 */
export function changesOf(task: TaskDetail, v: TaskFormValues): TaskChangesInput {
  const next = inputOf(v);
  const changes: TaskChangesInput = {};
  if (next.content !== task.content) changes.content = next.content;
  if ((next.expectedResult ?? null) !== task.expectedResult) changes.expectedResult = next.expectedResult ?? null;
  if (next.leadUnit !== task.leadUnit.id) changes.leadUnit = next.leadUnit;
  const coordinating = [...new Set(next.coordinatingUnits ?? [])];
  if (!sameSet(coordinating, task.coordinatingUnits.map((u) => u.id))) changes.coordinatingUnits = coordinating;
  if ((next.personInCharge ?? null) !== task.personInCharge) changes.personInCharge = next.personInCharge ?? null;
  if ((next.supervisorId ?? null) !== (task.supervisor?.id ?? null)) changes.supervisorId = next.supervisorId ?? null;
  if (!deadlineLocked(task) && !sameDeadline(task, next.deadline)) changes.deadline = next.deadline;
  if (next.urgency !== undefined && next.urgency !== task.urgency) changes.urgency = next.urgency;
  if (next.classification !== undefined && next.classification !== task.classification) changes.classification = next.classification;
  const tags = next.tags ?? [];
  if (tags.join('\n') !== task.tags.join('\n')) changes.tags = tags;
  return changes;
}

/** Where the task comes from: the chosen document, or given directly. */
export function sourceOf(v: TaskFormValues): TaskSourceInput {
  return v.documentId ? { kind: 'document', documentId: v.documentId } : { kind: 'direct' };
}

/** The core's names of the task's fields (after `task.`) → the form's. */
const FIELD_OF: Record<string, keyof TaskFormValues> = {
  'source.documentId': 'documentId',
  source: 'documentId',
  content: 'content',
  expectedResult: 'expectedResult',
  leadUnit: 'leadUnit',
  coordinatingUnits: 'coordinatingUnits',
  personInCharge: 'personInCharge',
  supervisorId: 'supervisorId',
  assignedOn: 'assignedOn',
  'deadline.date': 'deadlineDate',
  'deadline.days': 'workingDays',
  'deadline.review': 'review',
  deadline: 'deadlineKind',
  urgency: 'urgency',
  classification: 'classification',
  tags: 'tags',
};

/**
 * Puts the core's refusal under the field it is about (`task.deadline.date` → the date picker).
 * Returns false when nothing fitted, so the caller shows the message above the form.
 */
export function placeTaskIssues(form: FormInstance<TaskFormValues>, error: unknown): boolean {
  if (!(error instanceof BridgeError) || error.code !== 'INVALID_INPUT' || !Array.isArray(error.details)) return false;
  const language = currentLanguage();
  const placed: Array<{ name: keyof TaskFormValues; errors: string[] }> = [];
  for (const issue of error.details as FieldIssue[]) {
    const path = issue.path.replace(/^(task|changes)\./, '');
    const key = Object.keys(FIELD_OF).find((k) => path === k || path.startsWith(`${k}.`));
    const name = key ? FIELD_OF[key] : undefined;
    if (name && !placed.some((p) => p.name === name)) placed.push({ name, errors: [language === 'vi' ? issue.message : issue.messageEn] });
  }
  if (placed.length === 0) return false;
  form.setFields(placed);
  form.scrollToField(placed[0]!.name);
  return true;
}
