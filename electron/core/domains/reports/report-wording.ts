import type { BucketCounts, TasksReport } from '../../../../shared/contract/index.ts';

/**
 * How the report words its figures, shared by the DOCX and the XLSX so both say the same: dates as
 * dd/mm/yyyy, the period in running text, the data window sentence, and the on-time share.
 */

export function dateVi(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "tháng 12/2026", "quý IV/2026", "6 tháng đầu năm 2026": the period's label inside a sentence. */
export function periodPhrase(report: Pick<TasksReport, 'period'>): string {
  const label = report.period.label.vi;
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

/** "(tính đến ngày 20/12/2026)" while the period is still running, else null. */
export function asOfNote(report: Pick<TasksReport, 'partial' | 'asOf'>): string | null {
  return report.partial ? `(tính đến ngày ${dateVi(report.asOf)})` : null;
}

/** The data window (thời gian chốt số liệu, Nghị định 09/2019, Điều 12) as the report states it. */
export function windowSentence(report: Pick<TasksReport, 'period' | 'partial' | 'asOf'>): string {
  const base = `Thời gian chốt số liệu: từ ngày ${dateVi(report.period.from)} đến ngày ${dateVi(report.period.to)}`;
  return report.partial ? `${base}; số liệu tính đến ngày ${dateVi(report.asOf)}.` : `${base}.`;
}

/** Done or open within the deadline, of all counted: the share the report calls "đúng hạn". */
export function onTimeShare(c: Pick<BucketCounts, 'done_on_time' | 'open_on_time' | 'total'>): number | null {
  return c.total === 0 ? null : (c.done_on_time + c.open_on_time) / c.total;
}

/** "87,5%": one decimal, a Vietnamese decimal comma, no trailing ",0". */
export function percentVi(share: number | null): string {
  if (share === null) return '—';
  return `${(Math.round(share * 1000) / 10).toString().replace('.', ',')}%`;
}

/** What a report with no task assigned by its date says instead of tables of zeros. */
export const EMPTY_REPORT_LINE = 'Trong kỳ chưa có nhiệm vụ nào được giao.';

export const ON_TIME_DEFINITION = 'Tỷ lệ đúng hạn = (đã hoàn thành đúng hạn + đang thực hiện trong hạn) / tổng số.';

/**
 * "1.234,5": a figure the way Vietnamese reports print it, a dot between thousands and a decimal
 * comma, at most `decimals` decimals and no trailing zeros ("6,5", "12", "-0,25").
 */
export function numberVi(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '—';
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction] = rounded.toFixed(decimals).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}
