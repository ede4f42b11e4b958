import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A document not made yet: what it will hold, why it cannot be made now (if so), and what to do next. */
export function EmptyCard({ title, body, reason, action }: { title: string; body: string; reason: string | null; action: ReactNode }) {
  return (
    <Card className="ns-block">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div className="ns-minutes-empty">
            <Typography.Title level={2} className="ns-minutes-empty-title">
              {title}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{body}</Typography.Paragraph>
            {reason ? <Typography.Paragraph type="warning">{reason}</Typography.Paragraph> : null}
          </div>
        }
      >
        {action}
      </Empty>
    </Card>
  );
}
