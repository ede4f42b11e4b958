import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { DocumentSummary } from '../../../../../shared/contract/index.ts';
import { ClassificationTag, KindIcon, UrgencyTag } from '../shared/DocumentTags.tsx';
import { formatCalendarDate, numberNotation } from '../shared/format.ts';
import { PAGE_SIZES } from './libraryQuery.ts';

interface DocumentTableProps {
  items: DocumentSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  empty: ReactNode;
  onPage(page: number, pageSize: number): void;
}

const DASH = '—';

export function DocumentTable({ items, total, page, pageSize, loading, empty, onPage }: DocumentTableProps) {
  const { t } = useTranslation('documents');
  const navigate = useNavigate();
  const location = useLocation();
  // The detail's "back" link returns to this very page of the list, filters included.
  const linkState = { from: `${location.pathname}${location.search}` };

  const columns: TableColumnsType<DocumentSummary> = [
    {
      key: 'kind',
      title: <span className="ns-visually-hidden">{t('table.kind')}</span>,
      width: 40,
      align: 'center',
      render: (_, doc) => <KindIcon kind={doc.kind} />,
    },
    {
      key: 'number',
      title: t('table.number'),
      width: 130,
      render: (_, doc) => numberNotation(doc) ?? <Typography.Text type="secondary">{DASH}</Typography.Text>,
    },
    {
      key: 'summary',
      title: t('table.summary'),
      render: (_, doc) => (
        <Flex vertical className="ns-doc-title-cell">
          <Link to={`/documents/${doc.id}`} state={linkState} className="ns-doc-title-link">
            {doc.summary ?? doc.fileName}
          </Link>
          {doc.summary ? (
            <Typography.Text type="secondary" className="ns-doc-file-name">
              {doc.fileName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'type', title: t('table.type'), width: 105, render: (_, doc) => doc.typeLabel ?? '' },
    {
      key: 'issuer',
      title: t('table.issuer'),
      width: 170,
      render: (_, doc) => doc.issuer ?? '',
    },
    {
      key: 'issueDate',
      title: t('table.issueDate'),
      width: 105,
      render: (_, doc) => formatCalendarDate(doc.issueDate),
    },
    {
      key: 'pages',
      title: t('table.pages'),
      width: 70,
      align: 'right',
      render: (_, doc) => doc.pageCount ?? '',
    },
    {
      key: 'marks',
      title: t('table.marks'),
      width: 120,
      render: (_, doc) => (
        <Flex wrap gap={4}>
          <ClassificationTag value={doc.classification} />
          <UrgencyTag value={doc.urgency} />
        </Flex>
      ),
    },
  ];

  return (
    <Table<DocumentSummary>
      className="ns-doc-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      onRow={(doc) => ({
        // The title is the link; the rest of the row is a larger target for the mouse.
        onClick: (event) => {
          if ((event.target as HTMLElement).closest('a, button, input')) return;
          void navigate(`/documents/${doc.id}`, { state: linkState });
        },
      })}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (count) => t('table.total', { count }),
        onChange: onPage,
        hideOnSinglePage: false,
      }}
    />
  );
}
