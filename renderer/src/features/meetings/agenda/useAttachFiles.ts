import { App as AntApp } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadRef } from '../../../../../shared/contract/index.ts';
import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { errorText } from '../../../common/errors.ts';
import { useLang } from '../../../common/useLang.ts';

/** Files an agenda item accepts: PDFs are read and indexed, the others kept as attachments. */
export const ATTACH_ACCEPT = '.pdf,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.rtf,.txt,.jpg,.jpeg,.png,.zip';

export interface AttachProgress {
  phase: 'idle' | 'uploading' | 'importing';
  /** Files finished in this phase, of `total`. */
  done: number;
  total: number;
  fileName: string;
  /** Share of the current upload's bytes sent, 0–100. */
  percent: number;
  /** Files that did not make it, with the reason in the user's language. */
  failures: Array<{ fileName: string; message: string }>;
}

const idle: AttachProgress = { phase: 'idle', done: 0, total: 0, fileName: '', percent: 0, failures: [] };

/**
 * Hand files to the core and place them in the meeting (under an agenda item when given): upload
 * each, then one import whose per-file progress the core reports as events. Each file succeeds or
 * fails on its own; the user sees which and why.
 */
export function useAttachFiles(meetingId: string, agendaItemId: string | null, targetName: string) {
  const { t } = useTranslation('meetings');
  const lang = useLang();
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [progress, setProgress] = useState<AttachProgress>(idle);
  const batch = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () =>
      bridge.subscribe((event) => {
        if (event.event !== 'documents.importProgress' || event.payload.batchId !== batch.current) return;
        const p = event.payload;
        setProgress((s) => ({ ...s, phase: 'importing', done: p.done, total: p.total, fileName: p.fileName }));
      }),
    [bridge],
  );

  const attach = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0 || batch.current || abort.current) return;
      const failures: AttachProgress['failures'] = [];
      const refs: UploadRef[] = [];
      const controller = new AbortController();
      abort.current = controller;
      try {
        for (const [i, file] of files.entries()) {
          setProgress({ phase: 'uploading', done: i, total: files.length, fileName: file.name, percent: 0, failures });
          try {
            const staged = await bridge.upload(file, {
              signal: controller.signal,
              onProgress: (sent, total) => setProgress((s) => ({ ...s, percent: total ? Math.round((sent / total) * 100) : 0 })),
            });
            refs.push({ uploadId: staged.uploadId, fileName: staged.fileName });
          } catch (error) {
            if (error instanceof BridgeError && error.code === 'CANCELLED') {
              setProgress(idle);
              void message.info(t('attach.cancelled'));
              return;
            }
            failures.push({ fileName: file.name, message: errorText(error) });
          }
        }
      } finally {
        abort.current = null;
      }
      if (refs.length === 0) {
        setProgress({ ...idle, failures });
        return;
      }
      const batchId = crypto.randomUUID();
      batch.current = batchId;
      setProgress({ phase: 'importing', done: 0, total: refs.length, fileName: refs[0]!.fileName, percent: 0, failures });
      try {
        const result = await bridge.invoke('documents.import', {
          files: refs,
          meetingId,
          ...(agendaItemId ? { agendaItemId } : {}),
          batchId,
        });
        let attached = 0;
        let duplicates = 0;
        for (const r of result.results) {
          if (r.ok) {
            attached += 1;
            if (r.duplicate) duplicates += 1;
          } else if (r.error.code !== 'CANCELLED') failures.push({ fileName: r.fileName, message: r.error.message[lang] });
        }
        if (attached > 0) {
          void message.success(
            duplicates > 0
              ? t('attach.doneWithDuplicates', { count: attached, target: targetName, duplicates })
              : t('attach.done', { count: attached, target: targetName }),
          );
        }
      } catch (error) {
        failures.push(...refs.map((r) => ({ fileName: r.fileName, message: errorText(error) })));
      } finally {
        batch.current = null;
      }
      setProgress({ ...idle, failures });
    },
    [bridge, meetingId, agendaItemId, targetName, message, t, lang],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    if (batch.current) void bridge.invoke('documents.cancelImport', { batchId: batch.current }).catch(() => undefined);
  }, [bridge]);

  const dismissFailures = useCallback(() => setProgress((s) => ({ ...s, failures: [] })), []);

  return { progress, attach, cancel, dismissFailures };
}
