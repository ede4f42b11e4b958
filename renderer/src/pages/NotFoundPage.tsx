import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { HOME_PATH } from '../shell/areas.ts';
import { Page } from '../shell/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Page title={t('errors.notFoundTitle')}>
      <Result
        status="404"
        subTitle={t('errors.notFoundBody', { path: pathname })}
        extra={
          <Button type="primary" onClick={() => void navigate(HOME_PATH)}>
            {t('errors.backHome')}
          </Button>
        }
      />
    </Page>
  );
}
