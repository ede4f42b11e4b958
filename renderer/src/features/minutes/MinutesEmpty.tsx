import { FileAddOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail, MinutesView } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';
import { EmptyCard } from './EmptyCard.tsx';

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
    <EmptyCard
      title={t('empty.title')}
      body={t('empty.body')}
      reason={reason}
      action={
        canStart ? (
          <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={() => void create()}>
            {t('empty.create')}
          </Button>
        ) : null
      }
    />
  );
}
