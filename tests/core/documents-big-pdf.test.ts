import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportFileResult, SearchResult } from '../../shared/contract/index.ts';
import { inspectStore } from '../support/document-store.ts';
import { writeBigPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const MEASURE = join(import.meta.dirname, '../support/import-rss.ts');
const MB = 1024 * 1024;

describe('a 300 MB PDF', () => {
  it('imports with its pages and text while memory stays flat (peak RSS grows far less than the file)', async () => {
    const folder = tempDir();
    const big = join(folder, 'ho-so-quet-300mb.pdf');
    const small = join(folder, 'nho.pdf');
    const dataDir = join(folder, 'data');
    try {
      await writeTextPdf(small, ['Khởi động trình đọc PDF']);
      const size = await writeBigPdf(big, 300 * MB);
      expect(size).toBeGreaterThan(300 * MB);
      const run = spawnSync(process.execPath, [MEASURE, dataDir, small, big], { encoding: 'utf8', timeout: 180_000 });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as { baselineKb: number; peakKb: number; ms: number; result: ImportFileResult; search: SearchResult };
      expect(out.result).toMatchObject({ ok: true, duplicate: false, document: { pageCount: 2, size, textStatus: 'indexed' } });
      const growthMb = (out.peakKb - out.baselineKb) / 1024;
      console.info(`300 MB PDF: imported in ${out.ms} ms; peak RSS ${Math.round(out.peakKb / 1024)} MB, +${Math.round(growthMb)} MB over the warm baseline`);
      expect(growthMb).toBeLessThan(150);
      expect(out.search.hits[0]?.document.fileName).toBe('ho-so-quet-300mb.pdf');
      expect(out.search.hits[0]?.pages.map((p) => p.pageNo)).toEqual([1]);
      const store = inspectStore(dataDir);
      expect(store.wrongHash).toEqual([]);
      expect(store.temps).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 240_000);
});
