import { useTranslation } from 'react-i18next';
import { SecurityCard } from '../features/security/SecurityCard.tsx';
import { SyncSettingsCard } from '../features/sync/settings/SyncSettingsCard.tsx';
import { Page } from '../shell/Page.tsx';
import { AboutPanel } from './settings/AboutPanel.tsx';
import { AuditCard } from './settings/AuditCard.tsx';
import { PreferencesForm } from './settings/PreferencesForm.tsx';
import './settings/settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.settings')} intro={t('settings.intro')}>
      <PreferencesForm />
      <SyncSettingsCard />
      <SecurityCard />
      <AuditCard />
      <AboutPanel />
    </Page>
  );
}
