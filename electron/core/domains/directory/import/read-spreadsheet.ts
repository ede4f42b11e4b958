import { openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { CoreError } from '../../../errors.ts';

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

async function readXlsx(file: string, fileName: string): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw invalid(
      `Không đọc được tệp Excel "${fileName}": tệp bị hỏng hoặc không phải bảng tính .xlsx.`,
      `Cannot read the Excel file "${fileName}": it is damaged or not an .xlsx spreadsheet.`,
      e,
    );
  }
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    if (worksheet.state !== 'visible') continue;
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rows.length > MAX_IMPORT_ROWS + 20) throw tooManyRows(fileName);
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        let text: string;
        try {
          text = cell.text ?? '';
        } catch {
          text = '';
        }
        cells[column - 1] = cellText(text);
      });
      rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    sheets.push({ name: worksheet.name, rows });
  }
  return sheets;
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
  const rows = parsed.data
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((c) => cellText(String(c ?? ''))) }))
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
