import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';

/** "Mở lại": unlocks finalized minutes; the reason is required and kept in the history. */
export function ReopenDialog({ meetingId, onClose, onDone }: { meetingId: string; onClose: () => void; onDone: (view: MinutesView) => void }) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function reopen(): Promise<void> {
    const { reason } = await form.validateFields();
    setBusy(true);
    const view = await run(() => bridge.invoke('minutes.reopen', { meetingId, reason: reason.trim() }), t('reopen.done'));
    setBusy(false);
    if (view) onDone(view);
  }

  return (
    <Modal open title={t('reopen.title')} okText={t('reopen.ok')} cancelText={t('cancel')} okButtonProps={{ loading: busy }} onOk={() => void reopen().catch(() => undefined)} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{t('reopen.body')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('reopen.reason')} rules={[{ required: true, whitespace: true, message: t('reopen.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
