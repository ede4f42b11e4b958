import { DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MeetingDetail } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useRun } from '../../../common/useRun.ts';
import { dayjsToInstant, instantToDayjs } from '../../../common/dayjsTime.ts';

/**
 * "Lên lịch phiên tiếp theo": the same meeting a week later by default (agenda and participants
 * copied, answers and documents not), opened as a new draft.
 */
export function CloneDialog({ meeting, open, onClose }: { meeting: MeetingDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const bridge = useBridge();
  const run = useRun();
  const navigate = useNavigate();
  const [startsAt, setStartsAt] = useState<Dayjs | null>(() => instantToDayjs(meeting.startsAt).add(7, 'day'));
  const [busy, setBusy] = useState(false);

  async function clone(): Promise<void> {
    setBusy(true);
    const result = await run(
      () => bridge.invoke('meetings.clone', { id: meeting.id, ...(startsAt ? { startsAt: dayjsToInstant(startsAt) } : {}) }),
      t('clone.done'),
    );
    setBusy(false);
    if (!result) return;
    onClose();
    void navigate(`/meetings/${result.meeting.id}`);
  }

  return (
    <Modal
      open={open}
      title={t('clone.title')}
      okText={t('clone.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void clone()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('clone.explain')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('clone.startsAt')} htmlFor="clone-starts-at">
          <DatePicker
            id="clone-starts-at"
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="DD/MM/YYYY HH:mm"
            needConfirm={false}
            value={startsAt}
            onChange={setStartsAt}
            className="ns-full-width"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
