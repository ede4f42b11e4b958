import { Alert, App as AntApp, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary, TaskDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { errorText } from '../../../common/errors.ts';
import { requiredMark } from '../../../common/requiredMark.tsx';
import { OrganizationSelect, PersonSelect } from '../../meetings/shared/directoryOptions.tsx';
import { DocumentSelect } from '../shared/DocumentsSelect.tsx';
import { dmy } from '../shared/taskLabels.ts';
import { CoordinatingUnitsSelect } from '../shared/UnitPickers.tsx';
import {
  changesOf,
  CLASSIFICATIONS,
  deadlineLocked,
  emptyValues,
  inputOf,
  placeTaskIssues,
  REVIEW_PERIODS,
  sourceOf,
  URGENCIES,
  valuesOf,
  type TaskFormValues,
} from './taskFormValues.ts';
import { useWorkingDaysDate } from './useWorkingDaysDate.ts';

/** The task to correct (tasks.update) instead of a new one. */
export interface TaskEdit {
  /** The task as it was when the drawer opened: the form starts from it, and its version is the one the change is based on. */
  task: TaskDetail;
  /** The task read again after another window changed it ("Tải lại"): the page shows it, and the form starts over from it. */
  onReloaded: (task: TaskDetail) => void;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (task: TaskDetail) => void;
  /** The văn bản chỉ đạo the task is given from (the document's page): chosen, its trích yếu as the content. */
  document?: DocumentSummary;
  /** Sửa nhiệm vụ: the form prefilled from the task, and only what changed sent. */
  edit?: TaskEdit;
}

/**
 * Giao nhiệm vụ mới: from which document if any, what, who leads and who coordinates, by when, how
 * urgent. With `edit`, the same form corrects a task: the source and the date assigned stay, the
 * deadline too once an extension was approved, and a change made elsewhere meanwhile is refused.
 */
export function TaskFormDrawer({ open, onClose, onSaved, document, edit }: Props) {
  const { t } = useTranslation('tasks');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TaskFormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  async function submit(values: TaskFormValues): Promise<void> {
    if (saving || conflict) return;
    setFailure(null);
    if (edit) {
      const changes = changesOf(edit.task, values);
      if (Object.keys(changes).length === 0) {
        void message.info(t('form.noChanges'));
        onClose();
        return;
      }
      setSaving(true);
      try {
        const task = await bridge.invoke('tasks.update', { id: edit.task.id, baseVersion: edit.task.version, changes });
        void message.success(t('form.updated'));
        onSaved(task);
      } catch (error) {
        if (error instanceof BridgeError && error.code === 'CONFLICT') setConflict(true);
        else if (!placeTaskIssues(form, error)) setFailure(errorText(error));
      } finally {
        setSaving(false);
      }
      return;
    }
    setSaving(true);
    try {
      const task = await bridge.invoke('tasks.create', { source: sourceOf(values), task: inputOf(values) });
      void message.success(t('form.created'));
      onSaved(task);
    } catch (error) {
      if (!placeTaskIssues(form, error)) setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  /** After a conflict: the task as it is now, and the form starting over from it. */
  async function reload(): Promise<void> {
    if (!edit || reloading) return;
    setReloading(true);
    try {
      const fresh = await bridge.invoke('tasks.get', { id: edit.task.id });
      edit.onReloaded(fresh);
      const values = valuesOf(fresh);
      form.setFields((Object.keys(values) as Array<keyof TaskFormValues>).map((name) => ({ name, value: values[name], errors: [] })));
      setConflict(false);
      setFailure(null);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setReloading(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) {
          setFailure(null);
          setConflict(false);
        }
      }}
      size={720}
      destroyOnHidden
      title={edit ? t('form.editTitle') : document ? t('form.fromDocumentTitle') : t('form.createTitle')}
      footer={
        <Flex gap="small" justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={conflict} onClick={() => form.submit()}>
            {edit ? t('form.save') : t('form.create')}
          </Button>
        </Flex>
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          className="ns-block ns-task-conflict"
          title={t('form.conflictTitle')}
          description={t('form.conflictBody')}
          action={
            <Button size="small" type="primary" loading={reloading} onClick={() => void reload()}>
              {t('form.reload')}
            </Button>
          }
        />
      ) : null}
      <TaskFormFields
        form={form}
        document={document}
        task={edit?.task}
        failure={failure}
        saving={saving}
        onFinish={(values) => void submit(values)}
      />
    </Drawer>
  );
}

interface FieldsProps {
  form: FormInstance<TaskFormValues>;
  document: DocumentSummary | undefined;
  /** Edit mode: the task the form starts from. */
  task: TaskDetail | undefined;
  failure: string | null;
  saving: boolean;
  onFinish: (values: TaskFormValues) => void;
}

/** What a document brings to a task: its trích yếu as the content, its độ khẩn and độ mật. */
function fromDocument(doc: DocumentSummary): Pick<TaskFormValues, 'documentId' | 'content' | 'urgency' | 'classification'> {
  return { documentId: doc.id, content: doc.summary ?? '', urgency: doc.urgency, classification: doc.classification };
}

function TaskFormFields({ form, document, task, failure, saving, onFinish }: FieldsProps) {
  const { t } = useTranslation('tasks');
  const [initial] = useState<TaskFormValues>(() => (task ? valuesOf(task) : { ...emptyValues(), ...(document ? fromDocument(document) : {}) }));
  const editing = task !== undefined;
  /** An approved extension carries the deadline: shown, not editable. */
  const locked = task ? deadlineLocked(task) : false;
  const [preset] = useState(() => (document ? [document] : []));
  /** The content last filled from a document: replaced when another document is chosen, unless the user edited it. */
  const filled = useRef(initial.content);

  /** A document chosen: the content, urgency and classification follow it where the user has not given their own. */
  function chose(doc: DocumentSummary | null): void {
    if (!doc) return;
    const from = fromDocument(doc);
    const current = form.getFieldsValue(['content', 'urgency', 'classification']) as Pick<TaskFormValues, 'content' | 'urgency' | 'classification'>;
    const patch: Partial<TaskFormValues> = {};
    if (from.content && (!current.content?.trim() || current.content === filled.current)) {
      patch.content = from.content;
      filled.current = from.content;
    }
    if (current.urgency === 'normal') patch.urgency = from.urgency;
    if (current.classification === 'normal') patch.classification = from.classification;
    form.setFieldsValue(patch);
  }

  const leadUnit = Form.useWatch('leadUnit', form);
  const deadlineKind = Form.useWatch('deadlineKind', form) ?? initial.deadlineKind;
  const assignedOn = Form.useWatch('assignedOn', form);
  const workingDays = Form.useWatch('workingDays', form);
  const computed = useWorkingDaysDate(assignedOn ? assignedOn.format('YYYY-MM-DD') : null, workingDays ?? null, deadlineKind === 'working_days');

  return (
    <>
      {failure ? <Alert type="error" showIcon className="ns-block" title={t(editing ? 'form.updateFailed' : 'form.saveFailed', { message: failure })} /> : null}
      <Form<TaskFormValues>
        form={form}
        name="task"
        layout="vertical"
        requiredMark={requiredMark}
        initialValues={initial}
        onFinish={onFinish}
        scrollToFirstError
        disabled={saving}
        // Edit mode: a drawer opened again starts from the task, not from what was typed and given up.
        clearOnDestroy={editing}
      >
        {/* The source of a task is where it came from: the page shows it, an edit does not change it. */}
        {editing ? null : (
          <Form.Item name="documentId" label={t('form.document')} extra={t('form.documentHint')}>
            <DocumentSelect preset={preset} onDocument={chose} />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label={t('form.content')}
          rules={[
            { required: true, whitespace: true, message: t('form.contentRequired') },
            { max: 4000, message: t('form.tooLong', { max: 4000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('form.contentPlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item name="expectedResult" label={t('form.expectedResult')} rules={[{ max: 1000, message: t('form.tooLong', { max: 1000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('form.expectedResultPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="leadUnit" label={t('form.leadUnit')} rules={[{ required: true, message: t('form.leadUnitRequired') }]}>
              <OrganizationSelect
                placeholder={t('form.leadUnitPlaceholder')}
                onChange={(value) => {
                  // A unit cannot lead and coordinate the same task.
                  const coordinating = (form.getFieldValue('coordinatingUnits') as string[] | undefined) ?? [];
                  if (value && coordinating.includes(value)) form.setFieldValue('coordinatingUnits', coordinating.filter((u) => u !== value));
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="coordinatingUnits" label={t('form.coordinatingUnits')}>
              <CoordinatingUnitsSelect exclude={leadUnit} maxTagCount="responsive" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="personInCharge" label={t('form.personInCharge')} rules={[{ max: 200, message: t('form.tooLong', { max: 200 }) }]}>
              <Input placeholder={t('form.personInChargePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="supervisorId" label={t('form.supervisor')}>
              <PersonSelect />
            </Form.Item>
          </Col>
        </Row>

        <fieldset className="ns-fieldset ns-task-deadline">
          <legend>{t('form.deadline')}</legend>
          {locked ? <Alert type="info" showIcon className="ns-block ns-task-deadline-locked" title={t('form.deadlineLocked')} /> : null}
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item
                name="assignedOn"
                label={t('form.assignedOn')}
                rules={editing ? [] : [{ required: true, message: t('form.assignedOnRequired') }]}
                extra={editing ? t('form.assignedOnFixed') : undefined}
              >
                <DatePicker format="DD/MM/YYYY" allowClear={false} className="ns-full-width" disabled={editing || undefined} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="deadlineKind" label={t('form.deadlineKind')}>
                <Radio.Group
                  disabled={locked || undefined}
                  optionType="button"
                  options={[
                    { value: 'date', label: t('deadline.date') },
                    { value: 'working_days', label: t('deadline.working_days') },
                    { value: 'ongoing', label: t('deadline.ongoing') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
          {deadlineKind === 'date' ? (
            <Form.Item
              name="deadlineDate"
              label={t('form.deadlineDate')}
              dependencies={['assignedOn']}
              rules={[
                { required: true, message: t('form.deadlineDateRequired') },
                ({ getFieldValue }) => ({
                  validator(_, value: TaskFormValues['deadlineDate']) {
                    const from = getFieldValue('assignedOn') as TaskFormValues['assignedOn'] | undefined;
                    if (value && from && value.isBefore(from, 'day')) return Promise.reject(new Error(t('form.deadlineBeforeAssigned')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" className="ns-task-date" placeholder={t('form.datePlaceholder')} disabled={locked || undefined} />
            </Form.Item>
          ) : deadlineKind === 'working_days' ? (
            <Flex gap="middle" align="center" wrap>
              <Form.Item
                name="workingDays"
                label={t('form.workingDays')}
                rules={[{ required: true, message: t('form.workingDaysRequired') }]}
                className="ns-task-days-item"
              >
                <InputNumber min={1} max={3650} precision={0} className="ns-task-days" disabled={locked || undefined} />
              </Form.Item>
              <Typography.Text type="secondary" aria-live="polite" className="ns-task-computed">
                {computed.loading ? t('form.computing') : computed.date ? t('form.computedDate', { date: dmy(computed.date) }) : null}
              </Typography.Text>
            </Flex>
          ) : (
            <Form.Item name="review" label={t('form.review')} extra={t('form.ongoingHint')}>
              <Select className="ns-task-review" disabled={locked || undefined} options={REVIEW_PERIODS.map((r) => ({ value: r, label: t(`review.${r}`) }))} />
            </Form.Item>
          )}
        </fieldset>

        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="urgency" label={t('form.urgency')}>
              <Select options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="classification" label={t('form.classification')}>
              <Select options={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`classification.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="tags" label={t('form.tags')} rules={[{ type: 'array', max: 20, message: t('form.tooManyTags') }]}>
              <Select mode="tags" tokenSeparators={[',']} placeholder={t('form.tagsPlaceholder')} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </>
  );
}
