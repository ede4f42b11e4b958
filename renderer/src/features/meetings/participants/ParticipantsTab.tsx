import { ArrowDownOutlined, ArrowUpOutlined, CalendarOutlined, DeleteOutlined, EditOutlined, FilePdfOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  participantRoleLabels,
  rsvpStatus,
  rsvpStatusLabels,
  type MeetingDetail,
  type Participant,
  type ParticipantList,
  type ParticipantRole,
  type RsvpStatus,
} from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';
import { useSaveExport } from '../../../common/useSaveExport.ts';
import { AddParticipantDialog } from './AddParticipantDialog.tsx';
import { ParticipantName } from './ParticipantName.tsx';
import { RsvpDialog } from './RsvpDialog.tsx';

export const rsvpColors: Record<RsvpStatus, string> = { invited: 'default', confirmed: 'green', declined: 'red', delegated: 'orange' };

/** Thành phần: who is invited, in what role, and what they answered. */
export function ParticipantsTab({ meeting, onList }: { meeting: MeetingDetail; onList: (list: ParticipantList) => void }) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const { message } = AntApp.useApp();
  const [adding, setAdding] = useState(false);
  const [answering, setAnswering] = useState<Participant | null>(null);
  const [busy, setBusy] = useState(false);
  const { participants, editable } = meeting;

  async function apply(work: () => Promise<ParticipantList>, success?: string): Promise<void> {
    const list = await run(work, success);
    if (list) onList(list);
  }

  async function addCommittee(): Promise<void> {
    setBusy(true);
    const list = await run(() => bridge.invoke('participants.addCommittee', { meetingId: meeting.id }));
    setBusy(false);
    if (!list) return;
    onList(list);
    if (list.added > 0) void message.success(t('participants.committeeAdded', { count: list.added }));
    else void message.info(t('participants.committeeNone'));
  }

  const columns: ColumnsType<Participant> = [
    { title: t('participants.order'), key: 'order', width: 56, render: (_, p) => p.order + 1 },
    { title: t('participants.who'), key: 'who', render: (_, p) => <ParticipantName participant={p} /> },
    {
      title: t('participants.role'),
      key: 'role',
      width: 150,
      render: (_, p) =>
        editable ? (
          <Select<ParticipantRole>
            size="small"
            aria-label={t('participants.roleOf', { name: p.name })}
            value={p.role}
            className="ns-role-select"
            onChange={(role) => void apply(() => bridge.invoke('participants.update', { id: p.id, role }), t('participants.roleChanged', { name: p.name }))}
            options={(p.kind === 'organization' ? (['member', 'guest'] as const) : (['chair', 'member', 'guest', 'secretary'] as const)).map((r) => ({
              value: r,
              label: participantRoleLabels[r][lang],
            }))}
          />
        ) : (
          participantRoleLabels[p.role][lang]
        ),
    },
    {
      title: t('participants.rsvp'),
      key: 'rsvp',
      width: 240,
      render: (_, p) => (
        <Flex gap={4} align="start" vertical>
          <Space size={4}>
            <Tag color={rsvpColors[p.rsvp]}>{rsvpStatusLabels[p.rsvp][lang]}</Tag>
            {editable ? (
              <Button size="small" type="link" icon={<EditOutlined />} aria-label={t('participants.answerFor', { name: p.name })} onClick={() => setAnswering(p)}>
                {t('participants.answer')}
              </Button>
            ) : null}
          </Space>
          {p.rsvpDelegate ? (
            <Typography.Text type="secondary" className="ns-small">
              {t('participants.delegateIs', { name: p.rsvpDelegate.name })}
            </Typography.Text>
          ) : null}
          {p.rsvpReason ? (
            <Typography.Text type="secondary" className="ns-small">
              {t('participants.reasonIs', { reason: p.rsvpReason })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, p) => (
        <Space size={0} wrap>
          <Tooltip title={t('participants.icsOne')}>
            <Button
              size="small"
              type="text"
              icon={<CalendarOutlined />}
              aria-label={t('participants.icsFor', { name: p.name })}
              onClick={() =>
                void saveExport(
                  () => bridge.invoke('invitations.exportIcs', { meetingId: meeting.id, participantId: p.id }),
                  (f) => t('actions.exported', { fileName: f.fileName }),
                )
              }
            />
          </Tooltip>
          <Tooltip title={t('participants.pdfOne')}>
            <Button
              size="small"
              type="text"
              icon={<FilePdfOutlined />}
              aria-label={t('participants.pdfFor', { name: p.name })}
              onClick={() =>
                void saveExport(
                  () => bridge.invoke('invitations.exportPdf', { meetingId: meeting.id, participantId: p.id }),
                  (f) => t('actions.exported', { fileName: f.fileName }),
                )
              }
            />
          </Tooltip>
          {editable ? (
            <>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={p.order === 0}
                aria-label={t('participants.moveUp', { name: p.name })}
                onClick={() => void apply(() => bridge.invoke('participants.move', { id: p.id, index: p.order - 1 }))}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={p.order === participants.length - 1}
                aria-label={t('participants.moveDown', { name: p.name })}
                onClick={() => void apply(() => bridge.invoke('participants.move', { id: p.id, index: p.order + 1 }))}
              />
              <Popconfirm
                title={t('participants.removeConfirm', { name: p.name })}
                okText={t('participants.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => apply(() => bridge.invoke('participants.remove', { id: p.id }), t('participants.removed', { name: p.name }))}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('participants.removeNamed', { name: p.name })} />
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  const counts = meeting.attendance.rsvp;
  return (
    <div>
      <Flex gap="small" wrap align="center" className="ns-tab-toolbar">
        {editable ? (
          <>
            <Button type="primary" icon={<TeamOutlined />} loading={busy} onClick={() => void addCommittee()}>
              {t('participants.addCommittee')}
            </Button>
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
              {t('participants.add')}
            </Button>
          </>
        ) : null}
        {participants.length > 0 ? (
          <Space size={4} wrap className="ns-push-right" aria-label={t('participants.rsvpSummary')}>
            {rsvpStatus.options.map((s) => (
              <Tag key={s} color={rsvpColors[s]}>
                {rsvpStatusLabels[s][lang]}: {counts[s]}
              </Tag>
            ))}
          </Space>
        ) : null}
      </Flex>
      {participants.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Text strong>{t('participants.emptyTitle')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{editable ? t('participants.emptyHint') : t('participants.emptyReadOnly')}</Typography.Text>
            </>
          }
        />
      ) : (
        <Table<Participant>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={participants}
          pagination={participants.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          className="ns-participants-table"
        />
      )}
      {adding ? (
        <AddParticipantDialog
          meeting={meeting}
          onClose={() => setAdding(false)}
          onAdded={(list, name) => {
            onList(list);
            void message.success(t('participants.added', { name }));
          }}
        />
      ) : null}
      {answering ? (
        <RsvpDialog
          participant={answering}
          onClose={() => setAnswering(null)}
          onSaved={(list) => {
            setAnswering(null);
            onList(list);
            void message.success(t('rsvp.saved', { name: answering.name }));
          }}
        />
      ) : null}
    </div>
  );
}
