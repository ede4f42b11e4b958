import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityStatus } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { errorText } from '../../common/errors.ts';
import { Brand } from '../../shell/Brand.tsx';
import { useProfileContext } from '../directory/ProfileContext.tsx';
import './security.css';

/**
 * In place of the app while it is locked: who it belongs to, and the passphrase to come back. With
 * `recovery`, the data itself waits for the passphrase (the keychain lost its key): the screen says so.
 */
export function LockScreen({ onUnlocked, recovery = false }: { onUnlocked: (status: SecurityStatus) => void; recovery?: boolean }) {
  const { t } = useTranslation('security');
  const { t: tApp } = useTranslation();
  const bridge = useBridge();
  const { state } = useProfileContext();
  const [form] = Form.useForm<{ passphrase: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const field = useRef<InputRef>(null);
  const profile = state.status === 'ready' ? state.profile : null;

  useEffect(() => {
    document.title = tApp('app.documentTitle', { page: recovery ? t('lock.recoveryTitle') : t('lock.title') });
  }, [recovery, t, tApp]);

  async function unlock({ passphrase }: { passphrase: string }): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      onUnlocked(await bridge.invoke('security.unlock', { passphrase }));
    } catch (error) {
      setFailure(errorText(error));
      form.setFieldValue('passphrase', '');
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="ns-lock">
      <div className="ns-lock-brand">
        <Brand />
      </div>
      <Card className="ns-lock-card">
        <div className="ns-lock-icon" aria-hidden="true">
          <LockOutlined />
        </div>
        <Typography.Title level={1} className="ns-lock-title">
          {recovery ? t('lock.recoveryTitle') : t('lock.title')}
        </Typography.Title>
        {profile ? (
          <Typography.Paragraph className="ns-lock-who">
            {t('lock.who', { name: profile.fullName, unit: profile.unitName })}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary">{recovery ? t('lock.recoveryIntro') : t('lock.intro')}</Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} className="ns-lock-alert" role="alert" /> : null}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void unlock(v)}>
          <Form.Item name="passphrase" label={t('lock.passphrase')} rules={[{ required: true, message: t('lock.passphraseRequired') }]}>
            <Input.Password ref={field} autoFocus autoComplete="current-password" disabled={busy} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<UnlockOutlined />} loading={busy} block>
            {busy ? t('lock.checking') : t('lock.unlock')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="ns-lock-forgot">
          {recovery ? t('lock.recoveryForgot') : t('lock.forgot')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
