import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpinionRequestSummary } from '../../../../shared/contract/index.ts';
import { useLang } from '../../common/useLang.ts';
import { deadlineText, isOverdue } from './opinionFormat.ts';

/**
 * The requests on this laptop. The secretariat reads progress (who answered); a member's laptop
 * counts no answers (they come back to the secretariat), so that column shows only where it means something.
 */
export function OpinionsTable({ requests, showProgress }: { requests: OpinionRequestSummary[]; showProgress: boolean }) {
  const { t } = useTranslation('opinions');
  const lang = useLang();
  return (
    <Table<OpinionRequestSummary>
      rowKey="id"
      size="middle"
      aria-label={t('list.tableLabel')}
      dataSource={requests}
      pagination={requests.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          key: 'title',
          title: t('list.colTitle'),
          render: (_, r) => (
            <>
              <Link to={`/opinions/${r.id}`}>{r.title}</Link>
              {r.origin === 'received' ? (
                <Tag className="ns-opinion-origin" color="blue">
                  {t('list.received')}
                </Tag>
              ) : null}
            </>
          ),
        },
        { key: 'committee', title: t('list.colCommittee'), render: (_, r) => r.committee.name },
        {
          key: 'deadline',
          title: t('list.colDeadline'),
          width: 230,
          render: (_, r) => (
            <>
              {deadlineText(r.deadline, lang)}
              {isOverdue(r.deadline) && (r.origin === 'received' || r.answered < r.recipients) ? (
                <Tag color="orange" className="ns-opinion-overdue">
                  {t('list.overdue')}
                </Tag>
              ) : null}
            </>
          ),
        },
        { key: 'questions', title: t('list.colQuestions'), width: 100, align: 'right', render: (_, r) => r.questions },
        ...(showProgress
          ? [
              {
                key: 'progress',
                title: t('list.colProgress'),
                width: 130,
                render: (_: unknown, r: OpinionRequestSummary) => (
                  <Typography.Text type={r.answered === r.recipients ? 'success' : undefined}>
                    {t('list.progress', { answered: r.answered, recipients: r.recipients })}
                  </Typography.Text>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
