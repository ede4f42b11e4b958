/**
 * Child process for the crash test: saves settings in a loop through the real core and prints the
 * sequence number of each save only after the core has reported it saved.
 *   node tests/support/settings-writer.ts DATA_DIR
 */
import { createCore } from '../../electron/core/index.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: settings-writer.ts DATA_DIR');
const core = await createCore({ dataDir, logToFile: false });
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  await core.call('settings.set', { key: 'documents.issuingPlace', value: `Lào Cai lan-${n}` });
  process.stdout.write(`saved ${n}\n`);
}
