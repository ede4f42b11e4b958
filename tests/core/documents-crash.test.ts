import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { inspectStore } from '../support/document-store.ts';
import { OFFICIAL_NOTICE, writeOfficialPdf } from '../support/pdf-fixtures.ts';
import { integrityCheck } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';

const WRITER = join(import.meta.dirname, '../support/import-writer.ts');
const KILLS = 8;

/**
 * Start the writer and SIGKILL it `delayMs` after its core is ready (landing in start-up of the
 * extraction worker or the first batch) or after its first import (landing anywhere in the loop:
 * copying, extracting, committing); return the hashes it reported imported.
 */
function runAndKill(dataDir: string, workDir: string, base: string, delayMs: number, from: 'ready' | 'imported'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir, workDir, base], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: string[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^imported ([0-9a-f]{64})$/.exec(line);
        if (m) reported.push(m[1]!);
        if (timer === undefined && (line === from || (m && from === 'imported'))) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own: ${stderr}`));
      else resolve(reported);
    });
  });
}

describe('an import killed with SIGKILL mid-batch', () => {
  it(`never leaves a row pointing to a missing file, and the next start removes files without a row (${KILLS} kills)`, async () => {
    const dataDir = tempDir();
    const workDir = tempDir();
    const base = join(workDir, 'mau.pdf');
    await writeOfficialPdf(base, { ...OFFICIAL_NOTICE, bodies: Array.from({ length: 8 }, (_, i) => `Trang ${i + 1}. ${OFFICIAL_NOTICE.bodies[0]}`) });
    const reported = new Set<string>();
    let planted = false;
    for (let run = 0; run < KILLS; run++) {
      const from = run % 4 === 0 ? 'ready' : 'imported';
      for (const sha of await runAndKill(dataDir, workDir, base, Math.random() * 600, from)) reported.add(sha);
      if (run === KILLS / 2) {
        // Leftovers of the kind a crash leaves, planted so the sweep is proven every time.
        mkdirSync(join(dataDir, 'blobs', 'ab'), { recursive: true });
        writeFileSync(join(dataDir, 'blobs', 'ab', 'c'.repeat(62)), 'mồ côi');
        writeFileSync(join(dataDir, 'blobs', 'tmp-99999999-0190a5d0'), 'dở dang');
        planted = true;
      }
      expect(integrityCheck(join(dataDir, DATABASE_FILE))).toBe('ok');
      // Rows committed before the kill point to complete files, whatever the sweep does.
      expect(inspectStore(dataDir).wrongHash).toEqual([]);
      const core = await createCore({ dataDir, logToFile: false });
      await core.close();
      const store = inspectStore(dataDir);
      const rowShas = [...new Set(store.documents.map((d) => d.blob_sha256))].sort();
      expect(store.wrongHash).toEqual([]);
      expect(store.blobs).toEqual(rowShas);
      expect(store.blobRows).toEqual(rowShas);
      expect(store.temps).toEqual([]);
      expect(store.pages).toBe(store.expectedPages);
      expect(store.metaIndex).toBe(store.documents.length);
      for (const sha of reported) expect(rowShas).toContain(sha);
    }
    expect(planted).toBe(true);
    expect(reported.size).toBeGreaterThan(KILLS);
  }, 180_000);
});
