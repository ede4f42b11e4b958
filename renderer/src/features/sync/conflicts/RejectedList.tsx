import { DeleteOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncRejected } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { errorText } from '../../../common/errors.ts';
import { dateTime } from '../syncFormat.ts';
import { useSyncStatus } from '../SyncStatusContext.tsx';

/** Changes the hub refused outright: why, and "Bỏ qua" once the user has read it (the change stays on this laptop). */
export function RejectedList({ items, onDone }: { items: SyncRejected[]; onDone: () => void }) {
  const { t } = useTranslation('sync');
  const bridge = useBridge();
  const { adopt } = useSyncStatus();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<number | null>(null);

  async function dismiss(seq: number): Promise<void> {
    setBusy(seq);
    try {
      adopt(await bridge.invoke('sync.dismissRejected', { seq }));
      void message.success(t('conflicts.dismissed'));
      onDone();
    } catch (error) {
      void message.error(t('common.failed', { message: errorText(error) }), 8);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card className="ns-sync-card">
      <Typography.Paragraph type="secondary">{t('conflicts.rejectedIntro')}</Typography.Paragraph>
      <ul className="ns-sync-rejected">
        {items.map((item) => (
          <li key={item.seq}>
            <Flex gap="middle" align="flex-start" justify="space-between">
              <Flex vertical gap={4}>
                {item.taskContent ? (
                  <Link to={`/tasks/${item.taskId}`} className="ns-sync-rejected-task">
                    {item.taskContent}
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t('conflicts.taskGone')}</Typography.Text>
                )}
                <Flex gap="small" align="center" wrap>
                  <Tag>{t(`conflicts.rejectedType.${item.type}`)}</Tag>
                  <Typography.Text type="secondary">{t('conflicts.createdAt', { time: dateTime(item.createdAt) })}</Typography.Text>
                </Flex>
                <Typography.Text type="danger">{item.error}</Typography.Text>
              </Flex>
              <Popconfirm
                title={t('conflicts.dismissConfirm')}
                description={<div className="ns-sync-confirm">{t('conflicts.dismissDetail')}</div>}
                okText={t('conflicts.dismiss')}
                cancelText={t('common.cancel')}
                onConfirm={() => dismiss(item.seq)}
              >
                <Button icon={<DeleteOutlined />} loading={busy === item.seq}>
                  {t('conflicts.dismiss')}
                </Button>
              </Popconfirm>
            </Flex>
          </li>
        ))}
      </ul>
    </Card>
  );
}
