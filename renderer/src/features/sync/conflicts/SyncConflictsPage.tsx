import { CheckCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { SYNC_AREAS } from '../SyncStatusContext.tsx';
import { SyncSubPage } from '../SyncSubPage.tsx';
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

  return (
    <SyncSubPage
      title={t('conflicts.title')}
      intro={t('conflicts.intro')}
      back={t('conflicts.back')}
      loadFailed={(message) => t('conflicts.loadFailed', { message })}
      state={state}
      reload={reload}
      isEmpty={(d) => d.conflicts.length === 0 && d.rejected.length === 0}
      empty={{ icon: <CheckCircleOutlined className="ns-sync-empty-icon" aria-hidden />, title: t('conflicts.empty'), hint: t('conflicts.emptyHint') }}
    >
      {(d) => (
        <>
          {d.conflicts.length > 0 ? (
            <section aria-labelledby="ns-sync-conflicts-title">
              <Typography.Title level={2} id="ns-sync-conflicts-title" className="ns-sync-section-title">
                {t('conflicts.conflictsTitle', { count: d.conflicts.length })}
              </Typography.Title>
              {d.conflicts.map((c) => (
                <ConflictCard key={c.id} conflict={c} units={units} onDone={reload} />
              ))}
            </section>
          ) : null}
          {d.rejected.length > 0 ? (
            <section aria-labelledby="ns-sync-rejected-title">
              <Typography.Title level={2} id="ns-sync-rejected-title" className="ns-sync-section-title">
                {t('conflicts.rejectedTitle', { count: d.rejected.length })}
              </Typography.Title>
              <RejectedList items={d.rejected} onDone={reload} />
            </section>
          ) : null}
        </>
      )}
    </SyncSubPage>
  );
}
