import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../logger.ts';
import type { ExtractFailureKind, ExtractJob, PageLayout, WorkerMessage } from './protocol.ts';

export type { LayoutItem, PageLayout } from './protocol.ts';

export interface ExtractedText {
  pageCount: number;
  /** Text of each page, NFC, page 1 first. */
  pages: string[];
  /** Pages whose content could not be read (indexed as empty). */
  failedPages: number;
}

/** Positioned text of some pages of a PDF. */
export interface TextLayout {
  pageCount: number;
  /** The pages asked for that exist, in page order. */
  pages: PageLayout[];
}

type JobResult = ExtractedText | TextLayout;

/** A file that yielded no text, and why. */
export class ExtractFailure extends Error {
  readonly kind: ExtractFailureKind;
  constructor(kind: ExtractFailureKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'ExtractFailure';
    this.kind = kind;
  }
}

/**
 * The worker's module: beside this file when running from source (Node strips the types), or the
 * bundle's own `pdf-text-worker.js` entry when built by electron-vite (entries sit in out/main,
 * shared code may land in out/main/chunks).
 */
function workerUrl(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./pdf-text-worker.ts', import.meta.url);
  for (const candidate of ['./pdf-text-worker.js', '../pdf-text-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('pdf-text-worker.js is missing from the build');
}

interface Slot {
  worker: Worker;
  job?: Running;
  idleTimer?: NodeJS.Timeout;
}

interface Running {
  job: ExtractJob;
  resolve(result: JobResult): void;
  reject(err: ExtractFailure): void;
  signal?: AbortSignal;
  onAbort?: () => void;
  stallTimer?: NodeJS.Timeout;
}

export interface ExtractionPoolOptions {
  log: Logger;
  /** Workers at most; default min(2, cores). */
  size?: number;
  /** A worker with nothing to do is stopped after this long, giving its memory back. */
  idleMs?: number;
  /** A file that makes no progress (no page finished) for this long is abandoned. */
  stallMs?: number;
  /** Heap limit of each worker, so one hostile PDF cannot take the machine's memory. */
  maxHeapMb?: number;
  /** Opens encrypted document files (files/blob-cipher.ts); plain files are read as they are. */
  blobKey?: Buffer;
}

/**
 * A small pool of pdf.js worker threads, started on first use and reused from file to file. A
 * worker that crashes, stalls or is cancelled is terminated and replaced; only its file fails.
 */
export function createExtractionPool(options: ExtractionPoolOptions) {
  const size = options.size ?? Math.max(1, Math.min(2, availableParallelism()));
  const idleMs = options.idleMs ?? 30_000;
  const stallMs = options.stallMs ?? 120_000;
  const slots: Slot[] = [];
  const queue: Running[] = [];
  let nextJobId = 1;
  let closed = false;

  function settle(slot: Slot, outcome: { text: JobResult } | { failure: ExtractFailure }): void {
    const running = slot.job;
    if (!running) return;
    slot.job = undefined;
    clearTimeout(running.stallTimer);
    if (running.onAbort) running.signal?.removeEventListener('abort', running.onAbort);
    if ('text' in outcome) running.resolve(outcome.text);
    else running.reject(outcome.failure);
  }

  function retire(slot: Slot): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    clearTimeout(slot.idleTimer);
    void slot.worker.terminate();
  }

  function armStall(slot: Slot, running: Running): void {
    clearTimeout(running.stallTimer);
    running.stallTimer = setTimeout(() => {
      settle(slot, { failure: new ExtractFailure('stalled', `no progress for ${stallMs} ms`) });
      retire(slot);
      pump();
    }, stallMs);
  }

  function spawn(): Slot {
    const worker = new Worker(workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 },
      // The worker needs no environment of ours beyond Node's own.
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker };
    worker.on('message', (message: WorkerMessage) => {
      const running = slot.job;
      if (!running || message.jobId !== running.job.jobId) return;
      if (message.type === 'page') armStall(slot, running);
      else if (message.type === 'done') {
        settle(slot, { text: { pageCount: message.pageCount, pages: message.pages, failedPages: message.failedPages } });
        idle(slot);
      } else if (message.type === 'layout') {
        settle(slot, { text: { pageCount: message.pageCount, pages: message.pages } });
        idle(slot);
      } else {
        settle(slot, { failure: new ExtractFailure(message.kind, message.detail) });
        idle(slot);
      }
    });
    const died = (detail: string) => {
      if (!slots.includes(slot)) return;
      options.log.warn({ detail }, 'pdf text worker ended unexpectedly');
      settle(slot, { failure: new ExtractFailure('crashed', detail) });
      retire(slot);
      pump();
    };
    worker.on('error', (err) => died(String(err?.message ?? err)));
    worker.on('exit', (code) => died(`exit code ${code}`));
    slots.push(slot);
    return slot;
  }

  function idle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (!slot.job) retire(slot);
    }, idleMs);
    slot.idleTimer.unref();
    pump();
  }

  function start(slot: Slot, running: Running): void {
    clearTimeout(slot.idleTimer);
    slot.job = running;
    armStall(slot, running);
    if (running.signal) {
      running.onAbort = () => {
        settle(slot, { failure: new ExtractFailure('cancelled', 'cancelled') });
        retire(slot);
        pump();
      };
      running.signal.addEventListener('abort', running.onAbort, { once: true });
    }
    slot.worker.postMessage(running.job);
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      const free = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!free) return;
      start(free, queue.shift()!);
    }
  }

  function run(file: string, layoutPages: ExtractJob['layoutPages'], signal?: AbortSignal): Promise<JobResult> {
    return new Promise<JobResult>((resolve, reject) => {
      if (closed) return reject(new ExtractFailure('cancelled', 'the document store is closing'));
      if (signal?.aborted) return reject(new ExtractFailure('cancelled', 'cancelled'));
      const base: ExtractJob = options.blobKey ? { jobId: nextJobId++, file, key: new Uint8Array(options.blobKey) } : { jobId: nextJobId++, file };
      const job: ExtractJob = layoutPages === undefined ? base : { ...base, layoutPages };
      const running: Running = { job, resolve, reject, signal };
      if (signal) {
        // While queued, an abort simply takes the job out of the queue.
        const dequeue = () => {
          const i = queue.indexOf(running);
          if (i >= 0) {
            queue.splice(i, 1);
            reject(new ExtractFailure('cancelled', 'cancelled'));
          }
        };
        signal.addEventListener('abort', dequeue, { once: true });
      }
      queue.push(running);
      pump();
    });
  }

  return {
    size,
    /** Text of every page of `file`; rejects with ExtractFailure. */
    extract: (file: string, signal?: AbortSignal) => run(file, undefined, signal) as Promise<ExtractedText>,
    /** Positioned text items of the given pages (0-based) of `file`; rejects with ExtractFailure. */
    layout: (file: string, pages: number[] | 'all', signal?: AbortSignal) => run(file, pages, signal) as Promise<TextLayout>,
    async close(): Promise<void> {
      closed = true;
      for (const running of queue.splice(0)) running.reject(new ExtractFailure('cancelled', 'the document store is closing'));
      const all = slots.splice(0);
      for (const slot of all) {
        clearTimeout(slot.idleTimer);
        settle(slot, { failure: new ExtractFailure('cancelled', 'the document store is closing') });
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

export type ExtractionPool = ReturnType<typeof createExtractionPool>;
