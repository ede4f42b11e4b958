import type { DirectoryImportColumn, DirectoryImportKind } from '../../../../../shared/contract/index.ts';
import { CoreError } from '../../../errors.ts';
import { expectedHeaders, importColumns, matchHeader } from './columns.ts';
import { MAX_IMPORT_ROWS, type Sheet } from './read-spreadsheet.ts';

export interface ImportRecord {
  rowNumber: number;
  /** Column key → cell text, for the columns the file has. */
  values: Record<string, string>;
}

export interface ImportTable {
  sheetName: string | null;
  columns: DirectoryImportColumn[];
  records: ImportRecord[];
}

/** Staff lists often start with a title, a date and blank lines: look this far for the header. */
const HEADER_SEARCH_ROWS = 30;

/** "(1) (2) (3)" or "1 2 3": the column numbering many official tables put under the header. */
function isNumberingRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 1 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
}

/**
 * Finds the table in the first sheet that has a recognisable header row and reads the rows under
 * it. Columns nobody asked for (STT, Ghi chú) are ignored; blank rows are skipped.
 */
export function locateTable(sheets: Sheet[], kind: DirectoryImportKind, fileName: string): ImportTable {
  for (const sheet of sheets) {
    const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
    for (let h = 0; h < limit; h++) {
      const header = matchHeader(kind, sheet.rows[h]!.cells);
      if (!header) continue;
      const present = new Set(header.values());
      const records: ImportRecord[] = [];
      sheet.rows.slice(h + 1).forEach((row, i) => {
        if (i === 0 && isNumberingRow(row.cells)) return;
        const values: Record<string, string> = {};
        for (const [index, key] of header) values[key] = row.cells[index] ?? '';
        if (Object.values(values).every((v) => v === '')) return;
        records.push({ rowNumber: row.rowNumber, values });
      });
      if (records.length === 0) {
        throw new CoreError('FILE_INVALID', {
          vi: `Tệp "${fileName}" có dòng tiêu đề nhưng không có dòng dữ liệu nào bên dưới.`,
          en: `"${fileName}" has a header row but no data rows under it.`,
        });
      }
      if (records.length > MAX_IMPORT_ROWS) {
        throw new CoreError('FILE_INVALID', {
          vi: `Tệp "${fileName}" có ${records.length.toLocaleString('vi-VN')} dòng, quá giới hạn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia thành nhiều tệp.`,
          en: `"${fileName}" has ${records.length.toLocaleString('en-US')} rows, over the limit of ${MAX_IMPORT_ROWS.toLocaleString('en-US')}. Split it into several files.`,
        });
      }
      return {
        sheetName: sheet.name,
        columns: importColumns[kind].map((c) => ({ key: c.key, label: c.label, present: present.has(c.key) })),
        records,
      };
    }
  }
  const expected = expectedHeaders(kind);
  throw new CoreError('FILE_INVALID', {
    vi: `Không tìm thấy dòng tiêu đề trong tệp "${fileName}". Dòng tiêu đề cần có các cột: ${expected.vi}. Hãy dùng "Tải tệp mẫu" để xem cách trình bày.`,
    en: `No header row found in "${fileName}". The header row needs the columns: ${expected.en}. Use "Download template" to see the layout.`,
  });
}
