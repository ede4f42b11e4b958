/**
 * The reader's figures (issue 4): a generated 500-page Vietnamese report opened in the real app —
 * the built renderer over the browser host, in Debian's Chromium — timed from the reader's own
 * performance marks, beside poppler's `pdftoppm` drawing the same page at the same scale; then
 * memory while scrolling through every page, beside the same measure after the first 50 pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/chromium.ts';
import { percentile, type Figure } from './stats.ts';

export interface ViewerBenchContext {
  /** The repository root (out/renderer is served from there). */
  root: string;
  /** The bench's temp folder; everything made here lives under it. */
  work: string;
  add(name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']): void;
  log(text: string): void;
}

const PAGES = 500;
const WARM_RUNS = 7;
/** How long the app sits on the list before a document is opened: the member reading the list. */
const IDLE_MS = 2000;
/** pdfkit's A4, in points: the generated report's page size. */
const A4_WIDTH_PT = 595.28;
/** Set by renderer/src/features/reader/ReaderPage.tsx (OPEN_MARK) and usePdfViewer.ts (FIRST_PAGE_MARK). */
const OPEN_MARK = 'nghisu:reader:open';
const FIRST_PAGE_MARK = 'nghisu:reader:first-page';

const median = (samples: number[]) => percentile(samples, 50);

/** `npm run bench` runs after `npm run build`; on a clone that skipped it, build rather than measure nothing. */
export function ensureRenderer(root: string, log: (text: string) => void): string {
  const staticDir = join(root, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    log('  chưa có bản dựng giao diện (out/renderer): chạy electron-vite build…');
    execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  }
  return staticDir;
}

/** Every process under `rootPid` (Chromium's renderer, GPU and utility processes), found through /proc. */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone between readdir and read
    }
    // "pid (comm) state ppid …": comm may itself hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Memory of the whole browser in MB: the proportional set size (PSS) of every process Chromium runs
 * (the bench's own descendants; Playwright starts Chromium as a child of this process).
 * RSS would count the shared libraries once per process; PSS shares them out, so the sum is what the
 * browser really holds. It includes the canvases' backing stores (software-drawn with --disable-gpu,
 * in the renderer and GPU processes), the pdf.js worker (a thread of the renderer) and the JS heap.
 */
function browserMemoryMb(): number {
  let kb = 0;
  for (const pid of processTree(process.pid)) {
    if (pid === process.pid) continue;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // A process that ended between the walk and the read holds nothing any more.
    }
  }
  return kb / 1024;
}

/** Open the document from inside the running app and time it to its first page drawn. */
async function openFromApp(page: Page, documentId: string): Promise<number> {
  await page.evaluate(`location.hash = '#/documents/${documentId}/read'`);
  return waitFirstPage(page);
}

async function waitFirstPage(page: Page): Promise<number> {
  await page.locator('.ns-reader-scroll[data-first-page-drawn="true"]').waitFor({ timeout: 60_000 });
  return page.evaluate<number>(
    `performance.measure('nghisu:bench:first-page', '${OPEN_MARK}', '${FIRST_PAGE_MARK}').duration`,
  );
}

/** How many canvas pixels per PDF point the reader used for page 1: pdftoppm is given the same. */
async function firstPageDpi(page: Page): Promise<number> {
  const width = await page.evaluate<number>(
    `document.querySelector('.pdfViewer .page[data-page-number="1"] .canvasWrapper canvas')?.width ?? 0`,
  );
  if (!width) throw new Error('page 1 has no canvas');
  return (72 * width) / A4_WIDTH_PT;
}

function timePdftoppm(file: string, dpi: number, outPrefix: string): number {
  const t = performance.now();
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', dpi.toFixed(2), '-png', file, outPrefix]);
  return performance.now() - t;
}

/** Scroll page by page to the end; the memory peak over the first 50 pages and over all of them. */
async function scrollThrough(page: Page): Promise<{ peakAll: number; peak50: number; missed: number; marks: string[] }> {
  const marks: string[] = [`0: ${browserMemoryMb().toFixed(0)}`];
  let peakAll = 0;
  let peak50 = 0;
  let missed = 0;
  for (let n = 1; n <= PAGES; n++) {
    await page.evaluate(`(() => {
      const container = document.querySelector('.ns-reader-scroll');
      const div = container.querySelector('.pdfViewer .page[data-page-number="${n}"]');
      container.scrollTop += div.getBoundingClientRect().top - container.getBoundingClientRect().top;
    })()`);
    // pdf.js appends a page's canvas once drawing has put something on it. A locator, not
    // waitForSelector: the element handle that returns would keep every page's canvas (and
    // its text-shaping cache) alive for DevTools, measuring the bench's memory, not the reader's.
    await page
      .locator(`.pdfViewer .page[data-page-number="${n}"] .canvasWrapper canvas`)
      .first()
      .waitFor({ state: 'attached', timeout: 3_000 })
      .catch(() => missed++);
    const mb = browserMemoryMb();
    peakAll = Math.max(peakAll, mb);
    if (n <= 50) peak50 = peakAll;
    if (n % 50 === 0) marks.push(`${n}: ${mb.toFixed(0)}`);
  }
  return { peakAll, peak50, missed, marks };
}

export async function measureViewer(ctx: ViewerBenchContext): Promise<void> {
  const { root, work, add, log } = ctx;
  const staticDir = ensureRenderer(root, log);
  const dir = join(work, 'viewer');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bao-cao-500-trang.pdf');
  await writeSamplePdf(file, createRandom(500), PAGES, 500);

  let host: WebHost | null = null;
  let browser: Browser | null = null;
  try {
    host = await startWebHost({ dataDir: join(dir, 'data'), staticDir });
    // The shell opens only once the laptop has a profile (otherwise it asks for one first).
    await host.core.call('profile.create', { fullName: 'Trần Văn Minh', position: 'Phó Trưởng ban', unitName: 'Sở Tài chính tỉnh Lào Cai', workRole: 'member' });
    const imported = await host.core.call('documents.importFiles', { paths: [file] });
    const result = imported.results[0];
    if (!result?.ok) throw new Error(`import of the 500-page report failed: ${JSON.stringify(result)}`);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    // As a member does: the app is open on another screen, then the document is opened from there
    // (in-app navigation, as a click on it does). The first open after the app has started, then
    // opens of the same document again, as when a member goes back to the list and opens the next one.
    await page.goto(`${host.url}#/documents`);
    await page.locator('.ns-shell').waitFor();
    await page.waitForTimeout(IDLE_MS);
    const first = await openFromApp(page, result.document.id);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      await page.evaluate(`location.hash = '#/documents'`);
      await page.locator('.ns-reader-scroll').waitFor({ state: 'detached' });
      await page.waitForTimeout(IDLE_MS / 4);
      warm.push(await openFromApp(page, result.document.id));
    }
    const dpi = await firstPageDpi(page);
    const poppler: number[] = [];
    timePdftoppm(file, dpi, join(dir, 'poppler')); // its first run loads poppler and the fonts from disk
    for (let i = 0; i < WARM_RUNS; i++) poppler.push(timePdftoppm(file, dpi, join(dir, 'poppler')));
    log(`  trình đọc: trang đầu lần mở đầu tiên ${first.toFixed(0)} ms, các lần sau ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms; pdftoppm ở ${dpi.toFixed(1)} dpi`);
    add('viewer.first_page_ms', median(warm), 'ms', 300, 'max');
    // The first open also pays for what happens once per session (the reader's styles, fonts
    // loaded into the page): shown, not budgeted.
    add('viewer.first_open_first_page_ms', first, 'ms', null, 'info');
    add('viewer.pdftoppm_first_page_ms', median(poppler), 'ms', null, 'info');

    const { peakAll, peak50, missed, marks } = await scrollThrough(page);
    log(`  bộ nhớ khi cuộn (trang: MB) ${marks.join(', ')}`);
    if (missed > 0) log(`  ! ${missed}/${PAGES} trang chưa vẽ xong sau 3 s khi cuộn qua`);
    add('viewer.scroll_peak_mb', peakAll, 'MB', null, 'info');
    add('viewer.scroll_peak_after_50_mb', peak50, 'MB', null, 'info');
    // Bounded means flat: a viewer that kept every page's canvas would grow about tenfold from page 50
    // to 500; what is left between the two is the allocators' and garbage collectors' slack.
    add('viewer.scroll_peak_growth.ratio', peakAll / peak50, 'ratio', 1.25, 'max');
  } finally {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
