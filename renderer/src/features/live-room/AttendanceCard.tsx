import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveRoomSnapshot } from '../../../../shared/contract/index.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import type { Drive } from './drive.ts';

/** Who is in: members who joined from their laptops are checked in; the others by a click. The quorum follows. */
export function AttendanceCard({ meetingId, quorumPercent, snapshot, drive }: { meetingId: string; quorumPercent: number; snapshot: LiveRoomSnapshot; drive: Drive }) {
  const { t } = useTranslation('room');
  const bridge = useBridge();
  const { present, eligible } = snapshot.quorum;
  // The committee's quorum share (its working rules), of the members with a vote.
  const met = eligible > 0 && present >= Math.ceil((eligible * quorumPercent) / 100);
  const checkedIn = new Set(snapshot.checkedIn);
  return (
    <Card
      title={t('attendance.heading')}
      className="ns-room-card"
      extra={<Tag color={met ? 'green' : 'orange'}>{met ? t('attendance.quorumMet') : t('attendance.quorumShort')}</Tag>}
    >
      <Typography.Paragraph strong className="ns-room-quorum">
        {t('attendance.quorum', { present, eligible })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={snapshot.participants}
        renderItem={(p) => (
          <List.Item
            actions={[
              checkedIn.has(p.personId) ? (
                <Typography.Text type="success" key="in">
                  <CheckCircleFilled aria-hidden /> {t('attendance.present')}
                </Typography.Text>
              ) : (
                <Button key="check" size="small" onClick={() => void drive(() => bridge.invoke('liveRoom.checkIn', { meetingId, personId: p.personId }))}>
                  {t('attendance.checkIn')}
                </Button>
              ),
            ]}
          >
            <Typography.Text>
              {p.name}
              {p.chair ? <Tag className="ns-room-role">{t('attendance.chair')}</Tag> : null}
              {p.votes ? null : <Typography.Text type="secondary"> ({t('attendance.noVote')})</Typography.Text>}
              {p.delegate ? <Typography.Text type="secondary"> ({t('attendance.delegate', { name: p.delegate })})</Typography.Text> : null}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
