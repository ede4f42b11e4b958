/**
 * Child process for the crash test: imports PDFs through the real core in an endless loop, two per
 * batch, each with bytes of its own (a base PDF plus a unique trailing comment, which readers
 * ignore), and prints the SHA-256 of each file only after the core reported it imported.
 *   node tests/support/import-writer.ts DATA_DIR WORK_DIR BASE_PDF
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index.ts';

const [dataDir, workDir, basePdf] = process.argv.slice(2);
if (!dataDir || !workDir || !basePdf) throw new Error('usage: import-writer.ts DATA_DIR WORK_DIR BASE_PDF');
const base = readFileSync(basePdf);
const core = await createCore({ dataDir, logToFile: false });
process.stdout.write('ready\n');
for (let n = 1; ; n += 2) {
  const paths = [n, n + 1].map((k) => {
    const file = join(workDir, `${process.pid}-${k}.pdf`);
    writeFileSync(file, Buffer.concat([base, Buffer.from(`\n%nghisu ${process.pid} ${k}\n`)]));
    return file;
  });
  const { results } = await core.call('documents.importFiles', { paths });
  for (const [i, r] of results.entries()) {
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.error)}`);
    const sha = createHash('sha256').update(readFileSync(paths[i]!)).digest('hex');
    if (sha !== r.document.sha256) throw new Error('hash mismatch');
    process.stdout.write(`imported ${sha}\n`);
  }
}
