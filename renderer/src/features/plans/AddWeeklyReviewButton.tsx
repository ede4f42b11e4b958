import { FileDoneOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { errorText } from '../../common/errors.ts';

/** How the core begins the item's title (electron/core/domains/reports/weekly-review.ts). */
const WEEKLY_REVIEW_TITLE = 'Đánh giá tình hình thực hiện nhiệm vụ';

/**
 * "Đánh giá tuần": adds the agenda item reviewing the week's tasks, the committee's weekly tasks
 * report attached as a PDF so it travels in the meeting pack, then shows the agenda as saved.
 */
export function AddWeeklyReviewButton({ meetingId, agenda, onAdded }: { meetingId: string; agenda: Agenda; onAdded: (agenda: Agenda) => void }) {
  const { t } = useTranslation('plans');
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);

  async function add(): Promise<void> {
    setBusy(true);
    try {
      const added = await bridge.invoke('reports.addWeeklyReview', { meetingId });
      const meeting = await bridge.invoke('meetings.get', { id: meetingId });
      const item = meeting.agenda.items.find((i) => i.id === added.agendaItemId);
      void message.success(t('weekly.added', { title: item?.title ?? WEEKLY_REVIEW_TITLE }));
      onAdded(meeting.agenda);
    } catch (error) {
      void message.error(t('weekly.failed', { message: errorText(error) }), 8);
    } finally {
      setBusy(false);
    }
  }

  // The core adds it once a week; the button goes once the agenda has it.
  if (agenda.items.some((item) => item.title.startsWith(WEEKLY_REVIEW_TITLE))) return null;
  return (
    <Tooltip title={t('weekly.buttonHint')}>
      <Button icon={<FileDoneOutlined />} loading={busy} onClick={() => void add()}>
        {t('weekly.button')}
      </Button>
    </Tooltip>
  );
}
