import { ArrowDownOutlined, ArrowUpOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRoomFloorRequest, LiveRoomSnapshot } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import type { Drive } from './drive.ts';
import { personName } from './RoomPieces.tsx';
import { clock, useNow } from './useLiveRoom.ts';

/** The speaker with their timer, those waiting in the chair's order, and a request registered for someone who raised a hand. */
export function SpeakersCard({ meetingId, snapshot, drive }: { meetingId: string; snapshot: LiveRoomSnapshot; drive: Drive }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const now = useNow();
  const [person, setPerson] = useState<string | null>(null);
  const [kind, setKind] = useState<'speak' | 'question'>('speak');
  const waiting = snapshot.waiting;
  const speaker = snapshot.speaker;

  const move = (index: number, by: -1 | 1) => {
    const order = waiting.map((r) => r.requestId);
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved!);
    void drive(() => bridge.invoke('liveRoom.orderSpeakers', { meetingId, requestIds: order }));
  };
  const label = (r: LiveRoomFloorRequest) =>
    r.kind === 'question' ? (r.addressee ? t('speakers.questionTo', { addressee: r.addressee }) : t('speakers.question')) : null;

  return (
    <Card title={t('speakers.heading')} className="ns-room-card">
      {speaker ? (
        <Flex className="ns-room-speaker" align="center" justify="space-between" gap="small" wrap>
          <span>
            <SoundOutlined aria-hidden /> <Typography.Text strong>{personName(snapshot, speaker.personId)}</Typography.Text>{' '}
            <Tag color="processing">{t('speakers.speaking')}</Tag> {label(speaker) ? <Tag>{label(speaker)}</Tag> : null}
            <Typography.Text className="ns-room-timer">{clock(now - Date.parse(speaker.givenAt!))}</Typography.Text>
          </span>
          <Button onClick={() => void drive(() => bridge.invoke('liveRoom.endSpeech', { meetingId }))}>{t('speakers.end')}</Button>
        </Flex>
      ) : null}
      {waiting.length === 0 && !speaker ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('speakers.empty')} /> : null}
      {waiting.length ? (
        <List
          size="small"
          dataSource={waiting}
          renderItem={(r, i) => (
            <List.Item
              actions={[
                <Button key="up" size="small" aria-label={t('speakers.up')} icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} />,
                <Button key="down" size="small" aria-label={t('speakers.down')} icon={<ArrowDownOutlined />} disabled={i === waiting.length - 1} onClick={() => move(i, 1)} />,
                <Button key="give" size="small" type="primary" onClick={() => void drive(() => bridge.invoke('liveRoom.giveFloor', { meetingId, requestId: r.requestId }))}>
                  {t('speakers.give')}
                </Button>,
              ]}
            >
              <Typography.Text>
                {i + 1}. {personName(snapshot, r.personId)} {label(r) ? <Tag>{label(r)}</Tag> : null}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
      <Flex gap="small" wrap className="ns-room-add-speaker">
        <Select
          aria-label={t('speakers.addPerson')}
          placeholder={t('speakers.addPerson')}
          className="ns-room-person"
          value={person}
          onChange={setPerson}
          options={snapshot.participants.map((p) => ({ value: p.personId, label: p.name }))}
        />
        <Select
          aria-label={t('speakers.kindSpeak')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'speak', label: t('speakers.kindSpeak') },
            { value: 'question', label: t('speakers.kindQuestion') },
          ]}
        />
        <Button
          disabled={!person}
          onClick={() =>
            void drive(() => bridge.invoke('liveRoom.addSpeaker', { meetingId, personId: person!, itemId: snapshot.current.itemId, kind })).then((ok) => ok && setPerson(null))
          }
        >
          {t('speakers.add')}
        </Button>
      </Flex>
    </Card>
  );
}
