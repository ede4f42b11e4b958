import { useTranslation } from 'react-i18next';
import { errorText } from '../../../common/errors.ts';
import { LoadFailedPage, LoadingPage } from '../../../common/PageStates.tsx';
import { Page } from '../../../shell/Page.tsx';
import { useSyncStatus } from '../SyncStatusContext.tsx';
import { AboutSync } from './AboutSync.tsx';
import { ConnectionForm } from './ConnectionForm.tsx';
import { StatusDetails } from './StatusDetails.tsx';
import '../sync.css';

/** #/sync — liên thông: what it is (until connected), the connection to the hub, and where sync stands. */
export function SyncSettingsPage() {
  const { t } = useTranslation('sync');
  const { state, reload } = useSyncStatus();
  const status = state.data;
  if (!status) {
    if (state.status === 'failed') {
      return (
        <LoadFailedPage
          title={t('title')}
          message={t('common.loadFailed', { message: errorText(state.error) })}
          backTo="/settings"
          backLabel={t('common.toSettings')}
          retryLabel={t('common.retry')}
          onRetry={reload}
        />
      );
    }
    return <LoadingPage title={t('title')} rows={8} />;
  }
  return (
    <Page title={t('title')} intro={t('intro')}>
      {status.configured ? null : <AboutSync />}
      <ConnectionForm status={status} />
      {/* After a disconnect the outbox is kept: what still waits stays in view. */}
      {status.configured || status.pending > 0 || status.conflicts > 0 || status.rejected > 0 ? <StatusDetails status={status} /> : null}
    </Page>
  );
}
