import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AgendaItem, MeetingSummary, ReportAttachResult } from '../../../../../shared/contract/index.ts';
import { formatDateTime } from '../../../../../shared/vn-time.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';

interface Props {
  /** Meetings of this committee are offered (all committees' when null). */
  committeeId: string | null;
  /** Stores the report in the meeting chosen, under the agenda item chosen (or at the top). */
  attach: (meetingId: string, agendaItemId: string | undefined) => Promise<ReportAttachResult>;
  disabled?: boolean;
}

const flatten = (items: AgendaItem[]): AgendaItem[] => items.flatMap((i) => [i, ...flatten(i.children)]);

/**
 * "Đưa vào tài liệu cuộc họp": the report, in the official layout as a PDF, becomes a document of a
 * coming meeting — in the store, searchable, and in the pack members receive — so the committee
 * reads the figures it will discuss. Only meetings not yet ended are offered.
 */
export function AttachReportToMeeting({ committeeId, attach, disabled }: Props) {
  const { t } = useTranslation('tasks');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [meetingId, setMeetingId] = useState<string | undefined>();
  const [items, setItems] = useState<AgendaItem[]>([]);
  const [itemId, setItemId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void run(() =>
      bridge.invoke('meetings.list', { statuses: ['draft', 'published', 'in_progress'], order: 'asc', limit: 100, ...(committeeId ? { committeeId } : {}) }),
    ).then((page) => live && setMeetings(page?.items ?? []));
    return () => {
      live = false;
    };
  }, [open, committeeId, bridge, run]);

  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    void run(() => bridge.invoke('meetings.get', { id: meetingId })).then((m) => live && m && setItems(flatten(m.agenda.items)));
    return () => {
      live = false;
    };
  }, [meetingId, bridge, run]);

  async function submit(): Promise<void> {
    if (!meetingId) return;
    setBusy(true);
    const done = await run(() => attach(meetingId, itemId), (r) => t('report.attach.done', { fileName: r.fileName }));
    setBusy(false);
    if (done) {
      setOpen(false);
      void navigate(`/meetings/${meetingId}?tab=agenda`);
    }
  }

  return (
    <>
      <Button icon={<PaperClipOutlined />} disabled={disabled} onClick={() => setOpen(true)}>
        {t('report.attach.button')}
      </Button>
      <Modal
        open={open}
        title={t('report.attach.title')}
        okText={t('report.attach.ok')}
        cancelText={t('report.attach.cancel')}
        okButtonProps={{ disabled: !meetingId, loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary" className="ns-small">
          {t('report.attach.hint')}
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label={t('report.attach.meeting')} htmlFor="ns-attach-meeting">
            <Select
              id="ns-attach-meeting"
              className="ns-attach-meeting"
              showSearch={{ optionFilterProp: 'label' }}
              loading={meetings === null}
              value={meetingId}
              placeholder={t('report.attach.meetingPlaceholder')}
              notFoundContent={meetings === null ? null : t('report.attach.noMeeting')}
              options={(meetings ?? []).map((m) => ({ value: m.id, label: `${formatDateTime(m.startsAt, lang)} — ${m.title}` }))}
              onChange={(id: string) => {
                // A new meeting has its own agenda: the item chosen for the last one goes.
                setItemId(undefined);
                setItems([]);
                setMeetingId(id);
              }}
            />
          </Form.Item>
          <Form.Item label={t('report.attach.item')} htmlFor="ns-attach-item">
            <Select
              id="ns-attach-item"
              className="ns-attach-item"
              allowClear
              disabled={!meetingId}
              value={itemId}
              placeholder={t('report.attach.itemPlaceholder')}
              options={items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` }))}
              onChange={setItemId}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
