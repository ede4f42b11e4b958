import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Entry } from 'yauzl';
import { CoreError } from '../../../errors.ts';
import { BoundedZip, type LimitError, type ZipLimits } from '../../../files/bounded-zip.ts';

/**
 * An XLSX staff list read with bounded memory: only the parts that hold text are inflated (the
 * workbook, its relations, shared strings, styles and the worksheets, each within a size limit
 * checked while it inflates); images, drawings, charts and everything else are never read. Rows
 * stream through exceljs's streaming reader, fed those parts in the order it needs (shared strings
 * before sheets, so it never spills a sheet to a temp file), and reading stops at the row limit.
 */
export const XLSX_LIMITS = {
  entries: 10_000,
  sheets: 50,
  columns: 200,
  cellChars: 4_000,
  workbookBytes: 1024 * 1024,
  sharedStringsBytes: 32 * 1024 * 1024,
  stylesBytes: 8 * 1024 * 1024,
  sheetBytes: 64 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  ratio: 100,
} as const;

export interface XlsxRow {
  rowNumber: number;
  /** Column number (1-based) → the text Excel shows. */
  cells: Map<number, string>;
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
}

/** The streaming reader's own steps, fed entry by entry (exceljs 4.4, pinned). */
interface ReaderSteps {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> & { name: string; state: string } }>;
  model?: { sheets?: { id: number; name: string; state?: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

const WORKBOOK = 'xl/workbook.xml';
const RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

function maxBytesOf(name: string): number {
  if (name === SHARED_STRINGS) return XLSX_LIMITS.sharedStringsBytes;
  if (name === STYLES) return XLSX_LIMITS.stylesBytes;
  if (SHEET.test(name)) return XLSX_LIMITS.sheetBytes;
  return XLSX_LIMITS.workbookBytes;
}

const wanted = (name: string) => name === WORKBOOK || name === RELS || name === SHARED_STRINGS || name === STYLES || SHEET.test(name);

/** "worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
function sheetPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

export interface XlsxErrors {
  damaged(cause: unknown): CoreError;
  overLimit: LimitError;
  tooManyRows(): CoreError;
  tooManySheets(): CoreError;
  cellTooLong(rowNumber: number, column: number): CoreError;
  tooManyColumns(rowNumber: number): CoreError;
}

/** Visible sheets in workbook order, rows with any text only; `maxRows` such rows in all. */
export async function readXlsxRows(
  file: string,
  cellText: (cell: ExcelJS.Cell) => string,
  maxRows: number,
  errors: XlsxErrors,
): Promise<XlsxSheet[]> {
  const limits: ZipLimits = { entries: XLSX_LIMITS.entries, totalBytes: XLSX_LIMITS.totalBytes, ratio: XLSX_LIMITS.ratio };
  const zip = await BoundedZip.open(file, limits, errors.overLimit, errors.damaged);
  try {
    const entries = await zip.list(wanted, maxBytesOf, errors.damaged, { others: 'ignore' });
    const workbookEntry = entries.get(WORKBOOK);
    const relsEntry = entries.get(RELS);
    if (!workbookEntry || !relsEntry) throw errors.damaged(new Error('no workbook'));
    const part = (entry: Entry) => zip.stream(entry, maxBytesOf(entry.fileName), errors.damaged);

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    }) as unknown as ReaderSteps;
    try {
      await reader._parseRels(await part(relsEntry));
      await reader._parseWorkbook(await part(workbookEntry));
      const sharedStrings = entries.get(SHARED_STRINGS);
      if (sharedStrings) for await (const _ of reader._parseSharedStrings(await part(sharedStrings)));
      const styles = entries.get(STYLES);
      if (styles) await reader._parseStyles(await part(styles));
    } catch (e) {
      throw e instanceof CoreError ? e : errors.damaged(e);
    }

    const sheets = reader.model?.sheets ?? [];
    if (sheets.length > XLSX_LIMITS.sheets) throw errors.tooManySheets();
    const targets = new Map((reader.workbookRels ?? []).map((r) => [r.Id, sheetPath(r.Target)]));
    const result: XlsxSheet[] = [];
    let total = 0;
    for (const sheet of sheets) {
      if ((sheet.state ?? 'visible') !== 'visible') continue;
      const path = targets.get(sheet.rId);
      const entry = path ? entries.get(path) : undefined;
      const sheetNo = path ? SHEET.exec(path)?.[1] : undefined;
      if (!entry || !sheetNo) continue;
      const rows: XlsxRow[] = [];
      try {
        for (const { value: worksheet } of reader._parseWorksheet(await part(entry), sheetNo)) {
          for await (const row of worksheet) {
            const cells = new Map<number, string>();
            row.eachCell({ includeEmpty: false }, (cell, column) => {
              if (column > XLSX_LIMITS.columns) throw errors.tooManyColumns(row.number);
              const text = cellText(cell);
              if (text.length > XLSX_LIMITS.cellChars) throw errors.cellTooLong(row.number, column);
              if (text !== '') cells.set(column, text);
            });
            if (cells.size === 0) continue;
            total += 1;
            if (total > maxRows) throw errors.tooManyRows();
            rows.push({ rowNumber: row.number, cells });
          }
        }
      } catch (e) {
        throw e instanceof CoreError ? e : errors.damaged(e);
      }
      result.push({ name: sheet.name, rows });
    }
    return result;
  } finally {
    zip.close();
  }
}
