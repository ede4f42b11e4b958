import { Link } from 'react-router';
import type { CSSProperties } from 'react';
import type { MeetingSummary } from '../../../../../shared/contract/index.ts';
import { formatTime } from '../shared/vnTime.ts';

/** One meeting in a calendar cell: a link (keyboard and screen readers reach it) coloured by status. */
export function CalendarEntry({ meeting, style, compact }: { meeting: MeetingSummary; style?: CSSProperties; compact?: boolean }) {
  const classified = meeting.classification !== 'normal';
  return (
    <Link
      to={`/meetings/${meeting.id}`}
      className={`ns-cal-entry ns-cal-${meeting.status}${compact ? ' ns-cal-compact' : ''}${classified ? ' ns-cal-classified' : ''}`}
      style={style}
      title={`${formatTime(meeting.startsAt)}–${formatTime(meeting.endsAt)} ${meeting.title}`}
    >
      <span className="ns-cal-time">{formatTime(meeting.startsAt)}</span> <span className="ns-cal-name">{meeting.title}</span>
    </Link>
  );
}
