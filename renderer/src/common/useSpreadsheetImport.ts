import { App as AntApp } from 'antd';
import { useRef, useState } from 'react';
import type { UploadRef } from '../../../shared/contract/index.ts';
import { useBridge } from '../bridge/BridgeContext.tsx';

/** Where a spreadsheet import stands: nothing chosen (or the last try failed), the file on its way, the core reading it, its rows shown. */
export type SpreadsheetImportStep<P> =
  | { step: 'choose'; error?: string }
  | { step: 'uploading'; percent: number }
  | { step: 'reading' }
  | { step: 'preview'; preview: P };

interface SpreadsheetImportOptions<P> {
  /** Asks the core to read and check the staged file; nothing is written yet. */
  preview: (upload: UploadRef) => Promise<P>;
  /** Lets the core drop the rows it holds for a preview. */
  cancel: (previewId: string) => Promise<unknown>;
  /** What the user is told when reading or writing failed. */
  failed: (error: unknown) => string;
  /** Seeds what the user may still edit in the preview from what the core found. */
  onPreview?: (preview: P) => void;
}

/**
 * The two steps every spreadsheet import shares: upload and read the file into a preview the user
 * checks, then write only on their say-so. Choosing another file, closing, or a failed write leaves
 * nothing written, and a preview that arrives after the user closed is dropped at once.
 */
export function useSpreadsheetImport<P extends { previewId: string }>(options: SpreadsheetImportOptions<P>) {
  const bridge = useBridge();
  const { message } = AntApp.useApp();
  const [state, setState] = useState<SpreadsheetImportStep<P>>({ step: 'choose' });
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [committing, setCommitting] = useState(false);
  const abort = useRef<AbortController | null>(null);

  function forget(previewId: string): void {
    // Nothing was written; this only lets the core forget the rows it holds.
    void options.cancel(previewId).catch(() => undefined);
  }

  async function read(file: File): Promise<void> {
    if (state.step === 'preview') forget(state.preview.previewId);
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'uploading', percent: 0 });
    try {
      const uploaded = await bridge.upload(file, {
        signal: controller.signal,
        onProgress: (sent, total) => setState({ step: 'uploading', percent: total > 0 ? Math.round((sent / total) * 100) : 0 }),
      });
      setState({ step: 'reading' });
      const preview = await options.preview({ uploadId: uploaded.uploadId, fileName: uploaded.fileName });
      if (controller.signal.aborted) {
        forget(preview.previewId);
        return;
      }
      setOnlyProblems(false);
      options.onPreview?.(preview);
      setState({ step: 'preview', preview });
    } catch (error) {
      if (!controller.signal.aborted) setState({ step: 'choose', error: options.failed(error) });
    }
  }

  /** Stops an upload or read under way and lets go of the preview; the dialog closes after. */
  function discard(): void {
    abort.current?.abort();
    if (state.step === 'preview') forget(state.preview.previewId);
  }

  /** Runs the dialog's write; on failure the user is told why and is back at choosing a file. */
  async function commit(write: () => Promise<void>): Promise<void> {
    setCommitting(true);
    try {
      await write();
    } catch (error) {
      void message.error(options.failed(error), 8);
      setState({ step: 'choose', error: options.failed(error) });
    } finally {
      setCommitting(false);
    }
  }

  return { state, read, discard, commit, committing, onlyProblems, setOnlyProblems };
}
