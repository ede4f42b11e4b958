import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput } from '../../../shared/contract/index.ts';
import { startWebHost, type WebHost } from '../../../electron/web/server.ts';

const staticDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export interface IsolatedHost {
  host: WebHost;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A browser host of its own on an empty data folder — one laptop of the journey (the
 * secretariat's, a member's) — so a spec starts from nothing and leaves the shared host alone.
 */
export async function isolatedHost(name: string, profile: MethodInput<'profile.create'> | null): Promise<IsolatedHost> {
  const dataDir = mkdtempSync(join(tmpdir(), `nghisu-e2e-${name}-`));
  const host = await startWebHost({ dataDir, staticDir });
  if (profile) await host.core.call('profile.create', profile);
  return {
    host,
    dataDir,
    close: async () => {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
