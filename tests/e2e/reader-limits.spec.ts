import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURE_PDFS, writeTextPdf } from '../support/pdf-fixtures.ts';
import { E2E_PROFILE } from './env.ts';
import { expect, mainNav, screenshot, test } from './fixtures.ts';
import { A0_SCAN, damagedVariants, writeA0ScanPdf } from './support/huge-pdfs.ts';
import { isolatedHost, type IsolatedHost } from './support/isolated-host.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { writeReaderPdf } from './support/reader-pdfs.ts';
import { inkedPixels, scroller, serveInstead, waitFirstPage, zoomTo } from './support/reader-page.ts';

/**
 * What the reader must survive: a huge scanned page, and files damaged in the ways real files are.
 * Either the pages or a clear message, within seconds; never a blank or frozen view, never the rest
 * of the app affected.
 */
let lab: IsolatedHost;
let files: string;
const ids = { scan: '', carrier: '', long: '' };
const file = (name: string) => join(files, name);

const SCAN_NAME = 'Bản đồ quy hoạch tỉnh Lào Cai (bản quét A0).pdf';
const CARRIER_NAME = 'Tài liệu nhận qua USB.pdf';
const LONG_NAME = 'Báo cáo tổng hợp 80 trang.pdf';
const LONG_PAGES = 80;
/** usePdfViewer.ts MAX_CANVAS_PIXELS: no canvas of the reader may be larger, whatever the page and zoom. */
const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  lab = await isolatedHost('reader-limits', E2E_PROFILE);
  files = mkdtempSync(join(tmpdir(), 'nghisu-e2e-limits-files-'));
  await writeA0ScanPdf(file(SCAN_NAME));
  await writeTextPdf(file(CARRIER_NAME), ['Một tài liệu bình thường khi nhập vào kho.']);
  await writeSamplePdf(file(LONG_NAME), createRandom(80), LONG_PAGES, 80);
  const { results } = await lab.host.core.call('documents.importFiles', { paths: [file(SCAN_NAME), file(CARRIER_NAME), file(LONG_NAME)] });
  const [scan, carrier, long] = results.map((r) => {
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r)}`);
    return r.document.id;
  });
  ids.scan = scan!;
  ids.carrier = carrier!;
  ids.long = long!;
});

test.afterAll(async () => {
  await lab.close();
  rmSync(files, { recursive: true, force: true });
});

async function openReader(page: Page, documentId: string): Promise<void> {
  await page.goto(`${lab.host.url}#/documents/${documentId}/read`);
}

/** Every canvas pdf.js drew for page 1 (the page and, when zoomed past the limit, its sharp detail of the view). */
async function pageCanvases(page: Page): Promise<{ width: number; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('.pdfViewer .page[data-page-number="1"] canvas')].map((c) => ({ width: c.width, height: c.height })),
  );
}

/** How many canvases of the pages and of the thumbnails hold pixels. */
async function canvasesWithPixels(page: Page): Promise<{ pages: number; thumbnails: number }> {
  return page.evaluate(() => ({
    pages: [...document.querySelectorAll<HTMLCanvasElement>('.pdfViewer .page canvas')].filter((c) => c.width > 0).length,
    thumbnails: [...document.querySelectorAll<HTMLCanvasElement>('.ns-thumbs canvas')].filter((c) => c.width > 0 && c.dataset['drawn']).length,
  }));
}

async function pageWidth(page: Page): Promise<number> {
  return (await page.locator('.pdfViewer .page[data-page-number="1"]').boundingBox())?.width ?? 0;
}

test('an A0 scan renders within the canvas limit at fit width and at 400 %, and stays usable', async ({ page }) => {
  test.setTimeout(120_000);
  await openReader(page, ids.scan);
  await waitFirstPage(page);
  const viewport = (await scroller(page).boundingBox())!;
  expect(await pageWidth(page)).toBeLessThan(viewport.width);
  await expect.poll(() => inkedPixels(page, 1)).toBeGreaterThan(1000);
  for (const c of await pageCanvases(page)) expect(c.width * c.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  await screenshot(page, 'reader-limits-a0-fit');

  // 400 % of A0 is 12,715 × 17,973 CSS pixels: 228 million, fourteen times the limit.
  await zoomTo(page, '400%');
  const full = (A0_SCAN.widthPt * 4 * 96) / 72;
  await expect.poll(() => pageWidth(page), { timeout: 15_000 }).toBeGreaterThan(full - 10);
  await expect.poll(() => inkedPixels(page, 1), { timeout: 30_000 }).toBeGreaterThan(1000);
  const zoomed = await pageCanvases(page);
  expect(zoomed.length).toBeGreaterThan(0);
  for (const c of zoomed) {
    expect(c.width * c.height).toBeGreaterThan(0);
    expect(c.width * c.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  }
  await screenshot(page, 'reader-limits-a0-400');

  // Still usable: it scrolls, the page is still drawn there, and it zooms back.
  const before = await scroller(page).evaluate((el) => el.scrollTop);
  await scroller(page).evaluate((el) => el.scrollBy(0, 4000));
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 3000);
  await expect.poll(() => inkedPixels(page, 1), { timeout: 30_000 }).toBeGreaterThan(1000);
  for (const c of await pageCanvases(page)) expect(c.width * c.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  await screenshot(page, 'reader-limits-a0-400-scrolled');

  await zoomTo(page, 'Vừa chiều rộng');
  await expect.poll(() => pageWidth(page)).toBeLessThan(viewport.width);
  await expect.poll(() => inkedPixels(page, 1), { timeout: 30_000 }).toBeGreaterThan(1000);
  for (const c of await pageCanvases(page)) expect(c.width * c.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  await mainNav(page).getByRole('link', { name: 'Tài liệu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
});

test('damaged copies of real PDFs end in their pages or a clear message, and the app keeps working', async ({ page }) => {
  test.setTimeout(240_000);
  await writeReaderPdf(file('bao-cao.pdf'));
  const sources = [
    // A real-world file (pdf.js's test paper, made by another producer) and one of ours, in Vietnamese.
    { name: 'tracemonkey', bytes: readFileSync(join(FIXTURE_PDFS, 'tracemonkey_freetext.pdf')) },
    { name: 'bao-cao', bytes: readFileSync(file('bao-cao.pdf')) },
  ];
  const outcomes: string[] = [];
  for (const source of sources) {
    for (const damaged of damagedVariants(source.bytes)) {
      const label = `${source.name}-${damaged.name}`;
      await serveInstead(page, CARRIER_NAME, damaged.bytes);
      await openReader(page, ids.carrier);
      const message = page.getByRole('alert');
      const drawn = scroller(page).and(page.locator('[data-first-page-drawn="true"]'));
      await expect(message.or(drawn), label).toBeVisible({ timeout: 15_000 });
      if (await message.isVisible()) {
        await expect(message, label).toContainText(/bị hỏng hoặc không đúng định dạng|Có lỗi khi mở tệp PDF|Mở tệp PDF quá lâu|bị lỗi nên không hiển thị/);
        await expect(page.getByRole('button', { name: 'Mở bằng chương trình khác' })).toBeVisible();
        outcomes.push(`${label}: message`);
      } else {
        // The pages that could be recovered are there: the view is not a blank sheet.
        await expect.poll(() => inkedPixels(page, 1), { message: label, timeout: 10_000 }).toBeGreaterThan(100);
        outcomes.push(`${label}: pages`);
      }
      await screenshot(page, `reader-limits-${label}`);
      // Nothing else is affected: the rest of the app still answers.
      await mainNav(page).getByRole('link', { name: 'Tài liệu', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
    }
  }
  test.info().annotations.push({ type: 'outcomes', description: outcomes.join('; ') });
  // A header alone has no pages to show: it must end in the message.
  expect(outcomes).toContain('tracemonkey-header-only: message');

  await page.unroute('**/files/blob/**');
  await openReader(page, ids.carrier);
  await waitFirstPage(page);
  await expect.poll(() => inkedPixels(page, 1)).toBeGreaterThan(100);
});

test('a long document: only pages and thumbnails near the view hold pixels, and those scrolled back to are drawn again', async ({ page }) => {
  test.setTimeout(90_000);
  await openReader(page, ids.long);
  await waitFirstPage(page);
  const thumbs = page.getByRole('list', { name: 'Trang' });
  const thumbList = page.locator('.ns-reader-side-scroll').filter({ has: thumbs });
  const firstThumb = thumbs.getByRole('button', { name: 'Trang 1', exact: true }).locator('canvas');
  await expect(firstThumb).toHaveAttribute('data-drawn', '0');

  // Halfway, then to the last page: the pages and thumbnails passed are given back.
  await scroller(page).click();
  const pageField = page.getByRole('textbox', { name: 'Số trang cần đến' });
  await pageField.fill(String(LONG_PAGES / 2));
  await pageField.press('Enter');
  await expect.poll(async () => (await inkedPixels(page, LONG_PAGES / 2)) > 0).toBe(true);
  await scroller(page).click();
  await page.keyboard.press('End');
  await expect(pageField).toHaveValue(String(LONG_PAGES));
  await expect.poll(async () => (await inkedPixels(page, LONG_PAGES)) > 0).toBe(true);
  await thumbList.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(thumbs.getByRole('button', { name: `Trang ${LONG_PAGES}`, exact: true }).locator('canvas')).toHaveAttribute('data-drawn', '0');

  const far = await canvasesWithPixels(page);
  // pdf.js keeps a bounded buffer of drawn pages; the thumbnails keep a few screens of the list.
  expect(far.pages).toBeGreaterThan(0);
  expect(far.pages).toBeLessThanOrEqual(12);
  expect(far.thumbnails).toBeGreaterThan(0);
  expect(far.thumbnails).toBeLessThan(30);
  // Scrolled far away, the first thumbnail was given back: a blank canvas waits in its place.
  await expect(firstThumb).not.toHaveAttribute('data-drawn');

  // Back at the top, the first page and its thumbnail are drawn again.
  await page.keyboard.press('Home');
  await thumbList.evaluate((el) => (el.scrollTop = 0));
  await expect(firstThumb).toHaveAttribute('data-drawn', '0');
  await expect.poll(async () => (await inkedPixels(page, 1)) > 0).toBe(true);
  await screenshot(page, 'reader-long-document-back-at-top');
});

test('leaving a long document the instant its first page is drawn is quiet: no error while its other pages were being fetched', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`${lab.host.url}#/documents`);
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  // Leave from inside the page, in the same task as the first page is marked drawn: that is when
  // pdf.js's viewer has just asked the worker for the other 79 pages.
  await page.evaluate((documentId) => {
    new MutationObserver((_, observer) => {
      const drawn = document.querySelector('[data-first-page-drawn="true"]');
      if (!drawn) return;
      observer.disconnect();
      (window as unknown as { leftAt: number }).leftAt = performance.now();
      history.back();
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-first-page-drawn'] });
    location.hash = `#/documents/${documentId}/read`;
  }, ids.long);
  await expect.poll(() => page.evaluate(() => (window as unknown as { leftAt?: number }).leftAt ?? 0)).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Tài liệu' })).toBeVisible();
  // The errors this guards against came within milliseconds of leaving; the console watch fails the
  // test on any of them. Opening another document afterwards shows the reader is still sound.
  await page.waitForTimeout(1_000);
  await openReader(page, ids.scan);
  await waitFirstPage(page);
});
