import { ArrowLeftOutlined, DesktopOutlined, FileTextOutlined, PoweroffOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, List, Popconfirm, Row, Select, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LiveRoomHostStatus, MeetingDetail, NetworkAddress } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { errorText } from '../../common/errors.ts';
import { LoadingPage } from '../../common/PageStates.tsx';
import { useRun } from '../../common/useRun.ts';
import { Page } from '../../shell/Page.tsx';
import { AttendanceCard } from './AttendanceCard.tsx';
import { CurrentItemCard } from './CurrentItemCard.tsx';
import { JoinQrCode } from './JoinQrCode.tsx';
import { joinLink } from './joinLink.ts';
import { SpeakersCard } from './SpeakersCard.tsx';
import { useHostRoom } from './useLiveRoom.ts';
import { VotesCard } from './VotesCard.tsx';
import './room.css';

/** The secretariat's console for a meeting's live room: open it on a chosen network, then drive the meeting. */
export function HostRoomPage() {
  const { id = '' } = useParams();
  const bridge = useBridge();
  const { t } = useTranslation('room');
  const loadMeeting = useCallback(() => bridge.invoke('meetings.get', { id }), [bridge, id]);
  const meeting = useCoreData(loadMeeting, ['meetings', 'documents']);
  const room = useHostRoom(id);

  if (meeting.state.data && room.state.data) return <HostRoom meeting={meeting.state.data} room={room.state.data} replace={room.replace} />;
  const failed = meeting.state.status === 'failed' ? meeting.state.error : room.state.status === 'failed' ? room.state.error : null;
  if (failed) {
    return (
      <Page title={t('title')}>
        <Alert type="error" showIcon title={t('loadFailed', { message: errorText(failed) })} action={<Button onClick={() => (meeting.reload(), room.reload())}>{t('retry')}</Button>} />
      </Page>
    );
  }
  return <LoadingPage title={t('title')} rows={6} />;
}

function HostRoom({ meeting, room, replace }: { meeting: MeetingDetail; room: LiveRoomHostStatus; replace: (s: LiveRoomHostStatus) => void }) {
  const { t } = useTranslation('room');
  const navigate = useNavigate();
  const bridge = useBridge();
  const run = useRun();
  const drive = useCallback(
    async <T extends LiveRoomHostStatus>(work: () => Promise<T>, success?: string): Promise<T | undefined> => {
      const next = await run(work, success);
      if (next) replace(next);
      return next;
    },
    [run, replace],
  );

  return (
    <Page title={`${t('title')} — ${meeting.title}`} intro={t('intro')}>
      <Flex className="ns-detail-top" gap="small" align="center" wrap>
        <Link to={`/meetings/${meeting.id}`} className="ns-back-link">
          <ArrowLeftOutlined aria-hidden /> {t('backToMeeting')}
        </Link>
      </Flex>
      {room.open && room.snapshot ? (
        <>
          <Card className="ns-block ns-room-header">
            <Flex gap="large" wrap align="start" justify="space-between">
              <div className="ns-room-address">
                <Typography.Text type="secondary">{t('console.address')}</Typography.Text>
                <Typography.Paragraph copyable={{ text: room.url! }} className="ns-room-url">
                  {room.url}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('console.fingerprint')}</Typography.Text>
                <Typography.Paragraph copyable={{ text: room.fingerprint! }} className="ns-room-fingerprint">
                  {room.fingerprint}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('console.link')}</Typography.Text>
                <Typography.Paragraph copyable={{ text: joinLink(room.url!, room.fingerprint!) }} className="ns-room-link">
                  {t('console.linkHelp')}
                </Typography.Paragraph>
                <Typography.Text type="secondary" className="ns-room-hint">
                  {t('console.fingerprintHelp')}
                </Typography.Text>
              </div>
              <JoinQrCode link={joinLink(room.url!, room.fingerprint!)} />
              <Flex vertical gap="small" align="end">
                <Typography.Text strong className="ns-room-connections">{t('console.connections', { count: room.connections })}</Typography.Text>
                <Button icon={<DesktopOutlined />} onClick={() => void run(() => bridge.openProjector(meeting.id))}>
                  {t('console.projector')}
                </Button>
                <Button icon={<FileTextOutlined />} onClick={() => void navigate(`/meetings/${meeting.id}/minutes`)}>
                  {t('console.toMinutes')}
                </Button>
                <Popconfirm title={t('console.closeConfirm')} description={t('console.closeConfirmText')} okText={t('console.close')} onConfirm={() => drive(() => bridge.invoke('liveRoom.close', { meetingId: meeting.id }), t('console.closed'))}>
                  <Button danger icon={<PoweroffOutlined />}>
                    {t('console.close')}
                  </Button>
                </Popconfirm>
              </Flex>
            </Flex>
          </Card>
          <Row gutter={[16, 16]} className="ns-block">
            <Col xs={24} xl={12}>
              <CurrentItemCard meeting={meeting} snapshot={room.snapshot} drive={drive} />
            </Col>
            <Col xs={24} xl={12}>
              <VotesCard meeting={meeting} snapshot={room.snapshot} drive={drive} />
            </Col>
            <Col xs={24} xl={12}>
              <SpeakersCard meetingId={meeting.id} snapshot={room.snapshot} drive={drive} />
            </Col>
            <Col xs={24} xl={12}>
              <AttendanceCard meetingId={meeting.id} quorumPercent={meeting.quorumPercent} snapshot={room.snapshot} drive={drive} />
            </Col>
          </Row>
        </>
      ) : (
        <OpenRoom meeting={meeting} room={room} onOpened={replace} />
      )}
    </Page>
  );
}

function OpenRoom({ meeting, room, onOpened }: { meeting: MeetingDetail; room: LiveRoomHostStatus; onOpened: (s: LiveRoomHostStatus) => void }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const run = useRun();
  const [addresses, setAddresses] = useState<NetworkAddress[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ host: string; port: number | null }>();

  useEffect(() => {
    let live = true;
    bridge.invoke('liveRoom.interfaces', {}).then(
      (list) => live && setAddresses(list),
      () => live && setAddresses([]),
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  // Reopened where it was (after a restart, say), members' laptops still trying that address rejoin by themselves.
  const last = room.earlier[0] ?? null;
  const blocked = meeting.origin === 'pack' ? t('open.fromPack') : meeting.status !== 'in_progress' ? t('open.notInProgress') : null;
  const interrupted = last?.endKind === 'interrupted' ? last : null;
  const resume = async () => {
    setBusy(true);
    const opened = await run(() => bridge.invoke('liveRoom.resume', { meetingId: meeting.id }), t('open.resumed'));
    setBusy(false);
    if (opened) onOpened(opened);
  };
  const submit = async (v: { host: string; port: number | null }) => {
    setBusy(true);
    const opened = await run(() => bridge.invoke('liveRoom.open', { meetingId: meeting.id, host: v.host, port: v.port ?? 0 }), t('open.opened'));
    setBusy(false);
    if (opened) onOpened(opened);
  };

  return (
    <Card className="ns-block" title={t('open.heading')}>
      {blocked ? (
        <Alert type="info" showIcon title={blocked} />
      ) : (
        <>
          {interrupted ? (
            <Alert
              type="warning"
              showIcon
              className="ns-block"
              title={t('open.resumeTitle', { time: new Date(interrupted.closedAt).toLocaleTimeString('vi-VN'), address: `${interrupted.host}:${interrupted.port}` })}
              description={t('open.resumeHelp')}
              action={
                <Button type="primary" loading={busy} onClick={() => void resume()}>
                  {t('open.resume')}
                </Button>
              }
            />
          ) : null}
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} className="ns-room-open-form" initialValues={{ host: last?.host, port: last?.port ?? null }}>
            <Form.Item name="host" label={t('open.address')} extra={t('open.addressHelp')} rules={[{ required: true, message: t('open.addressRequired') }]}>
              <Select
                loading={addresses === null}
                aria-label={t('open.address')}
                options={(addresses ?? []).map((a) => ({ value: a.address, label: `${a.address} — ${a.name}${a.internal ? ` (${t('open.loopback')})` : ''}` }))}
              />
            </Form.Item>
            <Form.Item name="port" label={t('open.port')} extra={t('open.portHelp')}>
              <InputNumber min={1024} max={65535} aria-label={t('open.port')} />
            </Form.Item>
            <Button type={interrupted ? 'default' : 'primary'} htmlType="submit" loading={busy}>
              {interrupted ? t('open.submitNew') : t('open.submit')}
            </Button>
          </Form>
        </>
      )}
      {room.earlier.length ? (
        <List
          className="ns-room-earlier"
          header={<Typography.Text strong>{t('open.earlier')}</Typography.Text>}
          size="small"
          dataSource={room.earlier}
          renderItem={(r) => (
            <List.Item>
              {t('open.earlierRow', { opened: new Date(r.openedAt).toLocaleString('vi-VN'), closed: new Date(r.closedAt).toLocaleTimeString('vi-VN'), votes: r.votes })}
              {r.endKind === 'interrupted' ? ` (${t('open.interrupted')})` : ''}
              {r.unfinished ? <Typography.Text type="warning"> — {t('open.unfinished', { count: r.unfinished })}</Typography.Text> : null}
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
