import ExcelJS from 'exceljs';
import type { MeetingDetail } from '../../../../../shared/contract/index.ts';
import { ATTENDANCE_COLUMNS, attendanceHeading, attendanceLines, attendanceSummaryLines } from './attendance-list.ts';

const WIDTHS = [6, 28, 24, 30, 14, 28, 22];
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** The attendance list as a workbook: title rows, a bordered table with a bold header, the summary below. */
export async function attendanceXlsx(meeting: MeetingDetail): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Sự';
  const sheet = workbook.addWorksheet('Điểm danh', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const lastColumn = ATTENDANCE_COLUMNS.length;

  const titleRow = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    row.getCell(1).font = { name: 'Times New Roman', size: 13, ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    return row;
  };
  titleRow(meeting.committee.name.toLocaleUpperCase('vi'), { bold: true });
  titleRow('DANH SÁCH ĐIỂM DANH', { bold: true, size: 14 });
  titleRow(meeting.title, { bold: true });
  for (const line of attendanceHeading(meeting)) titleRow(line, { italic: true, size: 12 });
  sheet.addRow([]);

  const header = sheet.addRow([...ATTENDANCE_COLUMNS]);
  header.eachCell((cell) => {
    cell.font = { name: 'Times New Roman', size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  // Printed pages repeat the header row.
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  sheet.views = [{ state: 'frozen', ySplit: header.number }];

  for (const line of attendanceLines(meeting.participants)) {
    const row = sheet.addRow([line.stt, line.name, line.position, line.unit, line.role, line.status, line.note]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = { name: 'Times New Roman', size: 12 };
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: column === 1 ? 'center' : 'left' };
      cell.border = BORDER;
    });
  }

  sheet.addRow([]);
  for (const text of attendanceSummaryLines(meeting.attendance)) {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    row.getCell(1).font = { name: 'Times New Roman', size: 12, bold: text.startsWith('Thành viên') };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
