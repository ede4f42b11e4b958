/**
 * Child process for the minutes kill test: saves the minutes of one meeting through the real core
 * in a loop, as the editor's autosave does, and prints each save only after minutes.save returned.
 *   node tests/support/minutes-writer.ts DATA_DIR MEETING_ID
 * Save number v (the version it produces) writes the content `minutesAt(v)`, so the test can tell
 * exactly what the file must hold for any version.
 */
import { createCore } from '../../electron/core/index.ts';
import { minutesAt } from './minutes-content.ts';

const [dataDir, meetingId] = process.argv.slice(2);
if (!dataDir || !meetingId) throw new Error('usage: minutes-writer.ts DATA_DIR MEETING_ID');
const core = await createCore({ dataDir, logToFile: false });
const current = await core.call('minutes.get', { meetingId });
if (!current) throw new Error('no minutes to save');
// Every save builds on the prefilled draft, as the test does to know what version v must hold.
const { content: base } = await core.call('minutes.revision', { meetingId, revision: 1 });
process.stdout.write('ready\n');

for (let version = current.version; ; ) {
  const saved = await core.call('minutes.save', { meetingId, baseVersion: version, content: minutesAt(base, version + 1) });
  version = saved.version;
  process.stdout.write(`saved ${version}\n`);
}
