import { InvalidArgumentError, type Command } from 'commander';
import type { ReportsOutputs, TasksReportFileResult, TasksReportIssue } from '../../../shared/contract/index.ts';
import { isTargetPeriod, targetPeriodLabel } from '../../../shared/plans/target-periods.ts';
import { PERIOD_KINDS, type PeriodKind } from '../../../shared/reports/periods.ts';
import { collect, dayArg } from '../args.ts';
import { printResult, type Output } from '../output.ts';
import { formatBytes, withCore, type CommandContext } from '../with-core.ts';

const FORMATS = ['docx', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** The period kind, refused in Vietnamese first (commander's own `choices` message is English only). */
function periodArg(value: string): PeriodKind {
  if ((PERIOD_KINDS as readonly string[]).includes(value)) return value as PeriodKind;
  throw new InvalidArgumentError(`kỳ báo cáo phải là một trong ${PERIOD_KINDS.join(', ')} / the period must be one of ${PERIOD_KINDS.join(', ')}`);
}

/** A plan's period: a year, a quarter or a month, refused in Vietnamese first. */
function targetPeriodArg(value: string): string {
  const key = value.trim().toUpperCase();
  if (isTargetPeriod(key)) return key;
  throw new InvalidArgumentError('kỳ chỉ tiêu phải là năm (2026), quý (2026-Q1) hoặc tháng (2026-03) / the period must be 2026, 2026-Q1 or 2026-03');
}

function formatArg(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new InvalidArgumentError('định dạng phải là docx hoặc xlsx / the format must be docx or xlsx');
}

/** The format from --format, or from the file's extension (a Word file unless it ends in .xlsx). */
function formatOf(file: string, given: Format | undefined): Format {
  return given ?? (file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'docx');
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function describe(out: Output, r: TasksReportFileResult): string {
  const p = r.period;
  if (out.lang === 'en') {
    return [`Tasks report, ${p.label.en} (${p.from} to ${p.to}), as of ${r.asOf}: ${r.file} (${formatBytes(r.bytes)})`, `SHA-256: ${r.sha256}`].join('\n');
  }
  return [
    `Báo cáo tình hình thực hiện nhiệm vụ ${p.label.vi} (${ddmmyyyy(p.from)} – ${ddmmyyyy(p.to)}), số liệu đến ngày ${ddmmyyyy(r.asOf)}: ${r.file} (${formatBytes(r.bytes)})`,
    `SHA-256: ${r.sha256}`,
  ].join('\n');
}

type TargetsFileResult = ReportsOutputs['reports.targetsExportFile'];

function describeTargets(out: Output, r: TargetsFileResult): string {
  if (out.lang === 'en') {
    return [`Targets report, ${targetPeriodLabel(r.period, 'en')}, as of ${r.asOf}: ${r.file} (${formatBytes(r.bytes)})`, `SHA-256: ${r.sha256}`].join('\n');
  }
  return [
    `Báo cáo tình hình thực hiện các chỉ tiêu ${targetPeriodLabel(r.period)}, số liệu đến ngày ${ddmmyyyy(r.asOf)}: ${r.file} (${formatBytes(r.bytes)})`,
    `SHA-256: ${r.sha256}`,
  ].join('\n');
}

interface IssueOptions {
  number?: string;
  narrative?: string;
  signerTitle?: string[];
  signerName?: string;
  recipient?: string[];
}

/** What the secretary said on the command line about the report's issue, or undefined when nothing. */
function issueOf(o: IssueOptions): TasksReportIssue | undefined {
  const issue: TasksReportIssue = {
    number: o.number,
    narrative: o.narrative,
    signerTitle: o.signerTitle?.join('\n'),
    signerName: o.signerName,
    recipients: o.recipient,
  };
  return Object.values(issue).some((v) => v !== undefined) ? issue : undefined;
}

interface TargetsReportOptions extends IssueOptions {
  plan: string;
  period: string;
  asOf?: string;
  format?: Format;
  force: boolean;
}

interface TasksReportOptions extends IssueOptions {
  period: PeriodKind;
  asOf?: string;
  committee?: string;
  format?: Format;
  force: boolean;
}

/** `nghisu report tasks` and `nghisu report targets`: the periodic reports (Báo cáo định kỳ) as DOCX or XLSX. */
export function registerReportCommands(program: Command, { globals, setExit }: CommandContext): void {
  const report = program.command('report').description('báo cáo định kỳ / periodic reports');

  /** What both reports take after their own options: the format, overwrite, and what the secretary writes. */
  const fileOptions = (command: Command): Command =>
    command
      .option('--format <format>', 'docx hoặc xlsx; mặc định theo đuôi tệp / docx or xlsx; by default from the extension', formatArg)
      .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
      .option('--number <n>', 'số văn bản, vd. 15 (Số: 15/BC-…) / the report’s number')
      .option('--narrative <text>', 'phần đánh giá chung, kiến nghị (mỗi dòng một đoạn) / the assessment, a paragraph per line')
      .option('--signer-title <line>', 'dòng thẩm quyền, chức vụ người ký (lặp lại được) / authority and title line (repeatable)', collect)
      .option('--signer-name <name>', 'họ tên người ký / the signer’s name')
      .option('--recipient <line>', 'một dòng "Nơi nhận" (lặp lại được) / one "Nơi nhận" line (repeatable)', collect);

  fileOptions(
    report
      .command('tasks')
      .description('báo cáo tình hình thực hiện nhiệm vụ theo kỳ (DOCX theo Nghị định 30/2020 hoặc XLSX số liệu) / the periodic tasks report')
      .argument('<file>', 'tệp ra (.docx hoặc .xlsx) / output file')
      .requiredOption('--period <kind>', `kỳ báo cáo: ${PERIOD_KINDS.join(', ')} / the period`, periodArg)
      .option('--as-of <day>', 'ngày chốt số liệu (YYYY-MM-DD); mặc định hôm nay hoặc ngày cuối kỳ / the as-of day; today or the period’s end by default', dayArg)
      .option('--committee <id>', 'chỉ nhiệm vụ của Ban Chỉ đạo này / only this committee’s tasks'),
  ).action(async (file: string, o: TasksReportOptions) => {
    setExit(
      await withCore(globals(), async (core, out) => {
        const r = await core.call('reports.tasksExportFile', {
          kind: o.period,
          asOf: o.asOf,
          committeeId: o.committee,
          format: formatOf(file, o.format),
          issue: issueOf(o),
          file,
          overwrite: o.force,
        });
        printResult(out, r, () => describe(out, r));
      }),
    );
  });

  fileOptions(
    report
      .command('targets')
      .description('báo cáo tình hình thực hiện các chỉ tiêu của một kế hoạch theo kỳ (DOCX hoặc XLSX) / the targets report of an action plan')
      .argument('<file>', 'tệp ra (.docx hoặc .xlsx) / output file')
      .requiredOption('--plan <id>', 'mã kế hoạch / the plan’s id')
      .requiredOption('--period <period>', 'kỳ: năm (2026), quý (2026-Q1) hoặc tháng (2026-03) / the period', targetPeriodArg)
      .option('--as-of <day>', 'số liệu đã báo cáo đến ngày này (YYYY-MM-DD); mặc định hôm nay / values as reported by this day; today by default', dayArg),
  ).action(async (file: string, o: TargetsReportOptions) => {
    setExit(
      await withCore(globals(), async (core, out) => {
        const r = await core.call('reports.targetsExportFile', {
          planId: o.plan,
          period: o.period,
          asOf: o.asOf,
          format: formatOf(file, o.format),
          issue: issueOf(o),
          file,
          overwrite: o.force,
        });
        printResult(out, r, () => describeTargets(out, r));
      }),
    );
  });
}
