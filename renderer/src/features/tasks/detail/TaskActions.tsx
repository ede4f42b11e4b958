import {
  CheckOutlined,
  ClockCircleOutlined,
  EditOutlined,
  NotificationOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RiseOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail, TaskStatus } from '../../../../../shared/contract/index.ts';
import type { TaskAction } from './ActionDialog.tsx';

const icons: Partial<Record<TaskAction, ReactNode>> = {
  report: <RiseOutlined />,
  complete: <SendOutlined />,
  accept: <CheckOutlined />,
  return: <RollbackOutlined />,
  requestExtension: <ClockCircleOutlined />,
  remind: <NotificationOutlined />,
  pause: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  cancel: <StopOutlined />,
};

/** The lead unit's part of a task received from the provincial operations system; the rest is the assigner's. */
const LEAD_ACTIONS: readonly TaskAction[] = ['report', 'complete', 'requestExtension'];

/** What can be done now, by the task's status and whose it is; the core has the last word on each. */
export function availableActions(task: TaskDetail): TaskAction[] {
  const actions = byStatus(task);
  return task.received ? actions.filter((a) => LEAD_ACTIONS.includes(a)) : actions;
}

function byStatus(task: TaskDetail): TaskAction[] {
  const open = task.status === 'assigned' || task.status === 'in_progress' || task.status === 'returned';
  if (open) {
    return [
      'report',
      'complete',
      ...(task.deadlineKind !== 'ongoing' && !task.extensionPending ? (['requestExtension'] as const) : []),
      'remind',
      'pause',
      'cancel',
    ];
  }
  if (task.status === 'done_requested') return ['accept', 'return', 'cancel'];
  if (task.status === 'paused') return ['resume', 'cancel'];
  return [];
}

const EDITABLE: readonly TaskStatus[] = ['assigned', 'in_progress', 'returned', 'paused', 'done_requested'];

/** Whether the standing office may still correct the task (tasks.update): not once it is done or cancelled. */
export function canEdit(task: TaskDetail): boolean {
  return !task.received && EDITABLE.includes(task.status);
}

/** The main action first (primary), the rest as plain buttons, then Sửa; Hủy last and in red. */
export function TaskActions({ task, onAction, onEdit }: { task: TaskDetail; onAction: (action: TaskAction) => void; onEdit: () => void }) {
  const { t } = useTranslation('tasks');
  const actions = availableActions(task);
  const editable = canEdit(task);
  if (actions.length === 0 && !editable) return null;
  const button = (action: TaskAction, index: number) => (
    <Button
      key={action}
      type={index === 0 ? 'primary' : 'default'}
      danger={action === 'cancel'}
      icon={icons[action]}
      onClick={() => onAction(action)}
      className={action === 'cancel' ? 'ns-push-right' : undefined}
    >
      {t(`actions.${action}.button`)}
    </Button>
  );
  return (
    <Flex gap="small" wrap className="ns-task-actions" role="group" aria-label={t('actions.label')}>
      {actions.map((action, index) => (action === 'cancel' ? null : button(action, index)))}
      {editable ? (
        <Button key="edit" icon={<EditOutlined />} onClick={onEdit}>
          {t('actions.edit')}
        </Button>
      ) : null}
      {actions.map((action, index) => (action === 'cancel' ? button(action, index) : null))}
    </Flex>
  );
}
