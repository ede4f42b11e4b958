import { expect, type Page } from '@playwright/test';
import { screenshot } from '../fixtures.ts';

/**
 * A screenshot of the screen as the user settles on it: scrolled to the top (the sticky navigation
 * column then sits where it belongs in a full-page picture) and with the passing toasts gone.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 12_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
