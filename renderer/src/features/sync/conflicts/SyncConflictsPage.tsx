import { ArrowLeftOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { errorText } from '../../../common/errors.ts';
import { Page } from '../../../shell/Page.tsx';
import { SYNC_AREAS } from '../SyncStatusContext.tsx';
import { useUnitNames } from '../useUnitNames.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { RejectedList } from './RejectedList.tsx';
import '../sync.css';

/** #/sync/conflicts — what waits for a person: conflicts with the hub's copy, and changes the hub refused. */
export function SyncConflictsPage() {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('sync.conflicts', {}), [bridge]);
  const { state, reload } = useCoreData(load, SYNC_AREAS);
  const units = useUnitNames();
  const data = state.data;

  return (
    <Page title={t('conflicts.title')} intro={t('conflicts.intro')}>
      <Link to="/sync" className="ns-sync-back">
        <ArrowLeftOutlined aria-hidden /> {t('conflicts.back')}
      </Link>
      {state.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          className="ns-sync-card"
          title={t('conflicts.loadFailed', { message: errorText(state.error) })}
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      ) : null}
      {!data ? (
        state.status === 'loading' ? (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : null
      ) : data.conflicts.length === 0 && data.rejected.length === 0 ? (
        <Card>
          <Empty
            className="ns-empty"
            image={<CheckCircleOutlined className="ns-sync-empty-icon" aria-hidden />}
            description={
              <>
                <Typography.Text strong>{t('conflicts.empty')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('conflicts.emptyHint')}</Typography.Text>
              </>
            }
          />
        </Card>
      ) : (
        <>
          {data.conflicts.length > 0 ? (
            <section aria-labelledby="ns-sync-conflicts-title">
              <Typography.Title level={2} id="ns-sync-conflicts-title" className="ns-sync-section-title">
                {t('conflicts.conflictsTitle', { count: data.conflicts.length })}
              </Typography.Title>
              {data.conflicts.map((c) => (
                <ConflictCard key={c.id} conflict={c} units={units} onDone={reload} />
              ))}
            </section>
          ) : null}
          {data.rejected.length > 0 ? (
            <section aria-labelledby="ns-sync-rejected-title">
              <Typography.Title level={2} id="ns-sync-rejected-title" className="ns-sync-section-title">
                {t('conflicts.rejectedTitle', { count: data.rejected.length })}
              </Typography.Title>
              <RejectedList items={data.rejected} onDone={reload} />
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
