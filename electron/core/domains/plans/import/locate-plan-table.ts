import { basename, extname } from 'node:path';
import { foldText } from '../../../../../shared/text-fold.ts';
import { parseTargetPeriod, periodFromHeader } from '../../../../../shared/plans/target-periods.ts';
import { CoreError } from '../../../errors.ts';
import { MAX_IMPORT_ROWS, type Sheet, type SheetRow } from '../../directory/import/read-spreadsheet.ts';

/** The columns a plan's table may have besides its period columns. */
export type PlanColumnKey = 'stt' | 'code' | 'name' | 'measure' | 'owner' | 'direction' | 'source';

export interface PlanRecord {
  rowNumber: number;
  /** Column key or period key → cell text, for the columns the file has. */
  values: Record<string, string>;
}

export interface PlanTable {
  sheetName: string | null;
  /** The heading above the table, or the file name without its extension. */
  title: string;
  /** Period keys of the value columns, in column order. */
  periods: string[];
  /** The non-period columns the file has. */
  columns: ReadonlySet<PlanColumnKey>;
  records: PlanRecord[];
  yearFrom: number;
  yearTo: number;
}

/** Folded header texts, as provinces write them. */
const HEADERS: Record<PlanColumnKey, readonly string[]> = {
  stt: ['stt', 'tt', 'so tt', 'so thu tu'],
  code: ['ma', 'ma chi tieu', 'ma so', 'ma so chi tieu', 'ky hieu'],
  name: ['chi tieu', 'ten chi tieu', 'noi dung', 'noi dung chi tieu', 'chi tieu, noi dung', 'ten chi tieu, noi dung', 'cac chi tieu', 'chi tieu chu yeu'],
  measure: ['don vi tinh', 'dvt', 'dv tinh', 'd.v.t'],
  owner: [
    'don vi chu tri',
    'co quan chu tri',
    'don vi thuc hien',
    'co quan thuc hien',
    'co quan, don vi chu tri',
    'don vi chu tri thuc hien',
    'co quan chu tri thuc hien',
    'don vi phu trach',
    'co quan phu trach',
    'chu tri',
  ],
  direction: ['chieu', 'xu huong', 'chieu danh gia', 'chieu chi tieu'],
  source: ['nguon so lieu', 'nguon', 'nguon du lieu'],
};

const BY_HEADER = new Map(Object.entries(HEADERS).flatMap(([key, texts]) => texts.map((t) => [t, key as PlanColumnKey] as const)));

/** Tables open with a title, the issuing body and blank lines: look this far for the header. */
const HEADER_SEARCH_ROWS = 30;

/** Where the plan's title is usually worded; other lines above the table (the body, "Biểu số") are not the title. */
const TITLE_STARTS = ['ke hoach', 'chuong trinh', 'chi tieu', 'cac chi tieu', 'danh muc'];

type HeaderCell = { kind: 'column'; key: PlanColumnKey } | { kind: 'period'; key: string };

function readHeaderCell(text: string): HeaderCell | null {
  if (text === '') return null;
  const bare = text.replace(/\([^)]*\)/g, ' ').replace(/[:*]+$/, '').trim();
  const period = periodFromHeader(text) ?? (bare ? periodFromHeader(bare) : null);
  if (period) return { kind: 'period', key: period };
  const key = BY_HEADER.get(foldText(bare)) ?? BY_HEADER.get(foldText(text));
  return key ? { kind: 'column', key } : null;
}

interface Header {
  columns: Map<number, PlanColumnKey>;
  periods: Map<number, string>;
}

function readHeader(row: SheetRow): Header | null {
  const columns = new Map<number, PlanColumnKey>();
  const periods = new Map<number, string>();
  const seen = new Set<string>();
  row.cells.forEach((text, index) => {
    const cell = readHeaderCell(text);
    if (!cell || seen.has(cell.key)) return;
    seen.add(cell.key);
    if (cell.kind === 'period') periods.set(index, cell.key);
    else columns.set(index, cell.key);
  });
  const keys = new Set(columns.values());
  if (!keys.has('name')) return null;
  return keys.has('measure') || keys.has('stt') || periods.size > 0 ? { columns, periods } : null;
}

/** A header split over two rows: "Kế hoạch" above "Năm 2026", "Quý I/2026" … */
function periodsBelow(header: Header, row: SheetRow | undefined): boolean {
  if (!row) return false;
  const seen = new Set(header.periods.values());
  row.cells.forEach((text, index) => {
    const cell = readHeaderCell(text);
    if (cell?.kind !== 'period' || header.columns.has(index) || seen.has(cell.key)) return;
    seen.add(cell.key);
    header.periods.set(index, cell.key);
  });
  return header.periods.size > 0;
}

/** "(1) (2) (3)", "(5)=(4)/(3)" or "1 2 3": the column numbering official tables put under the header. */
function isNumberingRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 1 && filled.every((c) => /^\(\d{1,2}\)(?:\s*[=x*/+-].*)?$|^\d{1,2}$/.test(c));
}

function titleAbove(rows: SheetRow[], fileName: string): string {
  const texts = rows.flatMap((r) => r.cells.filter((c) => c !== ''));
  const found =
    texts.find((t) => TITLE_STARTS.some((s) => foldText(t).startsWith(s))) ?? texts.find((t) => !t.startsWith('(') && /\p{L}/u.test(t));
  const title = found ?? basename(fileName, extname(fileName));
  return title.length > 500 ? title.slice(0, 500).trimEnd() : title;
}

const EXPECTED = {
  vi: 'cột "Chỉ tiêu" (hoặc "Tên chỉ tiêu", "Nội dung"), cột "Đơn vị tính" và ít nhất một cột kỳ như "Năm 2026", "Quý I/2026" hoặc "Tháng 3/2026"',
  en: 'a "Chỉ tiêu" column (or "Tên chỉ tiêu", "Nội dung"), a "Đơn vị tính" column and at least one period column such as "Năm 2026", "Quý I/2026" or "Tháng 3/2026"',
};

/**
 * Finds the table of targets in the first sheet with a recognisable header row and reads the rows
 * under it: every column it knows (STT, mã, chỉ tiêu, ĐVT, đơn vị chủ trì, chiều, nguồn) and every
 * column whose header is a period. Other columns (Ghi chú, Thực hiện năm trước) are ignored, blank
 * rows skipped.
 */
export function locatePlanTable(sheets: Sheet[], fileName: string): PlanTable {
  let withoutPeriods = false;
  for (const sheet of sheets) {
    const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
    for (let h = 0; h < limit; h++) {
      const header = readHeader(sheet.rows[h]!);
      if (!header) continue;
      let start = h + 1;
      if (header.periods.size === 0) {
        if (!periodsBelow(header, sheet.rows[h + 1])) {
          withoutPeriods = true;
          continue;
        }
        start = h + 2;
      }
      const numbering = sheet.rows[start];
      if (numbering && isNumberingRow(numbering.cells)) start += 1;
      const records: PlanRecord[] = [];
      for (const row of sheet.rows.slice(start)) {
        const values: Record<string, string> = {};
        for (const [index, key] of header.columns) values[key] = row.cells[index] ?? '';
        for (const [index, key] of header.periods) values[key] = row.cells[index] ?? '';
        if (Object.values(values).every((v) => v === '')) continue;
        records.push({ rowNumber: row.rowNumber, values });
      }
      if (records.length === 0) {
        throw new CoreError('FILE_INVALID', {
          vi: `Tệp "${fileName}" có dòng tiêu đề nhưng không có chỉ tiêu nào bên dưới.`,
          en: `"${fileName}" has a header row but no targets under it.`,
        });
      }
      if (records.length > MAX_IMPORT_ROWS) {
        throw new CoreError('FILE_INVALID', {
          vi: `Tệp "${fileName}" có ${records.length.toLocaleString('vi-VN')} dòng, quá giới hạn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia thành nhiều tệp.`,
          en: `"${fileName}" has ${records.length.toLocaleString('en-US')} rows, over the limit of ${MAX_IMPORT_ROWS.toLocaleString('en-US')}. Split it into several files.`,
        });
      }
      const periods = [...header.periods.entries()].sort(([a], [b]) => a - b).map(([, key]) => key);
      const years = periods.map((p) => parseTargetPeriod(p)!.year);
      return {
        sheetName: sheet.name,
        title: titleAbove(sheet.rows.slice(0, h), fileName),
        periods,
        columns: new Set(header.columns.values()),
        records,
        yearFrom: Math.min(...years),
        yearTo: Math.max(...years),
      };
    }
  }
  if (withoutPeriods) {
    throw new CoreError('FILE_INVALID', {
      vi: `Bảng trong tệp "${fileName}" không có cột kỳ chỉ tiêu nào. Cần ít nhất một cột có tiêu đề là kỳ, ví dụ "Năm 2026", "KH năm 2026", "Quý I/2026", "Tháng 3/2026" hoặc "2026-Q1".`,
      en: `The table in "${fileName}" has no period column. At least one column header must be a period, e.g. "Năm 2026", "KH năm 2026", "Quý I/2026", "Tháng 3/2026" or "2026-Q1".`,
    });
  }
  throw new CoreError('FILE_INVALID', {
    vi: `Không tìm thấy dòng tiêu đề của bảng chỉ tiêu trong tệp "${fileName}". Dòng tiêu đề cần có ${EXPECTED.vi}. Hãy dùng "Tải tệp mẫu" để xem cách trình bày.`,
    en: `No header row of a targets table found in "${fileName}". The header row needs ${EXPECTED.en}. Use "Download template" to see the layout.`,
  });
}
