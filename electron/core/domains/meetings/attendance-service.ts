import {
  attendanceOpenStatuses,
  attendanceStatusLabels,
  meetingStatusLabels,
  type AttendanceSummary,
  type LocalizedText,
  type MeetingStatus,
  type ParticipantList,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { MeetingChangeLog } from './change-log.ts';
import type { MeetingsInput } from './input-types.ts';
import type { MeetingReader } from './meeting-reader.ts';
import { PARTICIPANT_BY_ID_SQL, type ParticipantRow } from './participant-rows.ts';
import { notFound } from './references.ts';

/** "Có mặt", "Vắng (lý do: …)", "Ủy quyền cho …", as lists and change records show a mark. */
export function attendanceText(
  p: Pick<ParticipantRow, 'attendance' | 'absence_reason' | 'attendance_delegate'>,
): LocalizedText | null {
  if (p.attendance === null) return null;
  const label = attendanceStatusLabels[p.attendance];
  if (p.attendance === 'absent' && p.absence_reason) return { vi: `${label.vi} — ${p.absence_reason}`, en: `${label.en} — ${p.absence_reason}` };
  if (p.attendance === 'delegated' && p.attendance_delegate) {
    return { vi: `Ủy quyền cho ${p.attendance_delegate}`, en: `Delegated to ${p.attendance_delegate}` };
  }
  return label;
}

/** Điểm danh during (and just after) the meeting. */
export function createAttendanceService(ctx: ServiceContext, deps: { reader: MeetingReader; changeLog: MeetingChangeLog }) {
  const { db } = ctx;
  const selectOne = db.prepare(PARTICIPANT_BY_ID_SQL);
  const statusOf = db.prepare('SELECT status FROM meetings WHERE id = ?').pluck();
  const mark = db.prepare(
    'UPDATE participants SET attendance = ?, absence_reason = ?, attendance_delegate = ?, attendance_at = ? WHERE id = ?',
  );

  return {
    set(input: MeetingsInput<'attendance.set'>): ParticipantList {
      let meetingId = '';
      const changed = db.transaction(() => {
        const row = selectOne.get(input.participantId) as ParticipantRow | undefined;
        if (!row) throw notFound('thành phần tham dự', 'Participant');
        meetingId = row.meeting_id;
        deps.changeLog.assertEditable(row.meeting_id);
        const status = statusOf.get(row.meeting_id) as MeetingStatus;
        if (!attendanceOpenStatuses.includes(status)) {
          const state = meetingStatusLabels[status];
          throw new CoreError('INVALID_STATE', {
            vi: `Chỉ điểm danh khi cuộc họp đã phát hành, đang họp hoặc đã kết thúc; cuộc họp đang ở trạng thái "${state.vi}".`,
            en: `Attendance is taken once the meeting is published, in progress or ended; this meeting is "${state.en}".`,
          });
        }
        const next = {
          attendance: input.attendance,
          absence_reason: input.attendance === 'absent' ? input.absenceReason : null,
          attendance_delegate: input.attendance === 'delegated' ? input.delegateName : null,
        };
        if (row.attendance === next.attendance && row.absence_reason === next.absence_reason && row.attendance_delegate === next.attendance_delegate) {
          return false;
        }
        mark.run(next.attendance, next.absence_reason, next.attendance_delegate, next.attendance === null ? null : ctx.now().toISOString(), row.id);
        // Attendance is what happened at the meeting, not a change to what members were sent: it
        // is audited but does not make a new edition ("changed since the pack you have").
        ctx.audit.record({ action: 'attendance.set', entity: 'participant', entityId: row.id, detail: { meetingId: row.meeting_id, attendance: next.attendance } });
        return true;
      })();
      if (changed) ctx.events.emit('data.changed', { area: 'meetings', id: meetingId });
      return deps.reader.participants(meetingId);
    },

    summary(input: MeetingsInput<'attendance.summary'>): AttendanceSummary {
      return deps.reader.participants(input.meetingId).attendance;
    },
  };
}
