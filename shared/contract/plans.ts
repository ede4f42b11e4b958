import { z } from 'zod';
import type { Attainment, AttainmentStatus, TargetDirection } from '../plans/attainment.ts';
import { isTargetPeriod } from '../plans/target-periods.ts';
import { calendarDate, filePath, id, optionalText, uploadRef, type ExportedFile } from './common.ts';
import type { DirectoryImportAction, DirectoryImportCounts, DirectoryImportIssue } from './directory.ts';
import type { MethodSpecs } from './method-spec.ts';
import type { TaskUnit } from './tasks.ts';

export type { Attainment, AttainmentStatus, TargetDirection } from '../plans/attainment.ts';

/** "2026", "2026-Q1" or "2026-03". */
export const targetPeriod = z
  .string()
  .trim()
  .refine(isTargetPeriod, { error: 'Kỳ chỉ tiêu phải là năm (2026), quý (2026-Q1) hoặc tháng (2026-03) / period must be 2026, 2026-Q1 or 2026-03' });

/** A reported or planned figure: finite, within what a province's budget in VNĐ can reach. */
const figure = z
  .number({ error: 'Giá trị phải là số / the value must be a number' })
  .finite('Giá trị phải là số hữu hạn / the value must be finite')
  .refine((v) => Math.abs(v) < 1e16, { error: 'Giá trị quá lớn / the value is too large' });

const thresholds = z
  .object({
    nearPercent: z.number().min(1).max(1000),
    metPercent: z.number().min(1).max(1000),
  })
  .strict()
  .refine((t) => t.metPercent >= t.nearPercent, { error: 'Ngưỡng "đạt" phải không thấp hơn ngưỡng "gần đạt" / the met threshold must not be below the near one', path: ['metPercent'] });

const importTarget = {
  /** The committee the plan belongs to (a new plan); left out, the plan is the standing office's own. */
  committeeId: id.optional(),
  /** Import into this existing plan: targets matched by code (else by name) are updated. */
  planId: id.optional(),
};

const standingInput = z
  .object({
    planId: id,
    period: targetPeriod,
    /** Values as known on this day (the newest report made by then); today when left out. */
    asOf: calendarDate.optional(),
  })
  .strict();

export const plansMethods = {
  'plans.list': { access: 'ui', input: z.object({ committeeId: id.optional() }).strict() },
  /** The plan's tree, every target with its goals and the current value per period. */
  'plans.get': { access: 'ui', input: z.object({ planId: id }).strict() },
  /** Each target's attainment for one period, the counts by status, and the heat-map of units × groups. */
  'plans.standing': { access: 'ui', input: standingInput },
  'plans.setThresholds': { access: 'ui', input: z.object({ planId: id, thresholds }).strict() },
  /** Reads an XLSX of targets and plans every row; nothing is written until the commit. */
  'plans.importPreview': { access: 'ui', input: z.object({ upload: uploadRef, ...importTarget }).strict() },
  'plans.importCommit': { access: 'ui', input: z.object({ previewId: id, title: optionalText(500) }).strict() },
  'plans.importCancel': { access: 'ui', input: z.object({ previewId: id }).strict() },
  'plans.importTemplate': { access: 'ui', input: z.object({}).strict() },
  /** CLI: preview and (unless dryRun or a row has problems) commit a file from a path. */
  'plans.importFile': {
    access: 'local',
    input: z.object({ file: filePath, ...importTarget, title: optionalText(500), dryRun: z.boolean().optional() }).strict(),
  },
  /** A value the owning unit reports for a period; a correction is a new report (history kept). */
  'targets.report': {
    access: 'ui',
    input: z
      .object({
        targetId: id,
        period: targetPeriod,
        value: figure,
        note: optionalText(2000),
        evidenceDocumentId: id.optional(),
      })
      .strict(),
  },
  /** Every goal and every report of one target, for its chart and history. */
  'targets.history': { access: 'ui', input: z.object({ targetId: id }).strict() },
  /**
   * Puts tasks under a group of a plan (nhiệm vụ thực hiện kế hoạch); a task already under another
   * group, of this plan or another, moves there: a task serves one plan.
   */
  'plans.linkTasks': {
    access: 'ui',
    input: z
      .object({
        groupId: id,
        taskIds: z
          .array(id)
          .min(1, 'Chọn ít nhất một nhiệm vụ / choose at least one task')
          .max(200, 'Nhiều nhất 200 nhiệm vụ mỗi lần / at most 200 tasks at a time'),
      })
      .strict(),
  },
  /** Takes a task out of its plan; the task itself stays as it was. */
  'plans.unlinkTask': { access: 'ui', input: z.object({ taskId: id }).strict() },
} as const satisfies MethodSpecs;

export type PlansInput<K extends keyof typeof plansMethods> = z.input<(typeof plansMethods)[K]['input']>;
export type PlanThresholds = z.infer<typeof thresholds>;

export interface PlanSummary {
  id: string;
  title: string;
  /** "45/KH-BCĐ" when known. */
  code: string | null;
  committee: { id: string; name: string } | null;
  yearFrom: number;
  yearTo: number;
  thresholds: PlanThresholds;
  targets: number;
  /** Targets with at least one reported value. */
  reported: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlanGroup {
  id: string;
  parentId: string | null;
  /** "I", "1", "a" as the plan numbers it. */
  code: string | null;
  title: string;
  position: number;
}

export interface TargetActual {
  id: string;
  targetId: string;
  period: string;
  value: number;
  note: string | null;
  evidenceDocumentId: string | null;
  reportedAt: string;
  reportedBy: { id: string; name: string } | null;
}

export interface PlanTarget {
  id: string;
  planId: string;
  groupId: string | null;
  code: string | null;
  name: string;
  /** Đơn vị tính: "%", "tỷ đồng", "km", … */
  measure: string;
  ownerUnit: TaskUnit | null;
  direction: TargetDirection;
  source: string | null;
  position: number;
  /** Period key → goal. */
  goals: Record<string, number>;
  /** Period key → the newest value reported for it. */
  actuals: Record<string, TargetActual>;
}

export interface PlanDetail {
  plan: PlanSummary;
  groups: PlanGroup[];
  targets: PlanTarget[];
  /** Every period with a goal or a value, years first then quarters then months, in time order. */
  periods: string[];
  /** The tasks under the plan's groups (read them with `tasks.list { planId }`), oldest link first. */
  taskLinks: PlanTaskLink[];
}

export interface PlanTaskLink {
  taskId: string;
  groupId: string;
}

export interface PlanTasksLinked {
  planId: string;
  groupId: string;
  /** Tasks newly put in the plan. */
  linked: number;
  /** Tasks that were under another group (of this plan or another) and moved here. */
  moved: number;
  /** Tasks already under this group. */
  unchanged: number;
}

export interface TargetStanding extends Attainment {
  targetId: string;
  goal: number | null;
  /** The period the goal is for: the period asked, or its year when only a yearly goal exists. */
  goalPeriod: string | null;
  actual: number | null;
  /** When the value used was reported, null when none. */
  reportedAt: string | null;
}

export type StatusCounts = Record<AttainmentStatus, number>;

export interface HeatCell {
  unitId: string | null;
  groupId: string | null;
  counts: StatusCounts;
  /** Mean attainment (%) of the targets with a ratio, null when none. */
  meanPercent: number | null;
}

export interface PlanStanding {
  planId: string;
  period: string;
  asOf: string;
  thresholds: PlanThresholds;
  rows: TargetStanding[];
  counts: StatusCounts;
  heatmap: {
    /** Owning units, rows of the map (null: targets with no owner). */
    units: Array<TaskUnit | null>;
    /** Top-level groups, columns of the map (null: targets outside any group). */
    groups: Array<{ id: string | null; title: string }>;
    cells: HeatCell[];
  };
}

export interface PlanImportRow {
  rowNumber: number;
  kind: 'group' | 'target';
  /** Cell text by column key (code, name, measure, owner, direction, source) and by period key. */
  values: Record<string, string>;
  action: DirectoryImportAction;
  issues: DirectoryImportIssue[];
}

export interface PlanImportPreview {
  previewId: string;
  fileName: string;
  sheetName: string | null;
  /** The plan's title as found above the table (or the file name), editable before the commit. */
  title: string;
  planId: string | null;
  committeeId: string | null;
  /** Period keys of the value columns, in column order. */
  periods: string[];
  yearFrom: number;
  yearTo: number;
  rows: PlanImportRow[];
  counts: DirectoryImportCounts & { groups: number };
  expiresAt: string;
}

export interface PlanImportResult {
  planId: string;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  groups: number;
  goals: number;
}

export interface PlanImportFileResult {
  preview: Omit<PlanImportPreview, 'previewId' | 'expiresAt'>;
  /** Null on a dry run, or when rows have problems (nothing written). */
  result: PlanImportResult | null;
}

export interface TargetHistory {
  target: PlanTarget;
  plan: PlanSummary;
  goals: Array<{ period: string; value: number }>;
  /** Every report, newest first. */
  actuals: TargetActual[];
}

export interface PlansOutputs {
  'plans.list': PlanSummary[];
  'plans.get': PlanDetail;
  'plans.standing': PlanStanding;
  'plans.setThresholds': PlanSummary;
  'plans.importPreview': PlanImportPreview;
  'plans.importCommit': PlanImportResult;
  'plans.importCancel': { previewId: string };
  'plans.importTemplate': ExportedFile;
  'plans.importFile': PlanImportFileResult;
  'targets.report': TargetActual;
  'targets.history': TargetHistory;
  'plans.linkTasks': PlanTasksLinked;
  'plans.unlinkTask': { taskId: string; removed: boolean };
}
