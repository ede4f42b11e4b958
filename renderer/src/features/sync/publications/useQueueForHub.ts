import { App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';

/**
 * Queues a signed file for the hub (`queue` calls the core), says so, and starts a pass at once:
 * the user is usually online when sending. A failed pass is the pass's — the navigation column
 * reports it — so it is not reported here a second time.
 */
export function useQueueForHub() {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  async function send(queue: () => Promise<boolean>, queued: string): Promise<void> {
    setBusy(true);
    try {
      if (!(await queue())) return;
      void message.success(queued);
      bridge.invoke('sync.run', {}).catch(() => undefined);
    } catch (error) {
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setBusy(false);
    }
  }

  return { busy, send };
}
