import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpinionRecipient } from '../../../../shared/contract/index.ts';
import { formatDateTime } from '../../../../shared/vn-time.ts';
import { useLang } from '../../common/useLang.ts';
import { CardHeading } from './CardHeading.tsx';

/** Who was asked, who answered (late ones marked: accepted, but after the deadline's day) and who was reminded when. */
export function RecipientsTable({ recipients }: { recipients: OpinionRecipient[] }) {
  const { t } = useTranslation('opinions');
  const lang = useLang();
  const answered = recipients.filter((r) => r.answeredAt !== null).length;
  return (
    <Card
      className="ns-block ns-table-card"
      title={<CardHeading>{t('secretariat.recipientsTitle')}</CardHeading>}
      extra={<Typography.Text type="secondary">{t('secretariat.recipientsProgress', { answered, recipients: recipients.length })}</Typography.Text>}
    >
      <Table<OpinionRecipient>
        rowKey="personId"
        size="middle"
        aria-label={t('secretariat.recipientsTitle')}
        dataSource={recipients}
        pagination={false}
        columns={[
          { key: 'name', title: t('secretariat.colName'), render: (_, r) => r.name },
          { key: 'position', title: t('secretariat.colPosition'), render: (_, r) => r.position ?? '' },
          {
            key: 'status',
            title: t('secretariat.colStatus'),
            render: (_, r) =>
              r.answeredAt ? (
                <>
                  <Tag color="green">{t('secretariat.answered')}</Tag>
                  {r.late ? <Tag color="orange">{t('secretariat.late')}</Tag> : null}
                  <div className="ns-small">{t('secretariat.answeredAt', { at: formatDateTime(r.answeredAt, lang) })}</div>
                </>
              ) : (
                <Tag>{t('secretariat.notAnswered')}</Tag>
              ),
          },
          {
            key: 'reminded',
            title: t('secretariat.colReminded'),
            render: (_, r) => (r.remindedAt ? t('secretariat.remindedAt', { at: formatDateTime(r.remindedAt, lang) }) : t('secretariat.notReminded')),
          },
        ]}
      />
    </Card>
  );
}
