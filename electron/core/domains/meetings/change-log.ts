import { v7 as uuidv7 } from 'uuid';
import type { MeetingChange } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';

/** One entry of what changed, in words a member can read ("Thời gian: 08:00 → 14:00"). */
export type { MeetingChange };

/**
 * Every change to a meeting goes through here, inside the caller's transaction. A draft changes
 * freely; once published, each change bumps the meeting's revision and is recorded, so a member
 * holding an older pack sees exactly what is different. Archived meetings refuse changes.
 */
export function createMeetingChangeLog(ctx: ServiceContext) {
  const meeting = ctx.db.prepare('SELECT status, revision, origin FROM meetings WHERE id = ?');
  const bump = ctx.db.prepare('UPDATE meetings SET revision = revision + 1, updated_at = ? WHERE id = ?');
  const touch = ctx.db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?');
  const insert = ctx.db.prepare(
    'INSERT INTO meeting_changes (id, meeting_id, revision, at, by, summary) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return {
    /** Throws NOT_FOUND for an unknown meeting and INVALID_STATE for an archived or imported one. */
    assertEditable(meetingId: string): { status: string; revision: number } {
      const row = meeting.get(meetingId) as { status: string; revision: number; origin: string } | undefined;
      if (!row) {
        throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' });
      }
      if (row.status === 'archived') {
        throw new CoreError('INVALID_STATE', {
          vi: 'Cuộc họp đã lưu trữ, không sửa được nữa.',
          en: 'The meeting is archived and can no longer be changed.',
        });
      }
      if (row.origin === 'pack') {
        // The secretariat owns it; the next pack would silently undo a member's edit.
        throw new CoreError('INVALID_STATE', {
          vi: 'Cuộc họp này nhận từ gói tài liệu của bộ phận thư ký nên không sửa được trên máy này.',
          en: 'This meeting came in a meeting pack from the secretariat and cannot be changed on this computer.',
        });
      }
      return row;
    },

    /** Record changes to a meeting; call inside the transaction that makes them. */
    record(meetingId: string, changes: MeetingChange[]): void {
      if (changes.length === 0) return;
      const row = this.assertEditable(meetingId);
      const at = ctx.now().toISOString();
      if (row.status === 'draft') {
        touch.run(at, meetingId);
        return;
      }
      bump.run(at, meetingId);
      insert.run(uuidv7(), meetingId, row.revision + 1, at, ctx.actorId(), JSON.stringify(changes));
    },
  };
}

export type MeetingChangeLog = ReturnType<typeof createMeetingChangeLog>;
