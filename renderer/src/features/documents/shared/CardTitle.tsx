import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Card titles are real headings under the page's h1, so the outline a screen reader hears matches the screen. */
export function CardTitle({ children, level = 2 }: { children: ReactNode; level?: 2 | 3 }) {
  return (
    <Typography.Title level={level} className="ns-doc-card-title">
      {children}
    </Typography.Title>
  );
}
