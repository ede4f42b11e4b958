import { Link } from 'react-router';
import type { CSSProperties } from 'react';
import type { MeetingSummary } from '../../../../../shared/contract/index.ts';
import { timeVi } from '../../../../../shared/vn-time.ts';

/** One meeting in a calendar cell: a link (keyboard and screen readers reach it) coloured by status. */
export function CalendarEntry({ meeting, style, compact }: { meeting: MeetingSummary; style?: CSSProperties; compact?: boolean }) {
  const classified = meeting.classification !== 'normal';
  return (
    <Link
      to={`/meetings/${meeting.id}`}
      className={`ns-cal-entry ns-cal-${meeting.status}${compact ? ' ns-cal-compact' : ''}${classified ? ' ns-cal-classified' : ''}`}
      style={style}
      title={`${timeVi(meeting.startsAt)}–${timeVi(meeting.endsAt)} ${meeting.title}`}
    >
      <span className="ns-cal-time">{timeVi(meeting.startsAt)}</span> <span className="ns-cal-name">{meeting.title}</span>
    </Link>
  );
}
