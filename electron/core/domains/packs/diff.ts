import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import {
  classificationLabels,
  meetingStatusLabels,
  participantRoleLabels,
  type PackChange,
} from '../../../../shared/contract/index.ts';
import type { PackContent } from './format.ts';

const ZONE = 'Asia/Ho_Chi_Minh';
const when = (iso: string) => format(new TZDate(iso, ZONE), 'HH:mm dd/MM/yyyy');

type Labels = Record<string, { vi: string; en: string }>;
const label = (table: Labels, key: string, lang: 'vi' | 'en') => table[key]?.[lang] ?? key;

function line(scope: PackChange['scope'], vi: string, en: string): PackChange {
  return { scope, text: { vi, en } };
}

const personName = (c: PackContent, id: string | null) => (id ? (c.people.find((p) => p.id === id)?.full_name ?? '—') : '—');
const orgName = (c: PackContent, id: string | null) => (id ? (c.organizations.find((o) => o.id === id)?.name ?? '—') : '—');
const participantName = (c: PackContent, p: PackContent['participants'][number]) =>
  p.person_id ? personName(c, p.person_id) : orgName(c, p.organization_id);
const documentName = (c: PackContent, id: string) => {
  const d = c.documents.find((x) => x.id === id);
  if (!d) return '—';
  const sign = d.number && d.notation ? `${d.number}/${d.notation}` : d.notation ?? d.number;
  return sign ? `${sign} (${d.file_name})` : d.file_name;
};

/**
 * What a member will find different from the pack they imported last: the meeting's time, place,
 * chair and status; agenda items added, removed, renamed, re-timed or moved; participants; and
 * documents added, removed or replaced by a newer version. Plain sentences, for people.
 */
export function diffPacks(before: PackContent, after: PackContent): PackChange[] {
  const changes: PackChange[] = [];
  const m0 = before.meeting;
  const m1 = after.meeting;
  if (m0.title !== m1.title) changes.push(line('meeting', `Tên cuộc họp: "${m0.title}" → "${m1.title}"`, `Title: "${m0.title}" → "${m1.title}"`));
  if (m0.starts_at !== m1.starts_at || m0.ends_at !== m1.ends_at) {
    const a = `${when(m0.starts_at)}–${when(m0.ends_at)}`;
    const b = `${when(m1.starts_at)}–${when(m1.ends_at)}`;
    changes.push(line('meeting', `Thời gian: ${a} → ${b}`, `Time: ${a} → ${b}`));
  }
  const place = (c: PackContent) => [c.room?.name, c.meeting.online ? 'trực tuyến' : null].filter(Boolean).join(', ') || '—';
  if (place(before) !== place(after)) changes.push(line('meeting', `Địa điểm: ${place(before)} → ${place(after)}`, `Place: ${place(before)} → ${place(after)}`));
  const points = (c: PackContent) => c.bridgePoints.map((b) => b.name).join(', ') || '—';
  if (points(before) !== points(after)) changes.push(line('meeting', `Điểm cầu: ${points(before)} → ${points(after)}`, `Bridge points: ${points(before)} → ${points(after)}`));
  if (m0.chair_person_id !== m1.chair_person_id) {
    const a = personName(before, m0.chair_person_id);
    const b = personName(after, m1.chair_person_id);
    changes.push(line('meeting', `Chủ trì: ${a} → ${b}`, `Chair: ${a} → ${b}`));
  }
  if (m0.status !== m1.status) {
    changes.push(
      line(
        'meeting',
        `Trạng thái: ${label(meetingStatusLabels, m0.status, 'vi')} → ${label(meetingStatusLabels, m1.status, 'vi')}`,
        `Status: ${label(meetingStatusLabels, m0.status, 'en')} → ${label(meetingStatusLabels, m1.status, 'en')}`,
      ),
    );
  }
  if (m0.classification !== m1.classification) {
    changes.push(
      line(
        'meeting',
        `Độ mật: ${label(classificationLabels, m0.classification, 'vi')} → ${label(classificationLabels, m1.classification, 'vi')}`,
        `Classification: ${label(classificationLabels, m0.classification, 'en')} → ${label(classificationLabels, m1.classification, 'en')}`,
      ),
    );
  }
  if ((m0.description ?? '') !== (m1.description ?? '')) changes.push(line('meeting', 'Nội dung mô tả cuộc họp đã thay đổi', 'The meeting description changed'));

  const items0 = new Map(before.agendaItems.map((a) => [a.id, a]));
  const items1 = new Map(after.agendaItems.map((a) => [a.id, a]));
  for (const [id, a] of items1) {
    const old = items0.get(id);
    if (!old) {
      changes.push(line('agenda', `Thêm nội dung: "${a.title}"`, `Agenda item added: "${a.title}"`));
      continue;
    }
    if (old.title !== a.title) changes.push(line('agenda', `Đổi tên nội dung: "${old.title}" → "${a.title}"`, `Agenda item renamed: "${old.title}" → "${a.title}"`));
    if (old.duration_minutes !== a.duration_minutes) {
      changes.push(
        line('agenda', `"${a.title}": thời lượng ${old.duration_minutes} → ${a.duration_minutes} phút`, `"${a.title}": ${old.duration_minutes} → ${a.duration_minutes} minutes`),
      );
    }
    if (old.presenter_person_id !== a.presenter_person_id || old.presenter_org_id !== a.presenter_org_id) {
      const who = (c: PackContent, x: typeof a) => (x.presenter_person_id ? personName(c, x.presenter_person_id) : orgName(c, x.presenter_org_id));
      changes.push(line('agenda', `"${a.title}": người trình bày ${who(before, old)} → ${who(after, a)}`, `"${a.title}": presenter ${who(before, old)} → ${who(after, a)}`));
    }
    if (old.position !== a.position || old.parent_id !== a.parent_id) {
      changes.push(line('agenda', `"${a.title}": đổi thứ tự trong chương trình`, `"${a.title}": moved in the agenda`));
    }
    if ((old.description ?? '') !== (a.description ?? '')) changes.push(line('agenda', `"${a.title}": mô tả đã thay đổi`, `"${a.title}": description changed`));
  }
  for (const [id, a] of items0) if (!items1.has(id)) changes.push(line('agenda', `Bỏ nội dung: "${a.title}"`, `Agenda item removed: "${a.title}"`));

  const parts0 = new Map(before.participants.map((p) => [p.id, p]));
  const parts1 = new Map(after.participants.map((p) => [p.id, p]));
  for (const [id, p] of parts1) {
    const old = parts0.get(id);
    const name = participantName(after, p);
    if (!old) changes.push(line('participants', `Thêm thành phần: ${name}`, `Participant added: ${name}`));
    else if (old.role !== p.role) {
      changes.push(
        line(
          'participants',
          `${name}: vai trò ${label(participantRoleLabels, old.role, 'vi')} → ${label(participantRoleLabels, p.role, 'vi')}`,
          `${name}: role ${label(participantRoleLabels, old.role, 'en')} → ${label(participantRoleLabels, p.role, 'en')}`,
        ),
      );
    }
  }
  for (const [id, p] of parts0) {
    if (!parts1.has(id)) {
      const name = participantName(before, p);
      changes.push(line('participants', `Bỏ thành phần: ${name}`, `Participant removed: ${name}`));
    }
  }

  const att0 = new Map(before.attachments.map((a) => [a.id, a]));
  const att1 = new Map(after.attachments.map((a) => [a.id, a]));
  for (const [id, a] of att1) {
    const old = att0.get(id);
    const name = documentName(after, a.document_id);
    if (!old) changes.push(line('documents', `Thêm tài liệu: ${name}`, `Document added: ${name}`));
    else if (old.document_id !== a.document_id) {
      changes.push(line('documents', `Thay tài liệu bằng phiên bản mới: ${documentName(before, old.document_id)} → ${name}`, `Document replaced by a newer version: ${documentName(before, old.document_id)} → ${name}`));
    }
  }
  for (const [id, a] of att0) {
    if (!att1.has(id)) {
      const name = documentName(before, a.document_id);
      changes.push(line('documents', `Bỏ tài liệu: ${name}`, `Document removed: ${name}`));
    }
  }
  return changes;
}
