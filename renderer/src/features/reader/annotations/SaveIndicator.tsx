import { CheckCircleOutlined, CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../common/errors.ts';
import type { SaveStatus } from './model/store.ts';

/** Appears briefly as changes are saved; stays, with a retry, while a save keeps failing. */
export function SaveIndicator({ save, onRetry }: { save: SaveStatus; onRetry(): void }) {
  const { t } = useTranslation('annotations');
  const [justSaved, setJustSaved] = useState(false);
  const [wasPending, setWasPending] = useState(false);

  if (save.pending > 0 && !wasPending) setWasPending(true);
  if (save.pending === 0 && wasPending) {
    setWasPending(false);
    setJustSaved(true);
  }
  useEffect(() => {
    if (!justSaved) return;
    const timer = setTimeout(() => setJustSaved(false), 2500);
    return () => clearTimeout(timer);
  }, [justSaved]);

  if (save.failing) {
    return (
      <span className="ns-annot-save ns-annot-save-failed" role="alert">
        <Tooltip title={t('save.failedDetail', { message: errorText(save.failing.error) })}>
          <span>
            <WarningOutlined /> {t('save.failed', { count: save.pending })}
          </span>
        </Tooltip>
        <Button size="small" type="link" onClick={onRetry}>
          {t('save.retry')}
        </Button>
      </span>
    );
  }
  if (save.pending > 0) {
    return (
      <span className="ns-annot-save" role="status">
        <CloudSyncOutlined /> {t('save.saving')}
      </span>
    );
  }
  return (
    <span className="ns-annot-save ns-annot-save-done" role="status" aria-live="polite">
      {justSaved ? (
        <>
          <CheckCircleOutlined /> {t('save.saved')}
        </>
      ) : null}
    </span>
  );
}
