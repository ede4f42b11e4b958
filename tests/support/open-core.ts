import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { tempDir } from './temp-dir.ts';

/**
 * For a test file whose tests open several laptops' cores: `open()` starts a core on a fresh temp
 * data folder (or the one given), and every core opened in a test is closed after it.
 */
export function coresClosedAfterEach(): (dataDir?: string) => Promise<Core> {
  const opened: Core[] = [];
  afterEach(async () => {
    for (const core of opened.splice(0)) await core.close();
  });
  return async (dataDir = tempDir()) => {
    const core = await createCore({ dataDir, logToFile: false });
    opened.push(core);
    return core;
  };
}
