import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.ts';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database, integrityCheck } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const WRITER = join(import.meta.dirname, '../support/settings-writer.ts');
const RUNS = 50;

/**
 * Start the writer and SIGKILL it `delayMs` after it started (`from: 'spawn'`, which lands in start-up
 * and migration) or after its core was ready (`from: 'ready'`, which lands in the save loop whatever
 * the machine's load); return the last save it reported.
 */
function runAndKill(dataDir: string, delayMs: number, from: 'spawn' | 'ready'): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastSaved = 0;
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^saved (\d+)$/.exec(line);
        if (m) lastSaved = Number(m[1]);
        if (line === 'ready' && from === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let timer = from === 'spawn' ? setTimeout(() => child.kill('SIGKILL'), delayMs) : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own: ${stderr}`));
      else resolve(lastSaved);
    });
  });
}

describe('a process killed at any instant', () => {
  it(`never loses a save that was reported, and never leaves a damaged database (${RUNS} kills)`, async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    let totalReported = 0;
    let killsAfterSaves = 0;
    for (let run = 0; run < RUNS; run++) {
      // Some kills land during start-up and migration, most in the middle of the save loop.
      const reported =
        run % 5 === 0 ? await runAndKill(dataDir, Math.random() * 150, 'spawn') : await runAndKill(dataDir, 10 + Math.random() * 150, 'ready');
      if (reported > 0) killsAfterSaves++;
      totalReported += reported;
      if (!existsSync(file)) {
        // Killed before the database was even created: nothing can have been reported saved.
        expect(reported).toBe(0);
        continue;
      }
      expect(integrityCheck(file)).toBe('ok');
      const db = new Database(file, { readonly: true });
      if (db.pragma('user_version', { simple: true }) === 0) {
        // Killed before the first migration committed: it was rolled back whole.
        expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
        expect(reported).toBe(0);
        db.close();
        continue;
      }
      const saves = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'settings.set'").pluck().get() as number;
      const value = db.prepare("SELECT value FROM settings WHERE key = 'documents.issuingPlace'").pluck().get() as string | undefined;
      db.close();
      // Each reported save is one audit row; a save in flight at the kill may or may not be there.
      expect(saves).toBeGreaterThanOrEqual(totalReported);
      expect(saves).toBeLessThanOrEqual(totalReported + run + 1);
      if (reported > 0) {
        const n = Number(/lan-(\d+)"$/.exec(value ?? '')?.[1]);
        expect(n).toBeGreaterThanOrEqual(reported);
      }
      totalReported = saves;
    }
    expect(killsAfterSaves).toBeGreaterThan(RUNS / 2);

    const core = await createCore({ dataDir, logToFile: false });
    expect((await core.call('app.info', {})).schemaVersion).toBe(latestSchemaVersion);
    await core.close();
  }, 180_000);
});
