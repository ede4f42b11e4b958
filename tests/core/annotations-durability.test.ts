import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { createCore } from '../../electron/core/index.ts';
import { createRandom } from '../../electron/core/seed/random.ts';
import { writeSamplePdf } from '../../electron/core/seed/sample-pdf.ts';
import { Database, integrityCheck } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const WRITER = join(import.meta.dirname, '../support/annotation-writer.ts');
const RUNS = 24;

/**
 * Start the writer and SIGKILL it `delayMs` after it started (lands in start-up, migration, the
 * first run's import) or after it reported ready (lands in the middle of the save loop); return the
 * strokes it reported saved.
 */
function runAndKill(dataDir: string, pdf: string, delayMs: number, from: 'spawn' | 'ready'): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir, pdf], { stdio: ['ignore', 'pipe', 'pipe'] });
    const saved = new Map<string, unknown>();
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^saved (\S+) (.+)$/.exec(line);
        if (m) saved.set(m[1]!, JSON.parse(m[2]!));
        if (line === 'ready' && from === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let timer = from === 'spawn' ? setTimeout(() => child.kill('SIGKILL'), delayMs) : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own: ${stderr}`));
      else resolve(saved);
    });
  });
}

describe('ink strokes saved while the process is killed at random moments', () => {
  it(`never loses a stroke whose save returned, with its exact geometry (${RUNS} kills)`, async () => {
    const dataDir = tempDir();
    const pdf = join(tempDir(), 'Báo cáo.pdf');
    await writeSamplePdf(pdf, createRandom(4), 2, 12);
    const file = join(dataDir, DATABASE_FILE);
    const reported = new Map<string, unknown>();
    let killsWhileSaving = 0;
    for (let run = 0; run < RUNS; run++) {
      const saved =
        run % 6 === 1
          ? await runAndKill(dataDir, pdf, 50 + Math.random() * 400, 'spawn')
          : await runAndKill(dataDir, pdf, 5 + Math.random() * 120, 'ready');
      if (saved.size > 0) killsWhileSaving++;
      for (const [id, geometry] of saved) reported.set(id, geometry);
      if (!existsSync(file)) {
        expect(reported.size).toBe(0);
        continue;
      }
      expect(integrityCheck(file)).toBe('ok');
      if (reported.size === 0) continue;
      const db = new Database(file, { readonly: true });
      const get = db.prepare('SELECT geometry, deleted_at FROM annotations WHERE id = ?');
      for (const [id, geometry] of reported) {
        const row = get.get(id) as { geometry: string; deleted_at: string | null } | undefined;
        expect(row, `stroke ${id} (run ${run})`).toBeDefined();
        expect(JSON.parse(row!.geometry)).toEqual(geometry);
        expect(row!.deleted_at).toBeNull();
      }
      // Each save is one transaction with its audit row: never a stroke without its record.
      expect(db.prepare("SELECT count(*) FROM annotations WHERE id NOT IN (SELECT entity_id FROM audit_log WHERE action = 'annotations.create')").pluck().get()).toBe(0);
      db.close();
    }
    expect(killsWhileSaving).toBeGreaterThan(RUNS / 2);
    expect(reported.size).toBeGreaterThan(RUNS);

    // The reopened data folder works and lists every reported stroke.
    const core = await createCore({ dataDir, logToFile: false });
    try {
      const documentId = (await core.call('documents.list', {})).items[0]!.id;
      const ids = new Set((await core.call('annotations.list', { documentId })).annotations.map((a) => a.id));
      for (const id of reported.keys()) expect(ids.has(id)).toBe(true);
    } finally {
      await core.close();
    }
  // Each run starts a Node process: on a loaded 2-core machine that alone takes seconds.
  }, 300_000);
});
