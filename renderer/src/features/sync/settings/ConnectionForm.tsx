import { ApiOutlined, DisconnectOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Input, Popconfirm, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, SyncStatus, SyncWhoAmI } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError, type Language } from '../../../bridge/BridgeError.ts';
import { errorText } from '../../../common/errors.ts';
import { useLang } from '../../../common/useLang.ts';
import { SectionTitle } from '../../../pages/settings/SectionTitle.tsx';
import { languageHalf } from '../syncFormat.ts';
import { useSyncStatus } from '../SyncStatusContext.tsx';

interface Values {
  url: string;
  tokenUrl: string;
  clientId: string;
  secret: string;
}

const FIELDS: ReadonlyArray<keyof Values> = ['url', 'tokenUrl', 'clientId', 'secret'];
/** What the core keeps and gives back; the secret never comes back. */
const SHOWN = ['url', 'tokenUrl', 'clientId'] as const;

type Check = { ok: true; me: SyncWhoAmI } | { ok: false; message: string };

function savedValues(status: SyncStatus): Values {
  return { url: status.url ?? '', tokenUrl: status.tokenUrl ?? '', clientId: status.clientId ?? '', secret: '' };
}

/**
 * The core's refusal of a field (a plain-http address elsewhere than this machine, an empty client
 * id) under that field. Not common/showOnFields: the contract writes these messages in both
 * languages at once, and the user should read only theirs.
 */
function placeIssues(form: FormInstance<Values>, error: unknown, lang: Language): boolean {
  if (!(error instanceof BridgeError) || error.code !== 'INVALID_INPUT' || !Array.isArray(error.details)) return false;
  const placed = new Map<keyof Values, string>();
  for (const issue of error.details as FieldIssue[]) {
    const name = FIELDS.find((f) => f === issue.path.split('.')[0]);
    if (name && !placed.has(name)) placed.set(name, languageHalf(lang === 'vi' ? issue.message : issue.messageEn, lang));
  }
  if (placed.size === 0) return false;
  form.setFields([...placed].map(([name, text]) => ({ name, errors: [text] })));
  form.scrollToField([...placed.keys()][0]!);
  return true;
}

/**
 * The connection to the hub. `sync.configure` always takes the secret (it is stored apart and
 * never read back), so changing anything of a saved connection means typing the secret again;
 * the form says so rather than pretending an empty field keeps it. The check asks the hub who this
 * laptop is with the saved connection, so what was just typed is saved first.
 */
export function ConnectionForm({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const lang = useLang();
  const bridge = useBridge();
  const { adopt, reload } = useSyncStatus();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'test' | 'disconnect' | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const saved = savedValues(status);
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const dirty = watched !== undefined && (SHOWN.some((k) => (watched[k] ?? '').trim() !== saved[k]) || Boolean(watched.secret));

  // The connection can change under the form (the command line, another window): follow it in
  // fields the user has not touched, and never overwrite what they are typing.
  useEffect(() => {
    const now = { url: saved.url, tokenUrl: saved.tokenUrl, clientId: saved.clientId };
    for (const key of SHOWN) {
      if (!form.isFieldTouched(key)) form.setFieldValue(key, now[key]);
    }
  }, [form, saved.url, saved.tokenUrl, saved.clientId]);

  function showSaved(next: SyncStatus): void {
    adopt(next);
    form.resetFields();
    form.setFieldsValue(savedValues(next));
  }

  async function save(values: Values): Promise<boolean> {
    try {
      const tokenUrl = values.tokenUrl.trim();
      showSaved(
        await bridge.invoke('sync.configure', {
          url: values.url,
          ...(tokenUrl ? { tokenUrl } : {}),
          clientId: values.clientId,
          secret: values.secret,
        }),
      );
      void message.success(t('form.saved'));
      return true;
    } catch (error) {
      if (!placeIssues(form, error, lang)) void message.error(t('common.failed', { message: errorText(error) }), 8);
      return false;
    }
  }

  async function submit(values: Values): Promise<void> {
    if (status.configured && !dirty) {
      void message.info(t('form.nothingChanged'));
      return;
    }
    setBusy('save');
    try {
      if (await save(values)) setCheck(null);
    } finally {
      setBusy(null);
    }
  }

  async function test(): Promise<void> {
    setBusy('test');
    try {
      if (dirty || !status.configured) {
        const values = await form.validateFields().catch(() => null);
        if (!values || !(await save(values))) return;
      }
      setCheck(null);
      try {
        setCheck({ ok: true, me: await bridge.invoke('sync.test', {}) });
        // The hub's answer names this laptop's unit, which the core keeps without announcing it.
        reload();
      } catch (error) {
        setCheck({ ok: false, message: errorText(error) });
      }
    } finally {
      setBusy(null);
    }
  }

  async function disconnect(): Promise<void> {
    setBusy('disconnect');
    try {
      showSaved(await bridge.invoke('sync.disconnect', {}));
      setCheck(null);
      void message.success(t('form.disconnected'));
    } catch (error) {
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title={<SectionTitle>{t('form.title')}</SectionTitle>} className="ns-sync-card">
      <Form<Values>
        form={form}
        name="sync-connection"
        layout="vertical"
        initialValues={saved}
        onFinish={(values) => void submit(values)}
        requiredMark={false}
        className="ns-sync-form"
      >
        <Form.Item label={t('form.url')} name="url" extra={t('form.urlHelp')} rules={[{ required: true, whitespace: true, message: t('form.urlRequired') }]}>
          <Input placeholder={t('form.urlPlaceholder')} inputMode="url" spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('form.tokenUrl')} name="tokenUrl" extra={t('form.tokenUrlHelp')}>
          <Input placeholder={t('form.tokenUrlPlaceholder')} inputMode="url" spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('form.clientId')} name="clientId" extra={t('form.clientIdHelp')} rules={[{ required: true, whitespace: true, message: t('form.clientIdRequired') }]}>
          <Input spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('form.secret')}
          name="secret"
          extra={status.configured ? t('form.secretSavedHelp') : t('form.secretHelp')}
          rules={[{ required: true, message: status.configured ? t('form.secretAgain') : t('form.secretRequired') }]}
        >
          {/* new-password: the browser must not fill in a password it saved for something else. */}
          <Input.Password placeholder={status.configured ? t('form.secretSavedPlaceholder') : undefined} autoComplete="new-password" spellCheck={false} />
        </Form.Item>
        <Flex gap="small" wrap align="center">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
            {t('form.save')}
          </Button>
          <Button icon={<ApiOutlined />} onClick={() => void test()} loading={busy === 'test'} disabled={busy !== null && busy !== 'test'}>
            {dirty || !status.configured ? t('form.saveAndTest') : t('form.test')}
          </Button>
          {status.configured ? (
            <Popconfirm
              title={t('form.disconnectConfirm')}
              description={<div className="ns-sync-confirm">{t('form.disconnectDetail')}</div>}
              okText={t('form.disconnectOk')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => disconnect()}
            >
              <Button danger icon={<DisconnectOutlined />} loading={busy === 'disconnect'} disabled={busy !== null && busy !== 'disconnect'}>
                {t('form.disconnect')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
        {dirty || !status.configured ? (
          <Typography.Paragraph type="secondary" className="ns-sync-test-hint">
            {t('form.testHint')}
          </Typography.Paragraph>
        ) : null}
      </Form>
      {check ? <CheckResult check={check} /> : null}
    </Card>
  );
}

function CheckResult({ check }: { check: Check }) {
  const { t } = useTranslation('sync');
  if (!check.ok) return <Alert type="error" showIcon role="alert" className="ns-sync-check" title={t('form.testFailed')} description={check.message} />;
  const { me } = check;
  const name = me.localUnitName ?? me.unitName;
  return (
    <Alert
      type={me.localUnitName ? 'success' : 'warning'}
      showIcon
      role="status"
      className="ns-sync-check"
      title={name ? t('form.testOk', { unitCode: me.unitCode, unitName: name }) : t('form.testOkUnknown', { unitCode: me.unitCode })}
      description={me.localUnitName ? undefined : t('form.testOkUnknownHint')}
    />
  );
}
