import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../common/useRun.ts';

/**
 * "Mở lại": unlocks finalized minutes or an issued notice; the reason is required and kept in the
 * history and the audit log.
 */
export function ReopenDialog<T>({
  texts,
  reopen,
  onClose,
  onDone,
}: {
  /** 'reopen' for the minutes, 'notice.reopen' for the conclusion notice. */
  texts: 'reopen' | 'notice.reopen';
  reopen: (reason: string) => Promise<T>;
  onClose: () => void;
  onDone: (view: T) => void;
}) {
  const { t } = useTranslation('minutes');
  const run = useRun();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    const { reason } = await form.validateFields();
    setBusy(true);
    const view = await run(() => reopen(reason.trim()), t(`${texts}.done`));
    setBusy(false);
    if (view) onDone(view);
  }

  return (
    <Modal
      open
      title={t(`${texts}.title`)}
      okText={t('reopen.ok')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t(`${texts}.body`)}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('reopen.reason')} rules={[{ required: true, whitespace: true, message: t('reopen.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
