import { App as AntApp, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Committee, CommitteeSummary } from '../../../../../shared/contract/index.ts';
import { passRuleLabels, passRules, type PassRule } from '../../../../../shared/room/tally.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';

interface CommitteeFormValues {
  name: string;
  shortName?: string | null;
  quorumPercent: number;
  passRule: PassRule;
  tieToChair: boolean;
}

interface CommitteeFormProps {
  committee: CommitteeSummary | Committee | null;
  onClose: (saved?: Committee) => void;
}

export function CommitteeForm({ committee, onClose }: CommitteeFormProps) {
  const { t, i18n } = useTranslation('directory');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CommitteeFormValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: CommitteeFormValues): Promise<void> {
    setSaving(true);
    const input = {
      name: values.name,
      shortName: values.shortName ?? null,
      quorumPercent: values.quorumPercent,
      passRule: values.passRule,
      tieToChair: values.tieToChair,
    };
    try {
      const saved = committee
        ? await bridge.invoke('committees.update', { id: committee.id, ...input })
        : await bridge.invoke('committees.create', input);
      void message.success(t(committee ? 'common.updated' : 'common.created', { name: saved.name }));
      onClose(saved);
    } catch (error) {
      if (!showOnFields(form, error, ['name', 'shortName', 'quorumPercent', 'passRule'])) {
        void message.error(t('common.failed', { message: errorText(error) }), 8);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t(committee ? 'committees.editTitle' : 'committees.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
      width={600}
    >
      <Form<CommitteeFormValues>
        form={form}
        layout="vertical"
        name="committee"
        requiredMark={false}
        initialValues={
          committee
            ? { name: committee.name, shortName: committee.shortName, quorumPercent: committee.quorumPercent, passRule: committee.passRule, tieToChair: committee.tieToChair }
            : { quorumPercent: 50, passRule: 'majority_present', tieToChair: false }
        }
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('committees.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 300, message: t('common.tooLong', { max: 300 }) },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item label={t('committees.shortName')} name="shortName" rules={[{ max: 100, message: t('common.tooLong', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t('committees.quorum')}
          name="quorumPercent"
          extra={t('committees.quorumHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: 100, message: t('committees.quorumRange') }]}
        >
          <InputNumber min={1} max={100} precision={0} suffix="%" className="ns-number-input" />
        </Form.Item>
        <Form.Item label={t('committees.passRule')} name="passRule" extra={t('committees.passRuleHelp')}>
          <Select<PassRule> options={passRules.map((rule) => ({ value: rule, label: passRuleLabels[rule][lang] }))} />
        </Form.Item>
        <Form.Item name="tieToChair" valuePropName="checked">
          <Checkbox>{t('committees.tieToChair')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
