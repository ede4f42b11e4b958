import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { PlanImportFileResult, PlanSummary, TargetActual } from '../../../shared/contract/index.ts';
import { isTargetPeriod, targetPeriodLabel } from '../../../shared/plans/target-periods.ts';
import { parseFigure } from '../../core/domains/plans/import/figures.ts';
import { printResult, type Output } from '../output.ts';
import { EXIT_FAILED, EXIT_OK, withCore, type CommandContext } from '../with-core.ts';

const tr = (out: Output, vi: string, en: string) => (out.lang === 'vi' ? vi : en);

/** A value typed the Vietnamese way ("98,5", "1.234,5") or the English one ("98.5"). */
export function figureArg(value: string): number {
  const figure = parseFigure(value);
  if (figure.kind === 'number') return figure.value;
  throw new InvalidArgumentError(`giá trị phải là số, vd. 98,5 hoặc 1.234,5 / the value must be a number, e.g. 98.5 or 1234.5`);
}

/** A target period: 2026, 2026-Q1 or 2026-03. */
export function periodArg(value: string): string {
  const key = value.trim().toUpperCase();
  if (isTargetPeriod(key)) return key;
  throw new InvalidArgumentError('kỳ phải là năm (2026), quý (2026-Q1) hoặc tháng (2026-03) / the period must be 2026, 2026-Q1 or 2026-03');
}

const span = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);

function importText(out: Output, r: PlanImportFileResult, dryRun: boolean): string {
  const p = r.preview;
  const c = p.counts;
  const lines = [
    `${tr(out, 'Tệp', 'File')}: ${p.fileName}${p.sheetName ? ` (${tr(out, 'trang', 'sheet')} "${p.sheetName}")` : ''}`,
    `${tr(out, 'Kế hoạch', 'Plan')}: ${p.title} (${span(p.yearFrom, p.yearTo)})`,
    `${tr(out, 'Các kỳ', 'Periods')}: ${p.periods.map((k) => targetPeriodLabel(k, out.lang)).join(', ')}`,
  ];
  const problems = p.rows.filter((row) => row.issues.length > 0);
  if (problems.length) {
    lines.push('', tr(out, 'Các dòng có vấn đề:', 'Rows with problems:'));
    for (const row of problems) {
      for (const i of row.issues) lines.push(`  ${tr(out, 'Dòng', 'Row')} ${row.rowNumber}: ${i.message[out.lang]}`);
    }
  }
  lines.push(
    '',
    tr(
      out,
      `Chỉ tiêu: ${c.create} mới, ${c.update} cập nhật, ${c.unchanged} không đổi, ${c.skip} dòng có vấn đề; ${c.groups} nhóm mới.`,
      `Targets: ${c.create} new, ${c.update} updated, ${c.unchanged} unchanged, ${c.skip} rows with problems; ${c.groups} new groups.`,
    ),
  );
  if (r.result) {
    lines.push(
      tr(
        out,
        `Đã nhập vào kế hoạch ${r.result.planId}: ${r.result.created} chỉ tiêu mới, ${r.result.updated} cập nhật, ${r.result.goals} giá trị kế hoạch.`,
        `Imported into plan ${r.result.planId}: ${r.result.created} new targets, ${r.result.updated} updated, ${r.result.goals} goals.`,
      ),
    );
  } else if (problems.length) {
    lines.push(
      tr(
        out,
        'Chưa nhập gì: hãy sửa các dòng trên trong tệp rồi chạy lại (hoặc nhập qua giao diện để bỏ qua các dòng có vấn đề).',
        'Nothing imported: correct the rows above and run again (or import in the app to skip the rows with problems).',
      ),
    );
  } else if (dryRun) {
    lines.push(tr(out, 'Chạy thử: chưa ghi gì.', 'Dry run: nothing written.'));
  }
  return lines.join('\n');
}

function listText(out: Output, plans: PlanSummary[]): string {
  if (plans.length === 0) return tr(out, 'Chưa có kế hoạch nào.', 'No plans yet.');
  return plans
    .map(
      (p) =>
        `${p.id}  ${span(p.yearFrom, p.yearTo).padEnd(9)}  ${String(p.targets).padStart(4)} ${tr(out, 'chỉ tiêu', 'targets')}, ${p.reported} ${tr(out, 'đã báo cáo', 'reported')}${p.committee ? `  ${p.committee.name}` : ''}\n    ${p.title}`,
    )
    .join('\n');
}

function reportText(out: Output, a: TargetActual): string {
  return tr(
    out,
    `Đã ghi nhận giá trị ${a.value.toLocaleString('vi-VN')} cho ${targetPeriodLabel(a.period)} (chỉ tiêu ${a.targetId}).`,
    `Recorded ${a.value.toLocaleString('en-US')} for ${targetPeriodLabel(a.period, 'en')} (target ${a.targetId}).`,
  );
}

interface ImportOptions {
  committee?: string;
  plan?: string;
  title?: string;
  dryRun: boolean;
}

/** `nghisu plans …` and `nghisu targets …`: kế hoạch hành động and their chỉ tiêu. */
export function registerPlanCommands(program: Command, { globals, setExit }: CommandContext): void {
  const run = (body: Parameters<typeof withCore>[1]) => withCore(globals(), body).then(setExit);
  const plans = program.command('plans').description('kế hoạch hành động và chỉ tiêu / action plans and targets');

  plans
    .command('import')
    .description('nhập kế hoạch chỉ tiêu từ tệp Excel; không ghi gì nếu có dòng có vấn đề / import a plan of targets from Excel; writes nothing when a row has problems')
    .argument('<file>', 'tệp .xlsx hoặc .csv / the .xlsx or .csv file')
    .option('--committee <id>', 'Ban Chỉ đạo của kế hoạch mới / the committee of a new plan')
    .option('--plan <id>', 'nhập vào kế hoạch đã có (cập nhật chỉ tiêu theo mã, hoặc theo tên) / import into an existing plan')
    .option('--title <text>', 'tên kế hoạch (mặc định: tiêu đề trong tệp) / the plan title (default: the title in the file)')
    .option('--dry-run', 'chỉ kiểm tra, không ghi gì / check only, write nothing', false)
    .action(async (file: string, o: ImportOptions) => {
      await run(async (core, out) => {
        const r = await core.call('plans.importFile', {
          file: resolve(file),
          committeeId: o.committee,
          planId: o.plan,
          title: o.title,
          dryRun: o.dryRun,
        });
        printResult(out, r, () => importText(out, r, o.dryRun));
        return r.preview.counts.skip > 0 ? EXIT_FAILED : EXIT_OK;
      });
    });

  plans
    .command('list')
    .description('các kế hoạch / the plans')
    .option('--committee <id>', 'chỉ kế hoạch của Ban Chỉ đạo này / only this committee’s plans')
    .action(async (o: { committee?: string }) => {
      await run(async (core, out) => {
        const list = await core.call('plans.list', { committeeId: o.committee });
        printResult(out, list, () => listText(out, list));
      });
    });

  const targets = program.command('targets').description('chỉ tiêu của kế hoạch / plan targets');
  targets
    .command('report')
    .description('ghi nhận giá trị thực hiện của một chỉ tiêu trong một kỳ / report a target’s value for a period')
    .argument('<targetId>', 'mã chỉ tiêu / target id')
    .requiredOption('--period <period>', 'kỳ: 2026, 2026-Q1 hoặc 2026-03 / the period', periodArg)
    .requiredOption('--value <value>', 'giá trị, vd. 98,5 / the value', figureArg)
    .option('--note <text>', 'ghi chú / a note')
    .option('--evidence <documentId>', 'tài liệu minh chứng trong kho (mã tài liệu, xem nghisu import-pdf) / an evidence document of the store')
    .action(async (targetId: string, o: { period: string; value: number; note?: string; evidence?: string }) => {
      await run(async (core, out) => {
        const a = await core.call('targets.report', { targetId, period: o.period, value: o.value, note: o.note, evidenceDocumentId: o.evidence });
        printResult(out, a, () => reportText(out, a));
      });
    });
}
