import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const PAGE_HEADING_ID = 'page-heading';

interface PageProps {
  title: string;
  intro?: string;
  children: ReactNode;
}

/** Every screen has one h1 (the landmark for screen readers and tests) and names the window after it. */
export function Page({ title, intro, children }: PageProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  return (
    <div className="ns-page">
      <header className="ns-page-header">
        <Typography.Title level={1} id={PAGE_HEADING_ID} tabIndex={-1} className="ns-page-title">
          {title}
        </Typography.Title>
        {intro ? (
          <Typography.Paragraph type="secondary" className="ns-page-intro">
            {intro}
          </Typography.Paragraph>
        ) : null}
      </header>
      {children}
    </div>
  );
}
