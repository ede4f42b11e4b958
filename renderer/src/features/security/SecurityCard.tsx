import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { errorText } from '../../common/errors.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { SectionTitle } from '../../pages/settings/SectionTitle.tsx';
import { useSettings, useSettingsContext } from '../../settings/SettingsContext.tsx';
import { useAppLock } from './LockContext.tsx';

const IDLE_CHOICES = [5, 10, 15, 30, 60] as const;

interface PassphraseForm {
  current?: string;
  passphrase: string;
  confirm: string;
}

/** Settings → the app lock: set or change the passphrase, the idle time, lock now. */
export function SecurityCard() {
  const { t } = useTranslation('security');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const { status, requestLock, adopt } = useAppLock();
  const settings = useSettings();
  const { save } = useSettingsContext();
  const [form] = Form.useForm<PassphraseForm>();
  const [busy, setBusy] = useState(false);
  const isSet = status?.passphraseSet === true;

  async function submit(values: PassphraseForm): Promise<void> {
    setBusy(true);
    try {
      adopt(await bridge.invoke('security.setPassphrase', { passphrase: values.passphrase, ...(isSet ? { current: values.current } : {}) }));
      form.resetFields();
      void message.success(isSet ? t('card.changed') : t('card.set'), 6);
    } catch (error) {
      if (error instanceof BridgeError && error.code === 'UNAUTHORIZED') {
        form.setFields([{ name: 'current', errors: [error.messageIn(currentLanguage())] }]);
      } else {
        void message.error(t('card.failed', { message: errorText(error) }));
      }
    } finally {
      setBusy(false);
    }
  }

  async function setIdle(minutes: number): Promise<void> {
    try {
      await save('security.idleMinutes', minutes);
      void message.success(t('card.idleSaved', { minutes }));
    } catch (error) {
      void message.error(t('card.failed', { message: errorText(error) }));
    }
  }

  return (
    <Card title={<SectionTitle>{t('card.title')}</SectionTitle>} className="ns-settings-card">
      {isSet ? (
        <Alert type="success" showIcon icon={<SafetyCertificateOutlined />} title={t('card.on')} className="ns-lock-alert" />
      ) : (
        <Alert type="warning" showIcon title={t('card.off')} description={t('card.offDetail')} className="ns-lock-alert" />
      )}
      <Form<PassphraseForm> form={form} layout="vertical" className="ns-security-form" onFinish={(v) => void submit(v)} requiredMark={false}>
        {isSet ? (
          <Form.Item name="current" label={t('card.current')} rules={[{ required: true, message: t('card.currentRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="passphrase"
          label={isSet ? t('card.newPassphrase') : t('card.passphrase')}
          extra={t('card.passphraseHelp', { min: PASSPHRASE_MIN })}
          rules={[
            { required: true, message: t('card.passphraseRequired') },
            { min: PASSPHRASE_MIN, message: t('card.tooShort', { min: PASSPHRASE_MIN }) },
            { max: PASSPHRASE_MAX, message: t('card.tooLong', { max: PASSPHRASE_MAX }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('card.confirm')}
          dependencies={['passphrase']}
          rules={[
            { required: true, message: t('card.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('card.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {isSet ? t('card.change') : t('card.setButton')}
        </Button>
      </Form>
      <Flex gap="middle" align="center" wrap className="ns-security-idle">
        <Typography.Text id="ns-idle-label">{t('card.idle')}</Typography.Text>
        <Select
          aria-labelledby="ns-idle-label"
          value={settings['security.idleMinutes']}
          onChange={(v: number) => void setIdle(v)}
          options={[...new Set([...IDLE_CHOICES, settings['security.idleMinutes']])].sort((a, b) => a - b).map((m) => ({ value: m, label: t('card.minutes', { count: m }) }))}
          style={{ width: 140 }}
          disabled={!isSet}
        />
        <Button icon={<LockOutlined />} onClick={requestLock} disabled={!isSet}>
          {t('card.lockNow')}
        </Button>
      </Flex>
    </Card>
  );
}
