import type { TargetsReport, TasksReport } from '../../../../shared/contract/index.ts';
import { fileSlug } from '../../files/file-slug.ts';

export type ReportFormat = 'docx' | 'xlsx';

export const REPORT_MIME: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * "bao-cao-nhiem-vu-2026-12.docx", "bao-cao-nhiem-vu-2026-q4.xlsx"; a committee's report carries
 * its name ("bao-cao-nhiem-vu-ban-chi-dao-…-2026-12.docx"), so reports of two committees on the
 * same period do not overwrite each other in the Downloads folder.
 */
export function reportFileName(report: Pick<TasksReport, 'period' | 'committee'>, format: ReportFormat): string {
  const committee = report.committee ? `${fileSlug(report.committee.name)}-` : '';
  return `bao-cao-nhiem-vu-${committee}${report.period.key.toLowerCase()}.${format}`;
}

/** "bao-cao-chi-tieu-ke-hoach-…-2026-q1.xlsx": the plan's title keeps two plans' reports apart. */
export function targetsReportFileName(report: Pick<TargetsReport, 'period' | 'plan'>, format: ReportFormat): string {
  return `bao-cao-chi-tieu-${fileSlug(report.plan.title).slice(0, 60)}-${report.period.toLowerCase()}.${format}`;
}
