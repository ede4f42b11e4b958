import type { AgendaItem, MeetingDetail, MeetingPersonRef, Participant } from '../../../../shared/contract/index.ts';
import type { BlockNode, ItemJson, PrefillJson } from '../../../../shared/minutes/document.ts';
import { invitationTimeVi, timeVi, dateVi } from '../../../../shared/vn-time.ts';

/**
 * The facts of a meeting as Mẫu 1.9 (Nghị định 30/2020) lays out a biên bản: time, place, who chaired
 * and who wrote it, who attended and who did not, then one section per agenda item. Each fact is a
 * `ns-prefill` paragraph keyed by what it states, so a refresh can tell the app's text from the
 * secretary's (see refresh.ts).
 */

export interface PrefillFact {
  key: string;
  text: string;
}

const EMPTY_TEXT = { format: 0, detail: 0, mode: 'normal', style: '' };

export function text(t: string, format = 0) {
  return { type: 'text' as const, text: t, ...EMPTY_TEXT, format, version: 1 };
}

export function paragraph(words: string, format = 0): BlockNode {
  return { type: 'paragraph', children: words ? [text(words, format)] : [], direction: null, format: '', indent: 0, version: 1 };
}

export function prefillNode(fact: PrefillFact): PrefillJson {
  return { type: 'ns-prefill', key: fact.key, generated: fact.text, children: [text(fact.text)], direction: null, format: '', indent: 0, version: 1 };
}

export function itemNode(item: Pick<AgendaItem, 'id' | 'number' | 'title'>): ItemJson {
  return { type: 'ns-item', agendaItemId: item.id, number: item.number, title: item.title, version: 1 };
}

function person(p: MeetingPersonRef | null): string {
  if (!p) return '…';
  return [p.name, p.position].filter(Boolean).join(', ');
}

function who(p: Participant): string {
  return [p.name, p.kind === 'person' ? p.position : null].filter(Boolean).join(', ');
}

const MEMBER_ROLES = new Set(['chair', 'member', 'secretary']);

/** "Ông/bà A, chức vụ (ủy quyền: B)". */
function attendingLine(p: Participant): string {
  if (p.attendance === 'delegated') return `${who(p)} (ủy quyền: ${p.attendanceDelegate ?? 'người dự thay'})`;
  if (p.attendance === 'late') return `${who(p)} (đến muộn)`;
  return who(p);
}

function absentLine(p: Participant): string {
  const reason = p.absenceReason ?? p.rsvpReason;
  return reason ? `${who(p)} (lý do: ${reason})` : `${who(p)} (không có lý do)`;
}

function list(label: string, names: string[]): string {
  return `${label}: ${names.length ? names.join('; ') : 'không có'}.`;
}

/** The "unmarked" line once everyone is marked: a refresh writes it over a list that named people. */
export const NONE_UNMARKED = list('- Chưa điểm danh', []);

/** Facts before the agenda items, in the order Mẫu 1.9 puts them. */
export function headerFacts(m: MeetingDetail): PrefillFact[] {
  const place = m.room?.name ?? (m.online ? 'trực tuyến' : null);
  const bridges = m.bridgePoints.map((b) => (b.location ? `${b.name} (${b.location})` : b.name));
  const members = m.participants.filter((p) => MEMBER_ROLES.has(p.role));
  const guests = m.participants.filter((p) => p.role === 'guest');
  const attends = (p: Participant) => p.attendance === 'present' || p.attendance === 'late' || p.attendance === 'delegated';
  const facts: PrefillFact[] = [
    { key: 'time', text: `Thời gian bắt đầu: ${invitationTimeVi(m.startsAt)}.` },
    { key: 'place', text: `Địa điểm: ${place ?? '…'}${bridges.length ? `; các điểm cầu: ${bridges.join('; ')}` : ''}.` },
    { key: 'chair', text: `Chủ trì (chủ tọa): ${person(m.chair)}.` },
    { key: 'secretary', text: `Thư ký (người ghi biên bản): ${person(m.secretary)}.` },
    {
      key: 'attendance',
      text: `Thành phần tham dự: ${m.attendance.membersAttending}/${m.attendance.members} thành viên có mặt${m.attendance.members ? (m.attendance.quorumMet ? ', đủ số lượng theo quy chế' : ', chưa đủ số lượng theo quy chế') : ''}.`,
    },
    { key: 'attending', text: list('- Có mặt', members.filter(attends).map(attendingLine)) },
    { key: 'absent', text: list('- Vắng mặt', members.filter((p) => p.attendance === 'absent').map(absentLine)) },
  ];
  const unmarked = members.filter((p) => p.attendance === null);
  if (unmarked.length) facts.push({ key: 'unmarked', text: list('- Chưa điểm danh', unmarked.map(who)) });
  facts.push({ key: 'guests', text: list('- Khách mời', guests.filter((g) => g.attendance === null || attends(g)).map(attendingLine)) });
  return facts;
}

function presenterText(item: AgendaItem): string {
  const p = item.presenter;
  if (!p) return 'Trình bày: …';
  if (p.kind === 'organization') return `Trình bày: ${p.name}.`;
  return `Trình bày: ${[p.name, p.position, p.unitName].filter(Boolean).join(', ')}.`;
}

/** The facts under one agenda item's heading. */
export function itemFacts(item: AgendaItem): PrefillFact[] {
  const facts: PrefillFact[] = [{ key: `item:${item.id}:presenter`, text: presenterText(item) }];
  if (item.documents.length) {
    facts.push({ key: `item:${item.id}:documents`, text: `Tài liệu: ${item.documents.map((d) => d.summary ?? d.fileName).join('; ')}.` });
  }
  return facts;
}

export function endFact(m: MeetingDetail): PrefillFact {
  return { key: 'end', text: `Cuộc họp kết thúc vào ${timeVi(m.endsAt).replace(':', ' giờ ')}, ngày ${dateVi(m.endsAt)}.` };
}

/** Agenda items in reading order, sub-items after their parent. */
export function flatItems(items: readonly AgendaItem[]): AgendaItem[] {
  return items.flatMap((i) => [i, ...flatItems(i.children)]);
}

/** One agenda item's section as first written: its heading, its facts and an empty line for the discussion. */
export function itemSection(item: AgendaItem): BlockNode[] {
  return [itemNode(item), ...itemFacts(item).map(prefillNode), paragraph('')];
}

/** The whole first draft. */
export function prefillBlocks(m: MeetingDetail): BlockNode[] {
  return [
    ...headerFacts(m).map(prefillNode),
    paragraph('Nội dung cuộc họp:', 1),
    ...flatItems(m.agenda.items).flatMap(itemSection),
    prefillNode(endFact(m)),
  ];
}
