import { LockOutlined } from '@ant-design/icons';
import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';

interface FinalizeDialogProps {
  meetingId: string;
  flush: () => Promise<boolean>;
  version: () => number;
  onClose: () => void;
  onDone: (view: MinutesView) => void;
}

/** "Chốt biên bản": says what locking means (text locked, hash recorded) before doing it. */
export function FinalizeDialog({ meetingId, flush, version, onClose, onDone }: FinalizeDialogProps) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const [busy, setBusy] = useState(false);

  async function finalize(): Promise<void> {
    setBusy(true);
    const view = await run(async () => {
      if (!(await flush())) throw new Error(t('status.unsaved'));
      return bridge.invoke('minutes.finalize', { meetingId, baseVersion: version() });
    }, t('finalize.done'));
    setBusy(false);
    if (view) onDone(view);
  }

  return (
    <Modal
      open
      title={
        <span>
          <LockOutlined /> {t('finalize.title')}
        </span>
      }
      okText={t('finalize.ok')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void finalize()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('finalize.body')}</Typography.Paragraph>
    </Modal>
  );
}
