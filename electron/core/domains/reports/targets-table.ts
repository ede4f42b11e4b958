import type { TargetsReport, TargetsReportRow, TaskUnit } from '../../../../shared/contract/index.ts';
import { attainmentLabels } from '../../../../shared/plans/attainment.ts';
import { targetPeriodLabel } from '../../../../shared/plans/target-periods.ts';
import type { OfficialBlock, TableBlock, TextRun } from '../../official-docs/official-text.ts';
import { cell, heading, text } from './report-blocks.ts';
import { dateVi, numberVi } from './report-wording.ts';

/**
 * A plan's targets as both reports print them: the table by area (the targets report's section II,
 * the tasks report's section IV), the counts by status in one sentence, and the wording of their figures.
 */

export const unitName = (u: TaskUnit | null) => (u ? u.name || u.code || u.id : '');
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** "quý I/2026", "năm 2026": the period's label inside a sentence. */
export function targetsPeriodPhrase(report: Pick<TargetsReport, 'periodLabel'>): string {
  return report.periodLabel.charAt(0).toLocaleLowerCase('vi') + report.periodLabel.slice(1);
}

/** "1.234,5" or "—" when there is no figure. */
export const figureVi = (value: number | null): string => (value === null ? '—' : numberVi(value));

/** "95,2" (the table's Tỷ lệ (%) column), "—" when there is no ratio. */
export const percentCell = (percent: number | null): string => (percent === null ? '—' : numberVi(percent, 1));

/** " (95,2%)": a count's share of the total after it, nothing when the total is 0. */
export const share = (n: number, of: number) => (of === 0 ? '' : ` (${numberVi((n / of) * 100, 1)}%)`);

export const TARGETS_HEADER = ['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá', 'Đơn vị chủ trì'];

function goalCell(report: TargetsReport, r: TargetsReportRow): TextRun[] {
  if (r.goal === null) return cell('—');
  const runs = [text(figureVi(r.goal))];
  if (r.goalPeriod && r.goalPeriod !== report.period) runs.push(text(`\n(KH ${targetPeriodLabel(r.goalPeriod).toLocaleLowerCase('vi')})`, { italic: true }));
  return runs;
}

/** Every target under its area of the plan: the group rows in bold (I, II, …), each target by its code in the plan, else 1, 2, … within. */
export function targetsTable(report: TargetsReport, title = 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'): OfficialBlock[] {
  const rows: TextRun[][][] = [TARGETS_HEADER.map((h) => cell(h))];
  report.sections.forEach((s, i) => {
    rows.push([cell(s.group.code || ROMAN[i] || String(i + 1), { bold: true }), cell(s.group.title, { bold: true }), ...Array.from({ length: 6 }, () => cell(''))]);
    s.rows.forEach((r, k) => {
      rows.push([
        cell(r.target.code || k + 1),
        cell(r.target.name),
        cell(r.target.measure),
        goalCell(report, r),
        cell(figureVi(r.actual)),
        cell(percentCell(r.percent)),
        cell(attainmentLabels[r.status].vi),
        cell(unitName(r.target.ownerUnit)),
      ]);
    });
  });
  const table: TableBlock = {
    kind: 'table',
    headerRows: 1,
    columnWidths: [7, 28, 8, 11, 11, 9, 10, 16],
    columnAlign: ['center', 'left', 'center', 'right', 'right', 'right', 'center', 'left'],
    rows,
  };
  return [heading(title), table];
}

/** The counts by status in one sentence, for the tasks report's section on the plan's targets. */
export function targetsCountsLine(report: TargetsReport): string {
  const c = report.counts;
  const total = c.met + c.near + c.missed + c.none;
  const plan = `${report.plan.title}${report.plan.code ? ` (số ${report.plan.code})` : ''}`;
  return (
    `${plan}: ${total} chỉ tiêu, trong đó đạt ${c.met}${share(c.met, total)}, gần đạt ${c.near}${share(c.near, total)}, ` +
    `không đạt ${c.missed}${share(c.missed, total)}, chưa có số liệu ${c.none}${share(c.none, total)} (${targetsPeriodPhrase(report)}, số liệu tính đến ngày ${dateVi(report.asOf)}).`
  );
}
