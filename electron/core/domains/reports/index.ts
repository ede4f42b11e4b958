import { createHash } from 'node:crypto';
import type { MethodInput, reportsMethods, TargetsReport, TasksReport, TasksReportIssue } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { writeExport } from '../../files/exports.ts';
import { refuseOverwrite, writeUserFile } from '../../files/user-file.ts';
import type * as DocxWriter from '../../official-docs/official-docx.ts';
import type { Domain } from '../domain.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import type { ImportIntoMeeting } from '../minutes/minutes-exports.ts';
import type { PlansDomain } from '../plans/index.ts';
import { REPORT_MIME, reportFileName, targetsReportFileName, type ReportFormat } from './report-file.ts';
import { createTasksReport, type TasksReportDeps } from './tasks-report.ts';
import { tasksReportDocument } from './tasks-report-document.ts';
import type * as XlsxWriter from './tasks-report-xlsx.ts';
import { createCommitteeTargets, createTargetsReport } from './targets-report.ts';
import { targetsReportDocument } from './targets-report-document.ts';
import type * as TargetsXlsxWriter from './targets-report-xlsx.ts';
import { createWeeklyReview } from './weekly-review.ts';
import { storeReportInMeeting } from './report-to-meeting.ts';

// Loaded on first use and kept: starting the core does not pay for docx and exceljs.
let docxWriter: Promise<typeof DocxWriter> | undefined;
let xlsxWriter: Promise<typeof XlsxWriter> | undefined;
let targetsXlsxWriter: Promise<typeof TargetsXlsxWriter> | undefined;

/**
 * Báo cáo định kỳ (issue 16): the periodic report on tasks, as a preview for the screen, a DOCX in
 * the official layout, or an XLSX of its figures. Every file handed out is audited with the period,
 * the format and the hash of its bytes, so a printed copy can be matched to what the app produced.
 */
export function createReportsDomain(
  ctx: ServiceContext,
  deps: { tasks: TasksReportDeps; plans: Pick<PlansDomain, 'reader' | 'standing'>; meetings: Pick<MeetingsDomain, 'handlers'>; importIntoMeeting: ImportIntoMeeting },
) {
  const buildTasks = createTasksReport(ctx, deps.tasks);
  const buildTargets = createTargetsReport(ctx, deps.plans);
  const committeeTargets = createCommitteeTargets(ctx, buildTargets);
  /** The tasks report, with the committee's action plan targets when it has one for the period. */
  const build = (input: Parameters<typeof buildTasks>[0]): TasksReport => {
    const report = buildTasks(input);
    return { ...report, targets: report.committee ? committeeTargets(report.committee.id, report.period, report.asOf) : null };
  };

  async function render(report: TasksReport, format: ReportFormat, issue: TasksReportIssue | undefined): Promise<{ bytes: Buffer; sha256: string }> {
    const bytes =
      format === 'docx'
        ? await (
            await (docxWriter ??= import('../../official-docs/official-docx.ts'))
          ).officialDocumentDocx(tasksReportDocument({ report, issue, issuedAt: ctx.now(), place: ctx.setting('documents.issuingPlace') }))
        : await (await (xlsxWriter ??= import('./tasks-report-xlsx.ts'))).tasksReportXlsx(report);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async function renderTargets(report: TargetsReport, format: ReportFormat, issue: TasksReportIssue | undefined): Promise<{ bytes: Buffer; sha256: string }> {
    const bytes =
      format === 'docx'
        ? await (
            await (docxWriter ??= import('../../official-docs/official-docx.ts'))
          ).officialDocumentDocx(targetsReportDocument({ report, issue, issuedAt: ctx.now(), place: ctx.setting('documents.issuingPlace') }))
        : await (await (targetsXlsxWriter ??= import('./targets-report-xlsx.ts'))).targetsReportXlsx(report);
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  function auditTargets(report: TargetsReport, format: ReportFormat, sha256: string, bytes: number): void {
    ctx.audit.record({
      action: 'reports.export',
      entity: 'report',
      detail: { report: 'targets', planId: report.plan.id, period: report.period, asOf: report.asOf, format, bytes, sha256 },
    });
  }

  const weekly = createWeeklyReview(ctx, { build, meetings: deps.meetings, importIntoMeeting: deps.importIntoMeeting });

  function audit(report: TasksReport, format: ReportFormat, sha256: string, bytes: number): void {
    ctx.audit.record({
      action: 'reports.export',
      entity: 'report',
      detail: { report: 'tasks', period: report.period.key, asOf: report.asOf, committeeId: report.committee?.id ?? null, format, bytes, sha256 },
    });
  }

  const handlers: DomainHandlers<typeof reportsMethods> = {
    'reports.tasks': (input: MethodInput<'reports.tasks'>) => build(input),
    'reports.tasksExport': async ({ format, issue, ...input }: MethodInput<'reports.tasksExport'>) => {
      const report = build(input);
      const { bytes, sha256 } = await render(report, format, issue);
      const file = await writeExport(ctx.paths, reportFileName(report, format), REPORT_MIME[format], bytes);
      audit(report, format, sha256, file.bytes);
      return file;
    },
    'reports.tasksExportFile': async ({ format, issue, file, overwrite, ...input }: MethodInput<'reports.tasksExportFile'>) => {
      // Refused before the slow work: the file is there and the user did not say to replace it.
      refuseOverwrite(file, overwrite);
      const report = build(input);
      const { bytes, sha256 } = await render(report, format, issue);
      const size = writeUserFile(file, overwrite, bytes);
      audit(report, format, sha256, size);
      return { file, bytes: size, sha256, period: report.period, asOf: report.asOf };
    },
    'reports.targets': (input: MethodInput<'reports.targets'>) => buildTargets(input),
    'reports.targetsExport': async ({ format, issue, ...input }: MethodInput<'reports.targetsExport'>) => {
      const report = buildTargets(input);
      const { bytes, sha256 } = await renderTargets(report, format, issue);
      const file = await writeExport(ctx.paths, targetsReportFileName(report, format), REPORT_MIME[format], bytes);
      auditTargets(report, format, sha256, file.bytes);
      return file;
    },
    'reports.targetsExportFile': async ({ format, issue, file, overwrite, ...input }: MethodInput<'reports.targetsExportFile'>) => {
      refuseOverwrite(file, overwrite);
      const report = buildTargets(input);
      const { bytes, sha256 } = await renderTargets(report, format, issue);
      const size = writeUserFile(file, overwrite, bytes);
      auditTargets(report, format, sha256, size);
      return { file, bytes: size, sha256, period: report.period, asOf: report.asOf };
    },
    'reports.addWeeklyReview': (input: MethodInput<'reports.addWeeklyReview'>) => weekly.add(input),
    'reports.attachToMeeting': async (input: MethodInput<'reports.attachToMeeting'>) => {
      const { officialDocumentPdf } = await import('../../official-docs/official-pdf.ts');
      const issuedAt = ctx.now();
      const place = ctx.setting('documents.issuingPlace');
      if (input.report === 'tasks') {
        const { meetingId, agendaItemId, issue, report: _kind, ...which } = input;
        const report = build(which);
        const pdf = await officialDocumentPdf(tasksReportDocument({ report, issue, issuedAt, place }));
        return storeReportInMeeting(ctx, deps.importIntoMeeting, {
          pdf,
          fileName: `Báo cáo nhiệm vụ ${report.period.label.vi.toLowerCase().replaceAll('/', '-')}.pdf`,
          meetingId,
          agendaItemId,
          detail: { report: 'tasks', period: report.period.key, asOf: report.asOf, committeeId: report.committee?.id ?? null },
        });
      }
      const { meetingId, agendaItemId, issue, report: _kind, ...which } = input;
      const report = buildTargets(which);
      const pdf = await officialDocumentPdf(targetsReportDocument({ report, issue, issuedAt, place }));
      return storeReportInMeeting(ctx, deps.importIntoMeeting, {
        pdf,
        fileName: `Báo cáo chỉ tiêu ${report.periodLabel.toLowerCase().replaceAll('/', '-')} - ${report.plan.title}.pdf`.slice(0, 200),
        meetingId,
        agendaItemId,
        detail: { report: 'targets', planId: report.plan.id, period: report.period, asOf: report.asOf },
      });
    },
  };
  return { handlers } satisfies Domain;
}
