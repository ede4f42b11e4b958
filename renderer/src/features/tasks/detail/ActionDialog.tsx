import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Slider, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDetail, TaskExtension } from '../../../../../shared/contract/index.ts';
import { todayKey } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { useRun } from '../../../common/useRun.ts';
import { DocumentsSelect } from '../shared/DocumentsSelect.tsx';
import { dmy } from '../shared/taskLabels.ts';

export type TaskAction =
  | 'report'
  | 'complete'
  | 'accept'
  | 'return'
  | 'pause'
  | 'resume'
  | 'cancel'
  | 'requestExtension'
  | 'approve'
  | 'refuse'
  | 'remind';

interface Values {
  percent?: number;
  text?: string;
  documentIds?: string[];
  date?: Dayjs;
  to?: Dayjs;
  reason?: string;
  note?: string;
}

interface Props {
  action: TaskAction;
  task: TaskDetail;
  /** The pending extension an approve or refuse decides. */
  extension?: TaskExtension;
  onClose: () => void;
  onDone: (task: TaskDetail) => void;
}

/** One action on a task: what it needs (a percentage, a text, a date, a reason), then the core's answer. */
export function ActionDialog({ action, task, extension, onClose, onDone }: Props) {
  const { t } = useTranslation('tasks');
  const bridge = useBridge();
  const run = useRun();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const percent = Form.useWatch('percent', form);

  const initial: Values =
    action === 'report'
      ? { percent: task.percent, text: '', documentIds: [] }
      : action === 'complete'
        ? { date: dayjs(todayKey()), text: '', documentIds: [] }
        : {};

  function call(v: Values): Promise<TaskDetail> {
    const id = task.id;
    const note = v.note?.trim() || null;
    switch (action) {
      case 'report':
        return bridge.invoke('tasks.report', { id, percent: v.percent ?? 0, text: v.text?.trim() ?? '', documentIds: v.documentIds ?? [] });
      case 'complete':
        return bridge.invoke('tasks.complete', {
          id,
          ...(v.date ? { date: v.date.format('YYYY-MM-DD') } : {}),
          text: v.text?.trim() || null,
          documentIds: v.documentIds ?? [],
        });
      case 'accept':
        return bridge.invoke('tasks.accept', { id });
      case 'return':
        return bridge.invoke('tasks.return', { id, reason: v.reason?.trim() ?? '' });
      case 'pause':
        return bridge.invoke('tasks.pause', { id, reason: v.reason?.trim() ?? '' });
      case 'resume':
        return bridge.invoke('tasks.resume', { id });
      case 'cancel':
        return bridge.invoke('tasks.cancel', { id, reason: v.reason?.trim() ?? '' });
      case 'requestExtension':
        return bridge.invoke('tasks.requestExtension', { id, to: v.to?.format('YYYY-MM-DD') ?? '', reason: v.reason?.trim() ?? '' });
      case 'approve':
      case 'refuse':
        return bridge.invoke('tasks.decideExtension', { extensionId: extension?.id ?? '', approve: action === 'approve', note });
      case 'remind':
        return bridge.invoke('tasks.remind', { id, note });
    }
  }

  async function submit(): Promise<void> {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const result = await run(() => call(values), t(`actions.${action}.done`));
    setBusy(false);
    if (result) onDone(result);
  }

  const reasonField = (label: string) => (
    <Form.Item
      name="reason"
      label={label}
      rules={[
        { required: true, whitespace: true, message: t('actions.reasonRequired') },
        { max: 1000, message: t('form.tooLong', { max: 1000 }) },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
    </Form.Item>
  );
  const noteField = (
    <Form.Item name="note" label={t('actions.note')} rules={[{ max: 1000, message: t('form.tooLong', { max: 1000 }) }]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t(`actions.${action}.title`)}
      okText={t(`actions.${action}.ok`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, danger: action === 'cancel' || action === 'refuse' }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={action === 'report' || action === 'complete' ? 640 : 520}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" className="ns-task-dialog-task">
        {task.content}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={requiredMark} initialValues={initial} onFinish={() => void submit()}>
        {action === 'report' ? (
          <>
            <Form.Item label={t('actions.percent')} required>
              <Row gutter={12} align="middle">
                <Col flex="auto">
                  <Slider min={0} max={100} step={5} value={percent ?? 0} onChange={(v) => form.setFieldValue('percent', v)} ariaLabelForHandle={t('actions.percentSlider')} />
                </Col>
                <Col>
                  <Form.Item name="percent" noStyle rules={[{ required: true, message: t('actions.percentRequired') }]}>
                    <InputNumber min={0} max={100} precision={0} suffix="%" aria-label={t('actions.percent')} className="ns-task-percent" autoFocus />
                  </Form.Item>
                </Col>
              </Row>
            </Form.Item>
            <Form.Item
              name="text"
              label={t('actions.reportText')}
              rules={[
                { required: true, whitespace: true, message: t('actions.reportTextRequired') },
                { max: 4000, message: t('form.tooLong', { max: 4000 }) },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('actions.reportTextPlaceholder')} />
            </Form.Item>
            <Form.Item name="documentIds" label={t('actions.documents')} extra={t('actions.documentsHint')}>
              <DocumentsSelect />
            </Form.Item>
          </>
        ) : null}
        {action === 'complete' ? (
          <>
            <Form.Item name="date" label={t('actions.completedOn')} rules={[{ required: true, message: t('actions.completedOnRequired') }]}>
              <DatePicker format="DD/MM/YYYY" allowClear={false} />
            </Form.Item>
            <Form.Item name="text" label={t('actions.completeText')} rules={[{ max: 4000, message: t('form.tooLong', { max: 4000 }) }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('actions.completeTextPlaceholder')} autoFocus />
            </Form.Item>
            <Form.Item name="documentIds" label={t('actions.resultDocuments')} extra={t('actions.documentsHint')}>
              <DocumentsSelect />
            </Form.Item>
          </>
        ) : null}
        {action === 'accept' ? <Typography.Paragraph>{t('actions.accept.body')}</Typography.Paragraph> : null}
        {action === 'resume' ? <Typography.Paragraph>{t('actions.resume.body')}</Typography.Paragraph> : null}
        {action === 'return' ? reasonField(t('actions.returnReason')) : null}
        {action === 'pause' ? reasonField(t('actions.pauseReason')) : null}
        {action === 'cancel' ? (
          <>
            <Alert type="warning" showIcon className="ns-block" title={t('actions.cancel.body')} />
            {reasonField(t('actions.cancelReason'))}
          </>
        ) : null}
        {action === 'requestExtension' ? (
          <>
            <Typography.Paragraph>
              {t('actions.requestExtension.body', { date: dmy(task.dueDate) })}
            </Typography.Paragraph>
            <Form.Item
              name="to"
              label={t('actions.extendTo')}
              rules={[
                { required: true, message: t('actions.extendToRequired') },
                {
                  validator: (_, value: Dayjs | undefined) =>
                    value && task.dueDate && !value.isAfter(dayjs(task.dueDate), 'day')
                      ? Promise.reject(new Error(t('actions.extendToAfter', { date: dmy(task.dueDate) })))
                      : Promise.resolve(),
                },
              ]}
            >
              <DatePicker format="DD/MM/YYYY" autoFocus placeholder={t('form.datePlaceholder')} />
            </Form.Item>
            {reasonField(t('actions.extensionReason'))}
          </>
        ) : null}
        {(action === 'approve' || action === 'refuse') && extension ? (
          <>
            <Typography.Paragraph>
              {t('actions.decideBody', { from: dmy(extension.fromDate), to: dmy(extension.toDate) })}
              <br />
              <Typography.Text type="secondary">{t('actions.decideReason', { reason: extension.reason })}</Typography.Text>
            </Typography.Paragraph>
            {action === 'approve' && !extension.inTime ? <Alert type="info" showIcon className="ns-block" title={t('extensions.lateRequest')} /> : null}
            {noteField}
          </>
        ) : null}
        {action === 'remind' ? (
          <>
            <Typography.Paragraph>{t('actions.remind.body', { unit: task.leadUnit.name })}</Typography.Paragraph>
            {noteField}
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
