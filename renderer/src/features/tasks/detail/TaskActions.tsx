import {
  CheckOutlined,
  ClockCircleOutlined,
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
import type { TaskDetail } from '../../../../../shared/contract/index.ts';
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

/** What can be done now, by the task's status; the core has the last word on each. */
export function availableActions(task: TaskDetail): TaskAction[] {
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

/** The main action first (primary), the rest as plain buttons, Hủy last and in red. */
export function TaskActions({ task, onAction }: { task: TaskDetail; onAction: (action: TaskAction) => void }) {
  const { t } = useTranslation('tasks');
  const actions = availableActions(task);
  if (actions.length === 0) return null;
  return (
    <Flex gap="small" wrap className="ns-task-actions" role="group" aria-label={t('actions.label')}>
      {actions.map((action, index) => (
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
      ))}
    </Flex>
  );
}
