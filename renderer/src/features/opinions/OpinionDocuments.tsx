import { FilePdfOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpinionRequestDetail } from '../../../../shared/contract/index.ts';
import { CardHeading } from './CardHeading.tsx';

/** The documents asked about, each opening in the reader (on a member's laptop they came in the request file). */
export function OpinionDocuments({ documents }: { documents: OpinionRequestDetail['documents'] }) {
  const { t } = useTranslation('opinions');
  return (
    <Card title={<CardHeading>{t('detail.documentsTitle')}</CardHeading>} className="ns-block">
      {documents.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noDocuments')}</Typography.Text>
      ) : (
        <ul className="ns-plain-list">
          {documents.map((d) => (
            <li key={d.id}>
              <FilePdfOutlined aria-hidden />{' '}
              <Link to={`/documents/${d.id}/read`} aria-label={t('detail.read', { fileName: d.fileName })}>
                {d.fileName}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
