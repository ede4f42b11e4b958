import { Card, List, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useCoreData } from '../../bridge/useCoreData.ts';

/** The rooms this laptop was in, as the member last saw them: the item, and every vote with its result. */
export function SeenRooms({ meetingId }: { meetingId: string | null }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const load = useCallback(() => bridge.invoke('liveRoom.seen', meetingId ? { meetingId } : {}), [bridge, meetingId]);
  const { state } = useCoreData(load, []);
  const rooms = state.data ?? [];
  if (rooms.length === 0) return null;
  return (
    <Card className="ns-block" title={t('member.seenHeading')}>
      <List
        dataSource={rooms}
        renderItem={(r) => {
          const item = r.snapshot.items.find((i) => i.id === r.snapshot.current.itemId);
          return (
            <List.Item className="ns-room-seen">
              <List.Item.Meta
                title={t('member.seenAt', { when: new Date(r.seenAt).toLocaleString('vi-VN'), url: r.url })}
                description={
                  <>
                    {item ? <div>{t('member.seenItem', { item: item.title })}</div> : null}
                    {r.snapshot.votes.map((v) => (
                      <div key={v.voteId}>
                        {v.title}{' '}
                        {v.result ? (
                          <>
                            <Tag color={v.result.tally.passed ? 'green' : 'red'}>{v.result.tally.passed ? t('votes.passed') : t('votes.notPassed')}</Tag>
                            <Typography.Text type="secondary">
                              {t('votes.result', { agree: v.result.tally.agree, disagree: v.result.tally.disagree, other: v.result.tally.other, needed: v.result.tally.needed })}
                            </Typography.Text>
                          </>
                        ) : (
                          <Tag>{t('member.seenOpen')}</Tag>
                        )}
                      </div>
                    ))}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
