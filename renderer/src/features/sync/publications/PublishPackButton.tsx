import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useSyncStatus } from '../SyncStatusContext.tsx';
import { SyncBlockedButton } from './SyncBlockedButton.tsx';
import { useQueueForHub } from './useQueueForHub.ts';
import '../sync.css';

/**
 * "Gửi qua Hệ thống điều hành" beside "Xuất gói tài liệu": the same signed pack, queued for the
 * committee's member units instead of saved to a file. Shown disabled, with the reason, where the
 * core would refuse it anyway (not connected, a classified meeting), so the secretariat learns where
 * to connect rather than meeting an error after the click.
 */
export function PublishPackButton({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const configured = useSyncStatus().state.data?.configured ?? false;
  const { busy, send } = useQueueForHub();

  const publish = () =>
    send(async () => {
      await bridge.invoke('sync.publishPack', { meetingId: meeting.id });
      return true;
    }, t('publish.queued'));

  const button = (disabled: boolean) => (
    <Button icon={<CloudUploadOutlined />} loading={busy} disabled={disabled}>
      {t('publish.button')}
    </Button>
  );
  const blocked = (reason: ReactNode) => <SyncBlockedButton reason={reason}>{button(true)}</SyncBlockedButton>;

  if (meeting.classification !== 'normal') return blocked(t('publish.classified'));
  if (!configured) {
    return blocked(
      <>
        {t('publish.notConnected')} <Link to="/sync">{t('publish.openSync')}</Link>
      </>,
    );
  }
  return (
    <Popconfirm
      title={t('publish.confirmTitle')}
      description={<div className="ns-sync-confirm">{t('publish.confirmDetail')}</div>}
      okText={t('publish.confirmOk')}
      cancelText={t('common.cancel')}
      onConfirm={() => publish()}
    >
      {button(false)}
    </Popconfirm>
  );
}
