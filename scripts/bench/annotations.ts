/**
 * Annotation figures of issue 4, on the bench's data folder (the ten-year dataset):
 *   annotation.save.p95_ms    an ink stroke of 150 points saved through core.call('annotations.create'),
 *                             as the reader saves each stroke when the pen lifts (≥ 500 saves)
 *   annotation.load_5000_ms   annotations.list of a document holding 5,000 notes of every kind
 *                             (median of 15 runs after two warm-ups)
 */
import { v7 as uuidv7 } from 'uuid';
import type { AnnotationKind, NewAnnotation } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { percentile, type Figure } from './stats.ts';

type Add = (name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']) => void;

const SAVES = 600;
const LOAD_NOTES = 5000;
const r = createRandom(11);

/** A pen stroke as a reader samples it: a wavy line across part of the page, varying pressure. */
function stroke(points: number): [number, number, number][] {
  const x0 = r.int(60, 300);
  const y0 = r.int(100, 700);
  const phase = r.int(0, 100);
  return Array.from({ length: points }, (_, i) => [
    Math.round((x0 + i * 1.4) * 100) / 100,
    Math.round((y0 + 14 * Math.sin((i + phase) / 8)) * 100) / 100,
    Math.round((0.35 + 0.4 * Math.abs(Math.sin(i / 15))) * 1000) / 1000,
  ]);
}

function mixedNote(documentId: string, i: number): NewAnnotation {
  const kinds: AnnotationKind[] = ['ink', 'ink', 'highlight', 'highlight', 'underline', 'strikeout', 'note', 'freetext', 'rectangle', 'ellipse', 'arrow'];
  const kind = kinds[i % kinds.length]!;
  const base = { id: uuidv7(), documentId, pageIndex: 0, color: '#1A7F37', kind };
  const x = r.int(60, 400);
  const y = r.int(80, 740);
  switch (kind) {
    case 'ink':
      return { ...base, geometry: { strokes: [stroke(r.int(60, 150))] } };
    case 'highlight':
    case 'underline':
    case 'strikeout': {
      const lines = r.int(1, 3);
      const quads = Array.from({ length: lines }, (_, k) => [x, y - k * 16, x + 200, y - k * 16, x, y - k * 16 - 14, x + 200, y - k * 16 - 14]);
      return { ...base, geometry: { quads }, quotedText: 'Ban Chỉ đạo đánh giá tiến độ các công trình trọng điểm của tỉnh', contents: i % 3 ? null : 'Cần số liệu cụ thể' };
    }
    case 'note':
      return { ...base, geometry: { at: [x, y] }, contents: 'Hỏi Sở Tài chính về nguồn vốn đối ứng' };
    case 'freetext':
      return { ...base, geometry: { rect: [x, y - 40, x + 160, y] }, contents: 'Đề nghị bổ sung ý kiến', fontSize: 12 };
    case 'arrow':
      return { ...base, geometry: { from: [x, y], to: [x + 80, y - 40] } };
    default:
      return { ...base, geometry: { rect: [x, y - 60, x + 120, y] } };
  }
}

export async function measureAnnotations(dataDir: string, add: Add, log: (text: string) => void): Promise<void> {
  const core = await createCore({ dataDir, logToFile: false });
  try {
    if (!(await core.call('profile.get', {}))) {
      await core.call('profile.create', { fullName: 'Trần Văn Bình', position: 'Phó Trưởng ban', unitName: 'Sở Xây dựng', workRole: 'member' });
    }
    const [saveDoc, loadDoc] = (await core.call('documents.list', { limit: 2 })).items;
    if (!saveDoc || !loadDoc) throw new Error('the bench dataset has no documents');

    const samples: number[] = [];
    for (let i = 0; i < SAVES + 20; i++) {
      const input: NewAnnotation = { id: uuidv7(), documentId: saveDoc.id, kind: 'ink', pageIndex: 0, color: '#1A7F37', thickness: 2, geometry: { strokes: [stroke(150)] } };
      const t = performance.now();
      await core.call('annotations.create', input);
      // The first saves warm up statements and the page cache.
      if (i >= 20) samples.push(performance.now() - t);
    }
    add('annotation.save.p95_ms', percentile(samples, 95), 'ms', 5, 'max');

    const t = performance.now();
    for (let i = 0; i < LOAD_NOTES; i++) await core.call('annotations.create', mixedNote(loadDoc.id, i));
    log(`  ghi chú: ${LOAD_NOTES} ghi chú trên một tài liệu (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    const loads: number[] = [];
    for (let i = 0; i < 17; i++) {
      const t0 = performance.now();
      const list = await core.call('annotations.list', { documentId: loadDoc.id });
      if (list.annotations.length !== LOAD_NOTES) throw new Error(`listed ${list.annotations.length} notes`);
      if (i >= 2) loads.push(performance.now() - t0);
    }
    add('annotation.load_5000_ms', percentile(loads, 50), 'ms', 150, 'max');
  } finally {
    await core.close();
  }
}
