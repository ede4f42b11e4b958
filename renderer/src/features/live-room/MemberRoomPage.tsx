import { LogoutOutlined, ReadOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, List, Radio, Row, Switch, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { DiscoveredRoom, LiveRoomMemberStatus, LiveRoomSnapshot, LiveRoomVote } from '../../../../shared/contract/index.ts';
import type { BallotChoice } from '../../../../shared/room/tally.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { errorText } from '../../common/errors.ts';
import { LoadingPage } from '../../common/PageStates.tsx';
import { useLang } from '../../common/useLang.ts';
import { useRun } from '../../common/useRun.ts';
import { Page } from '../../shell/Page.tsx';
import { following, setFollowing } from './follow.ts';
import { splitJoinLink } from './joinLink.ts';
import { ItemTimer, personName, VoteSummary } from './RoomPieces.tsx';
import { SeenRooms } from './SeenRooms.tsx';
import { useMemberRoom } from './useLiveRoom.ts';
import './room.css';

/** A member's laptop in the room: join with the address and fingerprint, then follow, ask to speak and vote. */
export function MemberRoomPage() {
  const { t } = useTranslation('room');
  const room = useMemberRoom();
  const [search] = useSearchParams();
  const s = room.state.data;
  if (!s) {
    if (room.state.status === 'failed') {
      return (
        <Page title={t('memberTitle')}>
          <Alert type="error" showIcon title={t('loadFailed', { message: errorText(room.state.error) })} action={<Button onClick={room.reload}>{t('retry')}</Button>} />
        </Page>
      );
    }
    return <LoadingPage title={t('memberTitle')} rows={4} />;
  }
  return (
    <Page title={t('memberTitle')} intro={t('intro')}>
      {s.joined && s.snapshot ? (
        <InRoom status={s} snapshot={s.snapshot} onStatus={room.replace} />
      ) : (
        <>
          <JoinForm status={s} onJoined={room.replace} />
          <SeenRooms meetingId={search.get('meeting')} />
        </>
      )}
    </Page>
  );
}

function JoinForm({ status, onJoined }: { status: LiveRoomMemberStatus; onJoined: (s: LiveRoomMemberStatus) => void }) {
  const { t } = useTranslation('room');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const [search] = useSearchParams();
  const meetingId = search.get('meeting');
  const [form] = Form.useForm<{ url: string; fingerprint: string }>();
  const [pinned, setPinned] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Come from a meeting whose signed pack named the room's certificate: nothing to type but the address.
  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    bridge.invoke('liveRoom.pinned', { meetingId }).then(
      ({ fingerprint }) => {
        if (!live || !fingerprint) return;
        setPinned(fingerprint);
        form.setFieldValue('fingerprint', fingerprint);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [bridge, form, meetingId]);

  const [found, setFound] = useState<DiscoveredRoom[] | null>(null);
  const [searching, setSearching] = useState(false);
  const discover = async () => {
    setSearching(true);
    const list = await run(() => bridge.invoke('liveRoom.discover', {}));
    setSearching(false);
    setFound(list ?? []);
  };
  const pick = (room: DiscoveredRoom) => {
    // A room whose certificate another meeting's pack pinned is not this one: keep the pin, take the address only.
    form.setFieldsValue({ url: room.url, ...(pinned ? {} : { fingerprint: room.fingerprint }) });
  };

  const join = async (v: { url: string; fingerprint: string }) => {
    setBusy(true);
    const joined = await run(
      () => bridge.invoke('liveRoom.join', { url: v.url.trim(), fingerprint: v.fingerprint.trim(), ...(meetingId ? { meetingId } : {}) }),
      t('member.joined'),
    );
    setBusy(false);
    if (joined) onJoined(joined);
  };
  return (
    <Card className="ns-block ns-room-join" title={t('member.joinHeading')}>
      {status.problem ? <Alert type="warning" showIcon className="ns-block" title={status.problem[lang]} /> : null}
      <Typography.Paragraph type="secondary">{t('member.joinIntro')}</Typography.Paragraph>
      <Flex gap="small" align="center" wrap className="ns-block">
        <Button icon={<WifiOutlined />} loading={searching} onClick={() => void discover()}>
          {t('member.discover')}
        </Button>
        {found && found.length === 0 ? <Typography.Text type="secondary">{t('member.discoverNone')}</Typography.Text> : null}
      </Flex>
      {found && found.length ? (
        <List
          size="small"
          bordered
          className="ns-block ns-room-found"
          dataSource={found}
          renderItem={(r) => {
            const mismatch = pinned !== null && r.fingerprint !== pinned;
            return (
              <List.Item
                actions={[
                  <Button key="use" size="small" type={r.meeting && !mismatch ? 'primary' : 'default'} disabled={mismatch} onClick={() => pick(r)}>
                    {t('member.discoverUse')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={r.meeting ? r.meeting.title : t('member.discoverUnknown')}
                  description={
                    <>
                      <div className="ns-room-url">{r.url}</div>
                      {mismatch ? <Typography.Text type="warning">{t('member.discoverOther')}</Typography.Text> : r.meeting ? null : <Typography.Text type="secondary">{t('member.discoverCompare', { fingerprint: r.fingerprint })}</Typography.Text>}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void join(v)} initialValues={{ url: status.url ?? '', fingerprint: status.fingerprint ?? '' }}>
        <Form.Item name="url" label={t('member.url')} extra={t('member.urlHelp')} rules={[{ required: true, pattern: /^\s*wss:\/\/\S+:\d+\/\s*$/, message: t('member.urlRequired') }]}>
          <Input
            placeholder={t('member.urlPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              // A whole join link pasted (address#fingerprint) fills both fields.
              const { url, fingerprint } = splitJoinLink(e.target.value);
              if (fingerprint) form.setFieldsValue({ url, ...(pinned ? {} : { fingerprint }) });
            }}
          />
        </Form.Item>
        <Form.Item name="fingerprint" label={t('member.fingerprint')} rules={[{ required: true, pattern: /^\s*([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}\s*$/, message: t('member.fingerprintRequired') }]}>
          <Input.TextArea autoSize placeholder={t('member.fingerprintPlaceholder')} spellCheck={false} className="ns-room-fingerprint" readOnly={pinned !== null} />
        </Form.Item>
        {pinned ? <Typography.Paragraph type="success" className="ns-room-pinned">{t('member.pinned')}</Typography.Paragraph> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('member.join')}
        </Button>
      </Form>
    </Card>
  );
}

function InRoom({ status, snapshot, onStatus }: { status: LiveRoomMemberStatus; snapshot: LiveRoomSnapshot; onStatus: (s: LiveRoomMemberStatus) => void }) {
  const { t } = useTranslation('room');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const navigate = useNavigate();
  const [follow, setFollow] = useState(following());
  const [addressee, setAddressee] = useState('');
  const me = snapshot.participants.find((p) => p.personId === status.personId);
  const mine = snapshot.waiting.filter((r) => r.personId === status.personId);
  const speakingNow = snapshot.speaker?.personId === status.personId;
  const presented = snapshot.current.documentId;

  const act = async (work: () => Promise<LiveRoomMemberStatus>, success?: string) => {
    const next = await run(work, success);
    if (next) onStatus(next);
  };
  const openPresented = () => presented && void navigate(`/documents/${presented}/read`);

  return (
    <>
      <Card className="ns-block">
        <Flex justify="space-between" align="center" wrap gap="small">
          <Flex gap="small" align="center" wrap>
            <Tag color={status.connection === 'connected' ? 'green' : 'orange'} className="ns-room-connection">
              {status.connection === 'connected' ? t('member.connected') : status.connection === 'reconnecting' ? t('member.reconnecting') : t('member.left')}
            </Tag>
            {me ? <Typography.Text strong>{me.delegate ? t('member.youFor', { delegate: me.delegate, name: me.name }) : t('member.you', { name: me.name })}</Typography.Text> : null}
            <Typography.Text type="secondary">{status.url}</Typography.Text>
          </Flex>
          <Button icon={<LogoutOutlined />} onClick={() => void act(() => bridge.invoke('liveRoom.leave', {}))}>
            {t('member.leave')}
          </Button>
        </Flex>
        {status.problem ? <Alert type="warning" showIcon className="ns-room-problem" title={status.problem[lang]} /> : null}
      </Card>
      <Row gutter={[16, 16]} className="ns-block">
        <Col xs={24} xl={12}>
          <Card title={t('current.heading')} className="ns-room-card">
            <ItemTimer snapshot={snapshot} />
            {presented && snapshot.current.page ? (
              <Flex gap="small" align="center" wrap className="ns-room-present">
                <Tag>{t('current.presenting', { page: snapshot.current.page })}</Tag>
                <Button icon={<ReadOutlined />} onClick={openPresented}>
                  {t('member.openPresented')}
                </Button>
              </Flex>
            ) : null}
            <Flex gap="small" align="center" className="ns-room-follow">
              <Switch
                checked={follow}
                aria-label={t('member.follow')}
                onChange={(on) => {
                  setFollow(on);
                  setFollowing(on);
                  if (on) openPresented();
                }}
              />
              <span>
                {t('member.follow')}
                <Typography.Text type="secondary" className="ns-room-hint">
                  {' '}
                  — {t('member.followHelp')}
                </Typography.Text>
              </span>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('speakers.heading')} className="ns-room-card">
            {snapshot.speaker ? (
              <Typography.Paragraph>
                <Tag color="processing">{t('speakers.speaking')}</Tag> {personName(snapshot, snapshot.speaker.personId)}
              </Typography.Paragraph>
            ) : null}
            {speakingNow ? <Alert type="success" showIcon title={t('member.yourTurn')} className="ns-block" /> : null}
            {mine.length ? (
              <List
                size="small"
                dataSource={mine}
                renderItem={(r) => (
                  <List.Item
                    actions={[
                      <Button key="w" size="small" onClick={() => void act(() => bridge.invoke('liveRoom.withdrawFloor', { requestId: r.requestId }))}>
                        {t('member.withdraw')}
                      </Button>,
                    ]}
                  >
                    {t('member.waitingPosition', { position: snapshot.waiting.findIndex((w) => w.requestId === r.requestId) + 1 })}
                    {r.kind === 'question' ? ` — ${t('speakers.question')}` : ''}
                  </List.Item>
                )}
              />
            ) : null}
            <Flex vertical gap="small" className="ns-room-ask">
              <div>
                <Button type="primary" onClick={() => void act(() => bridge.invoke('liveRoom.requestFloor', { itemId: snapshot.current.itemId, kind: 'speak' }), t('member.requested'))}>
                  {t('member.askToSpeak')}
                </Button>
              </div>
              <label className="ns-room-field">
                <Typography.Text type="secondary">{t('member.questionTo')}</Typography.Text>
                <Flex gap="small" wrap>
                  <Input className="ns-room-addressee" placeholder={t('member.questionToPlaceholder')} value={addressee} maxLength={200} onChange={(e) => setAddressee(e.target.value)} />
                  <Button
                    onClick={() =>
                      void act(() => bridge.invoke('liveRoom.requestFloor', { itemId: snapshot.current.itemId, kind: 'question', addressee: addressee || null }), t('member.requested')).then(() => setAddressee(''))
                    }
                  >
                    {t('member.askQuestion')}
                  </Button>
                </Flex>
              </label>
            </Flex>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('votes.heading')} className="ns-room-card">
            {snapshot.votes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('votes.empty')} />
            ) : (
              [...snapshot.votes].reverse().map((v) => <MemberVote key={v.voteId} vote={v} status={status} snapshot={snapshot} onStatus={onStatus} />)
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function MemberVote({ vote, status, snapshot, onStatus }: { vote: LiveRoomVote; status: LiveRoomMemberStatus; snapshot: LiveRoomSnapshot; onStatus: (s: LiveRoomMemberStatus) => void }) {
  const { t } = useTranslation('room');
  const lang = useLang();
  const bridge = useBridge();
  const run = useRun();
  const mine = status.ballots[vote.voteId];
  const [choice, setChoice] = useState<BallotChoice | null>(mine?.choice ?? null);
  const [text, setText] = useState(mine?.text ?? '');
  const [changing, setChanging] = useState(false);
  const eligible = snapshot.participants.filter((p) => p.votes).length;
  const mayVote = snapshot.participants.some((p) => p.personId === status.personId && p.votes);
  const labels: Record<BallotChoice, string> = { agree: t('votes.agree'), disagree: t('votes.disagree'), other: t('votes.other') };
  const choiceLabel = (c: BallotChoice) => labels[c];

  const send = async () => {
    if (!choice) return;
    const next = await run(() => bridge.invoke('liveRoom.vote', { voteId: vote.voteId, choice, text: choice === 'other' ? text : null }));
    if (next) {
      onStatus(next);
      setChanging(false);
    }
  };
  const showForm = !vote.result && mayVote && (!mine || mine.state === 'refused' || changing);

  return (
    <div className="ns-room-member-vote">
      <Typography.Title level={5}>
        {vote.title} <Tag>{vote.secret ? t('votes.secretTag') : t('votes.namedTag')}</Tag>
      </Typography.Title>
      <VoteSummary vote={vote} eligible={eligible} />
      {!vote.result && status.personId && vote.recast?.includes(status.personId) && mine?.state !== 'sending' ? (
        <Alert className="ns-room-ballot" type="warning" showIcon title={t('member.recast')} />
      ) : null}
      {mine ? (
        <Alert
          className="ns-room-ballot"
          type={mine.state === 'counted' ? 'success' : mine.state === 'refused' ? 'error' : 'info'}
          showIcon
          title={
            mine.state === 'counted'
              ? t('member.ballotCounted', { choice: choiceLabel(mine.choice) })
              : mine.state === 'refused'
                ? t('member.ballotRefused', { reason: mine.error?.[lang] ?? '' })
                : t('member.ballotSending')
          }
          action={
            !vote.result && mine.state === 'counted' && !changing ? (
              <Button size="small" onClick={() => setChanging(true)}>
                {t('member.change')}
              </Button>
            ) : null
          }
        />
      ) : null}
      {!mayVote && !vote.result ? <Typography.Text type="secondary">{t('member.noVote')}</Typography.Text> : null}
      {showForm ? (
        <Flex vertical gap="small" className="ns-room-ballot-form">
          <Radio.Group
            value={choice}
            onChange={(e) => setChoice(e.target.value as BallotChoice)}
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={(['agree', 'disagree', 'other'] as const).map((c) => ({ value: c, label: choiceLabel(c) }))}
          />
          {choice === 'other' ? <Input.TextArea aria-label={t('member.otherText')} placeholder={t('member.otherText')} value={text} maxLength={2000} autoSize={{ minRows: 2 }} onChange={(e) => setText(e.target.value)} /> : null}
          <Button type="primary" disabled={!choice || (choice === 'other' && !text.trim())} onClick={() => void send()}>
            {t('member.vote')}
          </Button>
        </Flex>
      ) : null}
    </div>
  );
}
