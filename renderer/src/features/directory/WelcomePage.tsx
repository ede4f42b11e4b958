import { Alert, Button, Card, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { Brand } from '../../shell/Brand.tsx';
import { errorText, showOnFields } from '../../common/errors.ts';
import { ProfileFields, type ProfileFormValues } from './profile/ProfileFields.tsx';
import { useProfileContext } from './ProfileContext.tsx';
import './directory.css';

/** First run: before anything else, who uses this computer. Saving makes the profile and its key. */
export function WelcomePage() {
  const { t } = useTranslation('directory');
  const { t: tApp } = useTranslation();
  const bridge = useBridge();
  const { adopt } = useProfileContext();
  const [form] = Form.useForm<ProfileFormValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    document.title = tApp('app.documentTitle', { page: t('welcome.title') });
  }, [t, tApp]);

  async function submit(values: ProfileFormValues): Promise<void> {
    setSaving(true);
    setFailure(null);
    try {
      adopt(await bridge.invoke('profile.create', { ...values, organizationId: null }));
    } catch (error) {
      if (!showOnFields(form, error, ['fullName', 'position', 'unitName', 'workRole'])) {
        setFailure(t('welcome.failed', { message: errorText(error) }));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <main className="ns-welcome">
      <div className="ns-welcome-brand">
        <Brand />
      </div>
      <Card className="ns-welcome-card">
        <Typography.Title level={1} className="ns-welcome-title">
          {t('welcome.title')}
        </Typography.Title>
        <Typography.Title level={2} className="ns-welcome-subtitle">
          {t('welcome.subtitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('welcome.intro')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} className="ns-dir-alert" /> : null}
        <Form<ProfileFormValues>
          form={form}
          layout="vertical"
          name="welcome"
          requiredMark={false}
          initialValues={{ workRole: 'secretariat' }}
          onFinish={(values) => void submit(values)}
        >
          <ProfileFields placeholders />
          <Button type="primary" htmlType="submit" size="large" block loading={saving}>
            {t('welcome.start')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
