import { ArrowLeftOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TaskDetail, TaskExtension } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { errorText } from '../../../common/errors.ts';
import { LoadingPage } from '../../../common/PageStates.tsx';
import { Page } from '../../../shell/Page.tsx';
import { ClassificationTag } from '../../meetings/shared/tags.tsx';
import { TaskFormDrawer } from '../form/TaskFormDrawer.tsx';
import { dmy, TASK_AREAS } from '../shared/taskLabels.ts';
import { TaskProgress } from '../shared/TaskProgress.tsx';
import { BucketTag, TaskStatusTag, UrgencyTag } from '../shared/TaskTags.tsx';
import { ActionDialog, type TaskAction } from './ActionDialog.tsx';
import { ExtensionsList } from './ExtensionsList.tsx';
import { TaskActions } from './TaskActions.tsx';
import { TaskFacts } from './TaskFacts.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';
import '../tasks.css';

const TITLE_MAX = 160;

/** #/tasks/:taskId — one task: its facts, progress, what happened, extensions, and what can be done now. */
export function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const bridge = useBridge();
  const { t } = useTranslation('tasks');
  const load = useCallback(() => bridge.invoke('tasks.get', { id: taskId }), [bridge, taskId]);
  const { state, reload, replace } = useCoreData(load, TASK_AREAS);

  if (state.data) return <TaskView key={state.data.id} task={state.data} replace={replace} />;
  if (state.status === 'failed') {
    const missing = state.error instanceof BridgeError && (state.error.code === 'NOT_FOUND' || state.error.code === 'INVALID_INPUT');
    return (
      <Page title={missing ? t('detail.notFound') : t('detail.loadFailedTitle')}>
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? t('detail.notFoundHint') : errorText(state.error)}
          extra={
            <Flex gap="small" justify="center">
              <Link to="/tasks">
                <Button type="primary">{t('detail.backToList')}</Button>
              </Link>
              {missing ? null : <Button onClick={reload}>{t('common.retry')}</Button>}
            </Flex>
          }
        />
      </Page>
    );
  }
  return <LoadingPage title={t('detail.loading')} rows={8} />;
}

type Open = { action: TaskAction; extension?: TaskExtension } | null;

function TaskView({ task, replace }: { task: TaskDetail; replace: (task: TaskDetail) => void }) {
  const { t } = useTranslation('tasks');
  const [open, setOpen] = useState<Open>(null);
  /** Sửa: the task as it was when the form opened (its version is what the change is based on), kept while the drawer closes. */
  const [editBase, setEditBase] = useState<TaskDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const long = task.content.length > TITLE_MAX;
  const title = long ? `${task.content.slice(0, TITLE_MAX - 1).trimEnd()}…` : task.content;
  const pending = task.extensions.find((x) => x.status === 'pending');
  const closed = task.status === 'done' || task.status === 'cancelled';

  return (
    <Page title={title}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to="/tasks" className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('detail.backToList')}
        </Link>
        <TaskStatusTag status={task.status} />
        <BucketTag bucket={task.bucket} dueSoon={task.dueSoon} />
        <UrgencyTag urgency={task.urgency} />
        <ClassificationTag value={task.classification} />
        {task.extensionPending ? (
          <Tag color="purple" variant="outlined" icon={<ClockCircleOutlined />}>
            {t('list.extensionPending')}
          </Tag>
        ) : null}
      </Flex>

      {pending && !closed ? (
        <Alert
          type="warning"
          showIcon
          className="ns-block"
          title={t('extensions.pendingBanner', { from: dmy(pending.fromDate), to: dmy(pending.toDate) })}
          description={pending.reason}
          action={
            <Flex gap="small" vertical>
              <Button size="small" type="primary" onClick={() => setOpen({ action: 'approve', extension: pending })}>
                {t('extensions.approve')}
              </Button>
              <Button size="small" danger onClick={() => setOpen({ action: 'refuse', extension: pending })}>
                {t('extensions.refuse')}
              </Button>
            </Flex>
          }
        />
      ) : null}
      {task.status === 'done_requested' ? <Alert type="info" showIcon className="ns-block" title={t('detail.doneRequestedBanner')} /> : null}

      <Card className="ns-block">
        <div className="ns-task-progress">
          <Typography.Text strong id="ns-task-progress-label">
            {t('detail.progress')}
          </Typography.Text>
          <TaskProgress percent={task.percent} status={task.status} bucket={task.bucket} aria-labelledby="ns-task-progress-label" />
        </div>
        <TaskFacts task={task} fullContent={long} />
        <TaskActions
          task={task}
          onAction={(action) => setOpen({ action })}
          onEdit={() => {
            setEditBase(task);
            setEditing(true);
          }}
        />
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('timeline.title')} className="ns-task-side-card">
            <TaskTimeline events={task.events} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('extensions.title', { count: task.extensions.length })} className="ns-task-side-card">
            <ExtensionsList extensions={task.extensions} canDecide={!closed} onDecide={(extension, approve) => setOpen({ action: approve ? 'approve' : 'refuse', extension })} />
          </Card>
        </Col>
      </Row>

      {open ? (
        <ActionDialog
          action={open.action}
          task={task}
          {...(open.extension ? { extension: open.extension } : {})}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            replace(next);
          }}
        />
      ) : null}
      {editBase ? (
        <TaskFormDrawer
          open={editing}
          edit={{
            task: editBase,
            onReloaded: (fresh) => {
              setEditBase(fresh);
              replace(fresh);
            },
          }}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            replace(next);
          }}
        />
      ) : null}
    </Page>
  );
}
