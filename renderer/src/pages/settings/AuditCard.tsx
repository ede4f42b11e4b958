import { HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SectionTitle } from './SectionTitle.tsx';

/** The way into the audit log, kept beside the other administrator's panels. */
export function AuditCard() {
  const { t } = useTranslation('audit');
  const navigate = useNavigate();
  return (
    <Card title={<SectionTitle>{t('settingsCard')}</SectionTitle>} className="ns-settings-card">
      <Typography.Paragraph>{t('settingsCardText')}</Typography.Paragraph>
      <Button icon={<HistoryOutlined />} onClick={() => void navigate('/settings/audit')}>
        {t('openFromSettings')}
      </Button>
    </Card>
  );
}
