import type { AttendanceStatus, Participant, ParticipantRole, RsvpStatus } from '../../../../shared/contract/index.ts';

export interface ParticipantRow {
  id: string;
  meeting_id: string;
  person_id: string | null;
  organization_id: string | null;
  role: ParticipantRole;
  position: number;
  rsvp: RsvpStatus;
  rsvp_reason: string | null;
  rsvp_delegate_id: string | null;
  rsvp_delegate_name: string | null;
  attendance: AttendanceStatus | null;
  absence_reason: string | null;
  attendance_delegate: string | null;
  attendance_at: string | null;
  name: string;
  person_position: string | null;
  unit_name: string | null;
  email: string | null;
}

const COLUMNS = `
  pa.id, pa.meeting_id, pa.person_id, pa.organization_id, pa.role, pa.position, pa.rsvp, pa.rsvp_reason,
  pa.rsvp_delegate_id, coalesce(dp.full_name, pa.rsvp_delegate_name) AS rsvp_delegate_name,
  pa.attendance, pa.absence_reason, pa.attendance_delegate, pa.attendance_at,
  coalesce(p.full_name, o.name, '') AS name, p.position AS person_position, po.name AS unit_name, p.email`;

const JOINS = `
  LEFT JOIN people p ON p.id = pa.person_id
  LEFT JOIN organizations po ON po.id = p.organization_id
  LEFT JOIN organizations o ON o.id = pa.organization_id
  LEFT JOIN people dp ON dp.id = pa.rsvp_delegate_id`;

export const PARTICIPANTS_OF_MEETING_SQL = `SELECT ${COLUMNS} FROM participants pa ${JOINS} WHERE pa.meeting_id = ? ORDER BY pa.position, pa.id`;
export const PARTICIPANT_BY_ID_SQL = `SELECT ${COLUMNS} FROM participants pa ${JOINS} WHERE pa.id = ?`;

export function toParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    kind: row.person_id ? 'person' : 'organization',
    personId: row.person_id,
    organizationId: row.organization_id,
    name: row.name,
    position: row.person_position,
    unitName: row.unit_name,
    email: row.email,
    role: row.role,
    order: row.position,
    rsvp: row.rsvp,
    rsvpReason: row.rsvp_reason,
    rsvpDelegate: row.rsvp_delegate_name !== null ? { personId: row.rsvp_delegate_id, name: row.rsvp_delegate_name } : null,
    attendance: row.attendance,
    absenceReason: row.absence_reason,
    attendanceDelegate: row.attendance_delegate,
    attendanceAt: row.attendance_at,
  };
}

/** "Nguyễn Văn A, Phó Chủ tịch UBND tỉnh, Ủy ban nhân dân tỉnh" — or the unit's name. */
export function participantLine(p: Pick<Participant, 'name' | 'position' | 'unitName'>): string {
  return [p.name, p.position, p.unitName].filter((s): s is string => !!s).join(', ');
}
