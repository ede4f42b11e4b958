/**
 * Child process for the encryption crash tests: says "start", opens the core on a data folder (which
 * encrypts a plain database in place, then its stored files in the background), says "opened" once
 * it is open and "idle" once the background pass is over.
 *   node tests/support/open-runner.ts DATA_DIR
 */
import { createCore } from '../../electron/core/index.ts';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: open-runner.ts DATA_DIR');
process.stdout.write('start\n');
const core = await createCore({ dataDir, logToFile: false });
process.stdout.write('opened\n');
await core.idle();
process.stdout.write('idle\n');
await core.close();
