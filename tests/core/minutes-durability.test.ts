import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, conclusionsOf } from '../../shared/minutes/blocks.ts';
import type { MinutesContent } from '../../shared/minutes/document.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { createCore } from '../../electron/core/index.ts';
import { minutesAt } from '../support/minutes-content.ts';
import { Database, integrityCheck } from '../support/sqlite.ts';
import { meetingsWorld, meetingWithDraft } from './meetings-fixture.ts';

const WRITER = join(import.meta.dirname, '../support/minutes-writer.ts');
const RUNS = 6;

/** Start the writer, SIGKILL it `delayMs` after it reported ready; the last version it reported saved. */
function runAndKill(dataDir: string, meetingId: string, delayMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir, meetingId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last: number | null = null;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^saved (\d+)$/.exec(line);
        if (m) last = Number(m[1]);
        if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended on its own: ${stderr}`));
      else resolve(last);
    });
  });
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('minutes autosaved while the process is killed', () => {
  it(`keeps the last save that returned, whole, with its revision and conclusions (${RUNS} kills)`, async () => {
    const w = await meetingsWorld();
    const m = await meetingWithDraft(w);
    const { base } = m;
    await w.core.close();
    const file = join(w.dir, DATABASE_FILE);

    let reported = 1;
    let killsWhileSaving = 0;
    for (let run = 0; run < RUNS; run++) {
      const last = await runAndKill(w.dir, m.id, 60 + Math.random() * 300);
      if (last !== null && last > reported) {
        reported = last;
        killsWhileSaving++;
      }
      expect(integrityCheck(file)).toBe('ok');
      const db = new Database(file, { readonly: true });
      try {
        const row = db.prepare('SELECT id, content, content_sha256, version FROM minutes WHERE meeting_id = ?').get(m.id) as {
          id: string;
          content: string;
          content_sha256: string;
          version: number;
        };
        // The save that returned is there; at most one more committed before its answer was printed.
        expect([reported, reported + 1], `run ${run}`).toContain(row.version);
        reported = row.version;
        const expected = reported === 1 ? base : minutesAt(base, reported);
        expect(row.content).toBe(canonicalJson(expected));
        expect(row.content_sha256).toBe(sha256(row.content));
        // The newest revision and the conclusions index were written in the same transaction.
        const revision = db.prepare('SELECT content_sha256 FROM minutes_revisions WHERE minutes_id = ? ORDER BY revision DESC LIMIT 1').pluck().get(row.id);
        expect(revision).toBe(row.content_sha256);
        const indexed = db.prepare('SELECT id, text FROM minutes_conclusions WHERE minutes_id = ? ORDER BY ordinal').all(row.id);
        expect(indexed).toEqual(conclusionsOf(JSON.parse(row.content) as MinutesContent).map((c) => ({ id: c.id, text: c.text })));
        // One audit entry per save that changed the content.
        expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'minutes.save'").pluck().get()).toBe(row.version - 1);
      } finally {
        db.close();
      }
    }
    expect(killsWhileSaving).toBeGreaterThan(RUNS / 2);

    // The app opens the file again and goes on from the version it holds.
    const core = await createCore({ dataDir: w.dir, logToFile: false });
    try {
      const minutes = (await core.call('minutes.get', { meetingId: m.id }))!;
      expect(minutes.version).toBe(reported);
      expect(minutes.conclusions.map((c) => c.text)).toEqual([`Kết luận của lần lưu ${reported}.`]);
      const next = await core.call('minutes.save', { meetingId: m.id, baseVersion: reported, content: minutesAt(base, reported + 1) });
      expect(next.version).toBe(reported + 1);
      expect((await core.call('audit.verify', {})).ok).toBe(true);
    } finally {
      await core.close();
    }
    // Six real processes, each loading the whole core: generous for a loaded two-core machine.
  }, 240_000);
});
