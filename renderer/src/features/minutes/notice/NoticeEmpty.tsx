import { FileAddOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDetail, MinutesView, NoticeView } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useRun } from '../../../common/useRun.ts';
import { EmptyCard } from '../EmptyCard.tsx';

/** No notice yet: what it will hold, and the button that drafts it from the minutes' conclusions. */
export function NoticeEmpty({ meeting, minutes, onCreated }: { meeting: MeetingDetail; minutes: MinutesView | null; onCreated: (view: NoticeView) => void }) {
  const { t } = useTranslation('minutes');
  const bridge = useBridge();
  const run = useRun();
  const [busy, setBusy] = useState(false);
  const count = minutes?.conclusions.length ?? 0;
  const reason =
    meeting.origin === 'pack' ? t('notice.empty.fromPack') : !minutes ? t('notice.empty.noMinutes') : count === 0 ? t('notice.empty.noConclusions') : null;

  async function create(): Promise<void> {
    setBusy(true);
    const view = await run(() => bridge.invoke('notice.create', { meetingId: meeting.id }), t('notice.empty.created'));
    setBusy(false);
    if (view) onCreated(view);
  }

  return (
    <EmptyCard
      title={t('notice.empty.title')}
      body={t('notice.empty.body')}
      reason={reason}
      action={
        reason === null ? (
          <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={() => void create()}>
            {t('notice.empty.create', { count })}
          </Button>
        ) : meeting.origin === 'local' ? (
          <Link to={`/meetings/${meeting.id}/minutes`}>
            <Button type="primary">{t('notice.empty.goMinutes')}</Button>
          </Link>
        ) : null
      }
    />
  );
}
