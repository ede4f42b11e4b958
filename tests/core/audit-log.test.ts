import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { openDatabase } from '../../electron/core/db/open-database.ts';
import { Database, folderKey } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A data folder with a profile and a handful of recorded changes. */
async function folderWithChanges(): Promise<{ dir: string; core: Core; profileId: string }> {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const profile = await core.call('profile.create', { fullName: 'Nguyễn Thị Hà', position: 'Chánh Văn phòng', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  for (const theme of ['dark', 'light', 'dark'] as const) await core.call('settings.set', { key: 'ui.theme', value: theme });
  await core.call('settings.set', { key: 'ui.language', value: 'en' });
  return { dir, core, profileId: profile.id };
}

function tamper(dir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(join(dir, DATABASE_FILE));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

describe('audit log: a hash chain that shows edits and removals', () => {
  it('chains every change with who made it, and verifies whole', async () => {
    const { core, profileId } = await folderWithChanges();
    const v = await core.call('audit.verify', {});
    expect(v.ok).toBe(true);
    expect(v.problems).toEqual([]);
    expect(v.entries).toBe(5);
    expect(v.head?.seq).toBe(5);
    expect(v.head?.hash).toMatch(/^[0-9a-f]{64}$/);

    const page = await core.call('audit.list', {});
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(page.items[0]).toMatchObject({ action: 'settings.set', entityId: 'ui.language', detail: { value: 'en' } });
    expect(page.items.every((e) => e.actor?.id === profileId && e.actor.name === 'Nguyễn Thị Hà, Chánh Văn phòng')).toBe(true);
    await core.close();
  });

  it('finds an entry edited behind the app’s back, and says which', async () => {
    const { dir, core } = await folderWithChanges();
    await core.close();
    tamper(dir, `UPDATE audit_log SET detail = '{"value":"system"}' WHERE seq = 3`);
    const reopened = await createCore({ dataDir: dir, logToFile: false });
    const v = await reopened.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'edited', seq: 3 })]);
    expect(v.problems[0]!.message.vi).toContain('đã bị sửa');
    await reopened.close();
  });

  it('finds a removed entry, and an entry re-hashed to hide an edit breaks the next link', async () => {
    const { dir, core } = await folderWithChanges();
    await core.close();
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 2');
    let reopened = await createCore({ dataDir: dir, logToFile: false });
    let v = await reopened.call('audit.verify', {});
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'missing', seq: 2 })]);
    await reopened.close();

    // Renumbering after the removal does not help: the links still point at the removed entry.
    tamper(dir, 'UPDATE audit_log SET seq = seq - 1 WHERE seq > 2');
    reopened = await createCore({ dataDir: dir, logToFile: false });
    v = await reopened.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.kind)).toContain('relinked');
    expect(v.problems.some((p) => p.kind === 'edited')).toBe(true);
    await reopened.close();
  });

  it('reports a row added outside the app', async () => {
    const { dir, core } = await folderWithChanges();
    await core.close();
    tamper(dir, `INSERT INTO audit_log (id, at, action, entity) VALUES ('0190d3f5-7a1b-7000-8000-00000000abcd', '2026-01-01T00:00:00.000Z', 'meetings.delete', 'meeting')`);
    const reopened = await createCore({ dataDir: dir, logToFile: false });
    const v = await reopened.call('audit.verify', {});
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'unsealed', id: '0190d3f5-7a1b-7000-8000-00000000abcd' })]);
    // New entries keep chaining after the foreign row, which stays reported.
    await reopened.call('settings.set', { key: 'ui.theme', value: 'light' });
    expect((await reopened.call('audit.verify', {})).problems.map((p) => p.kind)).toEqual(['unsealed']);
    await reopened.close();
  });

  it('seals the entries of a database from before the chain, in the order they were written', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const { db } = openDatabase(file, migrations.slice(0, 3), folderKey(dir));
    const insert = db.prepare('INSERT INTO audit_log (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('0190d3f5-7a1b-7000-8000-000000000002', '2025-03-01T02:00:00.000Z', 'meetings.update', 'meeting', 'm1', '{"fields":["title"]}');
    insert.run('0190d3f5-7a1b-7000-8000-000000000001', '2025-03-01T01:00:00.000Z', 'meetings.create', 'meeting', 'm1', null);
    db.close();

    const core = await createCore({ dataDir: dir, logToFile: false });
    await core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    const v = await core.call('audit.verify', {});
    expect(v).toMatchObject({ ok: true, entries: 3, head: { seq: 3 } });
    const page = await core.call('audit.list', {});
    expect(page.items.map((e) => [e.seq, e.action])).toEqual([
      [3, 'settings.set'],
      [2, 'meetings.update'],
      [1, 'meetings.create'],
    ]);
    await core.close();
  });

  it('filters by person, area and Vietnam calendar day', async () => {
    const { core, profileId } = await folderWithChanges();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() - 24 * 3600_000));
    expect((await core.call('audit.list', { filter: { actorId: profileId, action: 'settings' } })).total).toBe(4);
    expect((await core.call('audit.list', { filter: { action: 'profile' } })).items.map((e) => e.action)).toEqual(['profile.create']);
    expect((await core.call('audit.list', { filter: { action: 'setting' } })).total).toBe(0);
    expect((await core.call('audit.list', { filter: { from: today, to: today } })).total).toBe(5);
    expect((await core.call('audit.list', { filter: { to: yesterday } })).total).toBe(0);
    expect((await core.call('audit.list', { filter: { actorId: '0190d3f5-7a1b-7000-8000-000000000009' } })).total).toBe(0);
    expect((await core.call('audit.list', { limit: 2, offset: 1 })).items.map((e) => e.seq)).toEqual([4, 3]);
    expect(await core.call('audit.actors', {})).toEqual([{ id: profileId, name: 'Nguyễn Thị Hà, Chánh Văn phòng', entries: 5 }]);
    await core.close();
  });

  it('exports the log as a workbook with the chain head and records the export itself', async () => {
    const { dir, core } = await folderWithChanges();
    const target = join(tempDir(), 'nhat-ky.xlsx');
    const r = await core.call('audit.exportFile', { file: target, filter: { action: 'settings' } });
    expect(r).toMatchObject({ entries: 4, verification: { ok: true, entries: 5 } });
    await expect(core.call('audit.exportFile', { file: target })).rejects.toMatchObject({ code: 'CONFLICT' });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const log = book.getWorksheet('Nhật ký')!;
    expect(log.getCell('A1').value).toBe('NHẬT KÝ HOẠT ĐỘNG');
    const values = (n: number) => (log.getRow(n).values as unknown[]).slice(1);
    expect(values(4)).toEqual(['Số', 'Thời gian', 'Người thực hiện', 'Thao tác', 'Đối tượng', 'Mã đối tượng', 'Chi tiết', 'Mã băm (SHA-256)']);
    expect(values(5).slice(0, 4)).toEqual([2, expect.stringMatching(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/), 'Nguyễn Thị Hà, Chánh Văn phòng', 'Cài đặt: đặt']);
    expect(log.rowCount).toBe(8);
    const check = book.getWorksheet('Kiểm tra')!;
    const facts = new Map(check.getSheetValues().slice(1).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(facts.get('Kết quả kiểm tra chuỗi băm')).toBe('Nguyên vẹn');
    expect(facts.get('Mục cuối cùng (số)')).toBe(5);

    const after = await core.call('audit.list', { limit: 1 });
    expect(after.items[0]).toMatchObject({ seq: 6, action: 'audit.export', detail: { rows: 4 } });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
    await core.close();
    expect(dir).toBeTruthy();
  });
});

describe('audit log: every action reads in Vietnamese', () => {
  it('has a label for each action name the core records', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { auditActionLabel } = await import('../../shared/contract/index.ts');
    const root = join(import.meta.dirname, '../../electron/core');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const actions = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/(?:action: |audit\()'([a-z]+\.[A-Za-z]+)'/g)) actions.add(m[1]!);
    }
    expect(actions.size).toBeGreaterThan(40);
    const unlabelled = [...actions].filter((a) => auditActionLabel(a, 'vi') === a || auditActionLabel(a, 'en') === a);
    expect(unlabelled).toEqual([]);
  });
});
