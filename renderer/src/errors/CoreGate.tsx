import { Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsContext } from '../settings/SettingsContext.tsx';
import { CoreUnavailable } from './CoreUnavailable.tsx';

/** Nothing below renders until the core has answered once; later outages are a banner, not a wall. */
export function CoreGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, reload } = useSettingsContext();
  if (state.status === 'unavailable') return <CoreUnavailable error={state.error} onRetry={reload} />;
  if (state.status === 'loading') {
    return (
      <main className="ns-centered" aria-busy="true">
        <Flex vertical align="center" gap="middle">
          <Spin size="large" />
          <Typography.Text>{t('core.connecting')}</Typography.Text>
        </Flex>
      </main>
    );
  }
  return children;
}
