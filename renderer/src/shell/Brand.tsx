import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="ns-brand">
      <span className="ns-brand-mark" aria-hidden="true">
        NS
      </span>
      <span className="ns-brand-text">
        <Typography.Text className="ns-brand-name">{t('app.name')}</Typography.Text>
        <Typography.Text className="ns-brand-tagline">{t('app.tagline')}</Typography.Text>
      </span>
    </div>
  );
}
