import { ArrowLeftOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Result, Tabs, Tag, Tooltip } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Agenda, MeetingDetail, ParticipantList } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { Page } from '../../../shell/Page.tsx';
import { AgendaTab } from '../agenda/AgendaTab.tsx';
import { AttendanceTab } from '../attendance/AttendanceTab.tsx';
import { BookingWarnings } from '../form/BookingWarnings.tsx';
import { MeetingFormDrawer } from '../form/MeetingFormDrawer.tsx';
import { ParticipantsTab } from '../participants/ParticipantsTab.tsx';
import { errorText } from '../../../common/errors.ts';
import { LoadingPage } from '../../../common/PageStates.tsx';
import { ClassificationTag, StatusTag } from '../shared/tags.tsx';
import { useCoreData } from '../../../bridge/useCoreData.ts';
import { useLang } from '../../../common/useLang.ts';
import { ChangesList } from './ChangesList.tsx';
import { CloneDialog } from './CloneDialog.tsx';
import { MeetingActions } from './MeetingActions.tsx';
import { MeetingFacts } from './MeetingFacts.tsx';
import { PackOriginBanner } from './PackOriginBanner.tsx';
import { RoomRecordCard } from '../../live-room/RoomRecordCard.tsx';
import '../meetings.css';
import { edition } from '../../../../../shared/edition.ts';

type TabKey = 'agenda' | 'participants' | 'attendance' | 'changes';

/** One meeting: its facts and actions, then agenda, participants, attendance and recorded changes. */
export function MeetingDetailPage() {
  const { id = '' } = useParams();
  const bridge = useBridge();
  const { t } = useTranslation('meetings');
  const load = useCallback(() => bridge.invoke('meetings.get', { id }), [bridge, id]);
  const { state, reload, replace } = useCoreData(load, ['meetings', 'documents', 'directory', 'packs']);

  if (state.data) return <MeetingView key={state.data.id} meeting={state.data} replace={replace} />;
  if (state.status === 'failed') {
    const missing = state.error instanceof BridgeError && state.error.code === 'NOT_FOUND';
    return (
      <Page title={missing ? t('detail.notFound') : t('detail.loadFailedTitle')}>
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? t('detail.notFoundHint') : errorText(state.error)}
          extra={
            <Flex gap="small" justify="center">
              <Link to="/meetings">
                <Button type="primary">{t('detail.backToList')}</Button>
              </Link>
              {missing ? null : <Button onClick={reload}>{t('common.retry')}</Button>}
            </Flex>
          }
        />
      </Page>
    );
  }
  return <LoadingPage title={t('detail.loading')} rows={8} />;
}

function MeetingView({ meeting, replace }: { meeting: MeetingDetail; replace: (m: MeetingDetail) => void }) {
  const { t } = useTranslation('meetings');
  const { t: tm } = useTranslation('minutes');
  const { t: tr } = useTranslation('room');
  const navigate = useNavigate();
  const lang = useLang();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [cloning, setCloning] = useState(false);

  // Minutes are written once the meeting has started; an archived meeting keeps them to read.
  const hasMinutes = meeting.status === 'in_progress' || meeting.status === 'ended' || meeting.status === 'archived';
  const showAttendance = meeting.attendanceOpen || meeting.status === 'archived';
  const showChanges = meeting.status !== 'draft' && meeting.origin === 'local';
  const requested = search.get('tab') as TabKey | null;
  const tab: TabKey =
    requested === 'participants' || (requested === 'attendance' && showAttendance) || (requested === 'changes' && showChanges)
      ? requested
      : 'agenda';

  const onAgenda = (agenda: Agenda) => replace({ ...meeting, agenda });
  const onParticipants = (list: ParticipantList) => replace({ ...meeting, participants: list.participants, attendance: list.attendance });
  const changeCount = meeting.changes.reduce((n, r) => n + r.changes.length, 0);

  return (
    <Page title={meeting.title}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to="/meetings" className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('detail.backToList')}
        </Link>
        <StatusTag status={meeting.status} />
        <ClassificationTag value={meeting.classification} />
        <Tag>{meeting.kind.label}</Tag>
        {meeting.status !== 'draft' ? <Tag variant="outlined">{t('detail.revision', { revision: edition(meeting.revision) })}</Tag> : null}
        {hasMinutes ? (
          <Tooltip title={tm('openHint')}>
            <Button className="ns-minutes-open" icon={<FileTextOutlined />} onClick={() => void navigate(`/meetings/${meeting.id}/minutes`)}>
              {tm('open')}
            </Button>
          </Tooltip>
        ) : null}
        {(meeting.origin === 'local' && meeting.status === 'in_progress') || (meeting.origin === 'pack' && (meeting.status === 'published' || meeting.status === 'in_progress')) ? (
          // The secretariat hosts the room of its own meetings; a member joins the host's.
          <Button className="ns-room-open" icon={<TeamOutlined />} onClick={() => void navigate(meeting.origin === 'local' ? `/meetings/${meeting.id}/room` : `/room?meeting=${meeting.id}`)}>
            {meeting.origin === 'local' ? tr('openButton') : tr('joinButton')}
          </Button>
        ) : null}
      </Flex>

      {meeting.origin === 'pack' ? <PackOriginBanner meeting={meeting} /> : null}
      {meeting.status === 'archived' ? <Alert type="info" showIcon className="ns-block" title={t('detail.archivedNotice')} /> : null}

      <Card className="ns-block">
        <MeetingFacts meeting={meeting} />
        <MeetingActions meeting={meeting} onEdit={() => setEditing(true)} onClone={() => setCloning(true)} onChanged={replace} />
      </Card>

      {meeting.status === 'draft' && meeting.publishBlockers.length > 0 && meeting.editable ? (
        <Alert
          type="info"
          showIcon
          className="ns-block"
          title={t('detail.publishBlockers')}
          description={
            <ul className="ns-plain-list">
              {meeting.publishBlockers.map((b, i) => (
                <li key={i}>{b[lang]}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <BookingWarnings warnings={meeting.warnings} />
      {meeting.status !== 'draft' ? <RoomRecordCard meeting={meeting} /> : null}

      <Card className="ns-block ns-tabs-card">
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          items={[
            {
              key: 'agenda',
              label: t('tabs.agenda', { count: meeting.agenda.items.length }),
              children: <AgendaTab meeting={meeting} onAgenda={onAgenda} />,
            },
            {
              key: 'participants',
              label: t('tabs.participants', { count: meeting.participants.length }),
              children: <ParticipantsTab meeting={meeting} onList={onParticipants} />,
            },
            ...(showAttendance
              ? [{ key: 'attendance', label: t('tabs.attendance'), children: <AttendanceTab meeting={meeting} onList={onParticipants} /> }]
              : []),
            ...(showChanges
              ? [
                  {
                    key: 'changes',
                    label: (
                      <span>
                        {t('tabs.changes')} <Badge count={changeCount} size="small" color="gold" />
                      </span>
                    ),
                    children: <ChangesList revisions={meeting.changes} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {meeting.editable ? (
        <MeetingFormDrawer open={editing} meeting={meeting} onClose={() => setEditing(false)} onSaved={(m) => {
          setEditing(false);
          replace(m);
        }} />
      ) : null}
      {cloning ? <CloneDialog meeting={meeting} open={cloning} onClose={() => setCloning(false)} /> : null}
    </Page>
  );
}
