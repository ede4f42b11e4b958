import { CloudSyncOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SectionTitle } from '../../../pages/settings/SectionTitle.tsx';
import { useSyncStatus } from '../SyncStatusContext.tsx';

/** Cài đặt → Liên thông, where the core's messages send the user: the connection lives on its own page. */
export function SyncSettingsCard() {
  const { t } = useTranslation('sync');
  const navigate = useNavigate();
  const status = useSyncStatus().state.data;
  return (
    <Card title={<SectionTitle>{t('title')}</SectionTitle>} className="ns-settings-card">
      <Typography.Paragraph>
        {status?.configured && status.url ? t('settingsCard.connected', { url: status.url }) : t('settingsCard.notConnected')}
      </Typography.Paragraph>
      <Button icon={<CloudSyncOutlined />} onClick={() => void navigate('/sync')}>
        {t('settingsCard.open')}
      </Button>
    </Card>
  );
}
