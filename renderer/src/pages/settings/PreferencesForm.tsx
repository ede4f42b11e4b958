import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingSchemas, type SettingKey, type Settings } from '../../../../shared/contract/index.ts';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { languageHalf } from '../../features/sync/syncFormat.ts';
import { currentLanguage, i18next } from '../../i18n/i18n.ts';
import { useSettings, useSettingsContext } from '../../settings/SettingsContext.tsx';
import { SectionTitle } from './SectionTitle.tsx';

/**
 * The place name first so a refused value stops the save before anything visible changes; language
 * last so the confirmation appears in the language just chosen. The update server is not here: it
 * is an administrator setting (nghisu settings set), shown read-only; the hub's address lives on
 * the Liên thông page with its credentials.
 */
const SAVE_ORDER: readonly SettingKey[] = ['documents.issuingPlace', 'tasks.dueSoonWorkingDays', 'reports.cutoffDay', 'ui.theme', 'ui.language'];

/** A whole number the contract accepts for the setting, checked before anything is saved. */
function numberRule(key: 'tasks.dueSoonWorkingDays' | 'reports.cutoffDay', message: string) {
  return {
    validator: (_rule: unknown, value: unknown) =>
      settingSchemas[key].safeParse(value).success ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}

function normalise(values: Settings): Settings {
  return { ...values, 'documents.issuingPlace': values['documents.issuingPlace'].trim() };
}

export function PreferencesForm() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { save } = useSettingsContext();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Settings>();
  const [saving, setSaving] = useState(false);
  const watched = Form.useWatch([], form) as Partial<Settings> | undefined;
  const dirty = watched !== undefined && SAVE_ORDER.some((key) => key in watched && watched[key] !== settings[key]);

  // Settings can change under the form (another window, the CLI): follow them in fields the user
  // has not touched, and never overwrite what they are typing.
  useEffect(() => {
    for (const key of SAVE_ORDER) {
      if (!form.isFieldTouched(key)) form.setFieldValue(key, settings[key]);
    }
  }, [form, settings]);

  async function submit(raw: Settings): Promise<void> {
    const values = normalise(raw);
    const changed = SAVE_ORDER.filter((key) => values[key] !== settings[key]);
    if (changed.length === 0) {
      void message.info(t('settings.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      let saved = settings;
      for (const key of changed) {
        try {
          saved = await save(key, values[key]);
        } catch (error) {
          const lang = currentLanguage();
          const text = error instanceof BridgeError ? error.messageIn(lang) : String(error);
          if (error instanceof BridgeError && error.code === 'INVALID_INPUT') {
            // The contract's own rules carry "tiếng Việt / English" in one message: show the user's half.
            form.setFields([{ name: key, errors: [languageHalf(error.fieldMessage(lang), lang)] }]);
            form.scrollToField(key);
          } else {
            void message.error(t('settings.saveFailed', { message: text }));
          }
          return;
        }
      }
      form.resetFields();
      form.setFieldsValue(saved);
      void message.success(i18next.getFixedT(saved['ui.language'])('settings.saved'));
    } finally {
      setSaving(false);
    }
  }

  function revert(): void {
    form.resetFields();
    form.setFieldsValue(settings);
  }

  return (
    <Form<Settings>
      form={form}
      name="settings"
      layout="vertical"
      initialValues={settings}
      onFinish={(values) => void submit(values)}
      requiredMark={false}
      className="ns-settings-form"
    >
      <Card title={<SectionTitle>{t('settings.displaySection')}</SectionTitle>} className="ns-settings-card">
        <Form.Item label={t('settings.language')} name="ui.language">
          <Radio.Group
            aria-label={t('settings.language')}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'vi', label: t('settings.languageVi') },
              { value: 'en', label: t('settings.languageEn') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.theme')} name="ui.theme">
          <Radio.Group
            aria-label={t('settings.theme')}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'light', label: t('settings.themeLight') },
              { value: 'dark', label: t('settings.themeDark') },
              { value: 'system', label: t('settings.themeSystem') },
            ]}
          />
        </Form.Item>
      </Card>
      <Card title={<SectionTitle>{t('settings.connectionSection')}</SectionTitle>} className="ns-settings-card">
        <Form.Item label={t('settings.updatesUrl')} htmlFor="settings-updates-url" extra={t('settings.updatesUrlHelp')}>
          <Input id="settings-updates-url" value={settings['updates.url']} placeholder={t('settings.updatesUrlNone')} readOnly variant="filled" />
        </Form.Item>
      </Card>
      <Card title={<SectionTitle>{t('settings.documentsSection')}</SectionTitle>} className="ns-settings-card">
        <Form.Item
          label={t('settings.issuingPlace')}
          name="documents.issuingPlace"
          extra={t('settings.issuingPlaceHelp')}
          rules={[
            {
              validator: (_rule, value: unknown) =>
                settingSchemas['documents.issuingPlace'].safeParse(typeof value === 'string' ? value : '').success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('settings.issuingPlaceRequired'))),
            },
          ]}
          validateTrigger="onBlur"
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
      </Card>
      <Card title={<SectionTitle>{t('settings.tasksSection')}</SectionTitle>} className="ns-settings-card">
        <Form.Item label={t('settings.dueSoonDays')} htmlFor="settings-due-soon-days" extra={t('settings.dueSoonDaysHelp')} required={false}>
          <Flex gap="small" align="center">
            <Form.Item name="tasks.dueSoonWorkingDays" noStyle rules={[numberRule('tasks.dueSoonWorkingDays', t('settings.dueSoonDaysRange'))]}>
              <InputNumber id="settings-due-soon-days" min={1} max={30} precision={0} className="ns-settings-number" />
            </Form.Item>
            <span>{t('settings.dueSoonDaysUnit')}</span>
          </Flex>
        </Form.Item>
        <Form.Item label={t('settings.cutoffDay')} htmlFor="settings-cutoff-day" extra={t('settings.cutoffDayHelp')}>
          <Flex gap="small" align="center">
            <Form.Item name="reports.cutoffDay" noStyle rules={[numberRule('reports.cutoffDay', t('settings.cutoffDayRange'))]}>
              <InputNumber id="settings-cutoff-day" min={1} max={31} precision={0} className="ns-settings-number" />
            </Form.Item>
            <span>{t('settings.cutoffDayUnit')}</span>
          </Flex>
        </Form.Item>
      </Card>
      <Flex gap="small" className="ns-settings-actions">
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
          {t('settings.save')}
        </Button>
        <Button icon={<UndoOutlined />} onClick={revert} disabled={!dirty || saving}>
          {t('settings.revert')}
        </Button>
      </Flex>
    </Form>
  );
}
