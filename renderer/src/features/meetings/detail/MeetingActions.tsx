import {
  CalendarOutlined,
  CopyOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  FilePdfOutlined,
  InboxOutlined,
  MailOutlined,
  PlayCircleOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, Flex, Popconfirm, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MeetingDetail, MeetingStatus } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { ExportPackButton } from '../../packs/ExportPackButton.tsx';
import { PublishPackButton } from '../../sync/publications/PublishPackButton.tsx';
import { useLang } from '../../../common/useLang.ts';
import { useRun } from '../../../common/useRun.ts';
import { useSaveExport } from '../../../common/useSaveExport.ts';

interface StatusStep {
  label: string;
  icon: ReactNode;
  confirm: string | null;
  done: string;
}

interface MeetingActionsProps {
  meeting: MeetingDetail;
  onEdit: () => void;
  onClone: () => void;
  onChanged: (meeting: MeetingDetail) => void;
}

/** What can be done with the meeting now, following its status and where it came from. */
export function MeetingActions({ meeting, onEdit, onClone, onChanged }: MeetingActionsProps) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const saveExport = useSaveExport();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<MeetingStatus | 'delete' | null>(null);
  const local = meeting.origin === 'local';

  const steps: Record<Exclude<MeetingStatus, 'draft'>, StatusStep> = {
    published: { label: t('actions.publish'), icon: <SendOutlined />, confirm: t('actions.publishConfirm'), done: t('actions.published') },
    in_progress: { label: t('actions.start'), icon: <PlayCircleOutlined />, confirm: null, done: t('actions.started') },
    ended: { label: t('actions.end'), icon: <StopOutlined />, confirm: t('actions.endConfirm'), done: t('actions.ended') },
    archived: { label: t('actions.archive'), icon: <InboxOutlined />, confirm: t('actions.archiveConfirm'), done: t('actions.archived') },
  };

  async function move(status: MeetingStatus): Promise<void> {
    setBusy(status);
    const updated = await run(() => bridge.invoke('meetings.setStatus', { id: meeting.id, status }), steps[status as keyof typeof steps].done);
    setBusy(null);
    if (updated) onChanged(updated);
  }

  async function remove(): Promise<void> {
    setBusy('delete');
    const done = await run(() => bridge.invoke('meetings.delete', { id: meeting.id }), t('actions.deleted', { title: meeting.title }));
    setBusy(null);
    if (done) void navigate('/meetings');
  }

  const statusButtons = local
    ? meeting.nextStatuses
        .filter((s): s is keyof typeof steps => s !== 'draft')
        .map((status) => {
          const step = steps[status];
          const blocked = status === 'published' && meeting.publishBlockers.length > 0;
          const button = (
            <Button
              key={status}
              type={status === 'archived' ? 'default' : 'primary'}
              icon={step.icon}
              loading={busy === status}
              disabled={blocked}
              onClick={step.confirm ? undefined : () => void move(status)}
            >
              {step.label}
            </Button>
          );
          if (blocked) {
            return (
              <Tooltip key={status} title={meeting.publishBlockers.map((b) => b[lang]).join('; ')}>
                <span>{button}</span>
              </Tooltip>
            );
          }
          return step.confirm ? (
            <Popconfirm
              key={status}
              title={step.label}
              description={<div className="ns-confirm-text">{step.confirm}</div>}
              okText={step.label}
              cancelText={t('common.cancel')}
              onConfirm={() => move(status)}
            >
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })
    : [];

  return (
    <Flex gap="small" wrap className="ns-meeting-actions" role="toolbar" aria-label={t('actions.label')}>
      {statusButtons}
      {meeting.editable ? (
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {t('actions.edit')}
        </Button>
      ) : null}
      {local && meeting.status !== 'draft' ? <ExportPackButton meeting={meeting} /> : null}
      {local && meeting.status !== 'draft' ? <PublishPackButton meeting={meeting} /> : null}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'ics', icon: <CalendarOutlined />, label: t('actions.icsAll') },
            { key: 'pdf', icon: <FilePdfOutlined />, label: t('actions.invitationPdfAll') },
          ],
          onClick: ({ key }) =>
            void saveExport(
              () => bridge.invoke(key === 'ics' ? 'invitations.exportIcs' : 'invitations.exportPdf', { meetingId: meeting.id }),
              (file) => t('actions.exported', { fileName: file.fileName }),
            ),
        }}
      >
        <Button icon={<MailOutlined />} disabled={meeting.participants.length === 0}>
          {t('actions.invitations')} <DownOutlined />
        </Button>
      </Dropdown>
      {local ? (
        <Button icon={<CopyOutlined />} onClick={onClone}>
          {t('actions.clone')}
        </Button>
      ) : null}
      {local && meeting.status === 'draft' ? (
        <Popconfirm
          title={t('actions.deleteConfirm', { title: meeting.title })}
          description={t('actions.deleteHint')}
          okText={t('actions.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove()}
        >
          <Button danger icon={<DeleteOutlined />} loading={busy === 'delete'}>
            {t('actions.delete')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}
