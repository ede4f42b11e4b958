import { participantRoleLabels, type AttendanceSummary, type MeetingDetail, type Participant } from '../../../../../shared/contract/index.ts';
import { attendanceText } from '../attendance-service.ts';
import { meetingPlace } from '../meeting-place.ts';
import { invitationTimeVi, timeVi } from '../../../../../shared/vn-time.ts';

/** One line of the printed attendance list. */
export interface AttendanceLine {
  stt: number;
  name: string;
  position: string;
  unit: string;
  role: string;
  status: string;
  note: string;
}

export const ATTENDANCE_COLUMNS = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò', 'Tình trạng', 'Ghi chú'] as const;

/** The note beside a mark: arrival time of the late, or the answer given before the meeting. */
function note(p: Participant): string {
  if (p.attendance === 'late' && p.attendanceAt) return `Đến lúc ${timeVi(p.attendanceAt)}`;
  if (p.attendance === null && p.rsvp === 'declined') return `Đã báo vắng${p.rsvpReason ? `: ${p.rsvpReason}` : ''}`;
  if (p.attendance === null && p.rsvp === 'delegated' && p.rsvpDelegate) return `Đã báo ủy quyền cho ${p.rsvpDelegate.name}`;
  return '';
}

export function attendanceLines(participants: readonly Participant[]): AttendanceLine[] {
  return participants.map((p, i) => ({
    stt: i + 1,
    name: p.name,
    position: p.position ?? '',
    unit: p.unitName ?? '',
    role: participantRoleLabels[p.role].vi,
    status: attendanceText({ attendance: p.attendance, absence_reason: p.absenceReason, attendance_delegate: p.attendanceDelegate })?.vi ?? '',
    note: note(p),
  }));
}

/** The summary under the list, quorum included. */
export function attendanceSummaryLines(s: AttendanceSummary): string[] {
  return [
    `Tổng số thành phần: ${s.total} (thành viên: ${s.members}; khách mời: ${s.guests}).`,
    `Có mặt: ${s.present}; đến muộn: ${s.late}; vắng: ${s.absent}; ủy quyền: ${s.delegated}; chưa điểm danh: ${s.unmarked}.`,
    `Thành viên tham dự: ${s.membersAttending}/${s.members}; cần tối thiểu ${s.quorumRequired} (${s.quorumPercent}%): ` +
      (s.quorumMet ? 'đủ số lượng theo quy định.' : 'chưa đủ số lượng theo quy định.'),
  ];
}

/** The lines under the list's title: when and where. */
export function attendanceHeading(meeting: MeetingDetail): string[] {
  const place = meetingPlace(meeting);
  return [`Thời gian: ${invitationTimeVi(meeting.startsAt)}`, ...(place ? [`Địa điểm: ${place}`] : [])];
}
