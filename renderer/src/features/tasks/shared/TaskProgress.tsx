import { Progress, theme, type ProgressProps } from 'antd';
import type { TaskBucket, TaskStatus } from '../../../../../shared/contract/index.ts';

interface Props extends Omit<ProgressProps, 'percent' | 'status' | 'strokeColor'> {
  percent: number;
  status: TaskStatus;
  bucket: TaskBucket | null;
}

/** Tiến độ: red while overdue, green once done, the percentage always written beside the bar. */
export function TaskProgress({ percent, status, bucket, ...props }: Props) {
  const { token } = theme.useToken();
  const color = bucket === 'open_late' ? token.colorError : status === 'done' ? token.colorSuccess : undefined;
  return <Progress percent={percent} status="normal" format={(p) => `${p ?? 0}%`} {...(color ? { strokeColor: color } : {})} {...props} />;
}
