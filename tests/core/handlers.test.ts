import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames, type FieldIssue, type MethodName } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { directoryInvalidInputs } from './invalid-inputs/directory.ts';
import { documentsInvalidInputs } from './invalid-inputs/documents.ts';
import { foundationInvalidInputs } from './invalid-inputs/foundation.ts';
import { meetingsInvalidInputs } from './invalid-inputs/meetings.ts';
import { packsInvalidInputs } from './invalid-inputs/packs.ts';
import { annotationsInvalidInputs } from './invalid-inputs/annotations.ts';
import { auditInvalidInputs } from './invalid-inputs/audit.ts';
import { minutesInvalidInputs } from './invalid-inputs/minutes.ts';
import { noticesInvalidInputs } from './invalid-inputs/notices.ts';
import { securityInvalidInputs } from './invalid-inputs/security.ts';
import { tasksInvalidInputs } from './invalid-inputs/tasks.ts';
import { reportsInvalidInputs } from './invalid-inputs/reports.ts';
import { syncInvalidInputs } from './invalid-inputs/sync.ts';
import { plansInvalidInputs } from './invalid-inputs/plans.ts';
import { liveRoomInvalidInputs } from './invalid-inputs/live-room.ts';
import { opinionsInvalidInputs } from './invalid-inputs/opinions.ts';

/** Invalid inputs for every method; a new method must add its own or this suite fails. */
const invalidInputs: Record<MethodName, unknown[]> = {
  ...foundationInvalidInputs,
  ...directoryInvalidInputs,
  ...meetingsInvalidInputs,
  ...documentsInvalidInputs,
  ...packsInvalidInputs,
  ...annotationsInvalidInputs,
  ...auditInvalidInputs,
  ...minutesInvalidInputs,
  ...noticesInvalidInputs,
  ...securityInvalidInputs,
  ...tasksInvalidInputs,
  ...syncInvalidInputs,
  ...reportsInvalidInputs,
  ...plansInvalidInputs,
  ...liveRoomInvalidInputs,
  ...opinionsInvalidInputs,
};

function snapshot(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return {
      settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all(),
      // Every plain table's row count (FTS tables are virtual and skipped).
      counts: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%fts%' ORDER BY name").pluck().all() as string[]).map(
        (t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()],
      ),
    };
  } finally {
    db.close();
  }
}

describe('every handler validates its input', () => {
  let core: Core;
  let dir: string;
  beforeEach(async () => {
    dir = tempDir();
    core = await createCore({ dataDir: dir });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
  });
  afterEach(async () => {
    await core.close();
  });

  it('covers every method of the contract', () => {
    expect(Object.keys(invalidInputs).sort()).toEqual([...methodNames].sort());
  });

  for (const method of methodNames) {
    it(`${method} rejects invalid input with INVALID_INPUT and changes nothing`, async () => {
      const before = snapshot(join(dir, DATABASE_FILE));
      for (const input of invalidInputs[method]) {
        const response = await core.dispatch({ type: 'request', id: 7, method, input }, 'local');
        expect(response, JSON.stringify(input)).toMatchObject({ type: 'response', id: 7, ok: false, error: { code: 'INVALID_INPUT' } });
        if (response.ok) continue;
        expect(response.error.message.vi).toMatch(/^Dữ liệu không hợp lệ/);
        expect(response.error.message.en).toMatch(/^Invalid input/);
        const issues = response.error.details as FieldIssue[];
        expect(issues.length).toBeGreaterThan(0);
        expect(typeof issues[0]?.messageEn).toBe('string');
      }
      expect(snapshot(join(dir, DATABASE_FILE))).toEqual(before);
    });
  }

  it('answers a malformed envelope, an unknown method and a closed core with typed errors', async () => {
    expect(await core.dispatch('garbage', 'ui')).toMatchObject({ ok: false, id: 0, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch({ type: 'request', id: 'a', method: 'settings.getAll', input: {}, more: 1 }, 'ui')).toMatchObject({
      ok: false,
      id: 'a',
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.dispatch({ type: 'request', id: 1, method: 'toString', input: {} }, 'ui')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await core.dispatch({ type: 'request', id: 2, method: '__proto__', input: {} }, 'ui')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('refuses methods that touch arbitrary files when called from a UI host', async () => {
    const target = join(dir, 'leak.db');
    const response = await core.dispatch({ type: 'request', id: 3, method: 'backup.create', input: { file: target } }, 'ui');
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const restore = await core.dispatch({ type: 'request', id: 4, method: 'backup.restore', input: { file: target } }, 'ui');
    expect(restore).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers CORE_CLOSED after close', async () => {
    await core.close();
    expect(await core.dispatch({ type: 'request', id: 5, method: 'settings.getAll', input: {} }, 'ui')).toMatchObject({
      ok: false,
      error: { code: 'CORE_CLOSED' },
    });
  });
});
