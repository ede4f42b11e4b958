import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../shell/Page.tsx';

export type EmptyAreaKey = 'meetings' | 'documents' | 'tasks' | 'search';

interface EmptyStateProps {
  title: string;
  intro: string;
  empty: string;
  next: string;
  action?: ReactNode;
}

/** An area whose feature has not shipped yet: say so plainly instead of showing sample data. */
export function EmptyState({ title, intro, empty, next, action }: EmptyStateProps) {
  return (
    <Page title={title} intro={intro}>
      <Card>
        <Empty
          className="ns-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Text strong>{empty}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{next}</Typography.Text>
            </>
          }
        >
          {action}
        </Empty>
      </Card>
    </Page>
  );
}

export function EmptyArea({ area }: { area: EmptyAreaKey }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t(`nav.${area}`)}
      intro={t(`areas.${area}.intro`)}
      empty={t(`areas.${area}.empty`)}
      next={t(`areas.${area}.next`)}
    />
  );
}
