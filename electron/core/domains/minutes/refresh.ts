import type { MeetingDetail, MinutesRefreshChange } from '../../../../shared/contract/index.ts';
import { inlineText } from '../../../../shared/minutes/blocks.ts';
import type { BlockNode, MinutesContent, PrefillJson } from '../../../../shared/minutes/document.ts';
import type { ClosedVote } from '../live-room/room-record.ts';
import { addRoomVotes } from './room-votes.ts';
import { endFact, flatItems, headerFacts, itemFacts, itemSection, NONE_UNMARKED, prefillNode, text } from './prefill.ts';

/**
 * Brings the prefilled facts up to date with the meeting without touching what the secretary wrote:
 * a fact still reading as the app wrote it is replaced; a fact the secretary changed is kept (and
 * listed, so they can compare); an agenda item added since gets its section before the closing line.
 * A fact the secretary deleted stays deleted. Votes the live room closed come in under their items.
 */
export function planRefresh(content: MinutesContent, meeting: MeetingDetail, roomVotes: readonly ClosedVote[] = []): { changes: MinutesRefreshChange[]; content: MinutesContent } {
  const items = flatItems(meeting.agenda.items);
  const fresh = new Map<string, string>();
  for (const f of [...headerFacts(meeting), ...items.flatMap(itemFacts), endFact(meeting)]) fresh.set(f.key, f.text);
  // The draft names members not yet marked only while there are some; once all are marked, that line
  // must say so rather than go on naming them (it is kept as the secretary's if they changed it).
  if (!fresh.has('unmarked')) fresh.set('unmarked', NONE_UNMARKED);

  const changes: MinutesRefreshChange[] = [];
  const present = new Set<string>();
  const blocks: BlockNode[] = content.root.children.map((block) => {
    if (block.type === 'ns-prefill') {
      present.add(block.key);
      const next = fresh.get(block.key);
      if (next === undefined || next === block.generated) return block;
      const now = inlineText(block.children);
      if (now !== block.generated) {
        changes.push({ key: block.key, kind: 'kept', before: now, after: next });
        return { ...block, generated: next } satisfies PrefillJson as BlockNode;
      }
      changes.push({ key: block.key, kind: 'update', before: now, after: next });
      return { ...block, generated: next, children: [text(next)] } as BlockNode;
    }
    if (block.type === 'ns-item') {
      present.add(`item:${block.agendaItemId}`);
      const item = items.find((i) => i.id === block.agendaItemId);
      if (item && (item.title !== block.title || item.number !== block.number)) {
        changes.push({ key: `item:${item.id}`, kind: 'update', before: `${block.number}. ${block.title}`, after: `${item.number}. ${item.title}` });
        return { ...block, title: item.title, number: item.number };
      }
    }
    return block;
  });

  // Facts of an item whose heading is still there but which gained a fact (e.g. its first document).
  for (const item of items) {
    if (!present.has(`item:${item.id}`)) continue;
    for (const fact of itemFacts(item)) {
      if (present.has(fact.key)) continue;
      const at = sectionEnd(blocks, item.id);
      blocks.splice(at, 0, prefillNode(fact));
      changes.push({ key: fact.key, kind: 'add', before: null, after: fact.text });
    }
  }

  const added = items.filter((i) => !present.has(`item:${i.id}`));
  if (added.length) {
    const end = blocks.findIndex((b) => b.type === 'ns-prefill' && b.key === 'end');
    blocks.splice(end < 0 ? blocks.length : end, 0, ...added.flatMap(itemSection));
    for (const i of added) changes.push({ key: `item:${i.id}`, kind: 'add', before: null, after: `${i.number}. ${i.title}` });
  }
  changes.push(...addRoomVotes(blocks, roomVotes, meeting));
  return { changes, content: { ...content, root: { ...content.root, children: blocks } } };
}

/** Just after the last prefilled fact of an item's section (its heading when it has none left). */
function sectionEnd(blocks: BlockNode[], agendaItemId: string): number {
  let at = blocks.findIndex((b) => b.type === 'ns-item' && b.agendaItemId === agendaItemId) + 1;
  while (at < blocks.length) {
    const b = blocks[at]!;
    if (b.type !== 'ns-prefill' || !b.key.startsWith(`item:${agendaItemId}:`)) break;
    at++;
  }
  return at;
}
