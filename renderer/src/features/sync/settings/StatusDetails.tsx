import { Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../../../shared/contract/index.ts';
import { useLang } from '../../../common/useLang.ts';
import { SectionTitle } from '../../../pages/settings/SectionTitle.tsx';
import { dateTime } from '../syncFormat.ts';
import { useSyncStatus } from '../SyncStatusContext.tsx';
import { unitLabel, useUnitNames } from '../useUnitNames.ts';

/** Where sync stands, in full: for the user, and for the IT officer on the phone with the province. */
export function StatusDetails({ status }: { status: SyncStatus }) {
  const { t } = useTranslation('sync');
  const lang = useLang();
  const units = useUnitNames();
  const { waitingPacks } = useSyncStatus();
  const none = <Typography.Text type="secondary">{t('status.none')}</Typography.Text>;
  const mono = (value: string | null): ReactNode =>
    value ? (
      <Typography.Text className="ns-sync-mono" copyable>
        {value}
      </Typography.Text>
    ) : (
      none
    );
  const waiting = status.conflicts + status.rejected;

  return (
    <Card title={<SectionTitle>{t('status.title')}</SectionTitle>} className="ns-sync-card">
      <Descriptions
        column={1}
        size="small"
        bordered
        className="ns-sync-status"
        items={[
          {
            key: 'state',
            label: t('status.state'),
            children: status.configured ? <Tag color="success">{t('status.connected')}</Tag> : <Tag>{t('status.notConnected')}</Tag>,
          },
          { key: 'unit', label: t('status.unit'), children: status.unitCode ? unitLabel(units, status.unitCode) : <Typography.Text type="secondary">{t('status.unitUnknown')}</Typography.Text> },
          { key: 'installation', label: t('status.installationId'), children: mono(status.installationId) },
          { key: 'pending', label: t('status.pending'), children: status.pending },
          {
            key: 'waiting',
            label: t('status.waiting'),
            children: (
              <>
                {t('status.waitingValue', { conflicts: status.conflicts, rejected: status.rejected })}
                {waiting > 0 ? (
                  <>
                    {' — '}
                    <Link to="/sync/conflicts">{t('status.openConflicts')}</Link>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: 'packs',
            label: t('status.packs'),
            children: (
              <>
                {waitingPacks > 0 ? (
                  <>
                    <Typography.Text type="warning">{t('status.packsWaiting', { count: waitingPacks })}</Typography.Text>
                    {' — '}
                  </>
                ) : null}
                <Link to="/sync/publications">{t('status.openPacks')}</Link>
              </>
            ),
          },
          { key: 'success', label: t('status.lastSuccess'), children: status.lastSuccessAt ? dateTime(status.lastSuccessAt) : none },
          {
            key: 'error',
            label: t('status.lastError'),
            children: status.lastError ? (
              <Typography.Text type="danger">
                {status.lastError[lang]} {t('status.lastErrorAt', { time: dateTime(status.lastError.at) })}
              </Typography.Text>
            ) : (
              none
            ),
          },
          { key: 'next', label: t('status.nextAttempt'), children: status.nextAttemptAt ? dateTime(status.nextAttemptAt) : none },
          { key: 'cursor', label: t('status.cursor'), children: mono(status.cursor) },
        ]}
      />
    </Card>
  );
}
