import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Card titles are headings under the page's h1, so a screen reader's outline matches the screen. */
export function CardHeading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} className="ns-opinion-card-title">
      {children}
    </Typography.Title>
  );
}
