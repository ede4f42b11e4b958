import { inlineText } from '../../../../../shared/minutes/blocks.ts';
import { voteResultText } from '../../../../../shared/minutes/vote-result.ts';
import { TEXT_FORMAT, type BlockNode, type InlineNode, type ListJson, type TableJson } from '../../../../../shared/minutes/document.ts';
import type { OfficialBlock, ParagraphBlock, TextRun } from '../../../official-docs/official-text.ts';

/** Names of the directory's units by id (lead and coordinating units of conclusions). */
export type UnitNameOf = (unitId: string) => string | null;

/** A calendar day as Vietnamese documents write it: "2027-03-31" → "31/03/2027". */
export function calendarDateVi(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The editor's runs with the emphases an official document keeps (bold, italic, underline). */
export function runsOf(nodes: readonly InlineNode[]): TextRun[] {
  return nodes.map((n) => {
    if (n.type === 'linebreak') return { text: '\n' };
    if (n.type === 'tab') return { text: ' ' };
    const f = n.format ?? 0;
    const run: TextRun = { text: n.text };
    if (f & TEXT_FORMAT.bold) run.bold = true;
    if (f & TEXT_FORMAT.italic) run.italic = true;
    if (f & TEXT_FORMAT.underline) run.underline = true;
    return run;
  });
}

const blank = (runs: readonly TextRun[]) => runs.every((r) => r.text.trim() === '');

function paragraph(runs: TextRun[], extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return { kind: 'paragraph', runs, ...extra };
}

/** "(Đơn vị chủ trì: …; phối hợp: …; thời hạn: 31/03/2027)", or null when the conclusion names none of them. */
export function assignmentLine(c: { leadUnitId: string | null; coordinatingUnitIds: readonly string[]; deadline: string | null }, unitName: UnitNameOf): string | null {
  const parts: string[] = [];
  const lead = c.leadUnitId ? unitName(c.leadUnitId) : null;
  if (lead) parts.push(`Đơn vị chủ trì: ${lead}`);
  const coordinating = c.coordinatingUnitIds.map(unitName).filter((n): n is string => !!n);
  if (coordinating.length) parts.push(`phối hợp: ${coordinating.join(', ')}`);
  if (c.deadline) parts.push(`thời hạn: ${calendarDateVi(c.deadline)}`);
  if (!parts.length) return null;
  const text = parts.join('; ');
  return `(${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)})`;
}

function listBlocks(list: ListJson, depth: number): ParagraphBlock[] {
  let n = typeof list.start === 'number' ? list.start : 1;
  return list.children.flatMap((item) => {
    const inline = item.children.filter((c): c is InlineNode => c.type !== 'list');
    const nested = item.children.filter((c): c is ListJson => c.type === 'list').flatMap((l) => listBlocks(l, depth + 1));
    if (!inline.length) return nested;
    const mark = list.listType === 'number' ? `${n++}. ` : list.listType === 'check' ? (item.checked === true ? '☑ ' : '☐ ') : '- ';
    return [paragraph([{ text: mark }, ...runsOf(inline)], { level: depth }), ...nested];
  });
}

/** Lexical marks a header cell with bit 1 (row) of headerState; leading rows of such cells are the table's heading. */
function tableBlock(table: TableJson): OfficialBlock {
  const rows = table.children.map((row) =>
    row.children.map((cell) =>
      cell.children.flatMap((b, i) => {
        const text = b.type === 'list' ? listBlocks(b, 0).map((p) => p.runs.map((r) => r.text).join('')).join('\n') : inlineText(b.children);
        return [{ text: i > 0 ? `\n${text}` : text, bold: b.type === 'heading' }];
      }),
    ),
  );
  let headerRows = 0;
  while (headerRows < table.children.length && table.children[headerRows]!.children.every((c) => ((c.headerState ?? 0) & 1) === 1)) headerRows++;
  return { kind: 'table', rows, headerRows };
}

/**
 * One block of the minutes as the official document prints it: paragraphs justified with their
 * first-line indent, agenda items as bold section titles kept with what follows, opinions as
 * "- Speaker: words", votes as a tally table and, when recorded, the result under the rule, conclusions with who leads and by when. Empty
 * paragraphs (the editor's spacing) are dropped: the document's spacing is the layout's.
 */
export function officialBlocks(block: BlockNode, unitName: UnitNameOf): OfficialBlock[] {
  switch (block.type) {
    case 'paragraph':
    case 'ns-prefill': {
      const runs = runsOf(block.children);
      return blank(runs) ? [] : [paragraph(runs)];
    }
    case 'quote': {
      const runs = runsOf(block.children).map((r) => ({ ...r, italic: true }));
      return blank(runs) ? [] : [paragraph(runs)];
    }
    case 'heading': {
      const runs = runsOf(block.children).map((r) => ({ ...r, bold: true }));
      return blank(runs) ? [] : [paragraph(runs, { keepWithNext: true })];
    }
    case 'ns-item':
      return [paragraph([{ text: `${block.number}. ${block.title}`, bold: true }], { keepWithNext: true })];
    case 'ns-opinion':
      return [paragraph([{ text: '- ' }, { text: block.speaker.trim() || 'Ý kiến', bold: true }, { text: `: ${block.text}` }])];
    case 'ns-vote': {
      const result = voteResultText(block);
      return [
        paragraph([{ text: 'Biểu quyết: ', bold: true }, { text: block.question }], { keepWithNext: true }),
        {
          kind: 'table',
          headerRows: 1,
          rows: [
            [[{ text: 'Đồng ý' }], [{ text: 'Không đồng ý' }], [{ text: 'Ý kiến khác' }]],
            [[{ text: String(block.agree) }], [{ text: String(block.disagree) }], [{ text: String(block.other) }]],
          ],
        },
        ...(result ? [paragraph([{ text: result, italic: true }])] : []),
      ];
    }
    case 'ns-conclusion': {
      const out: OfficialBlock[] = [paragraph([{ text: 'Kết luận: ', bold: true }, { text: block.text }])];
      const line = assignmentLine(block, unitName);
      if (line) out.push(paragraph([{ text: line, italic: true }]));
      return out;
    }
    case 'list':
      return listBlocks(block, 0);
    case 'table':
      return [tableBlock(block)];
  }
}
