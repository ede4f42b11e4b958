import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpinionRequestDetail } from '../../../../shared/contract/index.ts';
import { formatDateTime } from '../../../../shared/vn-time.ts';
import { useLang } from '../../common/useLang.ts';
import { deadlineText, isOverdue } from './opinionFormat.ts';

/** What the request is: committee, deadline (and whether it has passed), who made or signed it, its introduction. */
export function OpinionHeader({ request }: { request: OpinionRequestDetail }) {
  const { t } = useTranslation('opinions');
  const lang = useLang();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        className="ns-block ns-opinion-facts"
        items={[
          { key: 'committee', label: t('detail.committee'), children: request.committee.name },
          {
            key: 'deadline',
            label: t('detail.deadline'),
            children: (
              <>
                {deadlineText(request.deadline, lang)}{' '}
                {isOverdue(request.deadline) ? <Tag color="orange">{t('detail.overdue')}</Tag> : null}
              </>
            ),
          },
          request.signer
            ? {
                key: 'signer',
                label: t('detail.signer'),
                children: (
                  <>
                    {request.signer.label}
                    <div className="ns-small ns-mono">{request.signer.fingerprint}</div>
                  </>
                ),
              }
            : { key: 'created', label: t('detail.createdAt'), children: formatDateTime(request.createdAt, lang) },
        ]}
      />
      {request.body ? <Typography.Paragraph className="ns-opinion-body">{request.body}</Typography.Paragraph> : null}
    </>
  );
}
