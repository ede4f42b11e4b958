import { v7 as uuidv7 } from 'uuid';
import {
  IMPORT_MAX_FILES,
  MAX_UPLOAD_BYTES,
  type CoreEvents,
  type DocumentSummary,
  type ErrorCode,
  type ImportFileResult,
  type LocalizedText,
  type UploadRef,
} from '../../../../../shared/contract/index.ts';
import type { AppBridge } from '../../../bridge/AppBridge.ts';
import { BridgeError } from '../../../bridge/BridgeError.ts';
import { i18next } from '../../../i18n/i18n.ts';

export interface ImportFailure {
  code: ErrorCode;
  message: LocalizedText;
}

/** One file's way through an import: bytes to the host first, then the core reads and stores it. */
export type RowState =
  | { phase: 'queued' }
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'waiting' }
  | { phase: 'reading' }
  | { phase: 'imported'; document: DocumentSummary }
  | { phase: 'duplicate'; document: DocumentSummary }
  | { phase: 'failed'; error: ImportFailure }
  | { phase: 'cancelled' };

export interface ImportRow {
  key: number;
  fileName: string;
  size: number;
  state: RowState;
}

export interface ImportBatch {
  id: string;
  rows: ImportRow[];
  status: 'running' | 'cancelling' | 'done';
}

export function isFinished(state: RowState): boolean {
  return state.phase === 'imported' || state.phase === 'duplicate' || state.phase === 'failed' || state.phase === 'cancelled';
}

/** Share of a file's work done, for the batch's bar: uploading is the first half, reading the rest. */
export function rowProgress(state: RowState): number {
  switch (state.phase) {
    case 'queued':
      return 0;
    case 'uploading':
      return state.total > 0 ? (0.5 * state.sent) / state.total : 0;
    case 'waiting':
      return 0.5;
    case 'reading':
      return 0.75;
    default:
      return 1;
  }
}

/** Uploads at once: enough to keep the host busy, few enough that one huge file does not starve the bar. */
const UPLOAD_LANES = 2;

/*
 * The batch lives outside React so it survives leaving the library: someone who drops fifty files
 * and opens one of the first while the rest are read still finds the progress when they come back.
 */
let current: ImportBatch | null = null;
let controller: AbortController | null = null;
let importing = false;
const listeners = new Set<() => void>();

function publish(next: ImportBatch | null): void {
  current = next;
  for (const listener of listeners) listener();
}

function updateRows(change: (rows: ImportRow[]) => ImportRow[]): void {
  if (current) publish({ ...current, rows: change(current.rows) });
}

function setRow(key: number, state: RowState): void {
  updateRows((rows) => rows.map((row) => (row.key === key ? { ...row, state } : row)));
}

export function subscribeImport(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function importSnapshot(): ImportBatch | null {
  return current;
}

/** Close the finished batch's panel. */
export function dismissImport(): void {
  if (current?.status === 'done') publish(null);
}

function tooLarge(fileName: string): ImportFailure {
  return {
    code: 'FILE_INVALID',
    message: {
      vi: i18next.getFixedT('vi', 'documents')('import.tooLarge', { fileName }),
      en: i18next.getFixedT('en', 'documents')('import.tooLarge', { fileName }),
    },
  };
}

function failureOf(error: unknown): ImportFailure {
  if (error instanceof BridgeError) return { code: error.code, message: error.localized };
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: { vi: text, en: text } };
}

function resultState(result: ImportFileResult): RowState {
  if (result.ok) return { phase: result.duplicate ? 'duplicate' : 'imported', document: result.document };
  if (result.error.code === 'CANCELLED') return { phase: 'cancelled' };
  return { phase: 'failed', error: result.error };
}

/**
 * The core names files in its progress events; with two files of one name in a batch, the first
 * one still in the matching phase is the one meant (the core works through them in order).
 */
function applyProgress(keys: readonly number[], event: CoreEvents['documents.importProgress']): void {
  updateRows((rows) => {
    const candidates = rows.filter((row) => keys.includes(row.key) && row.fileName === event.fileName);
    const target =
      event.state === 'started'
        ? candidates.find((row) => row.state.phase === 'waiting')
        : (candidates.find((row) => row.state.phase === 'reading') ?? candidates.find((row) => row.state.phase === 'waiting'));
    // The finished states arrive with the call's result, which carries the document; only show reading here.
    if (!target || event.state !== 'started') return rows;
    return rows.map((row) => (row === target ? { ...row, state: { phase: 'reading' } } : row));
  });
}

async function uploadAll(bridge: AppBridge, files: readonly File[], rows: readonly ImportRow[], signal: AbortSignal) {
  const refs = new Map<number, UploadRef>();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const row = rows[i]!;
      if (signal.aborted) return;
      if (row.state.phase !== 'queued') continue;
      const file = files[i]!;
      setRow(row.key, { phase: 'uploading', sent: 0, total: file.size });
      try {
        const uploaded = await bridge.upload(file, {
          signal,
          onProgress: (sent, total) => setRow(row.key, { phase: 'uploading', sent, total }),
        });
        refs.set(row.key, { uploadId: uploaded.uploadId, fileName: uploaded.fileName });
        setRow(row.key, { phase: 'waiting' });
      } catch (error) {
        setRow(row.key, signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', error: failureOf(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_LANES, files.length) }, lane));
  return refs;
}

async function importUploaded(bridge: AppBridge, batchId: string, refs: Map<number, UploadRef>, signal: AbortSignal) {
  const keys = [...refs.keys()];
  for (let start = 0; start < keys.length; start += IMPORT_MAX_FILES) {
    const chunk = keys.slice(start, start + IMPORT_MAX_FILES);
    if (signal.aborted) {
      for (const key of chunk) setRow(key, { phase: 'cancelled' });
      continue;
    }
    const unsubscribe = bridge.subscribe((event) => {
      if (event.event === 'documents.importProgress' && event.payload.batchId === batchId) applyProgress(chunk, event.payload);
    });
    importing = true;
    try {
      const { results } = await bridge.invoke('documents.import', { batchId, files: chunk.map((key) => refs.get(key)!) });
      chunk.forEach((key, i) => {
        const result = results[i];
        if (result) setRow(key, resultState(result));
      });
    } catch (error) {
      const failure = failureOf(error);
      for (const key of chunk) setRow(key, failure.code === 'CANCELLED' ? { phase: 'cancelled' } : { phase: 'failed', error: failure });
    } finally {
      importing = false;
      unsubscribe();
    }
  }
}

/**
 * Imports the files the user dropped or picked, as one batch: uploads them (with progress), then
 * asks the core to import them all. Returns false when a batch is already running.
 */
export async function startImport(bridge: AppBridge, files: readonly File[]): Promise<boolean> {
  if (current && current.status !== 'done') return false;
  if (files.length === 0) return true;
  const batchId = uuidv7();
  const abort = new AbortController();
  controller = abort;
  const rows: ImportRow[] = files.map((file, key) => ({
    key,
    fileName: file.name,
    size: file.size,
    state:
      file.size > MAX_UPLOAD_BYTES
        ? { phase: 'failed', error: tooLarge(file.name) }
        : { phase: 'queued' },
  }));
  publish({ id: batchId, rows, status: 'running' });
  try {
    const refs = await uploadAll(bridge, files, rows, abort.signal);
    await importUploaded(bridge, batchId, refs, abort.signal);
  } catch (error) {
    // Whatever broke, each file still ends with an outcome the user can read.
    const failure = failureOf(error);
    updateRows((all) => all.map((row) => (isFinished(row.state) ? row : { ...row, state: { phase: 'failed', error: failure } })));
  } finally {
    updateRows((all) => all.map((row) => (isFinished(row.state) ? row : { ...row, state: { phase: 'cancelled' } })));
    if (current) publish({ ...current, status: 'done' });
    controller = null;
  }
  return true;
}

/** Stop the running batch: uploads are aborted, and the core abandons the file it is reading. */
export async function cancelImport(bridge: AppBridge): Promise<void> {
  if (!current || current.status !== 'running' || !controller) return;
  const batchId = current.id;
  publish({ ...current, status: 'cancelling' });
  controller.abort();
  // The core may not have registered the batch yet when the call has only just gone out: ask again.
  for (let attempt = 0; importing && attempt < 10; attempt++) {
    const { cancelled } = await bridge.invoke('documents.cancelImport', { batchId });
    if (cancelled) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
