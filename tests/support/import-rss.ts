/**
 * Child process for the big-PDF test: imports a small PDF (so pdf.js and its worker are loaded),
 * notes the peak resident memory, imports the big one, and prints both peaks and the results as
 * JSON. Peak RSS covers the worker threads too: they live in this process.
 *   node tests/support/import-rss.ts DATA_DIR SMALL_PDF BIG_PDF
 */
import { createCore } from '../../electron/core/index.ts';

const [dataDir, small, big] = process.argv.slice(2);
if (!dataDir || !small || !big) throw new Error('usage: import-rss.ts DATA_DIR SMALL_PDF BIG_PDF');
const core = await createCore({ dataDir, logToFile: false });
const warm = await core.call('documents.importFiles', { paths: [small] });
const baselineKb = process.resourceUsage().maxRSS;
const started = performance.now();
const result = await core.call('documents.importFiles', { paths: [big] });
const ms = Math.round(performance.now() - started);
const peakKb = process.resourceUsage().maxRSS;
const search = await core.call('documents.search', { query: 'duong sat lao cai' });
await core.close();
process.stdout.write(`${JSON.stringify({ baselineKb, peakKb, ms, warm: warm.results[0], result: result.results[0], search })}\n`);
