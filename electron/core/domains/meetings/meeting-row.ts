import type { Classification, MeetingStatus } from '../../../../shared/contract/index.ts';

/** A meetings row as stored. */
export interface MeetingRow {
  id: string;
  committee_id: string;
  kind_code: string;
  title: string;
  starts_at: string;
  ends_at: string;
  room_id: string | null;
  online: number;
  chair_person_id: string | null;
  secretary_person_id: string | null;
  chairing_org_id: string | null;
  classification: Classification;
  status: MeetingStatus;
  description: string | null;
  revision: number;
  origin: 'local' | 'pack';
  cloned_from_id: string | null;
}

export interface BridgePointRow {
  name: string;
  location: string | null;
}

export const MEETING_ROW_SQL = `SELECT id, committee_id, kind_code, title, starts_at, ends_at, room_id, online, chair_person_id,
  secretary_person_id, chairing_org_id, classification, status, description, revision, origin, cloned_from_id
  FROM meetings WHERE id = ?`;
