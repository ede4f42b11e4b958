import ExcelJS from 'exceljs';
import type { TargetsReport, TargetsReportRow } from '../../../../shared/contract/index.ts';
import { attainmentLabels, type AttainmentStatus } from '../../../../shared/plans/attainment.ts';
import { targetPeriodLabel } from '../../../../shared/plans/target-periods.ts';
import { nfc } from '../../official-docs/nfc.ts';
import { dateVi } from './report-wording.ts';
import { emptyTargetsLine, thresholdsSentence } from './targets-report-document.ts';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: 'Times New Roman', size: 12 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F4F4' } };
const COUNT = '#,##0';
const DECIMAL = '#,##0.0#';
const SHARE = '0.0%';
const PAGE = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

/** The columns of sheet "Chỉ tiêu"; D–F sit under one "<period>" heading. */
const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Chỉ tiêu', width: 52 },
  { header: 'ĐVT', width: 11 },
  { header: 'Kế hoạch', width: 13 },
  { header: 'Thực hiện', width: 13 },
  { header: 'Tỷ lệ (%)', width: 11 },
  { header: 'Đánh giá', width: 15 },
  { header: 'Đơn vị chủ trì', width: 34 },
  { header: 'Ghi chú', width: 40 },
];
const STATUS_COLUMN = 'G';
const STATUSES: AttainmentStatus[] = ['met', 'near', 'missed', 'none'];

type Sheet = ExcelJS.Worksheet;

function titleRow(sheet: Sheet, width: number, value: string, font: Partial<ExcelJS.Font>): ExcelJS.Row {
  const row = sheet.addRow([nfc(value)]);
  sheet.mergeCells(row.number, 1, row.number, width);
  row.getCell(1).font = { ...FONT, ...font };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return row;
}

function headerStyle(cell: ExcelJS.Cell): void {
  cell.font = { ...FONT, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BORDER;
  cell.fill = HEADER_FILL;
}

function bodyStyle(row: ExcelJS.Row, width: number, align: Record<number, ExcelJS.Alignment['horizontal']>, bold = false): void {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = { ...FONT, bold };
    cell.alignment = { vertical: 'top', wrapText: true, horizontal: align[c] };
    cell.border = BORDER;
  }
}

/** Whole numbers (doanh nghiệp, hộ, xã) without decimals; rates and money with up to two. */
function numberFormat(r: TargetsReportRow): string {
  const values = [r.goal, r.actual].filter((v): v is number => v !== null);
  return r.target.measure.trim() !== '%' && values.every((v) => Number.isInteger(v)) ? COUNT : DECIMAL;
}

/**
 * Tỷ lệ as a live formula over the row's own Kế hoạch (D) and Thực hiện (E): actual / goal when
 * higher is better, goal / actual when lower is; blank while either is missing, for a goal of zero
 * (judged without a ratio) and where it would divide by zero. The result is what the formula gives, set so any reader shows it without recalculating.
 * A negative goal has no ratio (shared/plans/attainment.ts): a plain blank.
 */
function ratioCell(row: number, r: TargetsReportRow): ExcelJS.CellValue {
  if (r.goal !== null && r.goal < 0) return null;
  const [g, a] = [`D${row}`, `E${row}`];
  if (r.target.direction === 'higher') {
    const result = r.goal === null || r.actual === null || r.goal === 0 ? '' : r.actual / r.goal;
    return { formula: `IF(OR(${g}="",${a}="",${g}=0),"",${a}/${g})`, result };
  }
  const result = r.goal === null || r.actual === null || r.goal === 0 || r.actual <= 0 ? '' : r.goal / r.actual;
  return { formula: `IF(OR(${g}="",${a}="",${g}=0,${a}<=0),"",${g}/${a})`, result };
}

function noteOf(report: TargetsReport, r: TargetsReportRow): string {
  const parts: string[] = [];
  if (r.goalPeriod && r.goalPeriod !== report.period) parts.push(`So với kế hoạch ${targetPeriodLabel(r.goalPeriod).toLocaleLowerCase('vi')}`);
  if (r.target.direction === 'lower') parts.push('Càng thấp càng tốt');
  if (r.note?.trim()) parts.push(r.note.trim());
  return parts.join('; ');
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** The rows of the Đánh giá column, for the COUNTIFs of the summary sheet. */
interface Span {
  first: number;
  last: number;
}

/**
 * Sheet 1: every target by area under a two-row header (the period's name over Kế hoạch, Thực hiện,
 * Tỷ lệ), the group rows bold across the table, the header frozen with the target's name.
 */
export function targetsSheet(workbook: ExcelJS.Workbook, report: TargetsReport): Span | null {
  const width = COLUMNS.length;
  const sheet = workbook.addWorksheet('Chỉ tiêu', { pageSetup: { ...PAGE } });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  titleRow(sheet, width, report.issuer.toLocaleUpperCase('vi'), { bold: true });
  titleRow(sheet, width, 'TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU', { bold: true, size: 14 });
  titleRow(sheet, width, `${report.plan.title}${report.plan.code ? ` (số ${report.plan.code})` : ''}`, { bold: true });
  titleRow(sheet, width, `${report.periodLabel} — số liệu tính đến ngày ${dateVi(report.asOf)}${report.partial ? ' (kỳ chưa kết thúc)' : ''}`, { italic: true });
  sheet.addRow([]);

  const top = sheet.addRow(['STT', 'Chỉ tiêu', 'ĐVT', report.periodLabel, null, null, 'Đánh giá', 'Đơn vị chủ trì', 'Ghi chú']);
  const sub = sheet.addRow([null, null, null, 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', null, null, null]);
  const [h1, h2] = [top.number, sub.number];
  for (const c of [1, 2, 3, 7, 8, 9]) sheet.mergeCells(h1, c, h2, c);
  sheet.mergeCells(h1, 4, h1, 6);
  for (let c = 1; c <= width; c++) {
    headerStyle(top.getCell(c));
    headerStyle(sub.getCell(c));
  }
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: h2 }];
  sheet.pageSetup.printTitlesRow = `${h1}:${h2}`;

  if (report.empty) {
    titleRow(sheet, width, emptyTargetsLine(report), { italic: true });
    return null;
  }
  const align: Record<number, ExcelJS.Alignment['horizontal']> = { 1: 'center', 3: 'center', 4: 'right', 5: 'right', 6: 'right', 7: 'center' };
  const first = h2 + 1;
  report.sections.forEach((s, i) => {
    const g = sheet.addRow([nfc(s.group.code || ROMAN[i] || String(i + 1)), nfc(s.group.title)]);
    bodyStyle(g, width, align, true);
    sheet.mergeCells(g.number, 2, g.number, width);
    for (let c = 1; c <= width; c++) g.getCell(c).fill = GROUP_FILL;
    s.rows.forEach((r, k) => {
      const n = g.number + k + 1;
      const row = sheet.addRow([
        r.target.code ? nfc(r.target.code) : k + 1,
        nfc(r.target.name),
        nfc(r.target.measure),
        r.goal,
        r.actual,
        ratioCell(n, r),
        nfc(attainmentLabels[r.status].vi),
        nfc(r.target.ownerUnit ? r.target.ownerUnit.name || r.target.ownerUnit.code || r.target.ownerUnit.id : ''),
        nfc(noteOf(report, r)),
      ]);
      bodyStyle(row, width, align);
      const fmt = numberFormat(r);
      row.getCell(4).numFmt = fmt;
      row.getCell(5).numFmt = fmt;
      row.getCell(6).numFmt = SHARE;
    });
  });
  const last = sheet.lastRow!.number;
  sheet.addRow([]);
  for (const line of [
    thresholdsSentence(report),
    'Tỷ lệ (%) = Thực hiện / Kế hoạch; với chỉ tiêu càng thấp càng tốt, Tỷ lệ (%) = Kế hoạch / Thực hiện.',
  ]) {
    const row = sheet.addRow([nfc(line)]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { ...FONT, italic: true };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  return { first, last };
}

/** Sheet 2: how many targets stand where, as COUNTIFs over the Đánh giá column of sheet 1. */
function summarySheet(workbook: ExcelJS.Workbook, report: TargetsReport, span: Span | null): void {
  const width = 3;
  const sheet = workbook.addWorksheet('Tổng hợp', { pageSetup: { ...PAGE, orientation: 'portrait' } });
  sheet.columns = [{ width: 30 }, { width: 14 }, { width: 12 }];
  titleRow(sheet, width, 'TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU', { bold: true, size: 14 });
  titleRow(sheet, width, `${report.periodLabel} — số liệu tính đến ngày ${dateVi(report.asOf)}`, { italic: true });
  sheet.addRow([]);
  const header = sheet.addRow(['Đánh giá', 'Số chỉ tiêu', 'Tỷ lệ']);
  header.eachCell((cell) => headerStyle(cell));
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number }];
  const total = STATUSES.reduce((sum, s) => sum + report.counts[s], 0);
  const first = header.number + 1;
  const totalRow = first + STATUSES.length;
  const range = span ? `'Chỉ tiêu'!$${STATUS_COLUMN}$${span.first}:$${STATUS_COLUMN}$${span.last}` : null;
  STATUSES.forEach((s, i) => {
    const label = nfc(attainmentLabels[s].vi);
    const n = first + i;
    const row = sheet.addRow([
      label,
      range ? { formula: `COUNTIF(${range},A${n})`, result: report.counts[s] } : report.counts[s],
      { formula: `IF($B$${totalRow}=0,"",B${n}/$B$${totalRow})`, result: total === 0 ? '' : report.counts[s] / total },
    ]);
    bodyStyle(row, width, { 2: 'right', 3: 'right' });
    row.getCell(2).numFmt = COUNT;
    row.getCell(3).numFmt = SHARE;
  });
  const sum = sheet.addRow(['Tổng số', { formula: `SUM(B${first}:B${totalRow - 1})`, result: total }, { formula: `IF(B${totalRow}=0,"",SUM(C${first}:C${totalRow - 1}))`, result: total === 0 ? '' : 1 }]);
  bodyStyle(sum, width, { 2: 'right', 3: 'right' }, true);
  sum.getCell(2).numFmt = COUNT;
  sum.getCell(3).numFmt = SHARE;
  sheet.addRow([]);
  const note = sheet.addRow([nfc(thresholdsSentence(report))]);
  sheet.mergeCells(note.number, 1, note.number, width);
  note.getCell(1).font = { ...FONT, italic: true };
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = 80;
}

/** The targets report's data as a workbook: every target with live ratios, and the counts by status as formulas. */
export async function targetsReportXlsx(report: TargetsReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Sự';
  workbook.title = nfc(`Báo cáo tình hình thực hiện các chỉ tiêu — ${report.plan.title} — ${report.periodLabel}`);
  const span = targetsSheet(workbook, report);
  summarySheet(workbook, report, span);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
