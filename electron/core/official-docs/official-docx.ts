import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { DOCX_FONT } from './fonts.ts';
import { MOTTO, NATIONAL_NAME } from './official-header.ts';
import { columnShares, DRAFT_MARK, INDENT_MM, LEVEL_MM, SIZES, type OfficialDocument, type OfficialBlock, type TextRun as Run } from './official-text.ts';
import type { SignatureBlock } from './signature-block.ts';
import { nfc } from './nfc.ts';

const twip = convertMillimetersToTwip;
const half = (pt: number) => pt * 2;

/** Text width inside the official margins: 210 − 30 − 15 mm. */
const TEXT_WIDTH_MM = 165;
const HEADER_LEFT_MM = 66;
const HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM;
/** The motto at 13 pt bold is about 64 mm wide; its rule is as wide. */
const MOTTO_MM = 64;

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

function runs(list: readonly Run[], size: number, force: Partial<RunStyle> = {}): TextRun[] {
  return list.flatMap((run) =>
    nfc(run.text)
      .split('\n')
      .map(
        (line, i) =>
          new TextRun({
            text: line,
            break: i > 0 ? 1 : undefined,
            bold: force.bold ?? run.bold,
            italics: force.italics ?? run.italic,
            underline: run.underline ? {} : undefined,
            size: half(size),
          }),
      ),
  );
}

function line(text: string, style: RunStyle, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    ...options,
    children: [new TextRun({ text: nfc(text), bold: style.bold, italics: style.italics, size: half(style.size) })],
  });
}

/** A short centred rule: an empty paragraph whose bottom border is narrowed by its indents. */
function rule(cellMm: number, lengthMm: number): Paragraph {
  const side = twip(Math.max(0, (cellMm - lengthMm) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const noBorders = TableBorders.NONE;

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({ width: { size: twip(widthMm), type: WidthType.DXA }, borders: noBorders, children });
}

/** The two-column header of Phụ lục I: issuer and number left; national name, motto, place and date right. */
function headerTable(model: OfficialDocument): Table {
  const h = model.header;
  const left: Paragraph[] = [line(h.issuer.toLocaleUpperCase('vi'), { size: SIZES.issuer, bold: true }), rule(HEADER_LEFT_MM, HEADER_LEFT_MM / 3)];
  if (h.numberLine) left.push(line(h.numberLine, { size: 13 }, { spacing: { before: 120, after: 0 } }));
  if (h.classificationMark) left.push(line(h.classificationMark, { size: 13, bold: true }, { spacing: { before: 60, after: 0 } }));
  const right: Paragraph[] = [
    line(NATIONAL_NAME, { size: SIZES.nationalName, bold: true }),
    line(MOTTO, { size: SIZES.motto, bold: true }),
    rule(HEADER_RIGHT_MM, MOTTO_MM),
  ];
  if (h.placeDate) right.push(line(h.placeDate, { size: SIZES.body, italics: true }, { spacing: { before: 160, after: 0 } }));
  return new Table({
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [twip(HEADER_LEFT_MM), twip(HEADER_RIGHT_MM)],
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, HEADER_LEFT_MM), cell(right, HEADER_RIGHT_MM)] })],
  });
}

function bodyBlock(block: OfficialBlock): Paragraph | Table {
  if (block.kind === 'paragraph') {
    const alignment = block.align === 'center' ? AlignmentType.CENTER : block.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
    return new Paragraph({
      alignment,
      keepNext: block.keepWithNext,
      indent: {
        left: block.level ? twip(block.level * LEVEL_MM) : undefined,
        firstLine: block.firstLineIndent === false ? undefined : twip(INDENT_MM),
      },
      spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
      children: runs(block.runs, SIZES.body),
    });
  }
  const columns = Math.max(1, ...block.rows.map((r) => r.length));
  const widthsMm = columnShares(block, columns).map((share) => TEXT_WIDTH_MM * share);
  const ruled = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const bodyAlign = (c: number) => ({ center: AlignmentType.CENTER, right: AlignmentType.RIGHT, left: AlignmentType.LEFT })[block.columnAlign?.[c] ?? 'left'];
  return new Table({
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widthsMm.map((mm) => twip(mm)),
    borders: { top: ruled, bottom: ruled, left: ruled, right: ruled, insideHorizontal: ruled, insideVertical: ruled },
    rows: block.rows.map((row, r) => {
      const header = r < block.headerRows;
      const cells = Array.from({ length: columns }, (_, c) => row[c] ?? []);
      return new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map(
          (content, c) =>
            new TableCell({
              width: { size: twip(widthsMm[c]!), type: WidthType.DXA },
              children: [
                new Paragraph({
                  alignment: header ? AlignmentType.CENTER : bodyAlign(c),
                  spacing: { before: 40, after: 40 },
                  children: runs(content, SIZES.body - 1, header ? { bold: true } : {}),
                }),
              ],
            }),
        ),
      });
    }),
  });
}

function signatureParagraphs(block: SignatureBlock): Paragraph[] {
  const out = block.titles.map((t) => line(t, { size: 13, bold: true }));
  if (block.note) out.push(line(block.note, { size: 12, italics: true }));
  // Room to sign and seal: blank lines, as Word users leave it.
  const blankLines = Math.max(3, Math.round(block.signingRoom / 16));
  for (let i = 0; i < blankLines; i++) out.push(line('', { size: 13 }));
  if (block.signerName) out.push(line(block.signerName, { size: 13, bold: true }));
  return out;
}

function recipientParagraphs(lines: readonly string[]): Paragraph[] {
  return [
    line('Nơi nhận:', { size: SIZES.recipientsHeading, bold: true, italics: true }, { alignment: AlignmentType.LEFT }),
    ...lines.map((l) => line(l, { size: SIZES.recipients }, { alignment: AlignmentType.LEFT })),
  ];
}

function closing(model: OfficialDocument): Table[] {
  const recipients = model.recipients ?? [];
  const halfMm = TEXT_WIDTH_MM / 2;
  const table = (left: Paragraph[], right: Paragraph[], leftMm: number) =>
    new Table({
      width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
      columnWidths: [twip(leftMm), twip(TEXT_WIDTH_MM - leftMm)],
      borders: noBorders,
      rows: [new TableRow({ cantSplit: true, children: [cell(left, leftMm), cell(right, TEXT_WIDTH_MM - leftMm)] })],
    });
  if (model.signatures.length === 2) {
    const signed = table(signatureParagraphs(model.signatures[0]), signatureParagraphs(model.signatures[1]), halfMm);
    if (recipients.length === 0) return [signed];
    return [signed, table(recipientParagraphs(recipients), [line('', { size: 11 })], halfMm)];
  }
  const leftMm = TEXT_WIDTH_MM * 0.45;
  return [table(recipients.length > 0 ? recipientParagraphs(recipients) : [line('', { size: 11 })], signatureParagraphs(model.signatures[0]), leftMm)];
}

/**
 * The document as DOCX that a Văn thư can issue as it is: A4 portrait, margins 20/20/30/15 mm,
 * Times New Roman, the header as a borderless two-column table, page numbers from page 2 centred
 * in the top margin (a PAGE field in a header that the first page does not use).
 */
export async function officialDocumentDocx(model: OfficialDocument): Promise<Buffer> {
  const title: Paragraph[] = [line(model.documentKind, { size: SIZES.kind, bold: true }, { spacing: { before: 360, after: 0 } })];
  if (model.summary) title.push(line(model.summary, { size: SIZES.kind, bold: true }));
  if (model.draft) title.push(line(DRAFT_MARK, { size: SIZES.body - 1, bold: true }));
  title.push(rule(TEXT_WIDTH_MM, TEXT_WIDTH_MM / 4), line('', { size: SIZES.body }));
  const doc = new Document({
    creator: 'Nghị Sự',
    title: nfc(model.title),
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(SIZES.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(210), height: twip(297) },
            margin: { top: twip(20), bottom: twip(20), left: twip(30), right: twip(15), header: twip(8), footer: twip(8) },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(SIZES.pageNumber) })] })],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [headerTable(model), ...title, ...model.body.map(bodyBlock), line('', { size: SIZES.body }), ...closing(model)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
