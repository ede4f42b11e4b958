import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import type { PreloadBridge } from '../../shared/contract/bridge.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');

/**
 * Where `require('electron')` would point, found without calling it: where the binary is missing that
 * call starts a download (and throws), which must never happen while merely listing tests.
 */
function electronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(electronPackage, 'dist');
  const binary = join(distDir, relative);
  return relative && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];

test.describe('Electron app', () => {
  test.skip(binary === null, 'Electron binary not present (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): smoke test skipped');
  test.skip(binary !== null && noDisplay, 'No display for Electron (run under xvfb-run): smoke test skipped');

  let app: ElectronApplication | undefined;
  let dataDir: string;

  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'nghisu-electron-'));
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
      throw new Error('No built app at out/main/index.js — run npm run build first.');
    }
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('starts, shows the Vietnamese shell from app://, and exposes only window.bridge', async () => {
    test.setTimeout(90_000);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    // Must load the built renderer from app://, never a dev server.
    delete env['ELECTRON_RENDERER_URL'];
    delete env['NGHISU_DATA_DIR'];
    app = await electron.launch({
      executablePath: binary!,
      // The project folder, so package.json's name, version and "main" (out/main/index.js) apply.
      args: [
        ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        root,
        `--data-dir=${dataDir}`,
      ],
      env,
      timeout: 60_000,
    });

    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/nghisu\//);
    await expect(page).toHaveTitle(/Nghị Sự/);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Cuộc họp' })).toBeVisible();

    const surface = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { bridge?: PreloadBridge };
      return {
        bridge: typeof w.bridge,
        bridgeKeys: w.bridge ? Object.keys(w.bridge).sort() : [],
        require: typeof w['require'],
        process: typeof w['process'],
        module: typeof w['module'],
        ipcRenderer: typeof w['ipcRenderer'],
      };
    });
    expect(surface).toEqual({
      bridge: 'object',
      bridgeKeys: ['invoke', 'subscribe'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      ipcRenderer: 'undefined',
    });

    // Through the real IPC channel to the core's utility process and back.
    const info = await page.evaluate(() =>
      (window as unknown as { bridge: PreloadBridge }).bridge.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, result: { dataDir } });
    // 'local' methods name files on disk: the window can never reach them.
    const backup = await page.evaluate((file) =>
      (window as unknown as { bridge: PreloadBridge }).bridge.invoke('backup.create', { file }),
    join(dataDir, 'stolen.db'));
    expect(backup).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(dataDir, 'stolen.db'))).toBe(false);

    // New windows are denied (a non-web URL is not even handed to the system browser)…
    const opened = await page.evaluate(() => window.open('file:///etc/hosts') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    // …and so is navigating away from the app.
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hosts';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/nghisu\//);

    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('starting');
  });
});
