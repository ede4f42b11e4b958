import { Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useRun } from '../../common/useRun.ts';

/** The title the core gives the item (electron/core/domains/tasks/meeting-links.ts). */
const FOLLOW_UP_TITLE = 'Kiểm điểm việc thực hiện kết luận kỳ trước';

/**
 * "Thêm mục kiểm điểm kết luận kỳ trước": adds the agenda item listing the committee's open tasks
 * (on the meetings screen, for a meeting still being prepared), then shows the agenda as saved.
 */
export function AddFollowUpButton({ meetingId, agenda, icon, onAdded }: { meetingId: string; agenda: Agenda; icon?: ReactNode; onAdded: (agenda: Agenda) => void }) {
  const { t } = useTranslation('tasks');
  const bridge = useBridge();
  const run = useRun();
  const [busy, setBusy] = useState(false);

  async function add(): Promise<void> {
    setBusy(true);
    const added = await run(() => bridge.invoke('tasks.addFollowUpItem', { meetingId }), (r) => t('followUp.added', { count: r.tasks }));
    if (added) {
      const meeting = await run(() => bridge.invoke('meetings.get', { id: meetingId }));
      if (meeting) onAdded(meeting.agenda);
    }
    setBusy(false);
  }

  // The core adds it once, under this title; the button goes once it is there.
  if (agenda.items.some((item) => item.title === FOLLOW_UP_TITLE)) return null;
  return (
    <Button icon={icon} loading={busy} onClick={() => void add()}>
      {t('followUp.button')}
    </Button>
  );
}
