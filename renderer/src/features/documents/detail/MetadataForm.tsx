import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  classification,
  urgency,
  type DocumentDetail,
} from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { CardTitle } from '../shared/CardTitle.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { useDocumentTypes } from '../shared/useDocumentTypes.ts';
import { changes, METADATA_FIELDS, toValues, type MetadataValues } from './metadataValues.ts';

interface MetadataFormProps {
  doc: DocumentDetail;
  onSaved(doc: DocumentDetail): void;
}

/**
 * The document's official metadata (Nghị định 30/2020, Phụ lục VI). What import recognised on the
 * first page is only a proposal: every field stays editable.
 */
export function MetadataForm({ doc, onSaved }: MetadataFormProps) {
  const { t } = useTranslation('documents');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const types = useDocumentTypes();
  const [form] = Form.useForm<MetadataValues>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => toValues(doc), [doc]);
  const watched = Form.useWatch([], form) as Partial<MetadataValues> | undefined;
  const dirty =
    watched !== undefined &&
    (Object.keys(changes(watched, doc)).length > 0 || (watched.fileName ?? doc.fileName).trim() !== doc.fileName);

  // The document can change under the form (another window, a pack): follow it in fields the user
  // has not touched, never overwrite what they are typing.
  useEffect(() => {
    for (const key of METADATA_FIELDS) {
      if (!form.isFieldTouched(key)) form.setFieldValue(key, initial[key]);
    }
  }, [form, initial]);

  async function submit(values: MetadataValues): Promise<void> {
    const patch = changes(values, doc);
    if (Object.keys(patch).length === 0) {
      void message.info(t('detail.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      const saved = await bridge.invoke('documents.update', { id: doc.id, ...patch });
      form.resetFields();
      form.setFieldsValue(toValues(saved));
      onSaved(saved);
      void message.success(t('detail.saved'));
    } catch (error) {
      if (!showOnFields(form, error, METADATA_FIELDS)) void message.error(t('detail.saveFailed', { message: errorText(error) }));
    } finally {
      setSaving(false);
    }
  }

  function revert(): void {
    form.resetFields();
    form.setFieldsValue(toValues(doc));
  }

  const recognised = doc.kind === 'pdf' && doc.createdAt === doc.updatedAt;

  return (
    <Card size="small" title={<CardTitle>{t('detail.metadata')}</CardTitle>} className="ns-doc-card">
      {recognised ? <Alert type="info" showIcon className="ns-doc-alert" title={t('detail.prefilled')} /> : null}
      <Form<MetadataValues>
        form={form}
        name="document-metadata"
        layout="vertical"
        initialValues={initial}
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        className="ns-doc-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={7}>
            <Form.Item label={t('fields.number')} name="number" rules={[{ max: 50, message: t('fields.tooLong', { max: 50 }) }]}>
              <Input placeholder="125" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              label={t('fields.notation')}
              name="notation"
              rules={[{ max: 100, message: t('fields.tooLong', { max: 100 }) }]}
            >
              <Input placeholder="TB-BCĐ" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('fields.issueDate')} name="issueDate">
              <DatePicker format="DD/MM/YYYY" placeholder={t('fields.datePlaceholder')} className="ns-doc-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item label={t('fields.type')} name="typeCode">
              <Select
                allowClear
                placeholder={t('fields.typePlaceholder')}
                options={types.map((item) => ({ value: item.code, label: item.label }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={15}>
            <Form.Item label={t('fields.issuer')} name="issuer" rules={[{ max: 300, message: t('fields.tooLong', { max: 300 }) }]}>
              <Input placeholder={t('fields.issuerPlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('fields.summary')} name="summary" rules={[{ max: 2000, message: t('fields.tooLong', { max: 2000 }) }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('fields.summaryPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('fields.classification')} name="classification">
              <Radio.Group
                optionType="button"
                aria-label={t('fields.classification')}
                options={classification.options.map((c) => ({ value: c, label: t(`classification.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('fields.urgency')} name="urgency">
              <Radio.Group
                optionType="button"
                aria-label={t('fields.urgency')}
                options={urgency.options.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label={t('fields.fileName')}
              name="fileName"
              rules={[
                { required: true, whitespace: true, message: t('fields.fileNameRequired') },
                { max: 255, message: t('fields.tooLong', { max: 255 }) },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap="small">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
            {t('detail.save')}
          </Button>
          <Button icon={<UndoOutlined />} onClick={revert} disabled={!dirty || saving}>
            {t('detail.revert')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
