import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDetail } from '../../../../../shared/contract/index.ts';
import { CardTitle } from '../shared/CardTitle.tsx';
import { formatCalendarDate, formatInstant, numberNotation } from '../shared/format.ts';

/** The chain of versions this document belongs to, oldest first; each one stays in the library. */
export function VersionsCard({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation('documents');
  const versions = doc.versions;
  return (
    <Card size="small" title={<CardTitle>{t('versions.title')}</CardTitle>} className="ns-doc-card">
      {versions.length <= 1 ? (
        <Typography.Text type="secondary">{t('versions.none')}</Typography.Text>
      ) : (
        <ol className="ns-doc-versions">
          {versions.map((version, index) => {
            const facts = [
              t('versions.item', { n: index + 1 }),
              numberNotation(version),
              version.issueDate ? formatCalendarDate(version.issueDate) : null,
              t('versions.importedAt', { when: formatInstant(version.createdAt) }),
            ].filter(Boolean);
            return (
              <li key={version.id} aria-current={version.current ? 'page' : undefined}>
                <Flex gap={6} align="center" wrap>
                  {version.current ? (
                    <Typography.Text strong className="ns-doc-break">
                      {version.fileName}
                    </Typography.Text>
                  ) : (
                    <Link to={`/documents/${version.id}`} className="ns-doc-break">
                      {version.fileName}
                    </Link>
                  )}
                  {version.current ? <Tag color="blue">{t('versions.current')}</Tag> : null}
                  {index === versions.length - 1 ? <Tag color="green">{t('versions.latest')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary" className="ns-doc-small">
                  {facts.join(' · ')}
                </Typography.Text>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
