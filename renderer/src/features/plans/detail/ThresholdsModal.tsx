import { Alert, App as AntApp, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary, PlanThresholds } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { errorText } from '../../../common/errors.ts';

/** Ngưỡng đánh giá: from which rate a target is gần đạt and đạt (plans.setThresholds). */
export function ThresholdsModal({ plan, onClose, onSaved }: { plan: PlanSummary; onClose: () => void; onSaved: (plan: PlanSummary) => void }) {
  const { t } = useTranslation('plans');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlanThresholds>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(thresholds: PlanThresholds): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      const saved = await bridge.invoke('plans.setThresholds', { planId: plan.id, thresholds });
      void message.success(t('thresholds.saved'));
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  const percent = { min: 1, max: 1000, step: 1, suffix: '%', className: 'ns-plan-threshold-input' } as const;
  return (
    <Modal
      open
      title={t('thresholds.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={460}
    >
      <Typography.Paragraph type="secondary" className="ns-small">
        {t('thresholds.hint')}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} className="ns-block" /> : null}
      <Form<PlanThresholds> form={form} name="ns-plan-thresholds" layout="vertical" requiredMark={requiredMark} initialValues={plan.thresholds} onFinish={(v) => void submit(v)}>
        <Form.Item name="metPercent" label={t('thresholds.met')} rules={[{ required: true, type: 'number', min: 1, max: 1000, message: t('thresholds.required') }]}>
          <InputNumber {...percent} />
        </Form.Item>
        <Form.Item
          name="nearPercent"
          label={t('thresholds.near')}
          dependencies={['metPercent']}
          rules={[
            { required: true, type: 'number', min: 1, max: 1000, message: t('thresholds.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                value === null || value === undefined || value <= Number(getFieldValue('metPercent')) ? Promise.resolve() : Promise.reject(new Error(t('thresholds.order'))),
            }),
          ]}
        >
          <InputNumber {...percent} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
