import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../common/errors.ts';
import { Page } from '../../shell/Page.tsx';
import './sync.css';

interface Props<T> {
  title: string;
  intro: string;
  back: string;
  /** "… could not be loaded: {{message}}" for this page. */
  loadFailed: (message: string) => string;
  state: { status: string; data?: T | undefined; error?: unknown };
  reload: () => void;
  /** The empty state, shown when `isEmpty(data)`. */
  empty: { icon: ReactNode; title: string; hint: string };
  isEmpty: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/**
 * The frame of a page under Liên thông: the way back, a load error with "Thử lại", a skeleton while
 * the first load runs, and an empty state that says what to do; the page supplies only its content.
 */
export function SyncSubPage<T>({ title, intro, back, loadFailed, state, reload, empty, isEmpty, children }: Props<T>) {
  const { t } = useTranslation('sync');
  const data = state.data;
  return (
    <Page title={title} intro={intro}>
      <Link to="/sync" className="ns-sync-back">
        <ArrowLeftOutlined aria-hidden /> {back}
      </Link>
      {state.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          className="ns-sync-card"
          title={loadFailed(errorText(state.error))}
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      ) : null}
      {data === undefined ? (
        state.status === 'loading' ? (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : null
      ) : isEmpty(data) ? (
        <Card>
          <Empty
            className="ns-empty"
            image={empty.icon}
            description={
              <>
                <Typography.Text strong>{empty.title}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{empty.hint}</Typography.Text>
              </>
            }
          />
        </Card>
      ) : (
        children(data)
      )}
    </Page>
  );
}
