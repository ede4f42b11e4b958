import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../../../../shared/contract/index.ts';
import type { DataPaths } from '../../../context.ts';
import { writeExport } from '../../../files/exports.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PLAN_TEMPLATE_FILE = 'mau-ke-hoach-chi-tieu.xlsx';

const HEADERS: Array<{ text: string; width: number }> = [
  { text: 'STT', width: 6 },
  { text: 'Mã chỉ tiêu', width: 12 },
  { text: 'Tên chỉ tiêu', width: 48 },
  { text: 'Đơn vị tính', width: 12 },
  { text: 'Đơn vị chủ trì', width: 28 },
  { text: 'Chiều', width: 10 },
  { text: 'Nguồn số liệu', width: 20 },
  { text: 'Năm 2026', width: 11 },
  { text: 'Quý I/2026', width: 11 },
  { text: 'Quý II/2026', width: 11 },
  { text: 'Quý III/2026', width: 11 },
  { text: 'Quý IV/2026', width: 11 },
];

const EXAMPLES: unknown[][] = [
  ['I', '', 'Chỉ tiêu kinh tế'],
  [1, 'KT01', 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)', '%', 'Sở Tài chính', 'Tăng', 'Thống kê tỉnh', 8, 6.5, 7, 7.5, 8],
  [2, 'KT02', 'Tỷ lệ hộ nghèo theo chuẩn đa chiều', '%', 'Sở Nông nghiệp và Môi trường', 'Giảm', 'Thống kê tỉnh', 1.5, '', 2, '', 1.5],
];

/**
 * An XLSX laid out as provinces lay out their plans: the title, the header the import recognises,
 * the column numbering, a group and two targets with a yearly and quarterly goals.
 */
export async function writePlanTemplate(paths: DataPaths): Promise<ExportedFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Sự';
  const sheet = workbook.addWorksheet('Kế hoạch chỉ tiêu', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = HEADERS.map((h) => ({ width: h.width }));
  sheet.getColumn(2).numFmt = '@';
  sheet.addRow(['KẾ HOẠCH THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026']);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  const title = sheet.getRow(1);
  title.font = { bold: true, size: 13 };
  title.alignment = { horizontal: 'center' };
  const header = sheet.addRow(HEADERS.map((h) => h.text));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }));
  const numbering = sheet.addRow(HEADERS.map((_, i) => `(${i + 1})`));
  numbering.font = { italic: true };
  numbering.alignment = { horizontal: 'center' };
  for (const example of EXAMPLES) sheet.addRow(example);
  sheet.getRow(4).font = { bold: true };
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return writeExport(paths, PLAN_TEMPLATE_FILE, XLSX_MIME, content);
}
