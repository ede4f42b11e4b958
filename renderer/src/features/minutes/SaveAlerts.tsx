import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoverAlert } from './RecoverAlert.tsx';
import type { UnsavedDraft } from './unsavedDraft.ts';

/**
 * What the autosave has to say above a document (minutes or notice): another window saved first
 * (nothing is overwritten; reload), or text typed last time never reached the core (restore it).
 */
export function SaveAlerts(props: {
  conflict: boolean;
  conflictTitle: string;
  onReload: () => void;
  recovery: UnsavedDraft | null;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation('minutes');
  return (
    <>
      {props.conflict ? (
        <Alert
          type="error"
          showIcon
          className="ns-block"
          title={props.conflictTitle}
          description={t('conflict.body')}
          action={
            <Button danger onClick={props.onReload}>
              {t('conflict.reload')}
            </Button>
          }
        />
      ) : null}
      {props.recovery ? <RecoverAlert draft={props.recovery} onRestore={props.onRestore} onDiscard={props.onDiscard} /> : null}
    </>
  );
}

/** A finalized minutes or an issued notice: when, by whom, and the hash that proves the text. */
export function LockedBanner({ title, sha256 }: { title: string; sha256: string }) {
  const { t } = useTranslation('minutes');
  return (
    <Alert
      type="success"
      showIcon
      icon={<LockOutlined />}
      className="ns-block"
      title={title}
      description={
        <span>
          {t('finalize.hash')}: <Typography.Text code copyable className="ns-minutes-hash">{sha256}</Typography.Text>
        </span>
      }
    />
  );
}

/** Ctrl+S saves at once, wherever the focus is on the screen. */
export function useSaveShortcut(flush: () => Promise<boolean>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush]);
}
