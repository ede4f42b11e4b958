import { Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../common/useRun.ts';

interface LockDialogProps<T> {
  icon: ReactNode;
  title: string;
  /** What locking means (text locked, hash recorded, reopening needs a reason), said before it is done. */
  body: string;
  okText: string;
  done: string;
  /** Saves what was typed a moment ago first: what is locked is what is on the screen. */
  flush: () => Promise<boolean>;
  /** Locks it, based on the version the flush left (read when called). */
  lock: () => Promise<T>;
  onClose: () => void;
  onDone: (view: T) => void;
}

/** "Chốt biên bản" or "Ban hành" a notice: explains the lock, saves, then locks. */
export function LockDialog<T>({ icon, title, body, okText, done, flush, lock, onClose, onDone }: LockDialogProps<T>) {
  const { t } = useTranslation('minutes');
  const run = useRun();
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    setBusy(true);
    const view = await run(async () => {
      if (!(await flush())) throw new Error(t('status.unsaved'));
      return lock();
    }, done);
    setBusy(false);
    if (view) onDone(view);
  }

  return (
    <Modal
      open
      title={
        <span>
          {icon} {title}
        </span>
      }
      okText={okText}
      cancelText={t('cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{body}</Typography.Paragraph>
    </Modal>
  );
}
