import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';

/**
 * One browser-host run for both suites: tests/e2e drives the built renderer in Debian's Chromium
 * against the browser host; tests/electron launches Electron itself (and skips where no binary exists).
 */
export default defineConfig({
  outputDir: 'test-results/',
  // Two cores: one worker keeps the shared host and Chromium from starving each other.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  // On CI a test that fails is run once more, so a slow shared machine's timing does not sink a run;
  // one that passes only the second time is a defect all the same, named by `npm test` as flaky.
  retries: process.env['CI'] ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    headless: true,
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    colorScheme: 'light',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', testMatch: '**/*.spec.ts' },
    { name: 'electron', testDir: 'tests/electron', testMatch: '**/*.spec.ts' },
  ],
});
