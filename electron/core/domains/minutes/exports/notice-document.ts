import type { CommitteeRole, MeetingDetail, MinutesConclusion, NoticeOptions, Participant } from '../../../../../shared/contract/index.ts';
import { dateVi } from '../../../../../shared/vn-time.ts';
import { CLASSIFICATION_MARKS } from '../../../official-docs/classification-mark.ts';
import type { OfficialBlock, OfficialDocument } from '../../../official-docs/official-text.ts';
import { placeDateVi } from '../../../official-docs/place-date.ts';
import type { SignatureBlock } from '../../../official-docs/signature-block.ts';
import { assignmentLine, type UnitNameOf } from './body-blocks.ts';
import { SIGNING_ROOM } from './minutes-document.ts';

export interface NoticeInput {
  meeting: MeetingDetail;
  conclusions: readonly MinutesConclusion[];
  /** The chair's role in the committee, which decides who signs and how (TM., KT., TL.). */
  chairRole: CommitteeRole | null;
  final: boolean;
  issuedAt: Date;
  place: string;
  unitName: UnitNameOf;
  options: NoticeOptions;
}

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

/**
 * Who signs (Điều 13, Nghị định 30/2020): the head signs on behalf of the committee (TM.), a deputy
 * signs for the head (KT.), anyone else signs by order (TL.) under the title given.
 */
export function noticeSignature(input: Pick<NoticeInput, 'meeting' | 'chairRole' | 'options'>): SignatureBlock {
  const { meeting, chairRole, options } = input;
  const chair = meeting.chair;
  let titles: string[];
  let signerName: string | null;
  if (chairRole === 'head') {
    titles = [`TM. ${authorityOf(meeting.committee.name)}`, 'TRƯỞNG BAN'];
    signerName = chair?.name ?? null;
  } else if (chairRole === 'deputy') {
    titles = ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'];
    signerName = chair?.name ?? null;
  } else {
    titles = ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'];
    signerName = null;
  }
  return {
    titles: options.signerTitles ?? titles,
    signerName: options.signerName ?? (options.signerTitles ? null : signerName),
    signingRoom: SIGNING_ROOM,
  };
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

function defaultRecipients(conclusions: readonly MinutesConclusion[]): string[] {
  const units = new Set<string>();
  for (const c of conclusions) {
    if (c.leadUnitName) units.add(c.leadUnitName);
    for (const u of c.coordinatingUnitNames) units.add(u);
  }
  return ['- Thành viên Ban Chỉ đạo;', ...[...units].map((u) => `- ${u};`), '- Lưu: VT.'];
}

/**
 * The Thông báo kết luận (Mẫu 1.4 for a thông báo, Phụ lục III, Nghị định 30/2020): who chaired,
 * when and where, who attended, then the conclusions under their agenda items with who leads, who
 * coordinates and by when, closing "./." and signed by the chair's authority.
 */
export function noticeDocument(input: NoticeInput): OfficialDocument {
  const { meeting, options } = input;
  const chair = meeting.chair;
  const chairText = chair ? `đồng chí ${chair.name}${chair.position ? `, ${chair.position}` : ''}` : 'đồng chí chủ trì';
  const phrase = meetingPhrase(meeting.title);
  const place = meeting.room?.name ?? (meeting.online ? 'trực tuyến' : null);
  const body: OfficialBlock[] = [
    {
      kind: 'paragraph',
      runs: [{ text: `Ngày ${dateVi(meeting.startsAt)}${place ? `, tại ${place}` : ''}, ${chairText} chủ trì ${phrase}.` }],
    },
  ];
  const attendance = attendanceSentence(meeting.participants);
  if (attendance) body.push({ kind: 'paragraph', runs: [{ text: attendance }] });
  body.push({
    kind: 'paragraph',
    runs: [{ text: `Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu dự họp, ${chairText} kết luận như sau:` }],
  });
  grouped(input.conclusions).forEach((group, g) => {
    body.push({ kind: 'paragraph', runs: [{ text: `${g + 1}. ${group.title ?? 'Kết luận chung'}`, bold: true }], keepWithNext: true });
    for (const c of group.items) {
      body.push({ kind: 'paragraph', runs: [{ text: `- ${c.text.trim()}` }] });
      const line = assignmentLine(c, input.unitName);
      if (line) body.push({ kind: 'paragraph', runs: [{ text: line, italic: true }] });
    }
  });
  body.push({ kind: 'paragraph', runs: [{ text: 'Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.' }] });

  const recipients = options.recipients ? [...options.recipients] : defaultRecipients(input.conclusions);
  if (!recipients.some((r) => /lưu\s*:/iu.test(r))) recipients.push('- Lưu: VT.');
  return {
    title: `Thông báo kết luận — ${meeting.title}`,
    header: {
      issuer: meeting.committee.name,
      numberLine: `Số: ${options.number ?? '      '}/TB-BCĐ`,
      classificationMark: CLASSIFICATION_MARKS[meeting.classification],
      placeDate: placeDateVi(input.place, input.issuedAt),
    },
    documentKind: 'THÔNG BÁO',
    summary: `Kết luận của ${chairText} tại ${phrase}`,
    draft: !input.final,
    body,
    signatures: [noticeSignature(input)],
    recipients,
  };
}
