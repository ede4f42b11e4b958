import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../../shared/contract/index.ts';
import { useLang } from '../../../common/useLang.ts';
import { addDaysKey, dayStart, todayKey, weekdayName } from '../../../../../shared/vn-time.ts';
import { CalendarEntry } from './CalendarEntry.tsx';
import { byDay } from './calendarRange.ts';

const HOUR_PX = 44;
const MIN_BLOCK_PX = 24;

interface Segment {
  meeting: MeetingSummary;
  /** Minutes from the day's midnight, clipped to the day. */
  start: number;
  end: number;
  lane: number;
}

function segmentsOf(day: string, meetings: readonly MeetingSummary[]): { segments: Segment[]; lanes: number } {
  const dayMs = dayStart(day).getTime();
  const nextMs = dayStart(addDaysKey(day, 1)).getTime();
  const segments = meetings
    .map((meeting) => ({
      meeting,
      start: (Math.max(Date.parse(meeting.startsAt), dayMs) - dayMs) / 60_000,
      end: (Math.min(Date.parse(meeting.endsAt), nextMs) - dayMs) / 60_000,
      lane: 0,
    }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping meetings sit side by side: each takes the first lane free at its start.
  const laneEnds: number[] = [];
  for (const s of segments) {
    const free = laneEnds.findIndex((end) => end <= s.start);
    s.lane = free === -1 ? laneEnds.length : free;
    laneEnds[s.lane] = s.end;
  }
  return { segments, lanes: Math.max(1, laneEnds.length) };
}

/** One week, Monday first: days as columns, meetings as blocks placed by their Vietnamese time. */
export function WeekView({ days, meetings }: { days: string[]; meetings: MeetingSummary[] }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const grouped = byDay(meetings, days);
  const perDay = days.map((d) => ({ day: d, ...segmentsOf(d, grouped.get(d) ?? []) }));
  const all = perDay.flatMap((d) => d.segments);
  // Office hours always show; the grid grows to take in an early or late meeting.
  const firstHour = Math.min(7, ...all.map((s) => Math.floor(s.start / 60)));
  const lastHour = Math.max(18, ...all.map((s) => Math.ceil(s.end / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  const height = hours.length * HOUR_PX;
  const today = todayKey();

  return (
    <div className="ns-week" role="grid" aria-label={t('calendar.weekGrid')}>
      <div className="ns-week-head" role="row">
        <div className="ns-week-gutter" aria-hidden />
        {days.map((d) => (
          <div key={d} role="columnheader" className={`ns-week-dayhead${d === today ? ' ns-today' : ''}`}>
            <div className="ns-week-dayname">{weekdayName(dayStart(d), lang)}</div>
            <div className="ns-week-daydate">
              {d.slice(8)}/{d.slice(5, 7)}
            </div>
          </div>
        ))}
      </div>
      <div className="ns-week-body" role="row">
        <div className="ns-week-gutter" aria-hidden style={{ height }}>
          {hours.map((h) => (
            <div key={h} className="ns-week-hour" style={{ height: HOUR_PX }}>
              {String(h).padStart(2, '0')}:00
            </div>
          ))}
        </div>
        {perDay.map(({ day, segments, lanes }) => (
          <div
            key={day}
            role="gridcell"
            aria-label={`${weekdayName(dayStart(day), lang)} ${day.slice(8)}/${day.slice(5, 7)}`}
            className={`ns-week-day${day === today ? ' ns-today' : ''}`}
            style={{ height, backgroundSize: `100% ${HOUR_PX}px` }}
          >
            {segments.map((s) => (
              <CalendarEntry
                key={s.meeting.id}
                meeting={s.meeting}
                style={{
                  top: ((s.start - firstHour * 60) / 60) * HOUR_PX,
                  height: Math.max(MIN_BLOCK_PX, ((s.end - s.start) / 60) * HOUR_PX - 2),
                  left: `calc(${(s.lane / lanes) * 100}% + 2px)`,
                  width: `calc(${100 / lanes}% - 4px)`,
                }}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
