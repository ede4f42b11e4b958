import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clockTime } from './minutesFormat.ts';
import type { SaveStatus } from './useVersionedAutosave.ts';

/** "Đang lưu…", "Đã lưu lúc 14:05", or why it was not saved; announced to screen readers. */
export function SaveStatusText({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation('minutes');
  return (
    <span className="ns-minutes-save-status" role="status" aria-live="polite">
      {status.kind === 'saving' ? (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('status.saving')}
        </Typography.Text>
      ) : status.kind === 'saved' ? (
        <Typography.Text type="success">
          <CheckCircleOutlined /> {t('status.savedAt', { time: clockTime(status.at) })}
        </Typography.Text>
      ) : status.kind === 'dirty' ? (
        <Typography.Text type="secondary">{t('status.unsaved')}</Typography.Text>
      ) : status.kind === 'failed' ? (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> {t('status.failed', { message: status.message })}{' '}
          <Button size="small" onClick={onRetry}>
            {t('status.retry')}
          </Button>
        </Typography.Text>
      ) : null}
    </span>
  );
}
