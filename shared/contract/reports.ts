import { z } from 'zod';
import { PERIOD_KINDS, type ReportPeriod } from '../reports/periods.ts';
import { calendarDate, filePath, id, type ExportedFile } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';
import { targetPeriod, type PlanSummary, type PlanTarget, type StatusCounts, type TargetStanding } from './plans.ts';
import type { BucketCounts, TaskUnit } from './tasks.ts';

/**
 * Which report: the period of `kind` whose data window holds `asOf` (today when left out), counted
 * as things stood at `asOf` or at the window's end, whichever is earlier. A committee narrows it to
 * the tasks of that committee's meetings and conclusions.
 */
const tasksReportInput = z
  .object({
    kind: z.enum(PERIOD_KINDS, { error: 'Kỳ báo cáo không hợp lệ / invalid period' }),
    asOf: calendarDate.optional(),
    committeeId: id.optional(),
  })
  .strict();

/** What the secretary writes before issuing: the number, the narrative, the signer, Nơi nhận. */
const tasksReportIssue = z
  .object({
    /** "15" of "Số: 15/BC-BCĐ"; left out, the number line stays blank for the clerk. */
    number: z.string().trim().max(20).optional(),
    /** The assessment paragraphs (đánh giá chung, kiến nghị), one per line. */
    narrative: z.string().max(20_000).optional(),
    signerTitle: z.string().trim().max(200).optional(),
    signerName: z.string().trim().max(200).optional(),
    recipients: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
  })
  .strict();

/** Which targets report: a plan's targets for one period, values as known at `asOf` (today when left out). */
const targetsReportInput = z
  .object({
    planId: id,
    period: targetPeriod,
    asOf: calendarDate.optional(),
  })
  .strict();

const format = z.enum(['docx', 'xlsx'], { error: 'Định dạng phải là docx hoặc xlsx / format must be docx or xlsx' });

export const reportsMethods = {
  /** The report's content, for the preview. */
  'reports.tasks': { access: 'ui', input: tasksReportInput },
  /** The report as a DOCX (Nghị định 30) or its XLSX data appendix. */
  'reports.tasksExport': { access: 'ui', input: tasksReportInput.extend({ format, issue: tasksReportIssue.optional() }).strict() },
  /** CLI: the same file straight to a path. */
  'reports.tasksExportFile': {
    access: 'local',
    input: tasksReportInput.extend({ format, issue: tasksReportIssue.optional(), file: filePath, overwrite: z.boolean().optional() }).strict(),
  },
  /** The targets report of an action plan for one period (preview). */
  'reports.targets': { access: 'ui', input: targetsReportInput },
  'reports.targetsExport': { access: 'ui', input: targetsReportInput.extend({ format, issue: tasksReportIssue.optional() }).strict() },
  'reports.targetsExportFile': {
    access: 'local',
    input: targetsReportInput.extend({ format, issue: tasksReportIssue.optional(), file: filePath, overwrite: z.boolean().optional() }).strict(),
  },
  /**
   * Đánh giá hàng tuần: an agenda item of the meeting with the committee's weekly tasks report (as
   * of the day before the meeting) attached as a PDF document, so it travels in the meeting pack.
   */
  'reports.addWeeklyReview': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  /**
   * A report stored as a document of a meeting (under one of its agenda items, or at the top): the
   * official layout as a PDF, searchable and versioned in the store, carried in the meeting's pack.
   */
  'reports.attachToMeeting': {
    access: 'ui',
    input: z.discriminatedUnion('report', [
      tasksReportInput.extend({ report: z.literal('tasks'), meetingId: id, agendaItemId: id.optional(), issue: tasksReportIssue.optional() }).strict(),
      targetsReportInput.extend({ report: z.literal('targets'), meetingId: id, agendaItemId: id.optional(), issue: tasksReportIssue.optional() }).strict(),
    ], { error: 'Loại báo cáo phải là tasks hoặc targets / the report must be tasks or targets' }),
  },
} as const satisfies MethodSpecs;

export type TargetsReportInput = z.input<typeof targetsReportInput>;
export type TasksReportInput = z.input<typeof tasksReportInput>;
export type TasksReportIssue = z.input<typeof tasksReportIssue>;

/** An overdue task as the report lists it. */
export interface ReportOverdueTask {
  id: string;
  /** The task's words; for a classified task (mật and above) a placeholder, its content kept off the report. */
  content: string;
  classified: boolean;
  leadUnit: TaskUnit;
  assignedOn: string;
  /** The deadline it is judged by. */
  dueDate: string;
  /** Calendar days past that deadline at the as-of date. */
  daysLate: number;
  percent: number;
  /** Why it is late, as the unit or the standing office last wrote it (the latest progress, a pause or extension reason), or null. */
  reason: string | null;
  /** Where it came from: "Thông báo 15/TB-BCĐ" / the meeting's title, or null for a direct task. */
  source: string | null;
}

export interface TasksReport {
  period: ReportPeriod;
  /** The day the figures are as of: the window's end, or today while the period is still running. */
  asOf: string;
  /** True while the period has not ended: the report says "tính đến ngày …". */
  partial: boolean;
  committee: { id: string; name: string } | null;
  /** The issuing body on the DOCX: the committee, or the standing office's organ. */
  issuer: string;
  /** Buckets as of `asOf` over every task assigned by then (cancelled ones left out). */
  totals: BucketCounts;
  /** Tasks assigned within the window, and of those and earlier ones, completed (accepted) within it. */
  assignedInPeriod: number;
  completedInPeriod: number;
  /** One row per lead unit with tasks, overdue first. */
  units: Array<BucketCounts & { unit: TaskUnit }>;
  /** Open and late at `asOf`, most days late first. */
  overdue: ReportOverdueTask[];
  /** No task assigned by the as-of date: the report says so instead of a page of zeros. */
  empty: boolean;
  /**
   * A committee's report also says how its action plan's targets stand: the plan covering the
   * period's year, for the month, quarter or year of the report (the year for a week, six or nine
   * months), values as known at `asOf`. Null without a committee, a plan or a goal for the period.
   */
  targets?: TargetsReport | null;
}

export interface TasksReportFileResult {
  file: string;
  bytes: number;
  /** SHA-256 of the file, hex (also in the audit log). */
  sha256: string;
  period: ReportPeriod;
  asOf: string;
}

/** One line of the targets table: the target, its group and its standing for the period. */
export interface TargetsReportRow extends TargetStanding {
  target: Pick<PlanTarget, 'id' | 'code' | 'name' | 'measure' | 'ownerUnit' | 'direction' | 'groupId'>;
  note: string | null;
}

export interface TargetsReport {
  plan: PlanSummary;
  /** "2026-Q1" and its label "Quý I/2026". */
  period: string;
  periodLabel: string;
  asOf: string;
  /** True while the period has not ended at `asOf`. */
  partial: boolean;
  issuer: string;
  counts: StatusCounts;
  /** Groups in plan order, each with its targets' rows; targets outside any group under `null`. */
  sections: Array<{ group: { id: string | null; code: string | null; title: string }; rows: TargetsReportRow[] }>;
  /** Not met (and nearly met) targets, worst first: what the narrative must explain. */
  shortfalls: TargetsReportRow[];
  /** No goal and no value for the period: the report says so. */
  empty: boolean;
}

export interface WeeklyReviewResult {
  agendaItemId: string;
  documentId: string;
  /** The week reported, e.g. "2026-W49". */
  period: string;
  asOf: string;
}

export interface ReportAttachResult {
  documentId: string;
  fileName: string;
  /** The same bytes were already in the store (attached again, not stored twice). */
  duplicate: boolean;
}

export interface ReportsOutputs {
  'reports.tasks': TasksReport;
  'reports.tasksExport': ExportedFile;
  'reports.tasksExportFile': TasksReportFileResult;
  'reports.targets': TargetsReport;
  'reports.targetsExport': ExportedFile;
  'reports.targetsExportFile': Omit<TasksReportFileResult, 'period'> & { period: string };
  'reports.addWeeklyReview': WeeklyReviewResult;
  'reports.attachToMeeting': ReportAttachResult;
}
