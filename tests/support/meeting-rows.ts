import { v7 as uuidv7 } from 'uuid';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database } from './sqlite.ts';
import { join } from 'node:path';

export interface MeetingRows {
  committeeId: string;
  meetingId: string;
  agendaItemIds: string[];
}

/**
 * A committee, a meeting and its agenda items written with plain SQL, so document tests do not
 * depend on the meetings domain's handlers. Use on a data folder whose core is open (WAL allows it).
 */
export function insertMeeting(
  dataDir: string,
  options: { status?: 'draft' | 'published' | 'archived'; origin?: 'local' | 'pack'; agendaItems?: number; title?: string } = {},
): MeetingRows {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    const now = new Date().toISOString();
    const committeeId = uuidv7();
    const meetingId = uuidv7();
    db.prepare('INSERT INTO committees (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      committeeId,
      'Ban Chỉ đạo các công trình trọng điểm tỉnh',
      now,
      now,
    );
    db.prepare(
      `INSERT INTO meetings (id, committee_id, kind_code, title, starts_at, ends_at, status, origin, created_at, updated_at)
       VALUES (?, ?, 'regular', ?, '2026-01-05T01:00:00.000Z', '2026-01-05T04:00:00.000Z', ?, ?, ?, ?)`,
    ).run(meetingId, committeeId, options.title ?? 'Phiên họp thường kỳ tháng 1', options.status ?? 'draft', options.origin ?? 'local', now, now);
    const agendaItemIds: string[] = [];
    for (let i = 1; i <= (options.agendaItems ?? 2); i++) {
      const id = uuidv7();
      db.prepare('INSERT INTO agenda_items (id, meeting_id, position, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        meetingId,
        i,
        `Nội dung ${i}: tiến độ dự án đường sắt`,
        now,
        now,
      );
      agendaItemIds.push(id);
    }
    return { committeeId, meetingId, agendaItemIds };
  } finally {
    db.close();
  }
}

/** Set a meeting's status directly (publishing is the meetings domain's job). */
export function setMeetingStatus(dataDir: string, meetingId: string, status: 'draft' | 'published' | 'archived'): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.prepare('UPDATE meetings SET status = ? WHERE id = ?').run(status, meetingId);
  } finally {
    db.close();
  }
}
