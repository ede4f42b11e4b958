import type { BlockNode, ConclusionJson, InlineNode, ListJson, MinutesContent } from './document.ts';

/** The words of a run of inline nodes, line breaks as "\n". */
export function inlineText(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'linebreak' ? '\n' : '\t')).join('');
}

function listLines(list: ListJson, depth: number): string[] {
  return list.children.flatMap((item, i) => {
    const words = inlineText(item.children.filter((c): c is InlineNode => c.type !== 'list'));
    const mark = list.listType === 'number' ? `${i + 1}.` : '-';
    const nested = item.children.filter((c): c is ListJson => c.type === 'list').flatMap((l) => listLines(l, depth + 1));
    return [`${'  '.repeat(depth)}${mark} ${words}`, ...nested];
  });
}

/** One block as a reader would say it in one line, for revision diffs and search. */
export function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
    case 'ns-prefill':
      return inlineText(block.children);
    case 'ns-item':
      return `${block.number}. ${block.title}`;
    case 'ns-opinion':
      return `${block.speaker}: ${block.text}`;
    case 'ns-vote':
      return `${block.question} — đồng ý ${block.agree}, không đồng ý ${block.disagree}, ý kiến khác ${block.other}`;
    case 'ns-conclusion':
      return `Kết luận: ${block.text}${block.deadline ? ` (hạn ${block.deadline})` : ''}`;
    case 'list':
      return listLines(block, 0).join('\n');
    case 'table':
      return block.children.map((row) => row.children.map((cell) => cell.children.map((b) => blockText(b as BlockNode)).join(' ')).join(' | ')).join('\n');
  }
}

export interface PlacedConclusion extends ConclusionJson {
  /** The agenda item whose section holds it; null before the first item. */
  agendaItemId: string | null;
  /** 1-based, in document order across the whole minutes. */
  ordinal: number;
}

/** The conclusions in document order, each with the agenda item it falls under. */
export function conclusionsOf(content: MinutesContent): PlacedConclusion[] {
  let item: string | null = null;
  const out: PlacedConclusion[] = [];
  for (const block of content.root.children) {
    if (block.type === 'ns-item') item = block.agendaItemId;
    if (block.type === 'ns-conclusion') out.push({ ...block, agendaItemId: item, ordinal: out.length + 1 });
  }
  return out;
}

/** Ids that must be unique in one minutes: conclusions, opinions and votes. */
export function duplicateIds(content: MinutesContent): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const b of content.root.children) {
    if (b.type === 'ns-conclusion' || b.type === 'ns-opinion' || b.type === 'ns-vote') {
      if (seen.has(b.id)) dup.add(b.id);
      seen.add(b.id);
    }
  }
  return [...dup];
}

/**
 * JSON with keys sorted at every level: the same content always gives the same bytes, whatever order
 * the editor wrote its fields in, so its hash identifies the content.
 */
export function canonicalJson(value: unknown): string {
  // Sorted copies first, then one native stringify: a replacer is called for every string and number
  // too, which made this the costliest step of a keystroke's save. Same bytes either way.
  return JSON.stringify(sortedCopy(value));
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return sortedCopy((toJSON as () => unknown).call(value));
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) out[k] = sortedCopy(o[k]);
  return out;
}
