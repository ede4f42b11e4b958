import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emailAddress, phoneNumber, type Organization, type Person } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { unitOptions } from '../shared/unitOptions.ts';
import { foldedIncludes } from '../shared/text.ts';

interface PersonFormValues {
  fullName: string;
  position?: string | null;
  organizationId?: string | null;
  email?: string | null;
  phone?: string | null;
}

export function PersonForm({ person, units, onClose }: { person: Person | null; units: Organization[]; onClose: () => void }) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: PersonFormValues): Promise<void> {
    setSaving(true);
    const input = {
      fullName: values.fullName,
      position: values.position ?? null,
      organizationId: values.organizationId ?? null,
      email: values.email ?? null,
      phone: values.phone ?? null,
    };
    try {
      const saved = person ? await bridge.invoke('people.update', { id: person.id, ...input }) : await bridge.invoke('people.create', input);
      void message.success(t(person ? 'common.updated' : 'common.created', { name: saved.fullName }));
      onClose();
    } catch (error) {
      if (!showOnFields(form, error, ['fullName', 'position', 'organizationId', 'email', 'phone'])) {
        void message.error(t('common.failed', { message: errorText(error) }), 8);
      }
    } finally {
      setSaving(false);
    }
  }

  // The same schemas the core applies, so what passes here is what the core accepts.
  const schemaRule = (schema: typeof emailAddress | typeof phoneNumber, text: string) => ({
    validator: (_rule: unknown, value: unknown) =>
      schema.safeParse(typeof value === 'string' ? value : '').success ? Promise.resolve() : Promise.reject(new Error(text)),
  });

  return (
    <Modal
      open
      title={t(person ? 'people.editTitle' : 'people.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        name="person"
        requiredMark={false}
        initialValues={person ?? {}}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('people.fullName')}
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 200, message: t('common.tooLong', { max: 200 }) },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('people.position')} name="position" rules={[{ max: 200, message: t('common.tooLong', { max: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('people.unit')} name="organizationId">
          <Select
            allowClear
            aria-label={t('people.unit')}
            placeholder={t('people.unitPlaceholder')}
            showSearch={{ filterOption: (input, option) => foldedIncludes(option?.label, input) }}
            options={unitOptions(units)}
          />
        </Form.Item>
        <Form.Item label={t('people.email')} name="email" validateTrigger="onBlur" rules={[schemaRule(emailAddress, t('people.emailInvalid'))]}>
          <Input type="email" inputMode="email" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item label={t('people.phone')} name="phone" validateTrigger="onBlur" rules={[schemaRule(phoneNumber, t('people.phoneInvalid'))]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
