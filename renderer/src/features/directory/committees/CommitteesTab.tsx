import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CommitteeSummary } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { EmptyHint } from '../shared/EmptyHint.tsx';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { CommitteeForm } from './CommitteeForm.tsx';

export function CommitteesTab() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<CommitteeSummary | 'new' | null>(null);
  const load = useCallback(() => bridge.invoke('committees.list', {}), [bridge]);
  const { state, reload } = useCoreData(load, ['directory']);
  const committees = state.data ?? [];

  const columns: TableColumnsType<CommitteeSummary> = [
    {
      key: 'name',
      title: t('committees.name'),
      render: (_, c) => (
        <Link to={`/directory/committees/${c.id}`} aria-label={t('committees.open', { name: c.name })}>
          {c.name}
        </Link>
      ),
    },
    { key: 'shortName', title: t('committees.shortName'), dataIndex: 'shortName', width: 140 },
    { key: 'head', title: t('committees.head'), dataIndex: 'headName' },
    { key: 'members', title: t('committees.members'), dataIndex: 'memberCount', width: 120, align: 'right' },
    { key: 'quorum', title: t('committees.quorum'), width: 170, align: 'right', render: (_, c) => `${c.quorumPercent}%` },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, c) => (
        <RowActions
          name={c.name}
          onEdit={() => setEditing(c)}
          onDelete={async () => {
            await run(() => bridge.invoke('committees.delete', { id: c.id }), t('common.deleted', { name: c.name }));
          }}
        />
      ),
    },
  ];

  return (
    <section aria-label={t('tabs.committees')}>
      <Flex gap="small" className="ns-dir-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('committees.add')}
        </Button>
      </Flex>
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && committees.length === 0 ? (
        <EmptyHint title={t('committees.empty')} hint={t('committees.emptyHint')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('committees.add')}
          </Button>
        </EmptyHint>
      ) : (
        <Table<CommitteeSummary> size="small" rowKey="id" columns={columns} dataSource={committees} loading={state.status === 'loading'} pagination={false} />
      )}
      {editing ? (
        <CommitteeForm
          committee={editing === 'new' ? null : editing}
          onClose={(saved) => {
            const created = editing === 'new' && saved;
            setEditing(null);
            // A new committee is empty: go straight to choosing its members.
            if (created) void navigate(`/directory/committees/${saved.id}`);
          }}
        />
      ) : null}
    </section>
  );
}
