import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Flex, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DataArea, PlanDetail, PlanGroup, TaskRow } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { errorText } from '../../../common/errors.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { dmy } from '../../tasks/shared/taskLabels.ts';
import { BucketTag, TaskStatusTag } from '../../tasks/shared/TaskTags.tsx';
import { groupLabel, groupsInOrder } from '../shared/groupTree.ts';
import { LinkTasksModal } from './LinkTasksModal.tsx';

/** What the tab re-reads: the links (plans), the tasks' progress (tasks), the units they name. */
const AREAS: readonly DataArea[] = ['plans', 'tasks', 'directory'];

/** The most tasks one plan lists: a plan's tasks are tens, not thousands. */
const LIMIT = 500;

type Row = { key: string; kind: 'group'; group: PlanGroup; depth: number } | { key: string; kind: 'task'; task: TaskRow; number: number };

/** The groups that hold tasks (with the groups above them, for the tree), each followed by its tasks. */
function tableRows(detail: PlanDetail, tasks: readonly TaskRow[]): Row[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const tasksOf = new Map<string, TaskRow[]>();
  for (const link of detail.taskLinks) {
    const task = byId.get(link.taskId);
    if (task) tasksOf.set(link.groupId, [...(tasksOf.get(link.groupId) ?? []), task]);
  }
  const ordered = groupsInOrder(detail.groups);
  // A group is shown when it or a group under it holds tasks: walk back up from each that does.
  const parentOf = new Map(detail.groups.map((g) => [g.id, g.parentId]));
  const shown = new Set<string>();
  for (const groupId of tasksOf.keys()) {
    for (let id: string | null | undefined = groupId; id && !shown.has(id); id = parentOf.get(id)) shown.add(id);
  }
  const rows: Row[] = [];
  let number = 0;
  for (const { group, depth } of ordered) {
    if (!shown.has(group.id)) continue;
    rows.push({ key: `group-${group.id}`, kind: 'group', group, depth });
    for (const task of tasksOf.get(group.id) ?? []) rows.push({ key: task.id, kind: 'task', task, number: ++number });
  }
  return rows;
}

const COLUMNS = 5;

/** The tab "Nhiệm vụ" of a plan: the tasks under its groups, their timeliness, linking and unlinking. */
export function PlanTasks({ detail, onChanged }: { detail: PlanDetail; onChanged: () => void }) {
  const { t } = useTranslation('plans');
  const { t: tt } = useTranslation('tasks');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [linking, setLinking] = useState(false);
  const planId = detail.plan.id;

  const load = useCallback(() => bridge.invoke('tasks.list', { planId, limit: LIMIT }), [bridge, planId]);
  const { state, reload } = useCoreData(load, AREAS);
  const rows = useMemo(() => tableRows(detail, state.data?.items ?? []), [detail, state.data]);

  const changed = () => {
    reload();
    onChanged();
  };

  async function unlink(task: TaskRow): Promise<void> {
    try {
      await bridge.invoke('plans.unlinkTask', { taskId: task.id });
      void message.success(t('tasks.unlinked'));
      changed();
    } catch (e) {
      void message.error(t('tasks.unlinkFailed', { message: errorText(e) }));
    }
  }

  const groupCell = (row: Row, index?: number) => (row.kind === 'group' ? { colSpan: index === 0 ? COLUMNS : 0 } : {});
  const columns: TableColumnsType<Row> = [
    {
      key: 'content',
      title: t('tasks.content'),
      onCell: (row) => groupCell(row, 0),
      render: (_: unknown, row: Row) =>
        row.kind === 'group' ? (
          <span className={`ns-plan-group ns-plan-group-${Math.min(row.depth, 2)}`}>{groupLabel(row.group)}</span>
        ) : (
          <span className="ns-plan-task">
            <span className="ns-plan-task-number">{row.number}.</span>
            <Link to={`/tasks/${row.task.id}`} className="ns-task-link">
              {row.task.content}
            </Link>
          </span>
        ),
    },
    { key: 'lead', title: t('tasks.leadUnit'), width: 200, onCell: (row) => groupCell(row), render: (_: unknown, row: Row) => (row.kind === 'task' ? row.task.leadUnit.name : null) },
    {
      key: 'deadline',
      title: t('tasks.deadline'),
      width: 116,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) => (row.kind === 'task' ? (row.task.deadlineKind === 'ongoing' ? tt('deadline.ongoingShort') : dmy(row.task.dueDate)) : null),
    },
    {
      key: 'status',
      title: t('tasks.status'),
      width: 250,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) =>
        row.kind === 'task' ? (
          <Flex gap={4} wrap className="ns-plan-task-status">
            <TaskStatusTag status={row.task.status} />
            <BucketTag bucket={row.task.bucket} dueSoon={row.task.dueSoon} />
          </Flex>
        ) : null,
    },
    {
      key: 'actions',
      title: <span className="ns-visually-hidden">{t('tasks.actions')}</span>,
      width: 170,
      onCell: (row) => groupCell(row),
      render: (_: unknown, row: Row) =>
        row.kind === 'task' ? (
          <Popconfirm
            title={t('tasks.unlinkConfirm')}
            okText={t('tasks.unlink')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void unlink(row.task)}
          >
            <Button size="small" icon={<DisconnectOutlined />} aria-label={t('tasks.unlinkFor', { content: row.task.content })}>
              {t('tasks.unlink')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const linkButton = (
    <Button type="primary" icon={<LinkOutlined />} onClick={() => setLinking(true)} disabled={detail.groups.length === 0}>
      {t('tasks.link')}
    </Button>
  );

  return (
    <>
      {state.status === 'failed' ? <LoadFailedAlert ns="plans" className="ns-block" error={state.error} onRetry={reload} /> : null}
      {detail.taskLinks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={detail.groups.length === 0 ? t('tasks.noGroups') : t('tasks.empty')} className="ns-plan-tasks-empty">
          {linkButton}
        </Empty>
      ) : (
        <>
          <Flex gap="small" align="center" wrap className="ns-plan-tasks-bar">
            <Typography.Text type="secondary">{t('tasks.hint')}</Typography.Text>
            <span className="ns-push-right">{linkButton}</span>
          </Flex>
          <Table<Row>
            size="middle"
            rowKey="key"
            className="ns-plan-tasks"
            columns={columns}
            dataSource={rows}
            loading={state.status === 'loading'}
            pagination={false}
            rowClassName={(row) => (row.kind === 'group' ? 'ns-plan-group-row' : 'ns-plan-task-row')}
            locale={{ emptyText: t('tasks.empty') }}
          />
        </>
      )}
      {linking ? (
        <LinkTasksModal
          detail={detail}
          onClose={() => setLinking(false)}
          onLinked={() => {
            setLinking(false);
            changed();
          }}
        />
      ) : null}
    </>
  );
}
