import { CheckCircleOutlined, CloudUploadOutlined, DisconnectOutlined, ExclamationCircleOutlined, InboxOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncRunResult, SyncStatus } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { useLang } from '../../../common/useLang.ts';
import { clock } from '../syncFormat.ts';
import { useSyncStatus } from '../SyncStatusContext.tsx';
import { SYNC_NOW_KEYS, useSyncNowShortcut } from './useSyncNowShortcut.ts';
import '../sync.css';

/**
 * Liên thông in the navigation column, on every screen: connected or not, when the last pass
 * succeeded or why it failed and when it tries again, what waits to be sent or decided, and
 * "Đồng bộ ngay" (also Ctrl+Shift+D). Unknown (core locked or away) shows nothing: it is a hint.
 */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const lang = useLang();
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const { state, waitingPacks } = useSyncStatus();
  const [busy, setBusy] = useState(false);

  const report = useCallback(
    (result: SyncRunResult) => {
      if (result.error) {
        void message.error(t('indicator.runFailed', { message: result.error[lang] }), 8);
        return;
      }
      const parts = [t('indicator.done', { pushed: result.pushed, pulled: result.pulled })];
      if (result.conflicts > 0) parts.push(t('indicator.doneConflicts', { count: result.conflicts }));
      if (result.rejected > 0) parts.push(t('indicator.doneRejected', { count: result.rejected }));
      const text = parts.join(' ');
      void (result.conflicts > 0 || result.rejected > 0 ? message.warning(text, 8) : message.success(text));
    },
    [lang, message, t],
  );

  const syncNow = useCallback(async () => {
    setBusy(true);
    try {
      report(await bridge.invoke('sync.run', {}));
    } catch (error) {
      // Not connected, or the core refused before any exchange: its reason says what to do.
      void message.error(t('indicator.runFailed', { message: errorText(error) }), 8);
    } finally {
      setBusy(false);
    }
  }, [bridge, message, report, t]);

  useSyncNowShortcut(() => void syncNow(), !busy);

  const status = state.data;
  if (!status) return null;
  return (
    <div className="ns-sync-indicator" role="group" aria-label={t('indicator.label')}>
      {status.configured ? <Connected status={status} busy={busy} /> : <NotConnected />}
      {waitingPacks > 0 ? (
        <div className="ns-sync-line ns-sync-warn">
          <InboxOutlined aria-hidden />
          <Link to="/sync/publications">{t('indicator.waitingPacks', { count: waitingPacks })}</Link>
        </div>
      ) : null}
      {status.configured ? (
        <Tooltip title={t('indicator.syncNowHint')} placement="right">
          <Button
            size="small"
            ghost
            icon={<SyncOutlined spin={busy} />}
            disabled={busy}
            onClick={() => void syncNow()}
            aria-keyshortcuts={SYNC_NOW_KEYS}
            className="ns-sync-now"
          >
            {t('indicator.syncNow')}
          </Button>
        </Tooltip>
      ) : null}
    </div>
  );
}

function NotConnected() {
  const { t } = useTranslation('sync');
  return (
    <div className="ns-sync-line ns-sync-idle">
      <DisconnectOutlined aria-hidden />
      <Link to="/sync" title={t('indicator.notConnectedHint')}>
        {t('indicator.notConnected')}
      </Link>
    </div>
  );
}

function Connected({ status, busy }: { status: SyncStatus; busy: boolean }) {
  const { t } = useTranslation('sync');
  const lang = useLang();
  const running = busy || status.running;
  return (
    <>
      {running ? (
        <div className="ns-sync-line ns-sync-busy">
          <SyncOutlined spin aria-hidden />
          <span>{t('indicator.running')}</span>
        </div>
      ) : status.lastError ? (
        <>
          <div className="ns-sync-line ns-sync-error">
            <ExclamationCircleOutlined aria-hidden />
            <span>{t('indicator.failed')}</span>
          </div>
          <div className="ns-sync-detail ns-sync-error-text" title={status.lastError[lang]}>
            {status.lastError[lang]}
          </div>
          {status.nextAttemptAt ? <div className="ns-sync-detail">{t('indicator.retryAt', { time: clock(status.nextAttemptAt) })}</div> : null}
        </>
      ) : (
        <div className={status.lastSuccessAt ? 'ns-sync-line ns-sync-ok' : 'ns-sync-line ns-sync-idle'}>
          <CheckCircleOutlined aria-hidden />
          <span>{status.lastSuccessAt ? t('indicator.syncedAt', { time: clock(status.lastSuccessAt) }) : t('indicator.never')}</span>
        </div>
      )}
      {status.pending > 0 ? (
        <div className="ns-sync-line ns-sync-pending">
          <CloudUploadOutlined aria-hidden />
          <span>{t('indicator.pending', { count: status.pending })}</span>
        </div>
      ) : null}
      {status.conflicts > 0 ? (
        <div className="ns-sync-line ns-sync-warn">
          <WarningOutlined aria-hidden />
          <Link to="/sync/conflicts">{t('indicator.conflicts', { count: status.conflicts })}</Link>
        </div>
      ) : null}
      {status.rejected > 0 ? (
        <div className="ns-sync-line ns-sync-warn">
          <WarningOutlined aria-hidden />
          <Link to="/sync/conflicts">{t('indicator.rejected', { count: status.rejected })}</Link>
        </div>
      ) : null}
    </>
  );
}
