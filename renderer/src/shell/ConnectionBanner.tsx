import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../bridge/BridgeContext.tsx';

/** Shown while the core is away after having answered once; pages stay usable to read. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const state = useConnectionState();
  if (state === 'open' || state === 'idle') return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      title={t('shell.reconnecting')}
      description={t('shell.reconnectingHint')}
    />
  );
}
