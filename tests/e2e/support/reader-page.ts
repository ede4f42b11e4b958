import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';
import { choose } from './antd.ts';

/** The reader's scrolling view of the pages. */
export function scroller(page: Page): Locator {
  return page.getByRole('region', { name: 'Nội dung tài liệu' });
}

export async function waitFirstPage(page: Page): Promise<void> {
  await expect(scroller(page)).toHaveAttribute('data-first-page-drawn', 'true', { timeout: 15_000 });
}

/** Pixels on the page canvas that are not paper-white: a drawn page has text on it. */
export async function inkedPixels(page: Page, pageNumber: number): Promise<number> {
  return page.evaluate((n) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`.pdfViewer .page[data-page-number="${n}"] canvas`);
    if (!canvas || canvas.width === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 16) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
    return inked;
  }, pageNumber);
}

/**
 * The stored bytes of the document named `fileName` as something else reaches the reader: a
 * damaged copy on disk, a cut download (damaged files cannot be imported through the library).
 */
export async function serveInstead(page: Page, fileName: string, bytes: Buffer): Promise<void> {
  await page.unroute('**/files/blob/**');
  await page.route('**/files/blob/**', (route) =>
    route.request().url().includes(encodeURIComponent(fileName))
      ? route.fulfill({ status: 200, contentType: 'application/octet-stream', body: bytes })
      : route.continue(),
  );
}

/**
 * Pick a zoom in the toolbar's list ("150%", "Vừa trang"), as a member does with the mouse, and wait
 * for the list to close: the choice has then been taken.
 */
export async function zoomTo(page: Page, option: string): Promise<void> {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await choose(page, page.getByRole('combobox', { name: 'Mức thu phóng' }), exact);
}
