import { RENDERER_JS_FLAGS_SWITCH } from '../../shared/renderer-flags.ts';

/**
 * The browser the end-to-end tests and the bench drive. Never `playwright install`: the machines
 * have Debian's Chromium and no route to Playwright's CDN.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // The V8 flags the app's window runs with (Electron's main sets them), so tests and the bench see that engine.
  RENDERER_JS_FLAGS_SWITCH,
];
