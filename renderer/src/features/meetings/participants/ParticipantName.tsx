import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { Participant } from '../../../../../shared/contract/index.ts';

/** "Nguyễn Văn A" with "Phó Chủ tịch UBND tỉnh · Văn phòng UBND tỉnh" under it; a unit with its icon. */
export function ParticipantName({ participant: p }: { participant: Participant }) {
  const detail = [p.position, p.unitName].filter(Boolean).join(' · ');
  return (
    <div className="ns-participant-name">
      {p.kind === 'organization' ? <BankOutlined aria-hidden className="ns-muted-icon" /> : <UserOutlined aria-hidden className="ns-muted-icon" />}
      <div>
        <Typography.Text strong>{p.name}</Typography.Text>
        {detail ? (
          <div>
            <Typography.Text type="secondary" className="ns-small">
              {detail}
            </Typography.Text>
          </div>
        ) : null}
      </div>
    </div>
  );
}
