import type { LocalizedText, TaskStatus } from '../../../../shared/contract/index.ts';
import { CoreError } from '../../errors.ts';

/** What can be done to a task, and from which statuses (Quy chế theo dõi, đôn đốc nhiệm vụ). */
export type TaskAction = 'report' | 'complete' | 'accept' | 'return' | 'pause' | 'resume' | 'cancel' | 'extend' | 'remind' | 'update';

const OPEN: readonly TaskStatus[] = ['assigned', 'in_progress', 'returned'];

const allowed: Record<TaskAction, readonly TaskStatus[]> = {
  report: OPEN,
  complete: OPEN,
  accept: ['done_requested'],
  return: ['done_requested'],
  pause: OPEN,
  resume: ['paused'],
  cancel: [...OPEN, 'paused', 'done_requested'],
  extend: [...OPEN, 'paused'],
  remind: [...OPEN, 'paused'],
  update: [...OPEN, 'paused', 'done_requested'],
};

const statusWords: Record<TaskStatus, LocalizedText> = {
  assigned: { vi: 'mới giao', en: 'newly assigned' },
  in_progress: { vi: 'đang thực hiện', en: 'in progress' },
  done_requested: { vi: 'đã báo hoàn thành, chờ xác nhận', en: 'reported done, awaiting acceptance' },
  done: { vi: 'đã hoàn thành', en: 'done' },
  returned: { vi: 'bị trả lại', en: 'returned' },
  paused: { vi: 'đang tạm dừng', en: 'paused' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
};

const actionWords: Record<TaskAction, LocalizedText> = {
  report: { vi: 'báo cáo tiến độ', en: 'report progress on it' },
  complete: { vi: 'báo hoàn thành', en: 'report it done' },
  accept: { vi: 'xác nhận hoàn thành', en: 'accept it as done' },
  return: { vi: 'trả lại', en: 'return it' },
  pause: { vi: 'tạm dừng', en: 'pause it' },
  resume: { vi: 'tiếp tục', en: 'resume it' },
  cancel: { vi: 'hủy', en: 'cancel it' },
  extend: { vi: 'gia hạn', en: 'extend it' },
  remind: { vi: 'đôn đốc', en: 'send a reminder' },
  update: { vi: 'sửa', en: 'edit it' },
};

/** Refuses an action the task's status does not allow, saying both what it is and what was tried. */
export function assertAllowed(action: TaskAction, status: TaskStatus): void {
  if (allowed[action].includes(status)) return;
  const s = statusWords[status];
  const a = actionWords[action];
  throw new CoreError(
    'INVALID_STATE',
    { vi: `Nhiệm vụ ${s.vi}: không thể ${a.vi}.`, en: `The task is ${s.en}: you cannot ${a.en}.` },
    { status, action },
  );
}
