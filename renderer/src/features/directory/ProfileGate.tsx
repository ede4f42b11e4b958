import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../common/errors.ts';
import { useProfileContext } from './ProfileContext.tsx';
import { WelcomePage } from './WelcomePage.tsx';

/** The app opens only once someone has said who uses this computer. */
export function ProfileGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('directory');
  const { state, reload } = useProfileContext();
  if (state.status === 'loading') {
    return (
      <main className="ns-centered" aria-busy="true">
        <Flex vertical align="center" gap="middle">
          <Spin size="large" />
          <Typography.Text>{t('common.loading')}</Typography.Text>
        </Flex>
      </main>
    );
  }
  if (state.status === 'failed') {
    return (
      <main className="ns-centered">
        <Alert
          type="error"
          showIcon
          title={t('welcome.loadFailed', { message: errorText(state.error) })}
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      </main>
    );
  }
  if (!state.profile) return <WelcomePage />;
  return children;
}
