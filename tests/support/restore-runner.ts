/**
 * Child process for the restore crash test: opens the core, says "ready", restores the backup and
 * says "restored" once the core has answered.
 *   node tests/support/restore-runner.ts DATA_DIR BACKUP_FILE
 */
import { createCore } from '../../electron/core/index.ts';

const [dataDir, backup] = process.argv.slice(2);
if (!dataDir || !backup) throw new Error('usage: restore-runner.ts DATA_DIR BACKUP_FILE');
const core = await createCore({ dataDir, logToFile: false });
process.stdout.write('ready\n');
await core.call('backup.restore', { file: backup });
process.stdout.write('restored\n');
await core.close();
