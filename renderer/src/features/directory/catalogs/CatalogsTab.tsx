import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Form, Input, InputNumber, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogCode, type CatalogItem, type CatalogName } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { LoadFailedAlert } from '../../../common/LoadFailedAlert.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';

interface ItemFormValues {
  code: string;
  label: string;
  position?: number | null;
}

function CatalogItemForm({ catalog, item, onClose }: { catalog: CatalogName; item: CatalogItem | null; onClose: () => void }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: ItemFormValues): Promise<void> {
    setSaving(true);
    try {
      const saved = await bridge.invoke('catalogs.save', {
        catalog,
        code: item ? item.code : values.code,
        label: values.label,
        ...(values.position === null || values.position === undefined ? {} : { position: values.position }),
      });
      void message.success(t(item ? 'common.updated' : 'common.created', { name: saved.label }));
      onClose();
    } catch (error) {
      if (!showOnFields(form, error, ['code', 'label', 'position'])) void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={item ? t('catalogs.editTitle', { name: item.label }) : t('catalogs.createTitle', { catalog: t(`catalogs.${catalog}`) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ItemFormValues> form={form} layout="vertical" name="catalog-item" requiredMark={false} initialValues={item ?? {}} onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('catalogs.code')}
          name="code"
          extra={t('catalogs.codeHelp')}
          rules={[
            {
              validator: (_rule, value: unknown) =>
                item || catalogCode.safeParse(typeof value === 'string' ? value : '').success ? Promise.resolve() : Promise.reject(new Error(t('catalogs.codeInvalid'))),
            },
          ]}
        >
          <Input disabled={item !== null} className="ns-code-input" spellCheck={false} autoComplete="off" autoFocus={!item} />
        </Form.Item>
        <Form.Item
          label={t('catalogs.label')}
          name="label"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 200, message: t('common.tooLong', { max: 200 }) },
          ]}
        >
          <Input autoFocus={item !== null} />
        </Form.Item>
        <Form.Item label={t('catalogs.position')} name="position">
          <InputNumber min={0} max={10000} precision={0} className="ns-number-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CatalogCard({ catalog }: { catalog: CatalogName }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const run = useAction();
  const [editing, setEditing] = useState<CatalogItem | 'new' | null>(null);
  const load = useCallback(() => bridge.invoke('catalogs.list', { catalog }), [bridge, catalog]);
  const { state, reload } = useCoreData(load, ['directory', 'meetings', 'documents']);

  const columns: TableColumnsType<CatalogItem> = [
    { key: 'position', title: t('catalogs.position'), dataIndex: 'position', width: 80, align: 'right' },
    { key: 'code', title: t('catalogs.code'), width: 140, render: (_, i) => <Typography.Text className="ns-code">{i.code}</Typography.Text> },
    { key: 'label', title: t('catalogs.label'), dataIndex: 'label' },
    {
      key: 'kind',
      title: t('catalogs.kind'),
      width: 110,
      render: (_, i) => (i.builtin ? <Tag>{t('catalogs.builtin')}</Tag> : <Tag color="blue">{t('catalogs.custom')}</Tag>),
    },
    { key: 'usage', title: t('catalogs.usage'), dataIndex: 'usageCount', width: 100, align: 'right' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_, i) => (
        <RowActions
          name={i.label}
          onEdit={() => setEditing(i)}
          deleteBlocked={i.builtin ? t('catalogs.builtinNoDelete') : i.usageCount > 0 ? t('catalogs.inUseNoDelete', { count: i.usageCount }) : null}
          onDelete={async () => {
            await run(() => bridge.invoke('catalogs.delete', { catalog, code: i.code }), t('common.deleted', { name: i.label }));
          }}
        />
      ),
    },
  ];

  return (
    <Card
      className="ns-dir-card"
      title={
        <Typography.Title level={2} className="ns-dir-card-title">
          {t(`catalogs.${catalog}`)}
        </Typography.Title>
      }
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} aria-label={`${t('catalogs.add')}: ${t(`catalogs.${catalog}`)}`}>
          {t('catalogs.add')}
        </Button>
      }
    >
      {state.status === 'failed' ? <LoadFailedAlert ns="directory" error={state.error} onRetry={reload} /> : null}
      <Table<CatalogItem>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={state.data ?? []}
        loading={state.status === 'loading'}
        pagination={false}
      />
      {editing ? <CatalogItemForm catalog={catalog} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

export function CatalogsTab() {
  const { t } = useTranslation('directory');
  return (
    <section aria-label={t('tabs.catalogs')}>
      <Typography.Paragraph type="secondary">{t('catalogs.intro')}</Typography.Paragraph>
      <Flex vertical gap="middle">
        <CatalogCard catalog="meeting_kind" />
        <CatalogCard catalog="document_type" />
      </Flex>
    </section>
  );
}
