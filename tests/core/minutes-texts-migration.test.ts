import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { latestSchemaVersion } from '../../electron/core/db/migrations/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { minutesAt } from '../support/minutes-content.ts';
import { dropTablesAfter } from '../support/schema-rollback.ts';
import { Database, integrityCheck } from '../support/sqlite.ts';
import { meetingsWorld, meetingWithDraft } from './meetings-fixture.ts';

describe('minutes written before their texts moved out of the revision rows (migration 8)', () => {
  it('keeps every revision’s text, the current text and the history’s diffs, and saves on from there', async () => {
    const w = await meetingsWorld();
    const m = await meetingWithDraft(w);
    const { base } = m;
    const { version } = await w.core.call('minutes.save', { meetingId: m.id, baseVersion: 1, content: minutesAt(base, 2) });
    await w.core.call('minutes.finalize', { meetingId: m.id, baseVersion: version });
    await w.core.call('minutes.reopen', { meetingId: m.id, reason: 'Bổ sung ý kiến của Sở Tài chính' });
    const reopened = (await w.core.call('minutes.get', { meetingId: m.id }))!;
    await w.core.call('minutes.save', { meetingId: m.id, baseVersion: reopened.version, content: minutesAt(base, 7) });
    const revisions = await w.core.call('minutes.revisions', { meetingId: m.id });
    expect(revisions.length).toBeGreaterThanOrEqual(4);
    const texts = new Map<number, unknown>();
    for (const r of revisions) texts.set(r.revision, (await w.core.call('minutes.revision', { meetingId: m.id, revision: r.revision })).content);
    const current = (await w.core.call('minutes.get', { meetingId: m.id }))!;
    await w.core.close();

    // The tables as schema 7 had them: each revision row held its own text, the newest one the
    // text it started with (the minutes row has the rest).
    const db = new Database(join(w.dir, DATABASE_FILE));
    db.exec(`
      ALTER TABLE minutes_revisions ADD COLUMN content TEXT NOT NULL DEFAULT '';
      UPDATE minutes_revisions SET content = coalesce(
        (SELECT t.content FROM minutes_revision_texts t WHERE t.minutes_id = minutes_revisions.minutes_id AND t.revision = minutes_revisions.revision),
        'văn bản lúc phiên bản bắt đầu');
    `);
    dropTablesAfter(db, 7);
    db.close();

    const core = await createCore({ dataDir: w.dir, logToFile: false });
    try {
      expect((await core.call('app.info', {})).schemaVersion).toBe(latestSchemaVersion);
      expect((await core.call('minutes.get', { meetingId: m.id }))!.content).toEqual(current.content);
      for (const r of revisions) {
        expect((await core.call('minutes.revision', { meetingId: m.id, revision: r.revision })).content).toEqual(texts.get(r.revision));
      }
      const diff = await core.call('minutes.diff', { meetingId: m.id, from: revisions.at(-1)!.revision, to: revisions[0]!.revision });
      expect(diff.added + diff.removed).toBeGreaterThan(0);

      // Saving on, then finalizing: the revision the save extended is sealed with its text, which reads back whole.
      const saved = await core.call('minutes.save', { meetingId: m.id, baseVersion: current.version, content: minutesAt(base, 9) });
      await core.call('minutes.finalize', { meetingId: m.id, baseVersion: saved.version });
      expect((await core.call('minutes.revision', { meetingId: m.id, revision: saved.revision })).content).toEqual(minutesAt(base, 9));
    } finally {
      await core.close();
    }
    expect(integrityCheck(join(w.dir, DATABASE_FILE))).toBe('ok');
    const after = new Database(join(w.dir, DATABASE_FILE), { readonly: true });
    expect(after.prepare("SELECT name FROM pragma_table_info('minutes_revisions') WHERE name = 'content'").all()).toEqual([]);
    expect(after.prepare("SELECT name FROM pragma_table_info('minutes') ORDER BY cid DESC LIMIT 1").pluck().get()).toBe('content');
    after.close();
  });
});
