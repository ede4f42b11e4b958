import { MEETING_MAX_DAYS, type BookingWarning, type MeetingStatus } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { timeDateVi } from '../../../../shared/vn-time.ts';

export interface BookingQuery {
  startsAt: string;
  endsAt: string;
  chairPersonId?: string | null | undefined;
  roomId?: string | null | undefined;
  excludeMeetingId?: string | null | undefined;
}

interface ClashRow {
  id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  status: MeetingStatus;
}

/**
 * Double bookings: other meetings, not archived, that overlap the time and share the chair or the
 * room. Overlap is strict, so a meeting that starts when another ends is fine. Warnings only: a
 * chair may well leave one meeting early for another.
 */
export function createBookingCheck(ctx: ServiceContext) {
  // "starts after start − the longest meeting" keeps each lookup a range of the (chair|room, starts_at) index.
  const clash = (column: 'chair_person_id' | 'room_id') =>
    ctx.db.prepare(
      `SELECT id, title, starts_at, ends_at, status FROM meetings
       WHERE ${column} = @key AND starts_at < @endsAt AND starts_at > @bound AND ends_at > @startsAt
         AND status <> 'archived' AND id <> @exclude
       ORDER BY starts_at, id LIMIT 20`,
    );
  const byChair = clash('chair_person_id');
  const byRoom = clash('room_id');

  function warning(kind: 'chair' | 'room', row: ClashRow): BookingWarning {
    const when = `${timeDateVi(row.starts_at)} – ${timeDateVi(row.ends_at)}`;
    return {
      kind,
      meeting: { id: row.id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at, status: row.status },
      text:
        kind === 'chair'
          ? { vi: `Người chủ trì đã có lịch họp "${row.title}" (${when}).`, en: `The chair is already booked for "${row.title}" (${when}).` }
          : { vi: `Phòng họp đã được đặt cho cuộc họp "${row.title}" (${when}).`, en: `The room is already booked for "${row.title}" (${when}).` },
    };
  }

  return function check(q: BookingQuery): BookingWarning[] {
    const params = {
      startsAt: q.startsAt,
      endsAt: q.endsAt,
      bound: new Date(Date.parse(q.startsAt) - MEETING_MAX_DAYS * 24 * 3600_000).toISOString(),
      exclude: q.excludeMeetingId ?? '',
    };
    const warnings: BookingWarning[] = [];
    if (q.chairPersonId) {
      for (const row of byChair.all({ ...params, key: q.chairPersonId }) as ClashRow[]) warnings.push(warning('chair', row));
    }
    if (q.roomId) {
      for (const row of byRoom.all({ ...params, key: q.roomId }) as ClashRow[]) warnings.push(warning('room', row));
    }
    return warnings;
  };
}

export type BookingCheck = ReturnType<typeof createBookingCheck>;
