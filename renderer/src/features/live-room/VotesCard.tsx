import { Button, Card, Empty, Flex, Form, Input, InputNumber, List, Select, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveRoomSnapshot, MeetingDetail } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import type { Drive } from './drive.ts';
import { flatAgenda, VoteSummary } from './RoomPieces.tsx';

interface VoteForm {
  title: string;
  itemId: string;
  secret: boolean;
  minutes: number | null;
}

/** Open a vote on the current item (named or secret, with a time limit), follow the ballots, close and count. */
export function VotesCard({ meeting, snapshot, drive }: { meeting: MeetingDetail; snapshot: LiveRoomSnapshot; drive: Drive }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const [form] = Form.useForm<VoteForm>();
  const eligible = snapshot.participants.filter((p) => p.votes).length;
  const items = flatAgenda(meeting.agenda.items);
  const currentItem = snapshot.current.itemId;
  // A vote is most often on the item being discussed: follow it as the chair moves on.
  useEffect(() => form.setFieldValue('itemId', currentItem ?? ''), [form, currentItem]);

  const open = async (v: VoteForm) => {
    const opened = await drive(
      () => bridge.invoke('liveRoom.openVote', { meetingId: meeting.id, itemId: v.itemId || null, title: v.title, secret: v.secret, minutes: v.minutes ?? null }),
      t('votes.opened'),
    );
    if (opened) form.resetFields(['title', 'minutes']);
  };

  return (
    <Card title={t('votes.heading')} className="ns-room-card">
      <Form form={form} layout="vertical" onFinish={(v) => void open(v)} initialValues={{ itemId: snapshot.current.itemId ?? '', secret: false, minutes: null }} className="ns-room-vote-form">
        <Form.Item name="title" label={t('votes.title')} rules={[{ required: true, whitespace: true, message: t('votes.titleRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder={t('votes.titlePlaceholder')} />
        </Form.Item>
        <Flex gap="middle" wrap align="end">
          <Form.Item name="itemId" label={t('votes.item')} className="ns-room-vote-item">
            <Select options={[{ value: '', label: t('votes.noItem') }, ...items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` }))]} />
          </Form.Item>
          <Form.Item name="secret" label={t('votes.secret')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="minutes" label={t('votes.deadline')} tooltip={t('votes.deadlineHelp')}>
            <InputNumber min={1} max={240} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('votes.open')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      {snapshot.votes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('votes.empty')} />
      ) : (
        <List
          dataSource={[...snapshot.votes].reverse()}
          renderItem={(v) => (
            <List.Item
              className="ns-room-vote"
              actions={
                v.result
                  ? []
                  : [
                      <Button key="close" onClick={() => void drive(() => bridge.invoke('liveRoom.closeVote', { meetingId: meeting.id, voteId: v.voteId }), t('votes.closed'))}>
                        {t('votes.close')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    {v.title} <Tag>{v.secret ? t('votes.secretTag') : t('votes.namedTag')}</Tag>
                  </span>
                }
                description={
                  <>
                    <VoteSummary vote={v} eligible={eligible} />
                    {v.recast?.length ? (
                      <Typography.Text type="warning" className="ns-room-hint">
                        {t('votes.recast', { count: v.recast.length })}
                      </Typography.Text>
                    ) : null}
                    {v.closesAt && !v.result ? <Typography.Text type="secondary">{t('votes.closesAt', { time: new Date(v.closesAt).toLocaleTimeString('vi-VN') })}</Typography.Text> : null}
                    {v.result ? <Typography.Text type="secondary" className="ns-room-hint">{t('votes.toMinutes')}</Typography.Text> : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
