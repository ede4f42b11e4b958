import { SettingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSettings } from '../settings/SettingsContext.tsx';
import { EmptyState } from './EmptyArea.tsx';

/** The only next step available today is configuring the endpoint, so offer exactly that. */
export function SyncPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const endpoint = useSettings()['sync.endpointUrl'];
  return (
    <EmptyState
      title={t('nav.sync')}
      intro={t('areas.sync.intro')}
      empty={endpoint ? t('areas.sync.emptyWithEndpoint', { url: endpoint }) : t('areas.sync.emptyNoEndpoint')}
      next={endpoint ? t('areas.sync.nextWithEndpoint') : t('areas.sync.nextNoEndpoint')}
      action={
        <Button type={endpoint ? 'default' : 'primary'} icon={<SettingOutlined />} onClick={() => void navigate('/settings')}>
          {t('areas.sync.openSettings')}
        </Button>
      }
    />
  );
}
