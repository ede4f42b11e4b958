import { EditOutlined, FallOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanGroup, PlanTarget, TargetStanding } from '../../../../../shared/contract/index.ts';
import { targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { useLang } from '../../../common/useLang.ts';
import { formatNumber, formatPercent, statusTagColor } from '../shared/planLabels.ts';

type Row =
  | { key: string; kind: 'group'; group: PlanGroup; depth: number }
  | { key: string; kind: 'target'; target: PlanTarget; standing: TargetStanding | undefined; number: number };

/** The groups in plan order, depth first, each followed by its own targets; targets outside any group last. */
function tableRows(detail: PlanDetail, standings: Map<string, TargetStanding>): Row[] {
  const byParent = new Map<string | null, PlanGroup[]>();
  for (const g of detail.groups) {
    const list = byParent.get(g.parentId) ?? [];
    list.push(g);
    byParent.set(g.parentId, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position);
  const targetsOf = new Map<string | null, PlanTarget[]>();
  const known = new Set(detail.groups.map((g) => g.id));
  for (const target of [...detail.targets].sort((a, b) => a.position - b.position)) {
    const groupId = target.groupId && known.has(target.groupId) ? target.groupId : null;
    const list = targetsOf.get(groupId) ?? [];
    list.push(target);
    targetsOf.set(groupId, list);
  }
  const rows: Row[] = [];
  let number = 0;
  const pushTargets = (groupId: string | null) => {
    for (const target of targetsOf.get(groupId) ?? []) {
      number += 1;
      rows.push({ key: target.id, kind: 'target', target, standing: standings.get(target.id), number });
    }
  };
  const walk = (parentId: string | null, depth: number) => {
    for (const group of byParent.get(parentId) ?? []) {
      rows.push({ key: `group-${group.id}`, kind: 'group', group, depth });
      pushTargets(group.id);
      walk(group.id, depth + 1);
    }
  };
  walk(null, 0);
  pushTargets(null);
  return rows;
}

interface Props {
  detail: PlanDetail;
  period: string;
  rows: TargetStanding[] | undefined;
  loading: boolean;
  onReport: (target: PlanTarget) => void;
  onOpen: (target: PlanTarget) => void;
}

const COLUMNS = 9;

/** The plan's targets for one period, under their groups: goal, actual, rate and the assessment. */
export function TargetsTable({ detail, period, rows, loading, onReport, onOpen }: Props) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const data = useMemo(() => tableRows(detail, new Map((rows ?? []).map((r) => [r.targetId, r]))), [detail, rows]);
  const groupCell = (row: Row, index?: number) => (row.kind === 'group' ? { colSpan: index === 0 ? COLUMNS : 0 } : {});

  const columns: TableColumnsType<Row> = [
    {
      key: 'code',
      title: t('table.code'),
      width: 64,
      onCell: (row) => groupCell(row, 0),
      render: (_: unknown, row: Row) =>
        row.kind === 'group' ? (
          <span className={`ns-plan-group ns-plan-group-${Math.min(row.depth, 2)}`}>
            {row.group.code ? `${row.group.code}. ` : ''}
            {row.group.title}
          </span>
        ) : (
          (row.target.code ?? String(row.number))
        ),
    },
    {
      key: 'name',
      title: t('table.name'),
      width: 380,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) =>
        row.kind === 'target' ? (
          <span className="ns-plan-target-name">
            <Button type="link" className="ns-plan-target-open" aria-label={t('table.openChart', { name: row.target.name })} onClick={() => onOpen(row.target)}>
              {row.target.name}
            </Button>
            {row.target.direction === 'lower' ? (
              <Tooltip title={t('table.lower')}>
                <FallOutlined className="ns-plan-lower" aria-label={t('table.lower')} />
              </Tooltip>
            ) : null}
          </span>
        ) : null,
    },
    { key: 'measure', title: t('table.measure'), width: 72, onCell: (row) => groupCell(row), render: (_: unknown, row: Row) => (row.kind === 'target' ? row.target.measure : null) },
    {
      key: 'owner',
      title: t('table.owner'),
      width: 170,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) =>
        row.kind === 'target' ? row.target.ownerUnit?.name ?? <Typography.Text type="secondary">{t('common.noUnit')}</Typography.Text> : null,
    },
    {
      key: 'goal',
      title: t('table.goal'),
      width: 104,
      align: 'right',
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) => {
        if (row.kind !== 'target' || !row.standing) return null;
        const { goal, goalPeriod } = row.standing;
        return (
          <span className="ns-plan-figure">
            {formatNumber(goal, lang)}
            {goal !== null && goalPeriod && goalPeriod !== period ? (
              <Typography.Text type="secondary" className="ns-plan-goal-of">
                {t('table.goalOfYear', { period: targetPeriodLabel(goalPeriod, lang) })}
              </Typography.Text>
            ) : null}
          </span>
        );
      },
    },
    {
      key: 'actual',
      title: t('table.actual'),
      width: 104,
      align: 'right',
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) => (row.kind === 'target' && row.standing ? <span className="ns-plan-figure">{formatNumber(row.standing.actual, lang)}</span> : null),
    },
    {
      key: 'percent',
      title: t('table.percent'),
      width: 80,
      align: 'right',
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) => (row.kind === 'target' && row.standing ? formatPercent(row.standing.percent, lang) : null),
    },
    {
      key: 'status',
      title: t('table.status'),
      width: 128,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) => {
        if (row.kind !== 'target') return null;
        const status = row.standing?.status ?? 'none';
        return (
          <Tag color={statusTagColor[status]} className="ns-plan-status">
            {t(`status.${status}`)}
          </Tag>
        );
      },
    },
    {
      key: 'actions',
      title: <span className="ns-visually-hidden">{t('table.actions')}</span>,
      width: 150,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) =>
        row.kind === 'target' ? (
          <Button size="small" icon={<EditOutlined />} aria-label={t('table.reportFor', { name: row.target.name })} onClick={() => onReport(row.target)}>
            {t('table.report')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Table<Row>
      size="middle"
      rowKey="key"
      className="ns-plan-targets"
      columns={columns}
      dataSource={data}
      loading={loading}
      pagination={false}
      rowClassName={(row) => (row.kind === 'group' ? 'ns-plan-group-row' : 'ns-plan-target-row')}
      locale={{ emptyText: t('table.empty') }}
    />
  );
}
