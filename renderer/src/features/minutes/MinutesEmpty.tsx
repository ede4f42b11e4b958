import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';

/** No minutes yet: what the draft will hold, and the button that makes it from the meeting. */
export function MinutesEmpty({ meeting, onCreated }: { meeting: MeetingDetail; onCreated: (view: MinutesView) => void }) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const [busy, setBusy] = useState(false);
  const canStart = meeting.origin === 'local' && (meeting.status === 'in_progress' || meeting.status === 'ended');
  const reason = meeting.origin === 'pack' ? t('empty.fromPack') : meeting.status === 'archived' ? t('empty.archived') : canStart ? null : t('empty.notYet');

  async function create(): Promise<void> {
    setBusy(true);
    const view = await run(() => bridge.invoke('minutes.draft', { meetingId: meeting.id }), t('empty.created'));
    setBusy(false);
    if (view) onCreated(view);
  }

  return (
    <Card className="ns-block">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div className="ns-minutes-empty">
            <Typography.Title level={2} className="ns-minutes-empty-title">
              {t('empty.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('empty.body')}</Typography.Paragraph>
            {reason ? <Typography.Paragraph type="warning">{reason}</Typography.Paragraph> : null}
          </div>
        }
      >
        {canStart ? (
          <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={() => void create()}>
            {t('empty.create')}
          </Button>
        ) : null}
      </Empty>
    </Card>
  );
}
