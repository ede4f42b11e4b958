import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FileTextOutlined,
  NotificationOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusCircleOutlined,
  RiseOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskEvent, TaskEventKind } from '../../../../../shared/contract/index.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { useLang } from '../../../common/useLang.ts';
import { editedFields, readableDates } from '../shared/taskLabels.ts';

const look: Record<TaskEventKind, { color: string; icon: ReactNode }> = {
  created: { color: 'blue', icon: <PlusCircleOutlined /> },
  edited: { color: 'gray', icon: <EditOutlined /> },
  progress: { color: 'blue', icon: <RiseOutlined /> },
  completed: { color: 'cyan', icon: <SendOutlined /> },
  accepted: { color: 'green', icon: <CheckCircleOutlined /> },
  returned: { color: 'magenta', icon: <RollbackOutlined /> },
  paused: { color: 'orange', icon: <PauseCircleOutlined /> },
  resumed: { color: 'blue', icon: <PlayCircleOutlined /> },
  cancelled: { color: 'gray', icon: <StopOutlined /> },
  extension_requested: { color: 'purple', icon: <ClockCircleOutlined /> },
  extension_approved: { color: 'green', icon: <CheckCircleOutlined /> },
  extension_refused: { color: 'red', icon: <CloseCircleOutlined /> },
  reminded: { color: 'orange', icon: <NotificationOutlined /> },
};

/** What happened to the task, newest first: reports with their percentage and documents, decisions, reminders. */
export function TaskTimeline({ events }: { events: readonly TaskEvent[] }) {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  /** An event's text as shown: an edit names the fields changed ("Đã sửa: nội dung, đơn vị chủ trì"), the rest with readable dates. */
  const textOf = (e: TaskEvent): string | null => {
    if (!e.text) return null;
    if (e.kind !== 'edited') return readableDates(e.text);
    const fields = editedFields(e.text).map((f) => ('field' in f ? t(`timeline.field.${f.field}`) : f.column));
    return fields.length ? t('timeline.edited', { fields: fields.join(', ') }) : null;
  };
  const newestFirst = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline
      className="ns-task-timeline"
      items={newestFirst.map((e) => {
        const text = textOf(e);
        return {
          key: e.id,
          color: look[e.kind].color,
          icon: look[e.kind].icon,
          content: (
            <div className="ns-task-event">
              <div className="ns-task-event-head">
                <strong>{t(`timeline.kind.${e.kind}`)}</strong>
                {e.percent !== null && e.kind === 'progress' ? <span className="ns-task-event-percent">{e.percent}%</span> : null}
              </div>
              <Typography.Text type="secondary" className="ns-small">
                {formatDateTime(e.at, lang)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
              {text ? <Typography.Paragraph className="ns-prewrap ns-task-event-text">{text}</Typography.Paragraph> : null}
              {e.documents.length > 0 ? (
                <ul className="ns-task-event-docs" aria-label={t('timeline.documents')}>
                  {e.documents.map((d) => (
                    <li key={d.id}>
                      <FileTextOutlined aria-hidden /> <Link to={`/documents/${d.id}`}>{d.title}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
