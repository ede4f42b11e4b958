import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldText, type Organization } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { TemplateButton } from '../import/TemplateButton.tsx';
import { EmptyHint } from '../shared/EmptyHint.tsx';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { UnitForm } from './UnitForm.tsx';

type UnitNode = Organization & { children?: UnitNode[] };

/** The flat, depth-first list as nested rows for antd's tree table. */
function toTree(units: Organization[]): UnitNode[] {
  const byId = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = byId.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export function UnitsTab() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(() => bridge.invoke('organizations.list', {}), [bridge]);
  const { state, reload } = useCoreData(load, ['directory']);
  const units = useMemo(() => state.data ?? [], [state.data]);

  // Filtering here keeps the tree: a match shows with the units above it, so it is never out of context.
  const { rows, expanded } = useMemo(() => {
    const q = query.trim();
    if (!q) {
      const tree = toTree(units);
      return { rows: tree, expanded: units.filter((u) => u.childCount > 0 && !collapsed.has(u.id)).map((u) => u.id) };
    }
    const words = foldText(q).split(' ');
    const byId = new Map(units.map((u) => [u.id, u]));
    const keep = new Set<string>();
    for (const u of units) {
      const text = foldText(`${u.name} ${u.shortName ?? ''} ${u.organCode ?? ''}`);
      if (words.every((w) => text.includes(w))) {
        for (let at: Organization | undefined = u; at && !keep.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) keep.add(at.id);
      }
    }
    const filtered = units.filter((u) => keep.has(u.id));
    return { rows: toTree(filtered), expanded: filtered.map((u) => u.id) };
  }, [units, query, collapsed]);

  const columns: TableColumnsType<UnitNode> = [
    {
      key: 'name',
      title: t('units.name'),
      render: (_, u) => (
        <span>
          {u.name}
          {u.shortName ? (
            <Tag className="ns-dir-tag" variant="filled">
              {u.shortName}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'organCode',
      title: t('units.organCode'),
      width: 170,
      render: (_, u) => (u.organCode ? <Typography.Text className="ns-code">{u.organCode}</Typography.Text> : null),
    },
    { key: 'people', title: t('units.peopleCount'), dataIndex: 'peopleCount', width: 100, align: 'right' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, u) => (
        <RowActions
          name={u.name}
          onEdit={() => setEditing(u)}
          onDelete={async () => {
            await run(() => bridge.invoke('organizations.delete', { id: u.id }), t('common.deleted', { name: u.name }));
          }}
        />
      ),
    },
  ];

  const toolbar = (
    <Flex gap="small" wrap className="ns-dir-toolbar">
      <Input.Search
        allowClear
        className="ns-dir-search"
        aria-label={t('units.searchLabel')}
        placeholder={t('units.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
        {t('units.add')}
      </Button>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
        {t('units.import')}
      </Button>
      <TemplateButton kind="organizations" />
    </Flex>
  );

  return (
    <section aria-label={t('tabs.units')}>
      {toolbar}
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && units.length === 0 ? (
        <EmptyHint title={t('units.empty')} hint={t('units.emptyHint')}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('units.add')}
          </Button>
        </EmptyHint>
      ) : (
        <Table<UnitNode>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={state.status === 'loading'}
          pagination={false}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, u) =>
              setCollapsed((prev) => {
                const next = new Set(prev);
                if (open) next.delete(u.id);
                else next.add(u.id);
                return next;
              }),
          }}
          locale={{ emptyText: query ? t('units.noMatch', { query }) : t('units.empty') }}
        />
      )}
      {editing ? <UnitForm unit={editing === 'new' ? null : editing} units={units} onClose={() => setEditing(null)} /> : null}
      {importing ? <ImportDialog kind="organizations" onClose={() => setImporting(false)} /> : null}
    </section>
  );
}
