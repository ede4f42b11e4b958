import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../../electron/web/server.ts';
import { E2E_DATA_DIR_ENV, E2E_PROFILE, E2E_URL_ENV } from './env.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Serves the already-built renderer from a fresh data folder. It does not build: CI builds once
 * before every suite, and a stale or missing build should fail loudly rather than be rebuilt quietly.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const staticDir = join(root, 'out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No built renderer at ${staticDir}/index.html — run npm run build first.`);
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const dataDir = mkdtempSync(join(tmpdir(), 'nghisu-e2e-'));
  const host = await startWebHost({ dataDir, staticDir, appVersion: version });
  // The app opens only once a profile exists; the first-run screen has its own test on its own folder.
  await host.core.call('profile.create', E2E_PROFILE);
  // Workers inherit the environment of the process that ran global setup.
  process.env[E2E_URL_ENV] = host.url;
  process.env[E2E_DATA_DIR_ENV] = dataDir;
  return async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
