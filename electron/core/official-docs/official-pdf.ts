import { centeredRule } from './centered-rule.ts';
import type { FontName } from './fonts.ts';
import { nfc } from './nfc.ts';
import { drawOfficialHeader } from './official-header.ts';
import { columnShares, DRAFT_MARK, INDENT_MM, LEVEL_MM, SIZES, type OfficialDocument, type ParagraphBlock, type TableBlock, type TextRun } from './official-text.ts';
import { MM } from './page-setup.ts';
import { officialPdf, pdfBytes, type Pdf } from './pdf-document.ts';
import { drawRecipients } from './recipients.ts';
import { drawSignatureBlock } from './signature-block.ts';

/** Space between paragraphs (Phụ lục I: at least 6 pt) and between the lines of one (about 1.15 lines). */
const PARAGRAPH_GAP = 6;
const LINE_GAP = 2;
const CELL_PAD = 4;

function fontOf(run: Pick<TextRun, 'bold' | 'italic'>): FontName {
  if (run.bold) return run.italic ? 'boldItalic' : 'bold';
  return run.italic ? 'italic' : 'regular';
}

interface Frame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

function frameOf(doc: Pdf): Frame {
  const m = doc.page.margins;
  return { left: m.left, width: doc.page.width - m.left - m.right, top: m.top, bottom: doc.page.height - m.bottom };
}

/** Runs one after another as one paragraph, each in its own face (pdfkit's `continued`). */
function drawRuns(doc: Pdf, runs: readonly TextRun[], at: { x: number; y: number }, options: PDFKit.Mixins.TextOptions, size: number): void {
  const list = runs.length > 0 ? runs : [{ text: ' ' }];
  list.forEach((run, i) => {
    doc.font(fontOf(run)).fontSize(size);
    const last = i === list.length - 1;
    const text = nfc(run.text) || ' ';
    const opts = { ...options, underline: !!run.underline, continued: !last };
    if (i === 0) doc.text(text, at.x, at.y, opts);
    else doc.text(text, opts);
  });
}

function drawParagraph(doc: Pdf, block: ParagraphBlock): void {
  const frame = frameOf(doc);
  const shift = (block.level ?? 0) * LEVEL_MM * MM;
  // A title left alone at the foot of a page reads as a mistake: keep it with two lines of what follows.
  if (block.keepWithNext && doc.y + SIZES.body * 4 > frame.bottom) doc.addPage();
  drawRuns(
    doc,
    block.runs,
    { x: frame.left + shift, y: doc.y },
    {
      width: frame.width - shift,
      align: block.align ?? 'justify',
      indent: block.firstLineIndent === false ? 0 : INDENT_MM * MM,
      paragraphGap: PARAGRAPH_GAP,
      lineGap: LINE_GAP,
    },
    SIZES.body,
  );
  doc.x = frame.left;
}

function cellText(cell: readonly TextRun[]): string {
  return nfc(cell.map((r) => r.text).join('')) || ' ';
}

/** Real ruled cells, a row never split across pages, the header rows bold and centred. */
function drawTable(doc: Pdf, block: TableBlock): void {
  const frame = frameOf(doc);
  const columns = Math.max(1, ...block.rows.map((r) => r.length));
  const widths = columnShares(block, columns).map((share) => frame.width * share);
  const lefts = widths.map((_, c) => frame.left + widths.slice(0, c).reduce((a, b) => a + b, 0));
  const size = SIZES.body - 1;
  doc.y += 2;
  block.rows.forEach((row, r) => {
    const header = r < block.headerRows;
    const heights = row.map((cell, c) =>
      doc.font(header ? 'bold' : fontOf(cell[0] ?? {})).fontSize(size).heightOfString(cellText(cell), { width: widths[c]! - 2 * CELL_PAD }),
    );
    const height = Math.max(size, ...heights) + 2 * CELL_PAD;
    if (doc.y + height > frame.bottom) doc.addPage();
    const y = doc.y;
    for (let c = 0; c < columns; c++) {
      const x = lefts[c]!;
      const colWidth = widths[c]!;
      doc.save().lineWidth(0.5).rect(x, y, colWidth, height).stroke().restore();
      const cell = row[c];
      if (!cell) continue;
      const runs = header ? cell.map((run) => ({ ...run, bold: true })) : cell;
      drawRuns(doc, runs, { x: x + CELL_PAD, y: y + CELL_PAD }, { width: colWidth - 2 * CELL_PAD, align: header ? 'center' : (block.columnAlign?.[c] ?? 'left') }, size);
    }
    doc.y = y + height;
  });
  doc.x = frame.left;
  doc.y += PARAGRAPH_GAP + 2;
}

/**
 * The closing: one signature on the right with "Nơi nhận" on the left at the same height, or two
 * signatures side by side (a biên bản's secretary and chair) with "Nơi nhận" under them.
 */
function drawClosing(doc: Pdf, model: OfficialDocument): void {
  const frame = frameOf(doc);
  const recipients = model.recipients ?? [];
  const needed = 150 + (model.signatures.length === 2 ? recipients.length * 14 : 0);
  if (doc.y + needed > frame.bottom) doc.addPage();
  const y = doc.y + 12;
  const half = frame.width / 2;
  if (model.signatures.length === 2) {
    drawSignatureBlock(doc, model.signatures[0], { x: frame.left, y, width: half });
    const leftEnd = doc.y;
    drawSignatureBlock(doc, model.signatures[1], { x: frame.left + half, y, width: half });
    if (recipients.length > 0) drawRecipients(doc, recipients, { x: frame.left, y: Math.max(leftEnd, doc.y) + 20, width: half });
  } else {
    if (recipients.length > 0) drawRecipients(doc, recipients, { x: frame.left, y, width: frame.width * 0.45 });
    drawSignatureBlock(doc, model.signatures[0], { x: frame.left + frame.width * 0.45, y, width: frame.width * 0.55 });
  }
  doc.x = frame.left;
}

/** Page numbers from page 2, centred in the top margin (Phụ lục I, ô số 11). */
function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const frame = frameOf(doc);
    doc.font('regular').fontSize(SIZES.pageNumber).text(String(i + 1), frame.left, frame.top / 2 - SIZES.pageNumber / 2, {
      width: frame.width,
      align: 'center',
      lineBreak: false,
    });
  }
}

/** The document as a PDF: A4, the official margins, Tinos embedded, page numbers from page 2. */
export async function officialDocumentPdf(model: OfficialDocument): Promise<Buffer> {
  const doc = officialPdf(model.title, { bufferPages: true });
  doc.addPage();
  const frame = frameOf(doc);
  const headerEnd = drawOfficialHeader(doc, model.header);
  doc.font('bold').fontSize(SIZES.kind).text(nfc(model.documentKind), frame.left, headerEnd + 22, { width: frame.width, align: 'center' });
  if (model.summary) {
    doc.text(nfc(model.summary), frame.left + frame.width * 0.1, doc.y + 2, { width: frame.width * 0.8, align: 'center' });
  }
  if (model.draft) doc.font('bold').fontSize(SIZES.body - 1).text(DRAFT_MARK, frame.left, doc.y + 2, { width: frame.width, align: 'center' });
  const ruleY = doc.y + 6;
  centeredRule(doc, frame.left + frame.width / 2, ruleY, frame.width / 4);
  doc.x = frame.left;
  doc.y = ruleY + 16;
  for (const block of model.body) {
    if (block.kind === 'paragraph') drawParagraph(doc, block);
    else drawTable(doc, block);
  }
  drawClosing(doc, model);
  numberPages(doc);
  return pdfBytes(doc);
}
