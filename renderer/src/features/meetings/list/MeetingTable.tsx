import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeetingSummary, Page } from '../../../../../shared/contract/index.ts';
import { ClassificationTag, StatusTag } from '../shared/tags.tsx';
import { useLang } from '../../../common/useLang.ts';
import { formatDay, timeVi } from '../../../../../shared/vn-time.ts';
import { MeetingPlace } from './MeetingPlace.tsx';
import { edition } from '../../../../../shared/edition.ts';

export const PAGE_SIZE = 20;

interface MeetingTableProps {
  page: Page<MeetingSummary> | undefined;
  loading: boolean;
  current: number;
  onPage: (page: number) => void;
}

export function MeetingTable({ page, loading, current, onPage }: MeetingTableProps) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const navigate = useNavigate();

  const columns: ColumnsType<MeetingSummary> = [
    {
      title: t('list.when'),
      key: 'when',
      width: 190,
      render: (_, m) => (
        <>
          <div>{formatDay(m.startsAt, lang)}</div>
          <Typography.Text type="secondary">
            {timeVi(m.startsAt)} – {timeVi(m.endsAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('list.title'),
      key: 'title',
      render: (_, m) => (
        <>
          <Link to={`/meetings/${m.id}`} className="ns-meeting-link" onClick={(e) => e.stopPropagation()}>
            {m.title}
          </Link>{' '}
          <ClassificationTag value={m.classification} />
          <div>
            <Typography.Text type="secondary">
              {m.kind.label} · {m.committee.shortName ?? m.committee.name}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('list.place'),
      key: 'place',
      width: 170,
      render: (_, m) => <MeetingPlace meeting={m} />,
    },
    {
      title: t('list.chair'),
      key: 'chair',
      width: 170,
      render: (_, m) => m.chair?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('list.status'),
      key: 'status',
      width: 120,
      render: (_, m) => (
        <>
          <StatusTag status={m.status} />
          {m.origin === 'pack' ? (
            <div>
              <Typography.Text type="secondary" className="ns-small">
                {t('list.fromPack', { revision: edition(m.packRevision ?? m.revision) })}
              </Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('list.counts'),
      key: 'counts',
      width: 130,
      render: (_, m) => (
        <Typography.Text type="secondary" className="ns-small">
          {t('list.agendaCount', { count: m.counts.agendaItems })}
          <br />
          {t('list.participantCount', { count: m.counts.participants })}
          <br />
          {t('list.documentCount', { count: m.counts.documents })}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="small"
      className="ns-meeting-table"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: t('list.noMatch') }}
      onRow={(m) => ({ onClick: () => void navigate(`/meetings/${m.id}`), className: 'ns-clickable-row' })}
      pagination={{
        current,
        pageSize: PAGE_SIZE,
        total: page?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('list.total', { count: total }),
        onChange: onPage,
      }}
    />
  );
}
