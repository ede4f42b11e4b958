import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { meetingStatusLabels, type Classification, type MeetingStatus } from '../../../../../shared/contract/index.ts';
import { useLang } from '../../../common/useLang.ts';

const statusColors: Record<MeetingStatus, string> = {
  draft: 'default',
  published: 'blue',
  in_progress: 'green',
  ended: 'purple',
  archived: 'default',
};

export function StatusTag({ status }: { status: MeetingStatus }) {
  const lang = useLang();
  return (
    <Tag color={statusColors[status]} variant={status === 'archived' ? 'outlined' : 'filled'} className="ns-status-tag">
      {meetingStatusLabels[status][lang]}
    </Tag>
  );
}

/** Mật, Tối mật, Tuyệt mật in red; nothing for an ordinary meeting or document. */
export function ClassificationTag({ value }: { value: Classification }) {
  const { t } = useTranslation('meetings');
  if (value === 'normal') return null;
  return (
    <Tag color="red" variant="solid">
      {t(`classification.${value}`)}
    </Tag>
  );
}
