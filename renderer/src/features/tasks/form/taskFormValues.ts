import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Classification, FieldIssue, TaskFieldsInput, TaskSourceInput, Urgency } from '../../../../../shared/contract/index.ts';
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
    const path = issue.path.replace(/^task\./, '');
    const key = Object.keys(FIELD_OF).find((k) => path === k || path.startsWith(`${k}.`));
    const name = key ? FIELD_OF[key] : undefined;
    if (name && !placed.some((p) => p.name === name)) placed.push({ name, errors: [language === 'vi' ? issue.message : issue.messageEn] });
  }
  if (placed.length === 0) return false;
  form.setFields(placed);
  form.scrollToField(placed[0]!.name);
  return true;
}
