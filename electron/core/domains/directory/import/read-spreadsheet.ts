import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { CoreError } from '../../../errors.ts';
import { readXlsxRows, XLSX_LIMITS, type XlsxErrors } from './read-xlsx.ts';

export interface SheetRow {
  /** As the spreadsheet program numbers it (1-based). */
  rowNumber: number;
  cells: string[];
}

export interface Sheet {
  /** The worksheet's name, or null for a CSV file. */
  name: string | null;
  rows: SheetRow[];
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** More rows than any province's staff list; beyond it the preview itself becomes unusable. */
export const MAX_IMPORT_ROWS = 20_000;

function invalid(vi: string, en: string, cause?: unknown): CoreError {
  return new CoreError('FILE_INVALID', { vi, en }, undefined, cause === undefined ? undefined : { cause });
}

function head(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Excel stores text, numbers, dates, links and formulas; the import wants what the user sees. */
export function cellText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function tooManyRows(fileName: string): CoreError {
  return invalid(
    `Tệp "${fileName}" có quá ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia thành nhiều tệp nhỏ hơn.`,
    `"${fileName}" has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.`,
  );
}

const MB = 1024 * 1024;

function xlsxErrors(fileName: string): XlsxErrors {
  const damaged = (cause: unknown) =>
    invalid(
      `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc không phải bảng tính .xlsx.`,
      `Cannot read the Excel file "${fileName}": it is damaged or not an .xlsx spreadsheet.`,
      cause,
    );
  const refused = (vi: string, en: string, details: Record<string, unknown>) =>
    new CoreError(
      'FILE_INVALID',
      { vi: `Bảng tính "${fileName}" bị từ chối vì vượt giới hạn an toàn: ${vi}.`, en: `The spreadsheet "${fileName}" was refused because it exceeds a safety limit: ${en}.` },
      details,
    );
  return {
    damaged,
    overLimit: (limit, { max, entry }) => {
      const where = entry ? ` ("${entry}")` : '';
      if (limit === 'name') return damaged(new Error(`odd part name ${entry}`));
      const texts = {
        entries: [`có hơn ${max.toLocaleString('vi-VN')} thành phần`, `it holds more than ${max.toLocaleString('en-US')} parts`],
        entryBytes: [`một phần nội dung${where} lớn hơn ${Math.round(max / MB)} MB khi giải nén`, `a part${where} unpacks to more than ${Math.round(max / MB)} MB`],
        totalBytes: [`nội dung giải nén lớn hơn ${Math.round(max / MB)} MB`, `its content unpacks to more than ${Math.round(max / MB)} MB`],
        ratio: [`một phần nội dung${where} bị nén bất thường (hơn ${max} lần)`, `a part${where} is compressed abnormally (over ${max} times)`],
      } as const;
      const [vi, en] = texts[limit];
      return refused(vi, en, { limit, max, ...(entry ? { entry } : {}) });
    },
    tooManyRows: () => tooManyRows(fileName),
    tooManySheets: () =>
      refused(`có hơn ${XLSX_LIMITS.sheets} trang tính`, `it has more than ${XLSX_LIMITS.sheets} sheets`, { limit: 'sheets', max: XLSX_LIMITS.sheets }),
    tooManyColumns: (rowNumber) =>
      refused(`dòng ${rowNumber} có dữ liệu quá cột thứ ${XLSX_LIMITS.columns}`, `row ${rowNumber} has data beyond column ${XLSX_LIMITS.columns}`, {
        limit: 'columns',
        max: XLSX_LIMITS.columns,
        row: rowNumber,
      }),
    cellTooLong: (rowNumber, column) =>
      refused(
        `ô ở dòng ${rowNumber}, cột ${column} dài quá ${XLSX_LIMITS.cellChars.toLocaleString('vi-VN')} ký tự`,
        `the cell in row ${rowNumber}, column ${column} is longer than ${XLSX_LIMITS.cellChars.toLocaleString('en-US')} characters`,
        { limit: 'cellChars', max: XLSX_LIMITS.cellChars, row: rowNumber, column },
      ),
  };
}

async function readXlsx(file: string, fileName: string): Promise<Sheet[]> {
  const text = (cell: ExcelJS.Cell) => {
    try {
      return cellText(cell.text ?? '');
    } catch {
      return '';
    }
  };
  const sheets = await readXlsxRows(file, text, MAX_IMPORT_ROWS + 20, xlsxErrors(fileName));
  return sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map(({ rowNumber, cells }) => ({
      rowNumber,
      cells: Array.from({ length: Math.max(0, ...cells.keys()) }, (_, i) => cells.get(i + 1) ?? ''),
    })),
  }));
}

function readCsv(file: string, fileName: string): Sheet[] {
  const bytes = readFileSync(file);
  // Excel's "Unicode Text" is UTF-16 with a byte-order mark and tabs between cells.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) return parseDelimited(new TextDecoder(utf16).decode(bytes), fileName);
  // Text files have no NUL bytes; images, archives and documents do, early on.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw invalid(
      `Tệp "${fileName}" không phải bảng tính (.xlsx hoặc .csv).`,
      `"${fileName}" is not a spreadsheet (.xlsx or .csv).`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (e) {
    throw invalid(
      `Tệp "${fileName}" không dùng bảng mã UTF-8. Trong Excel, hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" hoặc lưu thành .xlsx.`,
      `"${fileName}" is not UTF-8. In Excel, save it again as "CSV UTF-8 (Comma delimited)" or as .xlsx.`,
      e,
    );
  }
  return parseDelimited(text, fileName);
}

/**
 * Vietnamese Excel writes ";" between cells (the decimal mark is a comma) and "Unicode Text" uses
 * tabs, so the separator is guessed: the one that occurs most outside quotes in the first lines.
 * (Papa Parse's own guess gives up on short files.)
 */
export function guessDelimiter(text: string): string {
  const sample = text
    .split(/\r\n|\n|\r/)
    .slice(0, 30)
    .join('\n')
    .replace(/"(?:[^"]|"")*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const delimiter of [',', ';', '\t', '|']) {
    const n = sample.split(delimiter).length - 1;
    if (n > bestCount) {
      best = delimiter;
      bestCount = n;
    }
  }
  return best;
}

function parseDelimited(text: string, fileName: string): Sheet[] {
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false });
  if (parsed.data.length > MAX_IMPORT_ROWS + 20) throw tooManyRows(fileName);
  const errors = xlsxErrors(fileName);
  const rows = parsed.data
    .map((cells, index) => {
      const row = { rowNumber: index + 1, cells: cells.map((c) => cellText(String(c ?? ''))) };
      if (row.cells.length > XLSX_LIMITS.columns && row.cells.slice(XLSX_LIMITS.columns).some((c) => c !== '')) throw errors.tooManyColumns(row.rowNumber);
      const long = row.cells.findIndex((c) => c.length > XLSX_LIMITS.cellChars);
      if (long >= 0) throw errors.cellTooLong(row.rowNumber, long + 1);
      return row;
    })
    .filter((row) => row.cells.some((c) => c !== ''));
  return [{ name: null, rows }];
}

/**
 * The sheets of an XLSX or CSV file as text. Refuses, with a message a user can act on, an empty
 * file, the old binary .xls, PDFs and other files that are not spreadsheets.
 */
export async function readSpreadsheet(file: string, fileName: string): Promise<Sheet[]> {
  const size = statSync(file).size;
  if (size === 0) throw invalid(`Tệp "${fileName}" rỗng.`, `"${fileName}" is empty.`);
  if (size > MAX_IMPORT_BYTES) {
    throw invalid(`Tệp "${fileName}" lớn quá 20 MB.`, `"${fileName}" is larger than 20 MB.`);
  }
  const magic = head(file, 8);
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(file, fileName);
  if (magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw invalid(
      `Tệp "${fileName}" là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu thành .xlsx hoặc CSV UTF-8.`,
      `"${fileName}" is an old Excel file (.xls). Open it in Excel and save it as .xlsx or CSV UTF-8.`,
    );
  }
  if (magic.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw invalid(
      `Tệp "${fileName}" là tệp PDF, không phải bảng tính. Hãy dùng tệp Excel (.xlsx) hoặc CSV.`,
      `"${fileName}" is a PDF, not a spreadsheet. Use an Excel (.xlsx) or CSV file.`,
    );
  }
  return readCsv(file, fileName);
}
