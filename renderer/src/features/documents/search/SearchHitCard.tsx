import { ExportOutlined, ReadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SearchHit, SnippetSegment } from '../../../../../shared/contract/index.ts';
import { useOpenFile } from '../../../bridge/useOpenFile.ts';
import { ClassificationTag, KindIcon, UrgencyTag } from '../shared/DocumentTags.tsx';
import { errorText } from '../../../common/errors.ts';
import { documentLabel, formatCalendarDate } from '../shared/format.ts';

/** The core marks what matched; shown as text with <mark>, never as HTML, whatever a PDF contains. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <span className="ns-snippet">
      {segments.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </span>
  );
}

/** One document found: what it is, whether its metadata matched, and its best pages with the words in context. */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('documents');
  const { t: tr } = useTranslation('reader');
  const navigate = useNavigate();
  const openFile = useOpenFile();
  const { message } = AntApp.useApp();
  const doc = hit.document;
  const facts = [
    doc.typeLabel,
    doc.issuer,
    doc.issueDate ? formatCalendarDate(doc.issueDate) : null,
    doc.pageCount !== null ? t('search.pageCount', { count: doc.pageCount }) : null,
    doc.summary || doc.number || doc.notation ? doc.fileName : null,
  ].filter(Boolean);

  function open(): void {
    openFile({ kind: 'blob', sha256: doc.sha256, fileName: doc.fileName }).catch(
      (error: unknown) => void message.error(t('detail.fileFailed', { message: errorText(error) })));
  }

  return (
    <article className="ns-search-hit" aria-labelledby={`hit-${doc.id}`}>
      <Flex align="flex-start" justify="space-between" gap="middle">
        <Flex vertical gap={2} className="ns-search-hit-main">
          <Flex align="center" gap="small" wrap>
            <KindIcon kind={doc.kind} />
            <Typography.Title level={2} className="ns-search-hit-title" id={`hit-${doc.id}`}>
              <Link to={`/documents/${doc.id}`}>{documentLabel(doc)}</Link>
            </Typography.Title>
            {hit.metadataHit ? <Tag color="blue">{t('search.metadataHit')}</Tag> : null}
            <ClassificationTag value={doc.classification} />
            <UrgencyTag value={doc.urgency} />
          </Flex>
          {facts.length > 0 ? (
            <Typography.Text type="secondary" className="ns-search-hit-facts">
              {facts.join(' · ')}
            </Typography.Text>
          ) : null}
        </Flex>
        <Flex gap={6} className="ns-search-hit-actions">
          {doc.kind === 'pdf' ? (
            <Button size="small" type="primary" icon={<ReadOutlined />} onClick={() => void navigate(`/documents/${doc.id}/read`)} aria-label={tr('readAria', { fileName: doc.fileName })}>
              {tr('read')}
            </Button>
          ) : null}
          <Button size="small" icon={<ExportOutlined />} onClick={open}>
            {t('file.open')}
          </Button>
        </Flex>
      </Flex>
      {hit.pages.length > 0 ? (
        <ul className="ns-search-pages" aria-label={t('search.pagesLabel')}>
          {hit.pages.map((page) => (
            <li key={page.pageNo}>
              <Tag className="ns-search-page-no">{t('search.page', { n: page.pageNo })}</Tag>
              <Snippet segments={page.snippet} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
