import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import type * as PdfViewerModule from 'pdfjs-dist/web/pdf_viewer.mjs';

/*
 * pdf_viewer.mjs reads the library from globalThis.pdfjsLib instead of importing it, so the library
 * must be published there before the viewer module is evaluated (see viewerModule()).
 */
(globalThis as unknown as { pdfjsLib: typeof pdfjsLib }).pdfjsLib = pdfjsLib;
pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjsLib };

/** The viewer components, loaded once the library is in place. */
export function viewerModule(): Promise<typeof PdfViewerModule> {
  return import('pdfjs-dist/web/pdf_viewer.mjs');
}

/**
 * Where the build puts pdf.js's data files (electron.vite.config.ts copies them). Absolute URLs,
 * because the worker resolves relative ones against its own script, not the page.
 */
export function assetUrl(path: string): string {
  return new URL(`pdfjs/${path}`, document.baseURI).href;
}

let worker: PDFWorker | null = null;

/**
 * The reader's pdf.js worker, shared by the documents it opens. Asking for it as soon as a
 * document is requested starts the worker (fetching and compiling its script) while the document's
 * bytes are still on their way, instead of after them.
 */
export function pdfWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new pdfjsLib.PDFWorker();
  return worker;
}

/**
 * Start what opening a document waits for besides its bytes: the worker, and the viewer's code.
 * Called when the app is idle (prewarm.ts) and again as a document is asked for; both are kept
 * once loaded, so a second call costs nothing.
 */
export function warmUp(): Promise<unknown> {
  pdfWorker();
  return viewerModule();
}

/** A worker stuck in a crafted file's loop serves nobody: the next document gets a new one. */
function abandonWorker(): void {
  worker?.destroy();
  worker = null;
}

/** Opening a document that never settles (a crafted file can loop the parser) ends here. */
export const LOAD_TIMEOUT_MS = 30_000;

export type LoadFailure = 'password' | 'invalid' | 'empty' | 'timeout' | 'unknown';

export class PdfLoadError extends Error {
  readonly reason: LoadFailure;
  constructor(reason: LoadFailure, message: string) {
    super(message);
    this.name = 'PdfLoadError';
    this.reason = reason;
  }
}

/** pdf.js reports problems as exceptions named by kind; the reader turns them into a message the member understands. */
export function classifyLoadError(error: unknown): PdfLoadError {
  if (error instanceof PdfLoadError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new PdfLoadError('password', message);
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new PdfLoadError('invalid', message);
  }
  return new PdfLoadError(/pdf|xref|trailer|stream|startxref/i.test(message) ? 'invalid' : 'unknown', message);
}

export interface OpenPdfOptions {
  onProgress?(loaded: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * Parse a PDF from its bytes. Never asks for a password (stored meeting documents must open
 * without one); rejects with PdfLoadError, including after LOAD_TIMEOUT_MS.
 */
/** Typed apart: the option is gone from pdf.js 6's types (see openPdf). */
const NO_EVAL = { isEvalSupported: false } as Record<string, unknown>;

export async function openPdf(bytes: ArrayBuffer, options: OpenPdfOptions = {}): Promise<PDFDocumentProxy> {
  if (bytes.byteLength === 0) throw new PdfLoadError('empty', 'zero-byte file');
  const task: PDFDocumentLoadingTask = pdfjsLib.getDocument({
    // The worker takes ownership of the buffer it is given; a copy keeps the caller's intact for a retry.
    data: new Uint8Array(bytes.slice(0)),
    worker: pdfWorker(),
    cMapUrl: assetUrl('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts/'),
    wasmUrl: assetUrl('wasm/'),
    iccUrl: assetUrl('iccs/'),
    // No XFA forms: a meeting document is read, never run (the viewer also runs no document
    // JavaScript). pdf.js 6 has no eval code path at all and ignores `isEvalSupported`; it is still
    // passed so that a downgrade to a version that has one (< 5) cannot quietly turn eval back on.
    // The CSP without 'unsafe-eval' enforces the same.
    enableXfa: false,
    stopAtErrors: false,
    ...NO_EVAL,
  });
  if (options.onProgress) task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => options.onProgress?.(loaded, total);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const abort = () => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    return await Promise.race([
      task.promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          void task.destroy();
          abandonWorker();
          reject(new PdfLoadError('timeout', `no answer after ${LOAD_TIMEOUT_MS} ms`));
        }, LOAD_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    throw classifyLoadError(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }
}

/** The viewer's letting go of a document, which closePdf waits for (see closePdf). */
const releases = new WeakMap<PDFDocumentProxy, Promise<void>>();

/** Longest a document stays open for its viewer: the fetch of its pages never settles if the viewer left before the first page was drawn. */
const RELEASE_WAIT_MS = 3_000;

/** Resolves when `work` has settled, or after RELEASE_WAIT_MS. */
export function settledOrLate(work: Promise<unknown> | null): Promise<void> {
  if (!work) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, RELEASE_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

/** Registers the promise by which a viewer lets go of `pdf`; closePdf destroys the document only after it. */
export function releaseBeforeClose(pdf: PDFDocumentProxy, released: Promise<void>): void {
  releases.set(pdf, released);
}

/**
 * Destroys a document once its viewer has let go of it. Once the first page is drawn, pdf.js's
 * viewer asks the worker for every other page: a request the document's destruction cuts short is
 * logged as an error ("Unable to get page N to initialize viewer"), and one answered after the
 * viewer was reset throws (its page view is gone). Leaving the reader in that instant is ordinary
 * and must not read as a failure, so the viewer waits for the fetch before it resets, and the
 * document is destroyed after that.
 */
export async function closePdf(pdf: PDFDocumentProxy): Promise<void> {
  await settledOrLate(releases.get(pdf) ?? null);
  await pdf.loadingTask.destroy();
}
