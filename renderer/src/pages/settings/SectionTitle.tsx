import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Card titles are real h2s under the page's h1, so the heading outline matches what is seen. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} className="ns-section-title">
      {children}
    </Typography.Title>
  );
}
