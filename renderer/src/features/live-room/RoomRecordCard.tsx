import { Card, List, Tag, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';
import { clock } from './useLiveRoom.ts';

/**
 * On a meeting's page, once a room has run: its votes with their results and who spoke how long —
 * the secretariat's from its own record, a member's from the signed pack that carried it.
 */
export function RoomRecordCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('liveRoom.record', { meetingId: meeting.id }), [bridge, meeting.id]);
  const { state, reload } = useCoreData(load, ['meetings', 'packs', 'minutes']);
  useEffect(
    () =>
      bridge.subscribe((e) => {
        if (e.event === 'liveRoom.changed' && e.payload.meetingId === meeting.id) reload();
      }),
    [bridge, meeting.id, reload],
  );
  const record = state.data;
  if (!record) return null;
  const name = (personId: string) => meeting.participants.find((p) => p.personId === personId)?.name ?? personId;
  const item = (itemId: string | null) => {
    const walk = (items: MeetingDetail['agenda']['items']): string | null => {
      for (const i of items) {
        if (i.id === itemId) return `${i.number}. ${i.title}`;
        const inner = walk(i.children);
        if (inner) return inner;
      }
      return null;
    };
    return itemId ? walk(meeting.agenda.items) : null;
  };
  return (
    <Card className="ns-block ns-room-record" title={t('record.heading')} extra={<Typography.Text type="secondary">{record.source === 'pack' ? t('record.fromPack') : t('record.fromHost')}</Typography.Text>}>
      {record.votes.length ? (
        <List
          header={<Typography.Text strong>{t('votes.heading')}</Typography.Text>}
          size="small"
          dataSource={record.votes}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {v.title} <Tag color={v.passed ? 'green' : 'red'}>{v.passed ? t('votes.passed') : t('votes.notPassed')}</Tag>
                    <Tag>{v.secret ? t('votes.secretTag') : t('votes.namedTag')}</Tag>
                  </span>
                }
                description={
                  <>
                    {item(v.itemId) ? <div>{item(v.itemId)}</div> : null}
                    <div>{t('votes.result', { agree: v.agree, disagree: v.disagree, other: v.other, needed: v.needed })}</div>
                    {v.named && v.named.length ? (
                      <div>
                        {(['agree', 'disagree', 'other'] as const)
                          .map((c) => ({ c, who: v.named!.filter((b) => b.choice === c).map((b) => name(b.personId)) }))
                          .filter((g) => g.who.length)
                          .map((g) => `${t(`votes.${g.c}`)}: ${g.who.join(', ')}`)
                          .join(' · ')}
                      </div>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
      {record.speeches.length ? (
        <List
          header={<Typography.Text strong>{t('speakers.heading')}</Typography.Text>}
          size="small"
          dataSource={record.speeches}
          renderItem={(s) => (
            <List.Item>
              {name(s.personId)} {s.kind === 'question' ? <Tag>{t('speakers.question')}</Tag> : null}
              <Typography.Text type="secondary">
                {' '}
                {item(s.itemId) ?? ''} · {clock(s.seconds * 1000)}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
