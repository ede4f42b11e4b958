import { Flex, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsContext } from '../settings/SettingsContext.tsx';
import { CoreUnavailable } from './CoreUnavailable.tsx';

/** A start longer than this is not the usual second: say what the core is doing. */
const SLOW_START_MS = 3_000;

/**
 * While the first answer is awaited. The desktop window opens while the core starts, and the first
 * start after an update may encrypt and migrate years of data (a single SQLite operation that reports
 * no progress): after a few seconds the screen says so, and asks not to close the app.
 */
function Connecting() {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <main className="ns-centered" aria-busy="true">
      <Flex vertical align="center" gap="middle" className="ns-core-connecting">
        <Spin size="large" />
        <Typography.Text>{t('core.connecting')}</Typography.Text>
        {slow ? (
          <Typography.Paragraph type="secondary" className="ns-core-slow-start" role="status">
            {t('core.slowStart')}
          </Typography.Paragraph>
        ) : null}
      </Flex>
    </main>
  );
}

/** Nothing below renders until the core has answered once; later outages are a banner, not a wall. */
export function CoreGate({ children }: { children: ReactNode }) {
  const { state, reload } = useSettingsContext();
  if (state.status === 'unavailable') return <CoreUnavailable error={state.error} onRetry={reload} />;
  if (state.status === 'loading') return <Connecting />;
  return children;
}
