import { InvalidArgumentError, type Command } from 'commander';
import type { TasksReportFileResult, TasksReportIssue } from '../../../shared/contract/index.ts';
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

interface TasksReportOptions {
  period: PeriodKind;
  asOf?: string;
  committee?: string;
  format?: Format;
  force: boolean;
  number?: string;
  narrative?: string;
  signerTitle?: string[];
  signerName?: string;
  recipient?: string[];
}

/** `nghisu report tasks`: the periodic report on tasks (Báo cáo định kỳ) as DOCX or XLSX. */
export function registerReportCommands(program: Command, { globals, setExit }: CommandContext): void {
  const report = program.command('report').description('báo cáo định kỳ / periodic reports');

  report
    .command('tasks')
    .description('báo cáo tình hình thực hiện nhiệm vụ theo kỳ (DOCX theo Nghị định 30/2020 hoặc XLSX số liệu) / the periodic tasks report')
    .argument('<file>', 'tệp ra (.docx hoặc .xlsx) / output file')
    .requiredOption('--period <kind>', `kỳ báo cáo: ${PERIOD_KINDS.join(', ')} / the period`, periodArg)
    .option('--as-of <day>', 'ngày chốt số liệu (YYYY-MM-DD); mặc định hôm nay hoặc ngày cuối kỳ / the as-of day; today or the period’s end by default', dayArg)
    .option('--committee <id>', 'chỉ nhiệm vụ của Ban Chỉ đạo này / only this committee’s tasks')
    .option('--format <format>', 'docx hoặc xlsx; mặc định theo đuôi tệp / docx or xlsx; by default from the extension', formatArg)
    .option('--force', 'ghi đè nếu tệp đã có / overwrite an existing file', false)
    .option('--number <n>', 'số văn bản, vd. 15 (Số: 15/BC-…) / the report’s number')
    .option('--narrative <text>', 'phần đánh giá chung, kiến nghị (mỗi dòng một đoạn) / the assessment, a paragraph per line')
    .option('--signer-title <line>', 'dòng thẩm quyền, chức vụ người ký (lặp lại được) / authority and title line (repeatable)', collect)
    .option('--signer-name <name>', 'họ tên người ký / the signer’s name')
    .option('--recipient <line>', 'một dòng "Nơi nhận" (lặp lại được) / one "Nơi nhận" line (repeatable)', collect)
    .action(async (file: string, o: TasksReportOptions) => {
      setExit(
        await withCore(globals(), async (core, out) => {
          const issue: TasksReportIssue = {
            number: o.number,
            narrative: o.narrative,
            signerTitle: o.signerTitle?.join('\n'),
            signerName: o.signerName,
            recipients: o.recipient,
          };
          const r = await core.call('reports.tasksExportFile', {
            kind: o.period,
            asOf: o.asOf,
            committeeId: o.committee,
            format: formatOf(file, o.format),
            issue: Object.values(issue).some((v) => v !== undefined) ? issue : undefined,
            file,
            overwrite: o.force,
          });
          printResult(out, r, () => describe(out, r));
        }),
      );
    });
}
