import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingSummary } from '../../../../../shared/contract/index.ts';
import { useLang } from '../../../common/useLang.ts';
import { dayStart, todayKey, weekdayName } from '../../../../../shared/vn-time.ts';
import { CalendarEntry } from './CalendarEntry.tsx';
import { byDay } from './calendarRange.ts';

const PER_CELL = 3;

interface MonthViewProps {
  days: string[];
  /** YYYY-MM of the month shown; days outside it are dimmed. */
  month: string;
  meetings: MeetingSummary[];
  /** Address of the week view at a day, for "N more". */
  weekHref: (day: string) => string;
}

/** A month as six Monday-first weeks; each day lists its meetings by start time. */
export function MonthView({ days, month, meetings, weekHref }: MonthViewProps) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const grouped = byDay(meetings, days);
  const today = todayKey();
  return (
    <div className="ns-month" role="grid" aria-label={t('calendar.monthGrid')}>
      <div className="ns-month-row ns-month-head" role="row">
        {days.slice(0, 7).map((d) => (
          <div key={d} role="columnheader" className="ns-month-weekday">
            {weekdayName(dayStart(d), lang)}
          </div>
        ))}
      </div>
      {Array.from({ length: days.length / 7 }, (_, w) => (
        <div key={w} className="ns-month-row" role="row">
          {days.slice(w * 7, w * 7 + 7).map((d) => {
            const list = grouped.get(d) ?? [];
            const outside = !d.startsWith(month);
            const label = `${weekdayName(dayStart(d), lang)} ${d.slice(8)}/${d.slice(5, 7)}`;
            return (
              <div
                key={d}
                role="gridcell"
                aria-label={list.length ? t('calendar.dayWithMeetings', { day: label, count: list.length }) : label}
                className={`ns-month-cell${outside ? ' ns-month-outside' : ''}${d === today ? ' ns-today' : ''}`}
              >
                <div className="ns-month-date">{Number(d.slice(8))}</div>
                {list.slice(0, PER_CELL).map((m) => (
                  <CalendarEntry key={m.id} meeting={m} compact />
                ))}
                {list.length > PER_CELL ? (
                  <Link to={weekHref(d)} className="ns-month-more">
                    <Typography.Text type="secondary">{t('calendar.more', { count: list.length - PER_CELL })}</Typography.Text>
                  </Link>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
