import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { TemplateButton } from '../import/TemplateButton.tsx';
import { EmptyHint } from '../shared/EmptyHint.tsx';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { foldedIncludes } from '../shared/text.ts';
import { unitOptions } from '../shared/unitOptions.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useDebounced } from '../shared/useDebounced.ts';
import { PersonForm } from './PersonForm.tsx';

const PAGE_SIZE = 50;

export function PeopleTab() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [query, setQuery] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const search = useDebounced(query.trim());

  const loadPeople = useCallback(
    () =>
      bridge.invoke('people.list', {
        ...(search ? { query: search } : {}),
        ...(unitId ? { organizationId: unitId } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [bridge, search, unitId, page],
  );
  const { state, reload } = useCoreData(loadPeople, ['directory']);
  const loadUnits = useCallback(() => bridge.invoke('organizations.list', {}), [bridge]);
  const units = useCoreData(loadUnits, ['directory']).state.data ?? [];

  const people = state.data;
  const filtering = search !== '' || unitId !== undefined;

  const columns: TableColumnsType<Person> = [
    { key: 'fullName', title: t('people.fullName'), dataIndex: 'fullName', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { key: 'position', title: t('people.position'), dataIndex: 'position' },
    { key: 'unit', title: t('people.unit'), dataIndex: 'organizationName' },
    { key: 'email', title: t('people.email'), dataIndex: 'email' },
    { key: 'phone', title: t('people.phone'), dataIndex: 'phone', width: 140 },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, p) => (
        <RowActions
          name={p.fullName}
          onEdit={() => setEditing(p)}
          onDelete={async () => {
            await run(() => bridge.invoke('people.delete', { id: p.id }), t('common.deleted', { name: p.fullName }));
          }}
        />
      ),
    },
  ];

  return (
    <section aria-label={t('tabs.people')}>
      <Flex gap="small" wrap className="ns-dir-toolbar">
        <Input.Search
          allowClear
          className="ns-dir-search"
          aria-label={t('people.searchLabel')}
          placeholder={t('people.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          className="ns-dir-filter"
          aria-label={t('people.filterUnit')}
          placeholder={t('people.allUnits')}
          value={unitId}
          onChange={(value: string | undefined) => {
            setUnitId(value);
            setPage(1);
          }}
          showSearch={{ filterOption: (input, option) => foldedIncludes(option?.label, input) }}
          options={unitOptions(units)}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('people.add')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('people.import')}
        </Button>
        <TemplateButton kind="people" />
      </Flex>
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && people && people.total === 0 && !filtering ? (
        <EmptyHint title={t('people.empty')} hint={t('people.emptyHint')}>
          <Flex gap="small" justify="center">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('people.add')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('people.import')}
            </Button>
          </Flex>
        </EmptyHint>
      ) : (
        <Table<Person>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={people?.items ?? []}
          loading={state.status === 'loading'}
          locale={{ emptyText: t('people.noMatch', { query: search }) }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: people?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('people.total', { count: total }),
            onChange: setPage,
          }}
        />
      )}
      {editing ? <PersonForm person={editing === 'new' ? null : editing} units={units} onClose={() => setEditing(null)} /> : null}
      {importing ? <ImportDialog kind="people" onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
