import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_LIMITS, type CommitteeMember, type OpinionRequestDetail } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { errorText, showOnFields } from '../../common/errors.ts';
import { requiredMark } from '../../common/requiredMark.tsx';
import { DocumentsSelect } from '../tasks/shared/DocumentsSelect.tsx';
import { RecipientsField } from './RecipientsField.tsx';
import { useCommitteeRecipients } from './useCommitteeRecipients.ts';

interface Values {
  committeeId?: string;
  title: string;
  body: string;
  questions: string[];
  deadline?: Dayjs;
  documentIds: string[];
  recipientIds: string[];
}

const FIELDS = ['committeeId', 'title', 'body', 'questions', 'deadline', 'documentIds', 'recipientIds'] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved: (request: OpinionRequestDetail) => void;
}

/** "Tạo đợt lấy ý kiến": which committee, what is asked, by when, with which documents, and whom. */
export function OpinionFormDrawer({ open, onClose, onSaved }: Props) {
  const { t } = useTranslation('opinions');
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const bridge = useBridge();
  const { message } = AntApp.useApp();

  async function submit(values: Values): Promise<void> {
    if (saving || !values.committeeId || !values.deadline) return;
    setSaving(true);
    setFailure(null);
    try {
      const created = await bridge.invoke('opinions.create', {
        committeeId: values.committeeId,
        title: values.title,
        body: values.body?.trim() ? values.body : undefined,
        questions: values.questions.map((q) => q.trim()),
        deadline: values.deadline.format('YYYY-MM-DD'),
        documentIds: values.documentIds,
        recipientIds: values.recipientIds,
      });
      void message.success(t('form.created', { title: created.title }));
      onSaved(created);
    } catch (error) {
      if (!showOnFields(form, error, FIELDS)) setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  /** Ctrl+Enter anywhere in the form creates the request, as the other forms save. */
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) setFailure(null);
      }}
      size={720}
      destroyOnHidden
      title={t('form.title')}
      footer={
        <Flex gap="small" justify="end" align="center">
          <Typography.Text type="secondary" className="ns-shortcut-hint">
            {t('form.submitHint')}
          </Typography.Text>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('form.create')}
          </Button>
        </Flex>
      }
    >
      <div onKeyDown={onKeyDown}>
        {failure ? <Alert type="error" showIcon className="ns-block" title={t('form.saveFailed', { message: failure })} /> : null}
        <OpinionFormFields form={form} saving={saving} onFinish={(v) => void submit(v)} />
      </div>
    </Drawer>
  );
}

function OpinionFormFields({ form, saving, onFinish }: { form: ReturnType<typeof Form.useForm<Values>>[0]; saving: boolean; onFinish: (v: Values) => void }) {
  const { t } = useTranslation('opinions');
  const bridge = useBridge();
  const loadCommittees = useCallback(() => bridge.invoke('committees.list', {}), [bridge]);
  const { state: committees } = useCoreData(loadCommittees, ['directory']);
  const committeeId = Form.useWatch('committeeId', form);
  // A committee chosen: everyone it would ask is ticked; the secretariat unticks who is left out.
  const tickAll = useCallback((people: CommitteeMember[]) => form.setFieldValue('recipientIds', people.map((p) => p.personId!)), [form]);
  const candidates = useCommitteeRecipients(committeeId, tickAll);

  return (
    <Form<Values>
      form={form}
      name="opinion"
      layout="vertical"
      requiredMark={requiredMark}
      initialValues={{ title: '', body: '', questions: [''], deadline: dayjs().add(7, 'day'), documentIds: [], recipientIds: [] }}
      onFinish={onFinish}
      scrollToFirstError
      disabled={saving}
    >
      <Form.Item name="committeeId" label={t('form.committee')} rules={[{ required: true, message: t('form.committeeRequired') }]}>
        <Select<string>
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('form.committeePlaceholder')}
          loading={committees.status === 'loading'}
          notFoundContent={t('form.noCommittees')}
          options={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('form.titleLabel')}
        rules={[
          { required: true, whitespace: true, message: t('form.titleRequired') },
          { max: 500, message: t('form.titleRequired') },
        ]}
      >
        <Input placeholder={t('form.titlePlaceholder')} maxLength={500} />
      </Form.Item>
      <Form.Item name="body" label={t('form.body')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('form.bodyPlaceholder')} maxLength={10_000} />
      </Form.Item>

      <fieldset className="ns-fieldset">
        <legend>{t('form.questions')}</legend>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap="small" align="start">
                  <Form.Item
                    name={field.name}
                    label={t('form.question', { number: index + 1 })}
                    className="ns-opinion-question"
                    rules={[{ required: true, whitespace: true, message: t('form.questionRequired') }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} placeholder={t('form.questionPlaceholder')} maxLength={OPINION_LIMITS.questionChars} />
                  </Form.Item>
                  <Button
                    className="ns-opinion-question-remove"
                    icon={<DeleteOutlined />}
                    aria-label={t('form.removeQuestion', { number: index + 1 })}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= OPINION_LIMITS.questions} onClick={() => add('')}>
                {t('form.addQuestion')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="deadline" label={t('form.deadline')} rules={[{ required: true, message: t('form.deadlineRequired') }]} extra={t('form.deadlineHint')}>
            <DatePicker
              format="DD/MM/YYYY"
              className="ns-full-width"
              placeholder={t('form.datePlaceholder')}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="documentIds" label={t('form.documents')} extra={t('form.documentsHint')}>
            <DocumentsSelect placeholder={t('form.documentsPlaceholder')} maxTagCount="responsive" />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item
        name="recipientIds"
        label={t('form.recipients')}
        extra={t('form.recipientsHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('form.recipientsRequired') }]}
      >
        <RecipientsField candidates={candidates} />
      </Form.Item>
    </Form>
  );
}
