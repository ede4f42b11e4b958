import ExcelJS from 'exceljs';
import type { TasksReport } from '../../../../shared/contract/index.ts';
import { nfc } from '../../official-docs/nfc.ts';
import { asOfNote, dateVi, EMPTY_REPORT_LINE, ON_TIME_DEFINITION, onTimeShare, windowSentence } from './report-wording.ts';
import { targetsSheet } from './targets-report-xlsx.ts';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: 'Times New Roman', size: 12 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const COUNT = '#,##0';
const SHARE = '0.0%';

type Sheet = ExcelJS.Worksheet;

/** A title line across the table's width. */
function titleRow(sheet: Sheet, width: number, value: string, font: Partial<ExcelJS.Font>): void {
  const row = sheet.addRow([nfc(value)]);
  sheet.mergeCells(row.number, 1, row.number, width);
  row.getCell(1).font = { ...FONT, ...font };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function headerStyle(cell: ExcelJS.Cell): void {
  cell.font = { ...FONT, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BORDER;
  cell.fill = HEADER_FILL;
}

function bodyStyle(row: ExcelJS.Row, width: number, centred: ReadonlySet<number>, bold = false): void {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = { ...FONT, bold };
    cell.alignment = { vertical: 'top', wrapText: true, horizontal: centred.has(c) ? 'center' : undefined };
    cell.border = BORDER;
  }
}

/** A calendar date as Excel's date (midnight UTC is the day itself, whatever the machine's zone). */
function excelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** The share of a row as a formula over its own cells, with the value set so any reader shows it. */
function shareFormula(row: number, share: number | null): ExcelJS.CellFormulaValue {
  return { formula: `IF(C${row}=0,"",(D${row}+F${row})/C${row})`, result: share ?? '' };
}

const UNIT_WIDTHS = [6, 42, 10, 11, 11, 11, 11, 12];

/**
 * Sheet 1: the buckets per lead unit under a two-row header (Đã hoàn thành and Đang thực hiện each
 * over their two columns), the totals as SUM formulas, the on-time share as a formula per row.
 */
function unitSheet(workbook: ExcelJS.Workbook, report: TasksReport): void {
  const width = UNIT_WIDTHS.length;
  const sheet = workbook.addWorksheet('Tổng hợp theo đơn vị', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = UNIT_WIDTHS.map((w) => ({ width: w }));
  titleRow(sheet, width, report.issuer.toLocaleUpperCase('vi'), { bold: true });
  titleRow(sheet, width, 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO ĐƠN VỊ CHỦ TRÌ', { bold: true, size: 14 });
  const note = asOfNote(report);
  titleRow(sheet, width, `${report.period.label.vi}${note ? ` ${note}` : ''}`, { bold: true });
  titleRow(sheet, width, windowSentence(report), { italic: true });
  sheet.addRow([]);

  const top = sheet.addRow(['STT', 'Đơn vị chủ trì', 'Tổng số', 'Đã hoàn thành', null, 'Đang thực hiện', null, 'Tỷ lệ đúng hạn']);
  const sub = sheet.addRow([null, null, null, 'Đúng hạn', 'Quá hạn', 'Trong hạn', 'Quá hạn', null]);
  const [h1, h2] = [top.number, sub.number];
  for (const c of [1, 2, 3, 8]) sheet.mergeCells(h1, c, h2, c);
  sheet.mergeCells(h1, 4, h1, 5);
  sheet.mergeCells(h1, 6, h1, 7);
  for (let c = 1; c <= width; c++) {
    headerStyle(top.getCell(c));
    headerStyle(sub.getCell(c));
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: h2 }];
  sheet.pageSetup.printTitlesRow = `${h1}:${h2}`;

  if (report.empty) {
    titleRow(sheet, width, EMPTY_REPORT_LINE, { italic: true });
    return;
  }
  const centred = new Set([1]);
  const first = h2 + 1;
  report.units.forEach((u, i) => {
    const r = first + i;
    const row = sheet.addRow([i + 1, nfc(u.unit.name || u.unit.code || u.unit.id), u.total, u.done_on_time, u.done_late, u.open_on_time, u.open_late, shareFormula(r, onTimeShare(u))]);
    bodyStyle(row, width, centred);
  });
  const last = first + report.units.length - 1;
  const t = report.totals;
  const sum = (col: string, result: number): ExcelJS.CellFormulaValue => ({ formula: `SUM(${col}${first}:${col}${last})`, result });
  const totalRow = sheet.addRow([null, 'Tổng cộng', sum('C', t.total), sum('D', t.done_on_time), sum('E', t.done_late), sum('F', t.open_on_time), sum('G', t.open_late), null]);
  totalRow.getCell(8).value = shareFormula(totalRow.number, onTimeShare(t));
  bodyStyle(totalRow, width, centred, true);
  for (let r = first; r <= totalRow.number; r++) {
    for (let c = 3; c <= 7; c++) sheet.getCell(r, c).numFmt = COUNT;
    sheet.getCell(r, 8).numFmt = SHARE;
  }

  sheet.addRow([]);
  for (const line of [`Giao mới trong kỳ: ${report.assignedInPeriod} nhiệm vụ; hoàn thành trong kỳ: ${report.completedInPeriod} nhiệm vụ.`, ON_TIME_DEFINITION]) {
    const row = sheet.addRow([nfc(line)]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { ...FONT, italic: true };
  }
}

const OVERDUE_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Nội dung', width: 60 },
  { header: 'Đơn vị chủ trì', width: 30 },
  { header: 'Ngày giao', width: 12 },
  { header: 'Hạn', width: 12 },
  { header: 'Số ngày quá hạn', width: 11 },
  { header: 'Tiến độ %', width: 10 },
  { header: 'Lý do', width: 45 },
  { header: 'Nguồn', width: 35 },
];

/** Sheet 2: the overdue tasks at the as-of date, most days late first, dates as real dates. */
function overdueSheet(workbook: ExcelJS.Workbook, report: TasksReport): void {
  const width = OVERDUE_COLUMNS.length;
  const sheet = workbook.addWorksheet('Nhiệm vụ quá hạn', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = OVERDUE_COLUMNS.map(({ width: w }) => ({ width: w }));
  titleRow(sheet, width, 'DANH SÁCH NHIỆM VỤ QUÁ HẠN', { bold: true, size: 14 });
  titleRow(sheet, width, `${report.period.label.vi} — tính đến ngày ${dateVi(report.asOf)}`, { italic: true });
  sheet.addRow([]);
  const header = sheet.addRow(OVERDUE_COLUMNS.map((c) => c.header));
  header.eachCell((cell) => headerStyle(cell));
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header.number }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  if (report.overdue.length === 0) {
    titleRow(sheet, width, report.empty ? EMPTY_REPORT_LINE : 'Không có nhiệm vụ quá hạn.', { italic: true });
    return;
  }
  const centred = new Set([1, 4, 5, 6, 7]);
  report.overdue.forEach((t, i) => {
    const row = sheet.addRow([
      i + 1,
      nfc(t.content),
      nfc(t.leadUnit.name || t.leadUnit.code || t.leadUnit.id),
      excelDate(t.assignedOn),
      excelDate(t.dueDate),
      t.daysLate,
      t.percent / 100,
      nfc(t.reason ?? ''),
      nfc(t.source ?? ''),
    ]);
    bodyStyle(row, width, centred);
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    row.getCell(6).numFmt = COUNT;
    row.getCell(7).numFmt = '0%';
  });
}

/** The report's data appendix as a workbook: per-unit figures, the overdue list and a committee's targets, for sorting and re-use. */
export async function tasksReportXlsx(report: TasksReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Sự';
  workbook.title = nfc(`Báo cáo tình hình thực hiện nhiệm vụ — ${report.period.label.vi}`);
  unitSheet(workbook, report);
  overdueSheet(workbook, report);
  if (report.targets && !report.targets.empty) targetsSheet(workbook, report.targets);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
