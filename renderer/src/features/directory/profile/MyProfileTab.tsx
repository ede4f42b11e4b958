import { ExportOutlined, SaveOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText, showOnFields } from '../../../common/errors.ts';
import { foldedIncludes } from '../shared/text.ts';
import { unitOptions } from '../shared/unitOptions.ts';
import { useAction } from '../shared/useAction.ts';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useProfile } from '../ProfileContext.tsx';
import { ProfileFields, type ProfileFormValues } from './ProfileFields.tsx';
import { TrustedKeys } from './TrustedKeys.tsx';

/** "Hồ sơ của tôi": who uses this computer, its signing key, and the keys it trusts. */
export function MyProfileTab() {
  const { t } = useTranslation('directory');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const run = useAction();
  const { profile } = useProfile();
  const [form] = Form.useForm<ProfileFormValues>();
  const [saving, setSaving] = useState(false);
  const loadUnits = useCallback(() => bridge.invoke('organizations.list', {}), [bridge]);
  const units = useCoreData(loadUnits, ['directory']).state.data ?? [];

  async function submit(values: ProfileFormValues): Promise<void> {
    setSaving(true);
    try {
      await bridge.invoke('profile.update', { ...values, organizationId: values.organizationId ?? null });
      form.resetFields();
      void message.success(t('profile.saved'));
    } catch (error) {
      if (!showOnFields(form, error, ['fullName', 'position', 'unitName', 'organizationId', 'workRole'])) {
        void message.error(t('common.failed', { message: errorText(error) }), 8);
      }
    } finally {
      setSaving(false);
    }
  }

  async function exportKey(): Promise<void> {
    await run(
      async () => {
        const exported = await bridge.invoke('profile.exportPublicKey', {});
        await bridge.saveFile({ kind: 'export', exportId: exported.exportId, fileName: exported.fileName });
        return exported;
      },
      (exported) => t('profile.exported', { fileName: exported.fileName }),
    );
  }

  return (
    <section aria-label={t('tabs.profile')}>
      <Flex vertical gap="middle">
        <Card
          className="ns-dir-card"
          title={
            <Typography.Title level={2} className="ns-dir-card-title">
              {t('profile.sectionTitle')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary">{t('profile.intro')}</Typography.Paragraph>
          <Form<ProfileFormValues>
            // Remount when the saved profile changes, so the form shows what is stored.
            key={profile.updatedAt}
            form={form}
            layout="vertical"
            name="profile"
            requiredMark={false}
            className="ns-profile-form"
            initialValues={profile}
            onFinish={(values) => void submit(values)}
          >
            <ProfileFields
              organizationField={
                <Form.Item label={t('profile.organization')} name="organizationId" extra={t('profile.organizationHelp')}>
                  <Select
                    allowClear
                    aria-label={t('profile.organization')}
                    placeholder={t('people.unitPlaceholder')}
                    showSearch={{ filterOption: (input, option) => foldedIncludes(option?.label, input) }}
                    options={unitOptions(units)}
                  />
                </Form.Item>
              }
            />
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
              {t('profile.save')}
            </Button>
          </Form>
        </Card>
        <Card
          className="ns-dir-card"
          title={
            <Typography.Title level={2} className="ns-dir-card-title">
              {t('profile.keyTitle')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary">{t('profile.keyIntro')}</Typography.Paragraph>
          <Flex vertical gap="small" align="start">
            <Typography.Text>{t('profile.fingerprint')}</Typography.Text>
            <Typography.Text className="ns-fingerprint" copyable>
              {profile.fingerprint}
            </Typography.Text>
            <Button icon={<ExportOutlined />} onClick={() => void exportKey()}>
              {t('profile.exportKey')}
            </Button>
          </Flex>
        </Card>
        <TrustedKeys />
      </Flex>
    </section>
  );
}
