import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskBucket, TaskStatus, Urgency } from '../../../../../shared/contract/index.ts';
import { bucketTagColor, statusTagColor } from './taskLabels.ts';

/** Tình trạng: the timeliness bucket, or "Sắp đến hạn" for an open task on time whose deadline is near. */
export function BucketTag({ bucket, dueSoon = false }: { bucket: TaskBucket | null; dueSoon?: boolean }) {
  const { t } = useTranslation('tasks');
  if (!bucket) return null;
  const key = dueSoon && bucket === 'open_on_time' ? 'due_soon' : bucket;
  return (
    <Tag color={bucketTagColor[key]} className="ns-task-tag">
      {t(`bucket.${key}`)}
    </Tag>
  );
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation('tasks');
  return (
    <Tag color={statusTagColor[status]} variant="outlined" className="ns-task-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** Khẩn, Thượng khẩn, Hỏa tốc; nothing for an ordinary task. */
export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation('tasks');
  if (urgency === 'normal') return null;
  return (
    <Tag color={urgency === 'urgent' ? 'orange' : 'volcano'} variant={urgency === 'flash' ? 'solid' : 'filled'} className="ns-task-tag">
      {t(`urgency.${urgency}`)}
    </Tag>
  );
}
