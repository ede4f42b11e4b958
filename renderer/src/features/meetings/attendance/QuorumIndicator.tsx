import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceSummary } from '../../../../../shared/contract/index.ts';

/** Whether enough members attend for the meeting to decide, against the committee's own rule. */
export function QuorumIndicator({ summary }: { summary: AttendanceSummary }) {
  const { t } = useTranslation('meetings');
  const { members, membersAttending, quorumRequired, quorumPercent, quorumMet } = summary;
  const percent = members === 0 ? 0 : Math.round((membersAttending / members) * 100);
  return (
    <div className={`ns-quorum${quorumMet ? ' ns-quorum-met' : ''}`} role="status" aria-live="polite">
      <Progress
        type="circle"
        size={72}
        percent={percent}
        status={quorumMet ? 'success' : 'normal'}
        strokeColor={quorumMet ? undefined : '#d48806'}
        aria-label={t('attendance.quorumProgress')}
      />
      <div>
        <Typography.Text strong className={quorumMet ? 'ns-quorum-yes' : 'ns-quorum-no'}>
          {quorumMet ? <CheckCircleFilled aria-hidden /> : <ExclamationCircleFilled aria-hidden />}{' '}
          {quorumMet ? t('attendance.quorumMet', { percent: quorumPercent }) : t('attendance.quorumNotMet', { percent: quorumPercent })}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">
            {members === 0
              ? t('attendance.noMembers')
              : t('attendance.quorumDetail', { attending: membersAttending, members, required: quorumRequired })}
          </Typography.Text>
        </div>
      </div>
    </div>
  );
}
