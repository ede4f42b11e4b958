/**
 * Child process for the annotation durability test: saves ink strokes through the real core in a
 * loop and prints each stroke's id and geometry only after annotations.create has returned.
 *   node tests/support/annotation-writer.ts DATA_DIR PDF_FILE
 * The first run makes the profile and imports the PDF; later runs (after a kill) find them.
 */
import { v7 as uuidv7 } from 'uuid';
import { createCore } from '../../electron/core/index.ts';

const [dataDir, pdfFile] = process.argv.slice(2);
if (!dataDir || !pdfFile) throw new Error('usage: annotation-writer.ts DATA_DIR PDF_FILE');
const core = await createCore({ dataDir, logToFile: false });
if (!(await core.call('profile.get', {}))) {
  await core.call('profile.create', { fullName: 'Trần Văn Bình', position: 'Phó Trưởng ban', unitName: 'Sở Xây dựng', workRole: 'member' });
}
let documentId = (await core.call('documents.list', {})).items[0]?.id;
if (!documentId) {
  const { results } = await core.call('documents.importFiles', { paths: [pdfFile] });
  if (!results[0]!.ok) throw new Error('import failed');
  documentId = results[0]!.document.id;
}
process.stdout.write('ready\n');

/** A handwritten-looking stroke of 150 points, different every time. */
function stroke(seed: number): [number, number, number][] {
  const x0 = 60 + (seed % 7) * 60;
  const y0 = 100 + (seed % 11) * 55;
  return Array.from({ length: 150 }, (_, i) => [
    Math.round((x0 + i * 1.3) * 100) / 100,
    Math.round((y0 + 18 * Math.sin((i + seed) / 9)) * 100) / 100,
    Math.round((0.3 + 0.5 * Math.abs(Math.sin(i / 17))) * 1000) / 1000,
  ]);
}

for (let n = Date.now() % 100_000; ; n++) {
  const id = uuidv7();
  const geometry = { strokes: [stroke(n)] };
  await core.call('annotations.create', { id, documentId, kind: 'ink', pageIndex: n % 2, color: '#1a7f37', thickness: 2, geometry });
  process.stdout.write(`saved ${id} ${JSON.stringify(geometry)}\n`);
}
