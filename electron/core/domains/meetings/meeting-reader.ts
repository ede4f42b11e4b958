import {
  attendanceOpenStatuses,
  meetingTransitions,
  type Agenda,
  type BridgePoint,
  type Classification,
  type LocalizedText,
  type MeetingAttachment,
  type MeetingChange,
  type MeetingDetail,
  type MeetingRevision,
  type MeetingStatus,
  type ParticipantList,
} from '../../../../shared/contract/index.ts';
import type { PassRule } from '../../../../shared/room/tally.ts';
import type { ServiceContext } from '../../context.ts';
import { buildAgenda, AGENDA_ROWS_SQL, type AgendaRow } from './agenda-tree.ts';
import { summarizeAttendance } from './attendance-summary.ts';
import type { BookingCheck } from './booking.ts';
import { PARTICIPANTS_OF_MEETING_SQL, toParticipant, type ParticipantRow } from './participant-rows.ts';
import { notFound } from './references.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type SummaryRow } from './summary-rows.ts';

interface DetailRow extends SummaryRow {
  description: string | null;
  secretary_person_id: string | null;
  secretary_name: string | null;
  secretary_position: string | null;
  secretary_unit: string | null;
  secretary_email: string | null;
  quorum_percent: number;
  pass_rule: PassRule | null;
  tie_to_chair: number | null;
  cloned_from_id: string | null;
  created_at: string;
}

interface AttachmentRow {
  attachment_id: string;
  agenda_item_id: string | null;
  position: number;
  document_id: string;
  file_name: string;
  kind: 'pdf' | 'attachment';
  mime: string;
  blob_sha256: string;
  page_count: number | null;
  number: string | null;
  notation: string | null;
  summary: string | null;
  type_code: string | null;
  classification: Classification;
}

interface ChangeRow {
  id: string;
  revision: number;
  at: string;
  by: string | null;
  by_name: string | null;
  summary: string;
}

function toAttachment(row: AttachmentRow): MeetingAttachment {
  return {
    attachmentId: row.attachment_id,
    documentId: row.document_id,
    fileName: row.file_name,
    kind: row.kind,
    mime: row.mime,
    sha256: row.blob_sha256,
    pageCount: row.page_count,
    number: row.number,
    notation: row.notation,
    summary: row.summary,
    typeCode: row.type_code,
    classification: row.classification,
    position: row.position,
  };
}

/** A change row's JSON; anything unreadable (written by an older or newer build) is shown as it is. */
function parseChanges(summary: string): MeetingChange[] {
  try {
    const parsed = JSON.parse(summary) as unknown;
    if (Array.isArray(parsed)) return parsed as MeetingChange[];
  } catch {
    // fall through
  }
  return [{ scope: 'meeting', what: 'note', text: { vi: summary, en: summary } }];
}

/** What a draft still lacks before it can be published. */
export function publishBlockers(counts: { agendaItems: number; participants: number }, title: string): LocalizedText[] {
  const missing: LocalizedText[] = [];
  if (title.trim() === '') missing.push({ vi: 'tên cuộc họp', en: 'a title' });
  if (counts.agendaItems === 0) missing.push({ vi: 'ít nhất một nội dung trong chương trình họp', en: 'at least one agenda item' });
  if (counts.participants === 0) missing.push({ vi: 'ít nhất một thành phần tham dự', en: 'at least one participant' });
  return missing;
}

/**
 * Reads meetings whole: a fixed handful of statements per meeting (head, bridge points, agenda,
 * documents, participants, changes, clashes), whatever the size of the agenda.
 */
export function createMeetingReader(ctx: ServiceContext, booking: BookingCheck) {
  const { db } = ctx;
  const head = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, m.description,
       m.secretary_person_id, se.full_name AS secretary_name, se.position AS secretary_position,
       seo.name AS secretary_unit, se.email AS secretary_email,
       c.quorum_percent, vr.pass_rule, vr.tie_to_chair, m.cloned_from_id, m.created_at
     FROM meetings m ${SUMMARY_JOINS}
     LEFT JOIN committee_vote_rules vr ON vr.committee_id = m.committee_id
     LEFT JOIN people se ON se.id = m.secretary_person_id
     LEFT JOIN organizations seo ON seo.id = se.organization_id
     WHERE m.id = ?`,
  );
  const timesOf = db.prepare('SELECT id, starts_at, ends_at FROM meetings WHERE id = ?');
  const quorumOf = db.prepare('SELECT c.quorum_percent FROM meetings m JOIN committees c ON c.id = m.committee_id WHERE m.id = ?').pluck();
  const bridgePoints = db.prepare('SELECT id, name, location FROM meeting_bridge_points WHERE meeting_id = ? ORDER BY position, id');
  const agendaRows = db.prepare(AGENDA_ROWS_SQL);
  const attachments = db.prepare(
    `SELECT md.id AS attachment_id, md.agenda_item_id, md.position, d.id AS document_id, d.file_name, d.kind, d.mime,
       d.blob_sha256, d.page_count, d.number, d.notation, d.summary, d.type_code, d.classification
     FROM meeting_documents md JOIN documents d ON d.id = md.document_id
     WHERE md.meeting_id = ? ORDER BY md.position, md.id`,
  );
  const participantRows = db.prepare(PARTICIPANTS_OF_MEETING_SQL);
  const changeRows = db.prepare(
    `SELECT mc.id, mc.revision, mc.at, mc.by, pr.full_name AS by_name, mc.summary
     FROM meeting_changes mc LEFT JOIN profile pr ON pr.id = mc.by
     WHERE mc.meeting_id = ? ORDER BY mc.revision DESC, mc.at DESC`,
  );

  function documentsOf(meetingId: string): { loose: MeetingAttachment[]; byItem: Map<string, MeetingAttachment[]> } {
    const loose: MeetingAttachment[] = [];
    const byItem = new Map<string, MeetingAttachment[]>();
    for (const row of attachments.all(meetingId) as AttachmentRow[]) {
      const doc = toAttachment(row);
      if (row.agenda_item_id === null) loose.push(doc);
      else byItem.set(row.agenda_item_id, [...(byItem.get(row.agenda_item_id) ?? []), doc]);
    }
    return { loose, byItem };
  }

  function agendaOf(meeting: { id: string; startsAt: string; endsAt: string }, byItem?: Map<string, MeetingAttachment[]>): Agenda {
    return buildAgenda(meeting, agendaRows.all(meeting.id) as AgendaRow[], byItem ?? documentsOf(meeting.id).byItem);
  }

  const reader = {
    /** The whole meeting; NOT_FOUND when unknown. */
    detail(id: string): MeetingDetail {
      const row = head.get(id) as DetailRow | undefined;
      if (!row) throw notFound('cuộc họp', 'Meeting');
      const summary = toSummary(row);
      const docs = documentsOf(id);
      const participants = (participantRows.all(id) as ParticipantRow[]).map(toParticipant);
      const editable = row.status !== 'archived' && row.origin === 'local';
      const blockers = row.status === 'draft' ? publishBlockers(summary.counts, row.title) : [];
      const next = editable ? meetingTransitions[row.status].filter((s: MeetingStatus) => s !== 'published' || blockers.length === 0) : [];
      const changes: MeetingRevision[] = (changeRows.all(id) as ChangeRow[]).map((c) => ({
        id: c.id,
        revision: c.revision,
        at: c.at,
        by: c.by,
        byName: c.by_name,
        changes: parseChanges(c.summary),
      }));
      return {
        ...summary,
        description: row.description,
        secretary:
          row.secretary_person_id && row.secretary_name !== null
            ? { id: row.secretary_person_id, name: row.secretary_name, position: row.secretary_position, unitName: row.secretary_unit, email: row.secretary_email }
            : null,
        bridgePoints: bridgePoints.all(id) as BridgePoint[],
        quorumPercent: row.quorum_percent,
        passRule: row.pass_rule ?? 'majority_present',
        tieToChair: row.tie_to_chair === 1,
        clonedFromId: row.cloned_from_id,
        createdAt: row.created_at,
        agenda: agendaOf(summary, docs.byItem),
        documents: docs.loose,
        participants,
        attendance: summarizeAttendance(participants, row.quorum_percent),
        changes,
        warnings:
          row.status === 'archived'
            ? []
            : booking({ startsAt: row.starts_at, endsAt: row.ends_at, chairPersonId: row.chair_person_id, roomId: row.room_id, excludeMeetingId: id }),
        editable,
        nextStatuses: next,
        publishBlockers: blockers,
        attendanceOpen: editable && attendanceOpenStatuses.includes(row.status),
      };
    },

    /** The agenda tree of a meeting; NOT_FOUND when the meeting is unknown. */
    agenda(meetingId: string): Agenda {
      const row = timesOf.get(meetingId) as { id: string; starts_at: string; ends_at: string } | undefined;
      if (!row) throw notFound('cuộc họp', 'Meeting');
      return agendaOf({ id: row.id, startsAt: row.starts_at, endsAt: row.ends_at });
    },

    /** The participants and attendance of a meeting; NOT_FOUND when the meeting is unknown. */
    participants(meetingId: string): ParticipantList {
      const quorum = quorumOf.get(meetingId) as number | undefined;
      if (quorum === undefined) throw notFound('cuộc họp', 'Meeting');
      const participants = (participantRows.all(meetingId) as ParticipantRow[]).map(toParticipant);
      return { meetingId, participants, attendance: summarizeAttendance(participants, quorum) };
    },
  };
  return reader;
}

export type MeetingReader = ReturnType<typeof createMeetingReader>;
