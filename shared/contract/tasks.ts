import { z } from 'zod';
import { calendarDate, classification, id, optionalText, paging, requiredText, urgency, type Classification, type Page, type Urgency } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * A unit of the directory as a task names it: its id, or its mã định danh (the command line and
 * the provincial system speak codes). The core resolves either and refuses what the directory lacks.
 */
const unitRef = z.string().trim().min(1, 'Cần đơn vị / a unit is required').max(60);

/** Three ways a deadline is given (Quy chế làm việc): a date, N working days from assignment, or ongoing. */
export const taskDeadline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: calendarDate }).strict(),
  z
    .object({
      kind: z.literal('working_days'),
      days: z.number().int().min(1, 'Ít nhất 1 ngày làm việc / at least 1 working day').max(3650, 'Nhiều nhất 3650 ngày / at most 3650 days'),
    })
    .strict(),
  /** Thường xuyên: no due date; reviewed each period. */
  z.object({ kind: z.literal('ongoing'), review: z.enum(['week', 'month', 'quarter', 'year']).default('month') }).strict(),
]);
export type TaskDeadlineInput = z.input<typeof taskDeadline>;

export const taskSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direct') }).strict(),
  /** A conclusion (kết luận) of a meeting's minutes: meeting, agenda item and notice number follow from it (the meeting, when given, must be its own). */
  z.object({ kind: z.literal('conclusion'), meetingId: id.optional(), conclusionId: id }).strict(),
  /** A văn bản chỉ đạo in the document store. */
  z.object({ kind: z.literal('document'), documentId: id }).strict(),
]);
export type TaskSourceInput = z.input<typeof taskSource>;

const tag = z.string().trim().min(1).max(80);

export const taskFields = z
  .object({
    content: requiredText(4000),
    expectedResult: optionalText(1000),
    leadUnit: unitRef,
    coordinatingUnits: z.array(unitRef).max(60).default([]),
    /** Người phụ trách at the lead unit: a name as the unit gave it. */
    personInCharge: optionalText(200),
    /** Lãnh đạo phụ trách: a person of the directory. */
    supervisorId: id.nullish().transform((v) => v ?? null),
    /** Ngày giao; today (Việt Nam) when left out. */
    assignedOn: calendarDate.optional(),
    deadline: taskDeadline,
    urgency: urgency.default('normal'),
    classification: classification.default('normal'),
    tags: z.array(tag).max(20).default([]),
  })
  .strict();
export type TaskFieldsInput = z.input<typeof taskFields>;

/**
 * What the standing office may correct after assigning: the words, the units, the people, the
 * marks. Only the fields given change. The date assigned stays; the deadline changes here only
 * while no extension was approved (after that, extensions carry it).
 */
export const taskChanges = z
  .object({
    content: requiredText(4000),
    expectedResult: optionalText(1000),
    leadUnit: unitRef,
    coordinatingUnits: z.array(unitRef).max(60),
    personInCharge: optionalText(200),
    supervisorId: id.nullish().transform((v) => v ?? null),
    deadline: taskDeadline,
    urgency,
    classification,
    tags: z.array(tag).max(20),
  })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'Không có gì để sửa / nothing to change' });
export type TaskChangesInput = z.input<typeof taskChanges>;

export const taskStatus = z.enum(['assigned', 'in_progress', 'done_requested', 'done', 'returned', 'paused', 'cancelled']);
export type TaskStatus = z.infer<typeof taskStatus>;

/** The official timeliness buckets of the Government Office's task-tracking reports, derived, never typed. */
export const taskBucket = z.enum(['done_on_time', 'done_late', 'open_on_time', 'open_late']);
export type TaskBucket = z.infer<typeof taskBucket>;
/** A list filter: one of the four buckets, or "due soon" (a warning inside open_on_time). */
export const taskBucketFilter = z.enum([...taskBucket.options, 'due_soon']);
export type TaskBucketFilter = z.infer<typeof taskBucketFilter>;

const asOf = calendarDate.optional();
const reason = requiredText(1000);
const evidence = z.array(id).max(20).default([]);

export const tasksMethods = {
  /** A new task, assigned now. */
  'tasks.create': { access: 'ui', input: z.object({ source: taskSource.default({ kind: 'direct' }), task: taskFields }).strict() },
  /** Several tasks in one transaction (the conclusions of one meeting, reviewed together): all or none. */
  'tasks.createMany': {
    access: 'ui',
    input: z.object({ items: z.array(z.object({ source: taskSource, task: taskFields }).strict()).min(1).max(200) }).strict(),
  },
  /** The conclusions of a meeting's minutes as prefilled tasks, each saying whether it is a task already. */
  'tasks.conclusionDrafts': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  'tasks.list': {
    access: 'ui',
    input: z
      .object({
        unitId: id.optional(),
        bucket: taskBucketFilter.optional(),
        status: taskStatus.optional(),
        meetingId: id.optional(),
        /** The tasks put under the groups of an action plan. */
        planId: id.optional(),
        tag: tag.optional(),
        query: z.string().trim().max(200).optional(),
        asOf,
        ...paging,
      })
      .strict(),
  },
  'tasks.get': { access: 'ui', input: z.object({ id, asOf }).strict() },
  /** Tiến độ from the lead unit: a percentage, a text, and documents of the store as evidence. */
  'tasks.report': {
    access: 'ui',
    input: z.object({ id, percent: z.number().int().min(0, '0–100%').max(100, '0–100%'), text: requiredText(4000), documentIds: evidence }).strict(),
  },
  /** The lead unit reports the task done (đề nghị hoàn thành) on a date, with its result documents. */
  'tasks.complete': { access: 'ui', input: z.object({ id, date: calendarDate.optional(), text: optionalText(4000), documentIds: evidence }).strict() },
  /** The standing office accepts a reported completion. */
  'tasks.accept': { access: 'ui', input: z.object({ id }).strict() },
  /** The standing office returns a reported completion (trả lại) with a reason. */
  'tasks.return': { access: 'ui', input: z.object({ id, reason }).strict() },
  'tasks.pause': { access: 'ui', input: z.object({ id, reason }).strict() },
  'tasks.resume': { access: 'ui', input: z.object({ id }).strict() },
  'tasks.cancel': { access: 'ui', input: z.object({ id, reason }).strict() },
  /** Đề nghị gia hạn: a later date and why. */
  'tasks.requestExtension': { access: 'ui', input: z.object({ id, to: calendarDate, reason }).strict() },
  'tasks.decideExtension': { access: 'ui', input: z.object({ extensionId: id, approve: z.boolean(), note: optionalText(1000) }).strict() },
  /** Corrections by the standing office; refused when the task changed since `baseVersion` (another window saved first). */
  'tasks.update': { access: 'ui', input: z.object({ id, baseVersion: z.number().int().min(1), changes: taskChanges }).strict() },
  /** Đôn đốc: a reminder to the lead unit, recorded. */
  'tasks.remind': { access: 'ui', input: z.object({ id, note: optionalText(1000) }).strict() },
  /** Counts per unit × bucket as of a date, the weekly trend and the buckets' totals. */
  'tasks.stats': {
    access: 'ui',
    input: z
      .object({
        asOf,
        /** One lead unit's numbers (the dashboard filtered to a unit). */
        unitId: id.optional(),
        meetingId: id.optional(),
        tag: tag.optional(),
        /** Weeks of trend to compute (0 for the counts alone). */
        weeks: z.number().int().min(0).max(52).default(12),
      })
      .strict(),
  },
  /** What the shell's badge shows: overdue, due soon, extension requests waiting. */
  'tasks.alerts': { access: 'ui', input: z.object({ asOf }).strict() },
  /** Adds "Kiểm điểm việc thực hiện kết luận kỳ trước" to a meeting's agenda, listing its committee's open tasks. */
  'tasks.addFollowUpItem': { access: 'ui', input: z.object({ meetingId: id }).strict() },

  /** Việt Nam's public holidays of a year with the administrator's changes, and the Saturdays worked. */
  'calendar.holidays': { access: 'ui', input: z.object({ year: z.number().int().min(1900).max(2199) }).strict() },
  'calendar.addDays': {
    access: 'ui',
    input: z.object({ from: calendarDate, days: z.number().int().min(0).max(3650) }).strict(),
  },
  /** The administrator's edits for a year's official decisions: a day off, or a day worked. */
  'calendar.setDays': {
    access: 'ui',
    input: z
      .object({
        days: z
          .array(z.object({ date: calendarDate, kind: z.enum(['off', 'work']), note: requiredText(200) }).strict())
          .min(1)
          .max(400),
      })
      .strict(),
  },
  'calendar.removeDay': { access: 'ui', input: z.object({ date: calendarDate }).strict() },
} as const satisfies MethodSpecs;

export interface TaskUnit {
  id: string;
  code: string | null;
  name: string;
}

export interface TaskSource {
  kind: 'direct' | 'conclusion' | 'document';
  meetingId: string | null;
  meetingTitle: string | null;
  agendaItemId: string | null;
  agendaItemTitle: string | null;
  conclusionId: string | null;
  /** "15/TB-BCĐ" once the notice is issued. */
  noticeNumber: string | null;
  documentId: string | null;
  documentTitle: string | null;
}

export interface TaskRow {
  id: string;
  content: string;
  leadUnit: TaskUnit;
  coordinatingUnits: TaskUnit[];
  status: TaskStatus;
  /** As of the list's date; null for a cancelled task or one assigned after it. */
  bucket: TaskBucket | null;
  /** Open, on time, and due within the configured number of working days. */
  dueSoon: boolean;
  assignedOn: string;
  deadlineKind: 'date' | 'working_days' | 'ongoing';
  /** The deadline in force (after approved extensions); null for an ongoing task. */
  dueDate: string | null;
  percent: number;
  /** The day the unit reported it done (kept once accepted); null while open or after a return. */
  completedOn: string | null;
  urgency: Urgency;
  classification: Classification;
  tags: string[];
  meetingId: string | null;
  meetingTitle: string | null;
  extensionPending: boolean;
}

export type TaskEventKind =
  | 'created'
  | 'edited'
  | 'progress'
  | 'completed'
  | 'accepted'
  | 'returned'
  | 'paused'
  | 'resumed'
  | 'cancelled'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_refused'
  | 'reminded';

export interface TaskEvent {
  id: string;
  kind: TaskEventKind;
  at: string;
  actorName: string | null;
  percent: number | null;
  text: string | null;
  documents: Array<{ id: string; title: string }>;
}

export interface TaskExtension {
  id: string;
  requestedAt: string;
  /** The deadline in force when it was asked. */
  fromDate: string | null;
  toDate: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  decidedAt: string | null;
  decidedBy: string | null;
  note: string | null;
  /** Asked on or before the deadline in force, so an approval moves the date the timeliness is judged by. */
  inTime: boolean;
}

export interface TaskDetail extends TaskRow {
  expectedResult: string | null;
  personInCharge: string | null;
  supervisor: { id: string; fullName: string } | null;
  workingDays: number | null;
  review: 'week' | 'month' | 'quarter' | 'year' | null;
  /** The first deadline, kept whatever the extensions. */
  originalDeadline: string | null;
  /** The date timeliness is judged against: the original, or an extension asked in time and approved. */
  judgedBy: string | null;
  statusReason: string | null;
  source: TaskSource;
  events: TaskEvent[];
  extensions: TaskExtension[];
  createdAt: string;
  version: number;
  /** A task received from the provincial operations system: who gave it and where it came from. */
  received: { assignerCode: string; assignerName: string | null; sourceLabel: string | null } | null;
  /** The action plan (and its group) the task carries out, if it was put in one. */
  plan: TaskPlan | null;
}

export interface TaskPlan {
  planId: string;
  planTitle: string;
  groupId: string;
  /** "I", "1" as the plan numbers the group. */
  groupCode: string | null;
  groupTitle: string;
}

export interface ConclusionDraft {
  conclusionId: string;
  ordinal: number;
  agendaItemId: string | null;
  agendaItemTitle: string | null;
  text: string;
  leadUnit: TaskUnit | null;
  coordinatingUnits: TaskUnit[];
  deadline: string | null;
  /** The task already made from it, if any: a conclusion becomes one task. */
  taskId: string | null;
}

export interface ConclusionDrafts {
  meetingId: string;
  meetingTitle: string;
  noticeNumber: string | null;
  drafts: ConclusionDraft[];
}

export type BucketCounts = Record<TaskBucket | 'due_soon' | 'total', number>;

export interface TaskStats {
  asOf: string;
  dueSoonDays: number;
  totals: BucketCounts;
  /** Overdue first: units with the most open_late tasks on top. */
  units: Array<BucketCounts & { unit: TaskUnit }>;
  /** The last `weeks` weeks, oldest first: each week's end (or the as-of date for the last), and the buckets as of that day. */
  weeks: Array<BucketCounts & { asOf: string }>;
}

export interface TaskAlerts {
  asOf: string;
  overdue: number;
  dueSoon: number;
  extensionsPending: number;
  completionsPending: number;
}

export interface CalendarHoliday {
  date: string;
  name: { vi: string; en: string };
  kind: 'holiday' | 'compensatory';
  source: 'built-in' | 'override';
}

export interface CalendarYear {
  year: number;
  holidays: CalendarHoliday[];
  /** Weekend days made working days by the administrator. */
  workingWeekends: Array<{ date: string; note: string }>;
  /** Every change the administrator made in the year, as entered (a "work" day that cancels a holiday shows only here). */
  overrides: Array<{ date: string; kind: 'off' | 'work'; note: string }>;
}

export interface TasksOutputs {
  'tasks.create': TaskDetail;
  'tasks.createMany': TaskDetail[];
  'tasks.conclusionDrafts': ConclusionDrafts;
  'tasks.list': Page<TaskRow> & { asOf: string };
  'tasks.get': TaskDetail;
  'tasks.report': TaskDetail;
  'tasks.complete': TaskDetail;
  'tasks.accept': TaskDetail;
  'tasks.return': TaskDetail;
  'tasks.pause': TaskDetail;
  'tasks.resume': TaskDetail;
  'tasks.cancel': TaskDetail;
  'tasks.requestExtension': TaskDetail;
  'tasks.decideExtension': TaskDetail;
  'tasks.update': TaskDetail;
  'tasks.remind': TaskDetail;
  'tasks.stats': TaskStats;
  'tasks.alerts': TaskAlerts;
  'tasks.addFollowUpItem': { agendaItemId: string; tasks: number };
  'calendar.holidays': CalendarYear;
  'calendar.addDays': { from: string; days: number; date: string };
  'calendar.setDays': CalendarYear[];
  'calendar.removeDay': { removed: boolean };
}
