import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { writeBigPdf, writeTextPdf } from '../support/pdf-fixtures.ts';
import { integrityCheck } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { readStoredBlob } from '../support/document-store.ts';

const RUNNER = join(import.meta.dirname, '../support/restore-runner.ts');
const RUNS = 8;

/** Run a restore in a child process and SIGKILL it `delayMs` after its core is ready; resolves with whether it finished first. */
function restoreAndKill(dataDir: string, backup: string, delayMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, dataDir, backup], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`restore failed: ${stderr}`));
      else resolve(out.includes('restored\n'));
    });
  });
}

async function importFile(core: Core, file: string): Promise<{ id: string; sha256: string }> {
  const r = (await core.call('documents.importFiles', { paths: [file] })).results[0]!;
  if (!r.ok) throw new Error(r.error.message.en);
  return { id: r.document.id, sha256: r.document.sha256 };
}

const storedSha = (dir: string, sha: string) => createHash('sha256').update(readStoredBlob(dir, sha)).digest('hex');

describe('a restore killed at any instant', () => {
  it(`leaves the old or the restored database, every named document readable, and the later document's file kept (${RUNS} kills)`, async () => {
    const work = tempDir();
    // The backup: documents A and a large C, so writing the store takes a while.
    const source = join(work, 'nguon');
    let core = await createCore({ dataDir: source, logToFile: false });
    await writeTextPdf(join(work, 'a.pdf'), ['Tài liệu A']);
    await writeBigPdf(join(work, 'c.pdf'), 16 * 1024 * 1024);
    const a = await importFile(core, join(work, 'a.pdf'));
    const c = await importFile(core, join(work, 'c.pdf'));
    const backup = (await core.call('backup.create', { file: join(work, 'sao-luu.nghisu') })).file;
    await core.close();
    // The laptop it is restored onto holds document B, which the backup does not.
    const template = join(work, 'may');
    core = await createCore({ dataDir: template, logToFile: false });
    await writeTextPdf(join(work, 'b.pdf'), ['Tài liệu B']);
    const b = await importFile(core, join(work, 'b.pdf'));
    await core.close();

    const outcomes = { old: 0, restored: 0 };
    for (let run = 0; run < RUNS; run++) {
      const dir = join(work, `lan-${run}`);
      cpSync(template, dir, { recursive: true });
      await restoreAndKill(dir, backup, run === 0 ? 0 : Math.random() * 600);
      expect(integrityCheck(join(dir, DATABASE_FILE))).toBe('ok');

      // The next start runs the sweep; then every document the database names must be readable.
      core = await createCore({ dataDir: dir, logToFile: false });
      const ids = (await core.call('documents.list', {})).items.map((d) => d.id).sort();
      const restored = ids.join() === [a.id, c.id].sort().join();
      expect(restored || ids.join() === b.id, `run ${run}: ${ids.join()}`).toBe(true);
      outcomes[restored ? 'restored' : 'old']++;
      for (const doc of restored ? [a, c] : [b]) expect(storedSha(dir, doc.sha256)).toBe(doc.sha256);
      expect(storedSha(dir, b.sha256), `run ${run}: B's file is never lost`).toBe(b.sha256);

      // Whatever the kill interrupted, restoring again completes with nothing missing.
      const again = await core.call('backup.restore', { file: backup });
      expect(again.documentFiles.missing).toBe(0);
      for (const doc of [a, b, c]) expect(storedSha(dir, doc.sha256)).toBe(doc.sha256);
      await core.close();
    }
    expect(outcomes.old + outcomes.restored).toBe(RUNS);
  }, 600_000);
});
