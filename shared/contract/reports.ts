import { z } from 'zod';
import { PERIOD_KINDS, type ReportPeriod } from '../reports/periods.ts';
import { calendarDate, filePath, id, type ExportedFile } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';
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
} as const satisfies MethodSpecs;

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
}

export interface TasksReportFileResult {
  file: string;
  bytes: number;
  /** SHA-256 of the file, hex (also in the audit log). */
  sha256: string;
  period: ReportPeriod;
  asOf: string;
}

export interface ReportsOutputs {
  'reports.tasks': TasksReport;
  'reports.tasksExport': ExportedFile;
  'reports.tasksExportFile': TasksReportFileResult;
}
