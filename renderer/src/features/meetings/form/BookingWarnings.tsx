import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookingWarning } from '../../../../../shared/contract/index.ts';
import { useLang } from '../../../common/useLang.ts';

/** Double bookings of the chair or the room: a warning naming the other meeting, never a refusal. */
export function BookingWarnings({ warnings, linkMeetings = true }: { warnings: readonly BookingWarning[]; linkMeetings?: boolean }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="ns-block"
      title={t('booking.title', { count: new Set(warnings.map((w) => w.meeting.id)).size })}
      description={
        <ul className="ns-plain-list">
          {warnings.map((w, i) => (
            <li key={`${w.kind}-${w.meeting.id}-${i}`}>
              {w.text[lang]}
              {linkMeetings ? (
                <>
                  {' '}
                  <Link to={`/meetings/${w.meeting.id}`}>
                    {t('booking.open')}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      }
    />
  );
}
