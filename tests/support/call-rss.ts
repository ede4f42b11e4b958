/**
 * Child process for the hostile-file tests: opens the core on a data folder, notes the peak
 * resident memory, makes one call, and prints both peaks and the outcome (result or error code
 * and details) as JSON. Peak RSS covers everything the call did in this process.
 *   node tests/support/call-rss.ts DATA_DIR METHOD INPUT_JSON
 */
import { createCore, CoreError } from '../../electron/core/index.ts';

const [dataDir, method, input] = process.argv.slice(2);
if (!dataDir || !method || !input) throw new Error('usage: call-rss.ts DATA_DIR METHOD INPUT_JSON');
const core = await createCore({ dataDir, logToFile: false });
const baselineKb = process.resourceUsage().maxRSS;
let outcome: { ok: true; result: unknown } | { ok: false; code: string; details: unknown; vi: string; en: string };
try {
  outcome = { ok: true, result: await core.call(method as never, JSON.parse(input) as never) };
} catch (e) {
  if (!(e instanceof CoreError)) throw e;
  outcome = { ok: false, code: e.code, details: e.details, vi: e.text.vi, en: e.text.en };
}
const peakKb = process.resourceUsage().maxRSS;
await core.close();
process.stdout.write(`${JSON.stringify({ baselineKb, peakKb, outcome })}\n`);
