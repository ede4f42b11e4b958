import type { Classification, MeetingStatus, MeetingSummary } from '../../../../shared/contract/index.ts';

/**
 * The columns of a meeting as lists and the detail show it, in one statement: names come from
 * joins and the counts from the (meeting_id, …) indexes, so a page of 100 meetings is one query,
 * never one per meeting.
 */
export const SUMMARY_COLUMNS = `
  m.id, m.title, m.committee_id, c.name AS committee_name, c.short_name AS committee_short_name,
  m.kind_code, k.label AS kind_label, m.starts_at, m.ends_at, m.status,
  m.room_id, r.name AS room_name, m.online,
  m.chair_person_id, ch.full_name AS chair_name, ch.position AS chair_position, cho.name AS chair_unit, ch.email AS chair_email,
  m.chairing_org_id, co.name AS chairing_org_name,
  m.classification, m.revision, m.origin, m.pack_revision, m.updated_at,
  (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS agenda_count,
  (SELECT count(*) FROM participants p WHERE p.meeting_id = m.id) AS participant_count,
  (SELECT count(*) FROM meeting_documents d WHERE d.meeting_id = m.id) AS document_count`;

export const SUMMARY_JOINS = `
  JOIN committees c ON c.id = m.committee_id
  LEFT JOIN catalog_items k ON k.catalog = 'meeting_kind' AND k.code = m.kind_code
  LEFT JOIN rooms r ON r.id = m.room_id
  LEFT JOIN people ch ON ch.id = m.chair_person_id
  LEFT JOIN organizations cho ON cho.id = ch.organization_id
  LEFT JOIN organizations co ON co.id = m.chairing_org_id`;

export interface SummaryRow {
  id: string;
  title: string;
  committee_id: string;
  committee_name: string;
  committee_short_name: string | null;
  kind_code: string;
  kind_label: string | null;
  starts_at: string;
  ends_at: string;
  status: MeetingStatus;
  room_id: string | null;
  room_name: string | null;
  online: number;
  chair_person_id: string | null;
  chair_name: string | null;
  chair_position: string | null;
  chair_unit: string | null;
  chair_email: string | null;
  chairing_org_id: string | null;
  chairing_org_name: string | null;
  classification: Classification;
  revision: number;
  origin: 'local' | 'pack';
  pack_revision: number | null;
  updated_at: string;
  agenda_count: number;
  participant_count: number;
  document_count: number;
}

export function toSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    title: row.title,
    committee: { id: row.committee_id, name: row.committee_name, shortName: row.committee_short_name },
    kind: { code: row.kind_code, label: row.kind_label ?? row.kind_code },
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    room: row.room_id && row.room_name !== null ? { id: row.room_id, name: row.room_name } : null,
    online: row.online === 1,
    chair:
      row.chair_person_id && row.chair_name !== null
        ? { id: row.chair_person_id, name: row.chair_name, position: row.chair_position, unitName: row.chair_unit, email: row.chair_email }
        : null,
    chairingOrg: row.chairing_org_id && row.chairing_org_name !== null ? { id: row.chairing_org_id, name: row.chairing_org_name } : null,
    classification: row.classification,
    revision: row.revision,
    origin: row.origin,
    packRevision: row.pack_revision,
    counts: { agendaItems: row.agenda_count, participants: row.participant_count, documents: row.document_count },
    updatedAt: row.updated_at,
  };
}
