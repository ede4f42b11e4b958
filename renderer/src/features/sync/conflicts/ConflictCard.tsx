import { CloudDownloadOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncConflict } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { dateTime } from '../syncFormat.ts';
import { useSyncStatus } from '../SyncStatusContext.tsx';
import { useFieldFormat } from './useFieldFormat.ts';

interface DiffRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

/** One conflict: the task, what the hub said, the fields that differ side by side, and the two ways out. */
export function ConflictCard({ conflict, units, onDone }: { conflict: SyncConflict; units: ReadonlyMap<string, string>; onDone: () => void }) {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const { adopt } = useSyncStatus();
  const { message } = AntApp.useApp();
  const format = useFieldFormat(units);
  const [busy, setBusy] = useState<'mine' | 'theirs' | null>(null);
  const titleId = `ns-sync-conflict-${conflict.id}`;
  const rows: DiffRow[] = conflict.diffs.map((d) => ({
    field: d.field,
    label: format.label(d.field),
    mine: format.value(d.field, d.mine),
    theirs: format.value(d.field, d.theirs),
  }));

  async function resolve(keep: 'mine' | 'theirs'): Promise<void> {
    setBusy(keep);
    try {
      adopt(await bridge.invoke('sync.resolveConflict', { id: conflict.id, keep }));
      void message.success(keep === 'mine' ? t('conflicts.keptMine') : t('conflicts.tookTheirs'));
      onDone();
    } catch (error) {
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card className="ns-sync-card ns-sync-conflict" role="article" aria-labelledby={titleId}>
      <Typography.Title level={3} id={titleId} className="ns-sync-conflict-title">
        <Link to={`/tasks/${conflict.taskId}`}>{conflict.taskContent}</Link>
      </Typography.Title>
      <Flex gap="small" align="center" wrap className="ns-sync-conflict-meta">
        <Tag color={conflict.kind === 'fields' ? 'blue' : 'cyan'}>{t(`conflicts.kind.${conflict.kind}`)}</Tag>
        <Typography.Text type="secondary">{t('conflicts.detectedAt', { time: dateTime(conflict.detectedAt) })}</Typography.Text>
      </Flex>
      <Alert type="warning" showIcon title={t('conflicts.hubSays', { message: conflict.message })} />
      {rows.length > 0 ? (
        <Table<DiffRow>
          className="ns-sync-diff"
          size="small"
          bordered
          pagination={false}
          rowKey="field"
          // Fixed layout: the two versions get equal columns, however long one of them is.
          tableLayout="fixed"
          dataSource={rows}
          title={() => <Typography.Text strong>{t('conflicts.table')}</Typography.Text>}
          columns={[
            { key: 'field', title: t('conflicts.field'), dataIndex: 'label', width: 180 },
            { key: 'mine', title: t('conflicts.mine'), dataIndex: 'mine' },
            { key: 'theirs', title: t('conflicts.theirs'), dataIndex: 'theirs' },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" className="ns-sync-diff">
          {t('conflicts.noDiff')}
        </Typography.Paragraph>
      )}
      <Flex gap="small" wrap>
        <Button icon={<UserOutlined />} onClick={() => void resolve('mine')} loading={busy === 'mine'} disabled={busy === 'theirs'}>
          {t('conflicts.keepMine')}
        </Button>
        <Button type="primary" icon={<CloudDownloadOutlined />} onClick={() => void resolve('theirs')} loading={busy === 'theirs'} disabled={busy === 'mine'}>
          {t('conflicts.takeTheirs')}
        </Button>
      </Flex>
      <div className="ns-sync-conflict-hints">
        <p>
          <strong>{t('conflicts.keepMine')}:</strong> {t('conflicts.keepMineHint')}
        </p>
        <p>
          <strong>{t('conflicts.takeTheirs')}:</strong> {t('conflicts.takeTheirsHint')}
        </p>
      </div>
    </Card>
  );
}
