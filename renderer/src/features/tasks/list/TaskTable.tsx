import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page, TaskRow } from '../../../../../shared/contract/index.ts';
import { ClassificationTag } from '../../meetings/shared/tags.tsx';
import { dmy } from '../shared/taskLabels.ts';
import { TaskProgress } from '../shared/TaskProgress.tsx';
import { BucketTag, TaskStatusTag, UrgencyTag } from '../shared/TaskTags.tsx';

export const PAGE_SIZE = 20;

interface Props {
  page: Page<TaskRow> | undefined;
  loading: boolean;
  current: number;
  onPage: (page: number) => void;
}

/** The tasks, overdue first (the core's order), twenty to a page. */
export function TaskTable({ page, loading, current, onPage }: Props) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();

  const columns: ColumnsType<TaskRow> = [
    {
      title: t('list.content'),
      key: 'content',
      render: (_, task) => (
        <>
          <Link to={`/tasks/${task.id}`} className="ns-task-link" onClick={(e) => e.stopPropagation()}>
            {task.content}
          </Link>{' '}
          <UrgencyTag urgency={task.urgency} />
          <ClassificationTag value={task.classification} />
          {task.meetingTitle || task.tags.length > 0 ? (
            <div className="ns-task-row-meta">
              {task.meetingTitle ? (
                <Typography.Text type="secondary" className="ns-small">
                  {t('list.fromMeeting', { title: task.meetingTitle })}
                </Typography.Text>
              ) : null}
              {task.tags.map((tag) => (
                <Tag key={tag} variant="outlined" className="ns-task-keyword">
                  {tag}
                </Tag>
              ))}
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('list.leadUnit'),
      key: 'lead',
      width: 190,
      render: (_, task) => (
        <>
          <div>{task.leadUnit.name}</div>
          {task.coordinatingUnits.length > 0 ? (
            <Typography.Text type="secondary" className="ns-small" title={task.coordinatingUnits.map((u) => u.name).join(', ')}>
              {t('list.coordinating', { count: task.coordinatingUnits.length })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('list.deadline'),
      key: 'deadline',
      width: 116,
      render: (_, task) => (
        <>
          <div>{task.deadlineKind === 'ongoing' ? t('deadline.ongoingShort') : dmy(task.dueDate)}</div>
          {task.completedOn && (task.status === 'done' || task.status === 'done_requested') ? (
            <div>
              <Typography.Text type="secondary" className="ns-small ns-task-completed-on">
                {task.status === 'done' ? t('list.completedOn', { date: dmy(task.completedOn) }) : t('list.reportedDone', { date: dmy(task.completedOn) })}
              </Typography.Text>
            </div>
          ) : null}
          {task.extensionPending ? (
            <Tag color="purple" variant="outlined" className="ns-task-tag">
              {t('list.extensionPending')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('list.progress'),
      key: 'percent',
      width: 120,
      render: (_, task) => (
        <TaskProgress percent={task.percent} status={task.status} bucket={task.bucket} size="small" aria-label={t('list.progressLabel', { percent: task.percent })} />
      ),
    },
    { title: t('list.status'), key: 'status', width: 128, render: (_, task) => <TaskStatusTag status={task.status} /> },
    { title: t('list.bucket'), key: 'bucket', width: 150, render: (_, task) => <BucketTag bucket={task.bucket} dueSoon={task.dueSoon} /> },
  ];

  return (
    <Table<TaskRow>
      rowKey="id"
      size="small"
      className="ns-task-table"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      locale={{ emptyText: t('list.noMatch') }}
      onRow={(task) => ({ onClick: () => void navigate(`/tasks/${task.id}`), className: 'ns-clickable-row' })}
      pagination={{
        current,
        pageSize: PAGE_SIZE,
        total: page?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('list.total', { count: total }),
        onChange: onPage,
        hideOnSinglePage: false,
      }}
    />
  );
}
