import { VideoCameraOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../../shared/contract/index.ts';

/** "Phòng họp số 1", "Trực tuyến", or both for a hybrid meeting. */
export function MeetingPlace({ meeting }: { meeting: Pick<MeetingSummary, 'room' | 'online'> }) {
  const { t } = useTranslation('meetings');
  if (!meeting.room && !meeting.online) return <Typography.Text type="secondary">{t('place.none')}</Typography.Text>;
  return (
    <>
      {meeting.room ? <div>{meeting.room.name}</div> : null}
      {meeting.online ? (
        <Typography.Text type={meeting.room ? 'secondary' : undefined}>
          <VideoCameraOutlined aria-hidden /> {t('place.online')}
        </Typography.Text>
      ) : null}
    </>
  );
}
