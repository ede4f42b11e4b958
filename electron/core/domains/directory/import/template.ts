import ExcelJS from 'exceljs';
import type { ExportedFile, DirectoryImportKind } from '../../../../../shared/contract/index.ts';
import type { DataPaths } from '../../../context.ts';
import { writeExport } from '../../../files/exports.ts';
import { importColumns } from './columns.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sheets: Record<DirectoryImportKind, { fileName: string; sheetName: string; examples: string[][] }> = {
  people: {
    fileName: 'mau-nhap-can-bo.xlsx',
    sheetName: 'Cán bộ',
    examples: [importColumns.people.map((c) => c.example)],
  },
  organizations: {
    fileName: 'mau-nhap-co-quan-don-vi.xlsx',
    sheetName: 'Cơ quan, đơn vị',
    // Two rows, so the template shows how a unit names its parent.
    examples: [
      ['000.00.00.H41', 'Ủy ban nhân dân tỉnh Lào Cai', 'UBND tỉnh', ''],
      importColumns.organizations.map((c) => c.example),
    ],
  },
};

/** An XLSX with the headers the import recognises and an example row, for secretariats to fill in. */
export async function writeImportTemplate(paths: DataPaths, kind: DirectoryImportKind): Promise<ExportedFile> {
  const spec = sheets[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Sự';
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = importColumns[kind];
  sheet.columns = columns.map((c) => ({ header: c.label.vi, key: c.key, width: Math.max(18, c.example.length + 6) }));
  // Codes like 000.00.00.H41 and phone numbers must stay text, or Excel drops the leading zeros.
  columns.forEach((_, i) => (sheet.getColumn(i + 1).numFmt = '@'));
  for (const example of spec.examples) sheet.addRow(example);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  return writeExport(paths, spec.fileName, XLSX_MIME, content);
}
