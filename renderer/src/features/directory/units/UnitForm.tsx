import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGAN_CODE_MAX, organCodePattern, type Organization } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { foldedIncludes } from '../shared/text.ts';
import { unitOptions } from '../shared/unitOptions.ts';

interface UnitFormValues {
  name: string;
  shortName?: string | null;
  organCode?: string | null;
  parentId?: string | null;
}

interface UnitFormProps {
  /** The unit being edited, or null to add one. */
  unit: Organization | null;
  units: Organization[];
  onClose: () => void;
}

/** Ids of a unit and everything under it: none of them can become its parent. */
function selfAndDescendants(id: string, units: Organization[]): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

export function UnitForm({ unit, units, onClose }: UnitFormProps) {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, setSaving] = useState(false);

  const parentOptions = useMemo(() => unitOptions(units, unit ? selfAndDescendants(unit.id, units) : undefined), [unit, units]);

  async function submit(values: UnitFormValues): Promise<void> {
    setSaving(true);
    const input = {
      name: values.name,
      shortName: values.shortName ?? null,
      organCode: values.organCode?.trim() ?? null,
      parentId: values.parentId ?? null,
    };
    try {
      const saved = unit
        ? await bridge.invoke('organizations.update', { id: unit.id, ...input })
        : await bridge.invoke('organizations.create', input);
      void message.success(t(unit ? 'common.updated' : 'common.created', { name: saved.name }));
      onClose();
    } catch (error) {
      if (!showOnFields(form, error, ['name', 'shortName', 'organCode', 'parentId'])) {
        void message.error(t('common.failed', { message: errorText(error) }), 8);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t(unit ? 'units.editTitle' : 'units.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form<UnitFormValues>
        form={form}
        layout="vertical"
        name="unit"
        requiredMark={false}
        initialValues={unit ? { name: unit.name, shortName: unit.shortName, organCode: unit.organCode, parentId: unit.parentId } : {}}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('units.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 300, message: t('common.tooLong', { max: 300 }) },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('units.shortName')} name="shortName" rules={[{ max: 100, message: t('common.tooLong', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t('units.organCode')}
          name="organCode"
          extra={t('units.organCodeHelp')}
          validateTrigger="onBlur"
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            {
              validator: (_rule, value: unknown) => {
                const code = typeof value === 'string' ? value.trim() : '';
                return code === '' || (code.length <= ORGAN_CODE_MAX && organCodePattern.test(code))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('units.organCodeInvalid')));
              },
            },
          ]}
        >
          <Input className="ns-code-input" spellCheck={false} autoComplete="off" placeholder="000.00.00.H41" />
        </Form.Item>
        <Form.Item label={t('units.parent')} name="parentId">
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => foldedIncludes(option?.label, input) }}
            placeholder={t('units.parentPlaceholder')}
            aria-label={t('units.parent')}
            options={parentOptions}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
