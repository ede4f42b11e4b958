import type { MeetingDetail, MinutesRefreshChange } from '../../../../shared/contract/index.ts';
import type { BlockNode, VoteJson } from '../../../../shared/minutes/document.ts';
import type { BallotChoice } from '../../../../shared/room/tally.ts';
import type { ClosedVote } from '../live-room/room-record.ts';
import { prefillNode } from './prefill.ts';

/**
 * Votes the live room counted, as the minutes record them (issue 15): a vote block with the counts,
 * the rule and the members present, under the item it was taken on, and beneath it who voted how —
 * for a named ballot by name; for a secret one how many voted and the "ý kiến khác" texts, unsigned.
 * The block's id is the room's vote id, so a vote already in the minutes is never added twice.
 */
const CHOICE_VI: Record<BallotChoice, string> = { agree: 'Đồng ý', disagree: 'Không đồng ý', other: 'Ý kiến khác' };

export function voteBlock(v: ClosedVote, meeting: Pick<MeetingDetail, 'participants' | 'passRule' | 'tieToChair'>): VoteJson {
  const chair = meeting.participants.find((p) => p.role === 'chair')?.personId ?? null;
  const chairBallot = v.result.named?.find((b) => b.personId === chair)?.choice;
  const chairChoice = meeting.tieToChair && (chairBallot === 'agree' || chairBallot === 'disagree') ? chairBallot : null;
  const t = v.result.tally;
  return {
    type: 'ns-vote',
    id: v.voteId,
    question: v.title,
    agree: t.agree,
    disagree: t.disagree,
    other: t.other,
    rule: meeting.passRule,
    members: v.result.eligible,
    present: v.result.present,
    chairChoice,
    version: 1,
  };
}

function quoted(texts: readonly string[]): string {
  return texts.map((t) => `“${t}”`).join('; ');
}

/** Who voted how, as one line under the vote block. */
export function votersText(v: ClosedVote, names: ReadonlyMap<string, string>): string {
  if (v.result.secret) {
    const others = v.result.secret.otherTexts;
    return `Bỏ phiếu kín: ${v.result.secret.voters.length} thành viên đã bỏ phiếu.${others.length ? ` Ý kiến khác: ${quoted(others)}.` : ''}`;
  }
  const named = v.result.named ?? [];
  const parts = (['agree', 'disagree', 'other'] as const).flatMap((choice) => {
    const who = named.filter((b) => b.choice === choice);
    if (!who.length) return [];
    const list = who.map((b) => `${names.get(b.personId) ?? b.personId}${b.text ? ` (“${b.text}”)` : ''}`).join(', ');
    return [`${CHOICE_VI[choice]} (${who.length}): ${list}`];
  });
  return `Biểu quyết công khai — ${parts.length ? parts.join('; ') : 'không có phiếu'}.`;
}

function summary(v: ClosedVote): string {
  const t = v.result.tally;
  return `Biểu quyết: ${v.title} — đồng ý ${t.agree}, không đồng ý ${t.disagree}, ý kiến khác ${t.other} (${t.passed ? 'thông qua' : 'không thông qua'})`;
}

/** Where an item's section ends: before the next item's heading or the closing line. */
function sectionTail(blocks: readonly BlockNode[], agendaItemId: string | null): number {
  const end = blocks.findIndex((b) => b.type === 'ns-prefill' && b.key === 'end');
  const close = end < 0 ? blocks.length : end;
  if (agendaItemId === null) return close;
  const head = blocks.findIndex((b) => b.type === 'ns-item' && b.agendaItemId === agendaItemId);
  if (head < 0) return close;
  const next = blocks.findIndex((b, i) => i > head && b.type === 'ns-item');
  return next < 0 ? (close > head ? close : blocks.length) : next;
}

/** Adds the room's votes the minutes lack; returns the changes as the refresh dialog lists them. */
export function addRoomVotes(blocks: BlockNode[], votes: readonly ClosedVote[], meeting: Pick<MeetingDetail, 'participants' | 'passRule' | 'tieToChair'>): MinutesRefreshChange[] {
  const present = new Set(blocks.flatMap((b) => (b.type === 'ns-vote' ? [b.id] : [])));
  // A member represented (ủy quyền) voted through the delegate: the minutes name who was there.
  const names = new Map(
    meeting.participants.flatMap((p) => (p.personId ? [[p.personId, p.attendance === 'delegated' && p.attendanceDelegate ? `${p.attendanceDelegate} (dự thay ${p.name})` : p.name] as const] : [])),
  );
  const changes: MinutesRefreshChange[] = [];
  for (const v of votes) {
    if (present.has(v.voteId)) continue;
    const at = sectionTail(blocks, v.itemId);
    blocks.splice(at, 0, voteBlock(v, meeting), prefillNode({ key: `vote:${v.voteId}:voters`, text: votersText(v, names) }));
    changes.push({ key: `vote:${v.voteId}`, kind: 'add', before: null, after: summary(v) });
  }
  return changes;
}
