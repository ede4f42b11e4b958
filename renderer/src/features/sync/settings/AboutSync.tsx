import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '../../../pages/settings/SectionTitle.tsx';

/** Until this laptop is connected: what liên thông does, and what to ask the province's administrator for. */
export function AboutSync() {
  const { t } = useTranslation('sync');
  return (
    <Card
      title={
        <SectionTitle>
          <InfoCircleOutlined aria-hidden /> {t('about.title')}
        </SectionTitle>
      }
      className="ns-sync-card ns-sync-about"
    >
      <Typography.Paragraph>{t('about.what')}</Typography.Paragraph>
      <Typography.Paragraph>{t('about.need')}</Typography.Paragraph>
      <ul>
        <li>{t('about.needUrl')}</li>
        <li>
          {t('about.needClient')} <code>{t('about.command')}</code>;
        </li>
        <li>{t('about.needUnit')}</li>
      </ul>
    </Card>
  );
}
