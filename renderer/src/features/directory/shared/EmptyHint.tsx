import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that says what to do next, with the action right there. */
export function EmptyHint({ title, hint, children }: { title: string; hint: string; children?: ReactNode }) {
  return (
    <Empty
      className="ns-dir-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{hint}</Typography.Text>
        </>
      }
    >
      {children}
    </Empty>
  );
}
