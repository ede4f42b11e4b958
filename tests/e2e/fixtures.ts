import { test as base, expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resetSettings } from './core-client.ts';
import { hostUrl } from './env.ts';

export const screenshotDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface ConsoleWatch {
  /** Console errors matching this are expected in the current test (e.g. a refused WebSocket). */
  allow(pattern: RegExp): void;
}

/**
 * Every test starts from default settings on the shared host, and fails if the page logged an error
 * it did not expect — which is how a CSP violation or an unhandled rejection would show up.
 */
export const test = base.extend<{ consoleWatch: ConsoleWatch }>({
  consoleWatch: [
    async ({ page }, use) => {
      await resetSettings();
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(problems.filter((p) => !allowed.some((pattern) => pattern.test(p)))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function openShell(page: Page): Promise<void> {
  await page.goto(hostUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Cuộc họp' })).toBeVisible();
}

export function mainNav(page: Page, name = 'Điều hướng chính') {
  return page.getByRole('navigation', { name });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Fonts load lazily per unicode-range subset; shoot only once every face in use has arrived.
  await page.evaluate(() => document.fonts.ready);
  // Park the pointer on the brand block so no hover state leaks into the picture.
  await page.mouse.move(40, 30);
  // A full-page picture of a long screen can take a while on a loaded 2-core machine; it checks nothing, so it may wait.
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true, animations: 'disabled', timeout: 60_000 });
}

/**
 * antd draws radio buttons as labels over a zero-size input, so pick through the label the user
 * sees; the radio itself (by role and name) is what the assertions check.
 */
export async function choose(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name, exact: true });
  await page.locator('label').filter({ has: radio }).click();
  await expect(radio).toBeChecked();
}

export function hostOrigin(): string {
  return new URL(hostUrl()).origin;
}
