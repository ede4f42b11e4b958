import { Alert, App as AntApp, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTarget, TargetActual } from '../../../../../shared/contract/index.ts';
import { targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { timeDateVi } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { useLang } from '../../../common/useLang.ts';
import { DocumentSelect } from '../../tasks/shared/DocumentsSelect.tsx';
import { formatNumber, parseFigure } from '../shared/planLabels.ts';

interface Values {
  period: string;
  value: string;
  note?: string;
  evidenceDocumentId?: string | null;
}

const NOTE_MAX = 2000;

/**
 * "Báo cáo số liệu": the value of one target for a period (the Vietnamese decimal comma accepted),
 * with a note. A correction is a new report; the screen says so when a value is already there.
 */
export function ReportValueModal({
  target,
  periods,
  period,
  onClose,
  onSaved,
}: {
  target: PlanTarget;
  periods: readonly string[];
  period: string;
  onClose: () => void;
  onSaved: (actual: TargetActual) => void;
}) {
  const { t } = useTranslation('plans');
  const lang = useLang();
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = Form.useWatch('period', form) ?? period;
  const typed = Form.useWatch('value', form) ?? '';
  const parsed = parseFigure(typed);
  const goal = target.goals[chosen];
  const current = target.actuals[chosen];

  async function submit(values: Values): Promise<void> {
    const value = parseFigure(values.value);
    if (value === null) return;
    const note = values.note?.trim();
    setSaving(true);
    setError(null);
    try {
      const actual = await bridge.invoke('targets.report', {
        targetId: target.id,
        period: values.period,
        value,
        ...(note ? { note } : {}),
        ...(values.evidenceDocumentId ? { evidenceDocumentId: values.evidenceDocumentId } : {}),
      });
      void message.success(
        t('report.done', { period: targetPeriodLabel(values.period, lang), name: target.name, value: formatNumber(value, lang, 4), measure: target.measure }),
      );
      onSaved(actual);
    } catch (e) {
      if (!showOnFields(form, e, ['period', 'value', 'note', 'evidenceDocumentId'])) setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('report.title')}
      okText={t('report.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      maskClosable={false}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph className="ns-plan-report-target">
        <Typography.Text type="secondary">{t('report.target')}: </Typography.Text>
        <Typography.Text strong>{target.name}</Typography.Text>
        {target.ownerUnit ? <Typography.Text type="secondary"> — {target.ownerUnit.name}</Typography.Text> : null}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} className="ns-block" /> : null}
      <Form<Values> form={form} name="ns-plan-report" layout="vertical" requiredMark={requiredMark} initialValues={{ period, value: '', note: '' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="period" label={t('report.period')} rules={[{ required: true }]}>
          <Select<string> options={periods.map((p) => ({ value: p, label: targetPeriodLabel(p, lang) }))} popupMatchSelectWidth={false} />
        </Form.Item>
        {goal !== undefined ? (
          <Typography.Paragraph type="secondary" className="ns-small ns-plan-report-goal">
            {t('report.goal', { value: formatNumber(goal, lang, 4), measure: target.measure })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item
          name="value"
          label={t('report.value')}
          extra={parsed !== null ? t('report.willSave', { value: formatNumber(parsed, lang, 4), measure: target.measure }) : t('report.valueHint')}
          rules={[
            { required: true, whitespace: true, message: t('report.valueRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || value.trim() === '' || parseFigure(value) !== null ? Promise.resolve() : Promise.reject(new Error(t('report.valueInvalid'))),
            },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" autoFocus suffix={<span className="ns-plan-measure">{target.measure}</span>} />
        </Form.Item>
        {current ? (
          <Typography.Paragraph type="secondary" className="ns-small">
            {t('report.current', { value: formatNumber(current.value, lang, 4), measure: target.measure, when: timeDateVi(current.reportedAt) })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="note" label={t('report.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={NOTE_MAX} placeholder={t('report.notePlaceholder')} />
        </Form.Item>
        <Form.Item name="evidenceDocumentId" label={t('report.evidence')} extra={t('report.evidenceHint')}>
          <DocumentSelect allowClear placeholder={t('report.evidencePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
