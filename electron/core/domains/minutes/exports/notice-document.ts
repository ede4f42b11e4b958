import type { CommitteeRole, MeetingDetail, MinutesConclusion, NoticeRecipient, Participant } from '../../../../../shared/contract/index.ts';
import type { BlockNode, MinutesContent } from '../../../../../shared/minutes/document.ts';
import { TEXT_FORMAT } from '../../../../../shared/minutes/document.ts';
import { dateVi } from '../../../../../shared/vn-time.ts';
import { CLASSIFICATION_MARKS } from '../../../official-docs/classification-mark.ts';
import type { OfficialDocument } from '../../../official-docs/official-text.ts';
import { placeDateVi } from '../../../official-docs/place-date.ts';
import { paragraph, text } from '../prefill.ts';
import { assignmentLine, officialBlocks, type UnitNameOf } from './body-blocks.ts';
import { SIGNING_ROOM } from './minutes-document.ts';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** "cuộc họp Ban Chỉ đạo … quý IV" out of a title that may start with "Họp", "Cuộc họp", "Hội nghị" or neither. */
export function meetingPhrase(title: string): string {
  const t = title.trim();
  if (/^(cuộc họp|hội nghị|phiên họp)\b/iu.test(t)) return lowerFirst(t);
  if (/^họp\s/iu.test(t)) return `cuộc họp ${t.replace(/^họp\s+/iu, '')}`;
  return `cuộc họp ${lowerFirst(t)}`;
}

/** The committee as the signature's authority names it: "BAN CHỈ ĐẠO" for any Ban Chỉ đạo. */
function authorityOf(committeeName: string): string {
  return /^ban chỉ đạo/iu.test(committeeName.trim()) ? 'BAN CHỈ ĐẠO' : committeeName.trim().toLocaleUpperCase('vi');
}

/** What a notice says it is and who signs it: stored with the notice, edited before issue. */
export interface NoticeParts {
  content: MinutesContent;
  number: string | null;
  /** The "Nơi nhận" lines as written ("- Sở Tài chính;"). */
  recipientLines: string[];
  signerTitles: string[];
  signerName: string | null;
}

/**
 * Who signs (Điều 13, Nghị định 30/2020): the head signs on behalf of the committee (TM.), a deputy
 * signs for the head (KT.), anyone else signs by order (TL.) under the title given.
 */
export function noticeSigner(meeting: MeetingDetail, chairRole: CommitteeRole | null): { signerTitles: string[]; signerName: string | null } {
  const name = meeting.chair?.name ?? null;
  if (chairRole === 'head') return { signerTitles: [`TM. ${authorityOf(meeting.committee.name)}`, 'TRƯỞNG BAN'], signerName: name };
  if (chairRole === 'deputy') return { signerTitles: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'], signerName: name };
  return { signerTitles: ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'], signerName: null };
}

const ATTENDING = new Set(['present', 'late', 'delegated']);

function attendanceSentence(participants: readonly Participant[]): string | null {
  const members = participants.filter((p) => p.role !== 'guest' && p.role !== 'chair' && p.attendance && ATTENDING.has(p.attendance));
  const guests = participants.filter((p) => p.role === 'guest' && (p.attendance === null || ATTENDING.has(p.attendance)));
  if (!members.length && !guests.length) return null;
  const names = (list: readonly Participant[]) => list.map((p) => (p.kind === 'person' ? `đồng chí ${p.name}${p.position ? `, ${p.position}` : ''}` : `đại diện ${p.name}`));
  const parts: string[] = [];
  if (members.length) parts.push(members.length > 12 ? `${members.length} thành viên Ban Chỉ đạo` : `các thành viên Ban Chỉ đạo: ${names(members).join('; ')}`);
  if (guests.length) parts.push(`đại biểu khách mời: ${names(guests).join('; ')}`);
  return `Tham dự cuộc họp có ${parts.join('; ')}.`;
}

/** Conclusions grouped under their agenda item, in document order; those before any item come first. */
function grouped(conclusions: readonly MinutesConclusion[]): { title: string | null; items: MinutesConclusion[] }[] {
  const groups: { key: string | null; title: string | null; items: MinutesConclusion[] }[] = [];
  for (const c of conclusions) {
    const key = c.agendaItemId;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, title: c.agendaItemTitle, items: [] }));
    g.items.push(c);
  }
  return groups;
}

/** Nơi nhận as generated: the members, then every lead and coordinating unit of the conclusions. */
export function defaultNoticeRecipients(conclusions: readonly MinutesConclusion[]): NoticeRecipient[] {
  const units = new Map<string, string>();
  for (const c of conclusions) {
    if (c.leadUnitId && c.leadUnitName) units.set(c.leadUnitId, c.leadUnitName);
    c.coordinatingUnitIds.forEach((u, i) => {
      const name = c.coordinatingUnitNames[i];
      if (name && name !== u) units.set(u, name);
    });
  }
  return [{ unitId: null, text: 'Thành viên Ban Chỉ đạo' }, ...[...units].map(([unitId, text]) => ({ unitId, text }))];
}

/** "- Sở Tài chính;" per recipient, closing with "- Lưu: VT." unless a storage line is there already. */
export function recipientLines(recipients: readonly NoticeRecipient[]): string[] {
  const lines = recipients.map((r) => (/^[-–]/u.test(r.text) ? r.text : `- ${r.text.replace(/[;.]\s*$/u, '')};`));
  if (!lines.some((r) => /lưu\s*:/iu.test(r))) lines.push('- Lưu: VT.');
  return lines;
}

function chairPhrase(meeting: MeetingDetail): string {
  const chair = meeting.chair;
  return chair ? `đồng chí ${chair.name}${chair.position ? `, ${chair.position}` : ''}` : 'đồng chí chủ trì';
}

function heading(words: string): BlockNode {
  return { type: 'heading', tag: 'h3', children: [text(words, TEXT_FORMAT.bold)], direction: null, format: '', indent: 0, version: 1 };
}

/**
 * The text of the Thông báo kết luận (Mẫu 1.4 for a thông báo, Phụ lục III, Nghị định 30/2020) as
 * the editor holds it: who chaired, when and where, who attended, then the conclusions under their
 * agenda items with who leads, who coordinates and by when, closing "./.". The secretariat edits it
 * from here before issue.
 */
export function noticeContent(input: { meeting: MeetingDetail; conclusions: readonly MinutesConclusion[]; unitName: UnitNameOf }): MinutesContent {
  const { meeting } = input;
  const chairText = chairPhrase(meeting);
  const place = meeting.room?.name ?? (meeting.online ? 'trực tuyến' : null);
  const blocks: BlockNode[] = [paragraph(`Ngày ${dateVi(meeting.startsAt)}${place ? `, tại ${place}` : ''}, ${chairText} chủ trì ${meetingPhrase(meeting.title)}.`)];
  const attendance = attendanceSentence(meeting.participants);
  if (attendance) blocks.push(paragraph(attendance));
  blocks.push(paragraph(`Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu dự họp, ${chairText} kết luận như sau:`));
  grouped(input.conclusions).forEach((group, g) => {
    blocks.push(heading(`${g + 1}. ${group.title ?? 'Kết luận chung'}`));
    for (const c of group.items) {
      blocks.push(paragraph(`- ${c.text.trim()}`));
      const line = assignmentLine(c, input.unitName);
      if (line) blocks.push(paragraph(line, TEXT_FORMAT.italic));
    }
  });
  blocks.push(paragraph('Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.'));
  return { root: { type: 'root', children: blocks, direction: null, format: '', indent: 0, version: 1 } };
}

/** The notice as the official-docs kit writes it: its edited text, number, Nơi nhận and signer. */
export function noticeDocument(input: { meeting: MeetingDetail; parts: NoticeParts; final: boolean; issuedAt: Date; place: string; unitName: UnitNameOf }): OfficialDocument {
  const { meeting, parts } = input;
  return {
    title: `Thông báo kết luận — ${meeting.title}`,
    header: {
      issuer: meeting.committee.name,
      numberLine: `Số: ${parts.number ?? '      '}/TB-BCĐ`,
      classificationMark: CLASSIFICATION_MARKS[meeting.classification],
      placeDate: placeDateVi(input.place, input.issuedAt),
    },
    documentKind: 'THÔNG BÁO',
    summary: `Kết luận của ${chairPhrase(meeting)} tại ${meetingPhrase(meeting.title)}`,
    draft: !input.final,
    body: parts.content.root.children.flatMap((b) => officialBlocks(b, input.unitName)),
    signatures: [{ titles: parts.signerTitles, signerName: parts.signerName, signingRoom: SIGNING_ROOM }],
    recipients: parts.recipientLines,
  };
}
