import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACH_ACCEPT, type AttachProgress } from './useAttachFiles.ts';

/** The picker: a real button, and a file input that keeps its own name for assistive tech and tests. */
export function AttachButton({ targetName, onFiles, busy }: { targetName: string; onFiles: (files: File[]) => void; busy: boolean }) {
  const { t } = useTranslation('meetings');
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={ATTACH_ACCEPT}
        aria-label={t('attach.inputLabel', { target: targetName })}
        className="ns-sr-only"
        tabIndex={-1}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that choosing the same file again (after fixing it) fires again.
          event.target.value = '';
          onFiles(files);
        }}
      />
      <Button size="small" icon={<PaperClipOutlined />} loading={busy} onClick={() => input.current?.click()} aria-label={t('attach.buttonNamed', { target: targetName })}>
        {t('attach.button')}
      </Button>
    </>
  );
}

/** Upload and import progress, and the files that failed with why. */
export function AttachStatus({ progress, onCancel, onDismiss }: { progress: AttachProgress; onCancel: () => void; onDismiss: () => void }) {
  const { t } = useTranslation('meetings');
  return (
    <>
      {progress.phase !== 'idle' ? (
        <Flex gap="small" align="center" className="ns-attach-progress" role="status">
          <Typography.Text type="secondary" className="ns-small ns-ellipsis">
            {progress.phase === 'uploading'
              ? t('attach.uploading', { n: progress.done + 1, total: progress.total, fileName: progress.fileName })
              : t('attach.importing', { done: progress.done, total: progress.total, fileName: progress.fileName })}
          </Typography.Text>
          <Progress
            size="small"
            className="ns-attach-bar"
            percent={progress.phase === 'uploading' ? progress.percent : Math.round((progress.done / Math.max(1, progress.total)) * 100)}
            aria-label={t('attach.progress')}
          />
          <Button size="small" type="link" onClick={onCancel}>
            {t('attach.cancel')}
          </Button>
        </Flex>
      ) : null}
      {progress.failures.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: onDismiss, 'aria-label': t('common.close') }}
          className="ns-attach-failures"
          title={t('attach.failed', { count: progress.failures.length })}
          description={
            <ul className="ns-plain-list">
              {progress.failures.map((f, i) => (
                <li key={i}>
                  <Typography.Text strong>{f.fileName}</Typography.Text>: {f.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </>
  );
}

/** Files dropped from the desktop onto an agenda item land in that item. */
export function FileDropZone({ onFiles, disabled, children, className }: { onFiles: (files: File[]) => void; disabled?: boolean; children: ReactNode; className?: string }) {
  const { t } = useTranslation('meetings');
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  if (disabled) return <div className={className}>{children}</div>;
  return (
    <div
      className={`${className ?? ''} ns-dropzone${over ? ' ns-dropzone-over' : ''}`}
      data-drop-hint={t('attach.dropHint')}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        onFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
    </div>
  );
}
