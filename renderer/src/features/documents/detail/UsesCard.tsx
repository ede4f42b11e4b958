import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { meetingStatus, meetingStatusLabels, type DocumentDetail } from '../../../../../shared/contract/index.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { CardTitle } from '../shared/CardTitle.tsx';
import { formatInstant } from '../shared/format.ts';
import { ReplaceVersionButton } from './ReplaceVersionButton.tsx';

function statusLabel(status: string): string {
  const parsed = meetingStatus.safeParse(status);
  return parsed.success ? meetingStatusLabels[parsed.data][currentLanguage()] : status;
}

/** The meetings and agenda items this document is part of, each with a way to put a newer version in its place. */
export function UsesCard({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation('documents');
  return (
    <Card size="small" title={<CardTitle>{t('uses.title')}</CardTitle>} className="ns-doc-card">
      {doc.uses.length === 0 ? (
        <Typography.Text type="secondary">{t('uses.none')}</Typography.Text>
      ) : (
        <ul className="ns-doc-uses">
          {doc.uses.map((use) => (
            <li key={use.attachmentId}>
              <Flex vertical gap={2}>
                <Link to={`/meetings/${use.meetingId}`} className="ns-doc-use-title">
                  {use.meetingTitle}
                </Link>
                <Flex gap="small" wrap align="center">
                  <Typography.Text type="secondary">{formatInstant(use.meetingStartsAt)}</Typography.Text>
                  <Tag>{statusLabel(use.meetingStatus)}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  {use.agendaItemTitle ? t('uses.agendaItem', { title: use.agendaItemTitle }) : t('uses.wholeMeeting')}
                </Typography.Text>
                <div>
                  <ReplaceVersionButton doc={doc} attachmentId={use.attachmentId} meetingTitle={use.meetingTitle} />
                </div>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
