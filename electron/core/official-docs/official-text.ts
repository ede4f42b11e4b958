import type { HeaderParts } from './official-header.ts';
import type { SignatureBlock } from './signature-block.ts';

/** A run of text with the three emphases an official document uses. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A body paragraph: justified with a first-line indent unless said otherwise (Phụ lục I, ô số 6). */
export interface ParagraphBlock {
  kind: 'paragraph';
  runs: TextRun[];
  align?: 'justify' | 'center' | 'left';
  /** Extra left indent in steps of 10 mm (nested list items). */
  level?: number;
  /** False for lines that start at the margin (list items carry their own mark). */
  firstLineIndent?: boolean;
  /** Kept on the same page as the next block (section titles). */
  keepWithNext?: boolean;
}

/** A real table (vote tallies, anything the secretary drew as a table): rows of cells of lines. */
export interface TableBlock {
  kind: 'table';
  rows: TextRun[][][];
  /** How many first rows are headings (bold, repeated on a new page). */
  headerRows: number;
  /** Relative widths of the columns (a number column narrow, a name wide); equal when left out. */
  columnWidths?: number[];
  /** How the body cells of each column align (figures centred); left when left out. */
  columnAlign?: Array<'left' | 'center' | 'right'>;
}

/** Each column's share of a table's width: its weight, or an equal part when none are given. */
export function columnShares(block: TableBlock, columns: number): number[] {
  const weights = Array.from({ length: columns }, (_, c) => Math.max(0, block.columnWidths?.[c] ?? 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum > 0 ? w / sum : 1 / columns));
}

export type OfficialBlock = ParagraphBlock | TableBlock;

/**
 * A whole document in the layout of Nghị định 30/2020, independent of the file format: one model,
 * written to DOCX by official-docx.ts and to PDF by official-pdf.ts, so both say the same thing.
 */
export interface OfficialDocument {
  /** File metadata. */
  title: string;
  header: HeaderParts;
  /** "BIÊN BẢN", "THÔNG BÁO" (ô số 5a). */
  documentKind: string;
  /** Trích yếu under the kind, or null. */
  summary: string | null;
  /** A draft says so under its title ("DỰ THẢO"), so a printed copy cannot pass for the issued one. */
  draft?: boolean;
  body: OfficialBlock[];
  /** One signature (right), or two (left and right, as a biên bản's secretary and chair sign). */
  signatures: [SignatureBlock] | [SignatureBlock, SignatureBlock];
  /** "Nơi nhận" lines; beside a single signature, under two. Null for none. */
  recipients: string[] | null;
}

/** Sizes in points (Phụ lục I): body 14; issuer and national name 12, motto 13; Nơi nhận 12 and its lines 11. */
export const SIZES = { body: 14, issuer: 12, nationalName: 12, motto: 13, kind: 14, recipientsHeading: 12, recipients: 11, pageNumber: 13 } as const;

/** First-line indent of body paragraphs and the step of nested levels, in millimetres. */
export const INDENT_MM = 12.7;
export const LEVEL_MM = 10;

/** Printed under the title of a document not yet final. */
export const DRAFT_MARK = '(DỰ THẢO)';
