import { Button, Card, Flex, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import { Page } from '../shell/Page.tsx';

/** A screen whose data is on its way: its title and the shape of what is coming. */
export function LoadingPage({ title, rows = 10 }: { title: string; rows?: number }) {
  return (
    <Page title={title}>
      <Card>
        <Skeleton active paragraph={{ rows }} />
      </Card>
    </Page>
  );
}

/** A screen whose data could not be read: why, the way back, and a retry. */
export function LoadFailedPage(props: { title: string; message: string; backTo: string; backLabel: string; retryLabel: string; onRetry: () => void }) {
  return (
    <Page title={props.title}>
      <Result
        status="error"
        title={props.message}
        extra={
          <Flex gap="small" justify="center">
            <Link to={props.backTo}>
              <Button>{props.backLabel}</Button>
            </Link>
            <Button type="primary" onClick={props.onRetry}>
              {props.retryLabel}
            </Button>
          </Flex>
        }
      />
    </Page>
  );
}
