import { SendOutlined } from '@ant-design/icons';
import { Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeView } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useRun } from '../../../common/useRun.ts';

interface IssueDialogProps {
  meetingId: string;
  number: string;
  flush: () => Promise<boolean>;
  version: () => number;
  onClose: () => void;
  onDone: (view: NoticeView) => void;
}

/** "Ban hành": says what issuing means (locked, hash over text, number, Nơi nhận and signer) before doing it. */
export function IssueDialog({ meetingId, number, flush, version, onClose, onDone }: IssueDialogProps) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const [busy, setBusy] = useState(false);

  async function issue(): Promise<void> {
    setBusy(true);
    const view = await run(async () => {
      if (!(await flush())) throw new Error(t('status.unsaved'));
      return bridge.invoke('notice.issue', { meetingId, baseVersion: version() });
    }, t('notice.issue.done'));
    setBusy(false);
    if (view) onDone(view);
  }

  return (
    <Modal
      open
      title={
        <span>
          <SendOutlined /> {t('notice.issue.title', { number })}
        </span>
      }
      okText={t('notice.issue.ok')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void issue()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('notice.issue.body')}</Typography.Paragraph>
    </Modal>
  );
}
