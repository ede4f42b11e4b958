import { FileExcelOutlined, FilePdfOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attendanceStatusLabels,
  participantRoleLabels,
  rsvpStatusLabels,
  type AttendanceStatus,
  type MeetingDetail,
  type Participant,
  type ParticipantList,
} from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { ParticipantName } from '../participants/ParticipantName.tsx';
import { rsvpColors } from '../participants/ParticipantsTab.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';
import { useSaveExport } from '../../../common/useSaveExport.ts';
import { timeVi } from '../../../../../shared/vn-time.ts';
import { AttendanceNoteDialog } from './AttendanceNoteDialog.tsx';
import { QuorumIndicator } from './QuorumIndicator.tsx';

const marks: AttendanceStatus[] = ['present', 'late', 'absent', 'delegated'];
const markColors: Record<AttendanceStatus, string> = { present: 'green', late: 'gold', absent: 'red', delegated: 'orange' };

/** Điểm danh: one click per participant, counts and the quorum as they change, the list exported. */
export function AttendanceTab({ meeting, onList }: { meeting: MeetingDetail; onList: (list: ParticipantList) => void }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const [note, setNote] = useState<{ participant: Participant; kind: 'absent' | 'delegated' } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const open = meeting.attendanceOpen && meeting.origin === 'local';
  const s = meeting.attendance;

  async function mark(p: Participant, attendance: AttendanceStatus | null, text?: string): Promise<boolean> {
    setPending(p.id);
    const list = await run(() =>
      bridge.invoke('attendance.set', {
        participantId: p.id,
        attendance,
        ...(attendance === 'absent' ? { absenceReason: text ?? null } : {}),
        ...(attendance === 'delegated' ? { delegateName: text ?? null } : {}),
      }),
    );
    setPending(null);
    if (list) onList(list);
    return list !== undefined;
  }

  const columns: ColumnsType<Participant> = [
    { title: t('participants.order'), key: 'order', width: 56, render: (_, p) => p.order + 1 },
    { title: t('participants.who'), key: 'who', render: (_, p) => <ParticipantName participant={p} /> },
    {
      title: t('participants.role'),
      key: 'role',
      width: 110,
      render: (_, p) => participantRoleLabels[p.role][lang],
    },
    {
      title: t('attendance.rsvpColumn'),
      key: 'rsvp',
      width: 130,
      render: (_, p) => <Tag color={rsvpColors[p.rsvp]}>{rsvpStatusLabels[p.rsvp][lang]}</Tag>,
    },
    {
      title: t('attendance.markColumn'),
      key: 'mark',
      width: 360,
      render: (_, p) => (
        <Flex vertical gap={2}>
          {open ? (
            <Space size={4} wrap role="group" aria-label={t('attendance.markFor', { name: p.name })}>
              {marks.map((m) => (
                <Button
                  key={m}
                  size="small"
                  type={p.attendance === m ? 'primary' : 'default'}
                  danger={m === 'absent' && p.attendance === m}
                  aria-pressed={p.attendance === m}
                  aria-label={`${attendanceStatusLabels[m][lang]}: ${p.name}`}
                  disabled={pending === p.id}
                  onClick={() => {
                    if (m === 'absent' || m === 'delegated') setNote({ participant: p, kind: m });
                    else void mark(p, m);
                  }}
                >
                  {attendanceStatusLabels[m][lang]}
                </Button>
              ))}
              {p.attendance ? (
                <Button size="small" type="text" icon={<UndoOutlined />} aria-label={t('attendance.clearFor', { name: p.name })} onClick={() => void mark(p, null)} />
              ) : null}
            </Space>
          ) : p.attendance ? (
            <Tag color={markColors[p.attendance]}>{attendanceStatusLabels[p.attendance][lang]}</Tag>
          ) : (
            <Typography.Text type="secondary">{t('attendance.unmarked')}</Typography.Text>
          )}
          {p.attendance === 'absent' && p.absenceReason ? (
            <Typography.Text type="secondary" className="ns-small">
              {t('participants.reasonIs', { reason: p.absenceReason })}
            </Typography.Text>
          ) : null}
          {p.attendance === 'delegated' && p.attendanceDelegate ? (
            <Typography.Text type="secondary" className="ns-small">
              {t('participants.delegateIs', { name: p.attendanceDelegate })}
            </Typography.Text>
          ) : null}
          {p.attendanceAt && p.attendance ? (
            <Typography.Text type="secondary" className="ns-small">
              {t('attendance.markedAt', { time: timeVi(p.attendanceAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  const stats: Array<{ key: string; label: string; value: number; suffix?: string }> = [
    { key: 'present', label: attendanceStatusLabels.present[lang], value: s.present },
    { key: 'late', label: attendanceStatusLabels.late[lang], value: s.late },
    { key: 'absent', label: attendanceStatusLabels.absent[lang], value: s.absent },
    { key: 'delegated', label: attendanceStatusLabels.delegated[lang], value: s.delegated },
    { key: 'unmarked', label: t('attendance.unmarked'), value: s.unmarked },
    { key: 'members', label: t('attendance.membersAttending'), value: s.membersAttending, suffix: `/ ${s.members}` },
    { key: 'guests', label: t('attendance.guestsAttending'), value: s.guestsAttending, suffix: `/ ${s.guests}` },
  ];

  return (
    <div>
      {!open ? (
        <Alert
          type="info"
          showIcon
          className="ns-block"
          title={meeting.origin === 'pack' ? t('attendance.readOnlyPack') : t('attendance.closed')}
        />
      ) : null}
      <Flex gap="middle" wrap align="stretch" className="ns-attendance-head">
        <Card size="small" className="ns-quorum-card">
          <QuorumIndicator summary={s} />
        </Card>
        <Card size="small" className="ns-stats-card">
          <Flex gap="large" wrap>
            {stats.map((x) => (
              <Statistic key={x.key} title={x.label} value={x.value} suffix={x.suffix} />
            ))}
          </Flex>
        </Card>
      </Flex>
      <Flex gap="small" wrap className="ns-tab-toolbar">
        <Button
          icon={<FileExcelOutlined />}
          disabled={meeting.participants.length === 0}
          onClick={() =>
            void saveExport(() => bridge.invoke('attendance.exportXlsx', { meetingId: meeting.id }), (f) => t('actions.exported', { fileName: f.fileName }))
          }
        >
          {t('attendance.exportXlsx')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={meeting.participants.length === 0}
          onClick={() =>
            void saveExport(() => bridge.invoke('attendance.exportPdf', { meetingId: meeting.id }), (f) => t('actions.exported', { fileName: f.fileName }))
          }
        >
          {t('attendance.exportPdf')}
        </Button>
        {s.delegates > 0 ? (
          <Typography.Text type="secondary" className="ns-push-right">
            {t('attendance.delegatesNote', { count: s.delegates })}
          </Typography.Text>
        ) : null}
      </Flex>
      {meeting.participants.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attendance.empty')} />
      ) : (
        <Table<Participant>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={meeting.participants}
          pagination={meeting.participants.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        />
      )}
      {note ? (
        <AttendanceNoteDialog
          participant={note.participant}
          kind={note.kind}
          onClose={() => setNote(null)}
          onSubmit={(text) => mark(note.participant, note.kind, text)}
        />
      ) : null}
    </div>
  );
}
