import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { dateTime } from '../syncFormat.ts';
import { useSyncStatus } from '../SyncStatusContext.tsx';
import { SyncBlockedButton } from './SyncBlockedButton.tsx';
import { useQueueForHub } from './useQueueForHub.ts';
import '../sync.css';

interface Props {
  /** 'request': the secretariat sends its request; 'answers': a member sends the answers back. */
  what: 'request' | 'answers';
  requestId: string;
  /** Runs first (a member's unsaved answers are saved); false stops the send. */
  before?: () => Promise<boolean>;
  disabled?: boolean;
}

/**
 * "Gửi qua Hệ thống điều hành" beside the written-opinions file buttons: the same signed file,
 * queued for the hub instead of saved. Answers go back online only for a request that came online
 * (the hub sends them to the unit that asked, and to no one else); for one handed over as a file,
 * the button says so. The last send of this request and its state show beside it.
 */
export function PublishOpinionsButton({ what, requestId, before, disabled }: Props) {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const { state, publications } = useSyncStatus();
  const { busy, send } = useQueueForHub();
  const kind = what === 'request' ? 'opinion_request' : 'opinion_answers';
  const last = publications?.find((p) => p.direction === 'out' && p.kind === kind && p.requestId === requestId);
  const cameOnline = publications?.some((p) => p.direction === 'in' && p.kind === 'opinion_request' && p.requestId === requestId) ?? false;

  const publish = () =>
    send(async () => {
      if (before && !(await before())) return false;
      await bridge.invoke(what === 'request' ? 'sync.publishOpinionRequest' : 'sync.publishOpinionAnswers', { requestId });
      return true;
    }, t(`publishOpinions.queued.${what}`));

  const button = (off: boolean) => (
    <Button icon={<CloudUploadOutlined />} loading={busy} disabled={off}>
      {t(`publishOpinions.button.${what}`)}
    </Button>
  );
  let control;
  if (!(state.data?.configured ?? false)) {
    control = (
      <SyncBlockedButton
        reason={
          <>
            {t('publish.notConnected')} <Link to="/sync">{t('publish.openSync')}</Link>
          </>
        }
      >
        {button(true)}
      </SyncBlockedButton>
    );
  } else if (what === 'answers' && !cameOnline) {
    control = <SyncBlockedButton reason={t('publishOpinions.cameAsFile')}>{button(true)}</SyncBlockedButton>;
  } else {
    control = (
      <Popconfirm
        title={t(`publishOpinions.confirmTitle.${what}`)}
        description={<div className="ns-sync-confirm">{t(`publishOpinions.confirmDetail.${what}`)}</div>}
        okText={t('publish.confirmOk')}
        cancelText={t('common.cancel')}
        onConfirm={() => publish()}
        disabled={disabled}
      >
        {button(disabled ?? false)}
      </Popconfirm>
    );
  }
  return (
    <Flex gap="small" align="center" wrap>
      {control}
      {last ? (
        <Tag color={last.state === 'sent' ? 'success' : last.state === 'rejected' ? 'error' : 'processing'} title={last.message ?? undefined}>
          {t(`publishOpinions.last.${last.state === 'sent' || last.state === 'rejected' ? last.state : 'pending'}`, { at: dateTime(last.createdAt) })}
        </Tag>
      ) : null}
    </Flex>
  );
}
