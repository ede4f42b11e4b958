/**
 * Worker thread: extracts the text of one PDF at a time with pdf.js, off the thread that serves
 * the UI. Small files are read whole (fastest); big ones by ranges, so a 300 MB PDF never sits in
 * memory. Stored files may be encrypted (files/blob-cipher.ts, the job carries the key). Kept free
 * of core imports but that small reader, so it starts fast.
 */
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { openStoredFile } from '../../../files/blob-cipher.ts';
import { joinTextItems, type TextPiece } from './page-text.ts';
import type { ExtractFailureKind, ExtractJob, PageLayout, WorkerMessage } from './protocol.ts';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Below this a file is read into memory at once; above it only the ranges pdf.js asks for. */
const READ_WHOLE_BELOW = 48 * 1024 * 1024;
const RANGE_CHUNK = 1024 * 1024;
const CLEANUP_EVERY = 64;

// pdf.js decides "am I in Node?" from process.type; inside Electron's utility process that says
// 'utility', which would send pdf.js down its browser paths (fetch, DOM workers). This thread is
// plain Node.
if (process.versions['electron'] && (process as { type?: string }).type && (process as { type?: string }).type !== 'browser') {
  try {
    Object.defineProperty(process, 'type', { value: undefined, configurable: true });
  } catch {
    // Not redefinable: pdf.js then falls back as it can.
  }
}

const pdfjsSpec = 'pdfjs-dist/legacy/build/pdf.mjs';
const pdfjsWorkerSpec = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
// While loading, pdf.js warns that it cannot polyfill DOMMatrix/Path2D: those serve page rendering,
// which this worker never does (there is no native canvas, see ADR 0003). Drop just those two lines
// so they do not reach an administrator's terminal; every other message passes.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot polyfill')) return;
  warn(...args);
};
let pdfjs: typeof PdfJs;
try {
  pdfjs = (await import(pdfjsSpec)) as typeof PdfJs;
} finally {
  console.warn = warn;
}
// pdf.js runs its parser in a "fake worker" on this thread; handing it the module avoids a second load.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(pdfjsWorkerSpec);
const packageRoot = new URL('../../', import.meta.resolve(pdfjsSpec));
const cMapUrl = fileURLToPath(new URL('cmaps/', packageRoot));
const standardFontDataUrl = fileURLToPath(new URL('standard_fonts/', packageRoot));

const port = parentPort;
if (!port) throw new Error('pdf-text-worker must run in a worker thread');

function send(message: WorkerMessage): void {
  port!.postMessage(message);
}

function classify(err: unknown): { kind: ExtractFailureKind; detail: string } {
  const name = (err as { name?: string } | null)?.name ?? '';
  const detail = String((err as { message?: string } | null)?.message ?? err).slice(0, 300);
  if (name === 'PasswordException') return { kind: 'encrypted', detail };
  if ((err as { code?: string } | null)?.code?.startsWith?.('E')) return { kind: 'io', detail };
  return { kind: 'invalid', detail };
}

/**
 * pdf.js's source for a stored file: small ones whole; big ones by the ranges pdf.js asks for, read
 * (and, when encrypted, decrypted chunk by chunk) through a range transport.
 */
async function source(job: ExtractJob): Promise<{ params: Omit<Parameters<typeof PdfJs.getDocument>[0] & object, 'url'>; close(): Promise<void> }> {
  const stored = await openStoredFile(job.file, job.key ? Buffer.from(job.key) : null);
  if (stored.size < READ_WHOLE_BELOW) {
    try {
      return { params: { data: new Uint8Array(await stored.readAll()) }, close: async () => undefined };
    } finally {
      await stored.close();
    }
  }
  const first = await stored.read(0, RANGE_CHUNK);
  const range = new pdfjs.PDFDataRangeTransport(stored.size, new Uint8Array(first));
  range.requestDataRange = (begin: number, end: number) => {
    stored.read(begin, end - begin).then(
      (bytes) => range.onDataRange(begin, new Uint8Array(bytes)),
      () => range.abort(),
    );
  };
  return { params: { range, disableStream: true, disableAutoFetch: true, rangeChunkSize: RANGE_CHUNK }, close: () => stored.close() };
}

async function extract(job: ExtractJob): Promise<void> {
  const common = {
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    verbosity: 0,
  };
  const input = await source(job);
  const task = pdfjs.getDocument({ ...common, ...input.params });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) {
      send({ type: 'failed', jobId: job.jobId, kind: 'empty', detail: 'no pages' });
      return;
    }
    if (job.layoutPages) {
      await layout(doc, job);
      return;
    }
    const pages: string[] = [];
    let failedPages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let text = '';
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        text = joinTextItems(content.items.filter((i) => 'str' in i) as TextPiece[]);
        // Cleaning up after every page throws away the parsed fonts the next page needs again
        // (about 15% of the time); every CLEANUP_EVERY pages keeps memory bounded all the same.
        if (n % CLEANUP_EVERY === 0) await doc.cleanup();
      } catch (err) {
        // One damaged page must not cost the whole document; it is indexed without text.
        if ((err as { name?: string }).name === 'PasswordException') throw err;
        failedPages++;
      }
      pages.push(text);
      send({ type: 'page', jobId: job.jobId, pageNo: n });
    }
    send({ type: 'done', jobId: job.jobId, pageCount: doc.numPages, pages, failedPages });
  } finally {
    await task.destroy();
    await input.close();
  }
}

/** The positioned text items of the requested pages; a page that cannot be read comes back empty. */
async function layout(doc: PdfJs.PDFDocumentProxy, job: ExtractJob): Promise<void> {
  const wanted = job.layoutPages === 'all' ? Array.from({ length: doc.numPages }, (_, i) => i) : (job.layoutPages ?? []);
  const pages: PageLayout[] = [];
  let done = 0;
  for (const pageIndex of [...new Set(wanted)].sort((a, b) => a - b)) {
    if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= doc.numPages) continue;
    let view: number[] = [];
    let items: PageLayout['items'] = [];
    try {
      const page = await doc.getPage(pageIndex + 1);
      view = [...page.view];
      const content = await page.getTextContent();
      items = content.items
        .filter((i) => 'str' in i)
        .map((i) => ({ str: i.str, transform: [...(i.transform as number[])], width: i.width, height: i.height, hasEOL: i.hasEOL }));
      if (++done % CLEANUP_EVERY === 0) await doc.cleanup();
    } catch (err) {
      if ((err as { name?: string }).name === 'PasswordException') throw err;
    }
    pages.push({ pageIndex, view, items });
    send({ type: 'page', jobId: job.jobId, pageNo: pageIndex + 1 });
  }
  send({ type: 'layout', jobId: job.jobId, pageCount: doc.numPages, pages });
}

port.on('message', (job: ExtractJob) => {
  extract(job).catch((err: unknown) => send({ type: 'failed', jobId: job.jobId, ...classify(err) }));
});
