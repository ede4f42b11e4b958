import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewAnnotation } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { documentWithProfile, everyKind, writeAnnotatablePdf } from '../support/annotated-document.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { failure } from '../support/core-failure.ts';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

async function withDocument() {
  const base = await documentWithProfile();
  opened.push(base.core);
  return base;
}

function auditActions(core: Core): string[] {
  const db = new Database(core.databaseFile, { readonly: true });
  try {
    return db.prepare("SELECT action FROM audit_log WHERE action LIKE 'annotations.%' ORDER BY rowid").pluck().all() as string[];
  } finally {
    db.close();
  }
}

const ink = (documentId: string, fields: Partial<NewAnnotation> = {}): NewAnnotation => ({
  id: uuidv7(),
  documentId,
  kind: 'ink',
  pageIndex: 0,
  color: '#1a7f37',
  thickness: 3,
  geometry: { strokes: [[[100, 500, 0.4], [150, 540, 0.6], [200, 500, 0.8]]] },
  ...fields,
});

describe('the annotation store', () => {
  it('saves every kind in page space, lists them by page, and records each change in the audit log', async () => {
    const { core, document } = await withDocument();
    const inputs = everyKind(document.id);
    for (const input of inputs) await core.call('annotations.create', input);
    const list = await core.call('annotations.list', { documentId: document.id });
    expect(list.annotations.map((a) => a.pageIndex)).toEqual([...inputs.map((i) => i.pageIndex)].sort((a, b) => a - b));
    for (const input of inputs) {
      const saved = list.annotations.find((a) => a.id === input.id)!;
      expect(saved).toMatchObject({ kind: input.kind, pageIndex: input.pageIndex, geometry: input.geometry, color: input.color.toUpperCase(), origin: 'local', editable: true, placement: 'placed', revision: 1, authorName: 'Trần Văn Bình' });
    }
    expect(list.authors).toEqual([expect.objectContaining({ authorName: 'Trần Văn Bình', count: inputs.length, self: true })]);
    expect(auditActions(core)).toEqual(inputs.map(() => 'annotations.create'));
  });

  it('updates with the current revision only, deletes softly and restores, each change audited', async () => {
    const { core, document } = await withDocument();
    const a = await core.call('annotations.create', ink(document.id));
    const moved = await core.call('annotations.update', { id: a.id, revision: 1, geometry: { strokes: [[[110, 510, 0.5], [160, 550, 0.5]]] }, color: '#e02020', contents: 'Xem lại' });
    expect(moved).toMatchObject({ revision: 2, color: '#E02020', contents: 'Xem lại', geometry: { strokes: [[[110, 510, 0.5], [160, 550, 0.5]]] } });
    // A second window editing the old revision is told to reload, and nothing changes.
    const stale = await failure(core.call('annotations.update', { id: a.id, revision: 1, color: '#000000' }));
    expect(stale.code).toBe('CONFLICT');
    // Geometry must fit the kind.
    expect((await failure(core.call('annotations.update', { id: a.id, revision: 2, geometry: { rect: [1, 2, 3, 4] } }))).code).toBe('INVALID_INPUT');
    expect((await core.call('annotations.list', { documentId: document.id })).annotations[0]).toMatchObject({ revision: 2, color: '#E02020' });

    expect(await core.call('annotations.delete', { ids: [a.id] })).toEqual({ ids: [a.id] });
    expect((await core.call('annotations.list', { documentId: document.id })).annotations).toEqual([]);
    expect((await failure(core.call('annotations.update', { id: a.id, revision: 3, color: '#000000' }))).code).toBe('NOT_FOUND');
    // Deleting again is harmless and not recorded twice.
    expect(await core.call('annotations.delete', { ids: [a.id] })).toEqual({ ids: [] });
    const [restored] = await core.call('annotations.restore', { ids: [a.id] });
    expect(restored).toMatchObject({ id: a.id, revision: 4, color: '#E02020' });
    expect((await core.call('annotations.list', { documentId: document.id })).annotations).toHaveLength(1);
    expect(auditActions(core)).toEqual(['annotations.create', 'annotations.update', 'annotations.delete', 'annotations.restore']);
  });

  it('saving the same note twice (a retry, redo) stores it once; a reused id on another note is refused', async () => {
    const { core, document } = await withDocument();
    const input = ink(document.id);
    const first = await core.call('annotations.create', input);
    const again = await core.call('annotations.create', input);
    expect(again).toEqual(first);
    expect((await core.call('annotations.list', { documentId: document.id })).annotations).toHaveLength(1);
    expect(auditActions(core)).toEqual(['annotations.create']);
    const clash = await failure(core.call('annotations.create', { ...input, kind: 'note', geometry: { at: [10, 10] } }));
    expect(clash.code).toBe('CONFLICT');
  });

  it('refuses notes before the profile exists, beyond the last page and on unknown documents', async () => {
    const dir = tempDir();
    const core = await createCore({ dataDir: dir, logToFile: false });
    opened.push(core);
    const pdf = join(tempDir(), 'Báo cáo.pdf');
    await writeAnnotatablePdf(pdf);
    const { results } = await core.call('documents.importFiles', { paths: [pdf] });
    const documentId = results[0]!.ok ? results[0]!.document.id : '';
    expect((await failure(core.call('annotations.create', ink(documentId)))).code).toBe('PROFILE_REQUIRED');

    await core.call('profile.create', { fullName: 'Trần Văn Bình', position: 'Phó Trưởng ban', unitName: 'Sở Xây dựng', workRole: 'member' });
    const beyond = await failure(core.call('annotations.create', ink(documentId, { pageIndex: 3 })));
    expect(beyond.code).toBe('INVALID_INPUT');
    expect(beyond.text.vi).toContain('3 trang');
    const a = await core.call('annotations.create', ink(documentId, { pageIndex: 2 }));
    expect((await failure(core.call('annotations.update', { id: a.id, revision: 1, pageIndex: 3 }))).code).toBe('INVALID_INPUT');
    expect((await failure(core.call('annotations.create', ink(uuidv7())))).code).toBe('NOT_FOUND');
    expect((await failure(core.call('annotations.list', { documentId: uuidv7() }))).code).toBe('NOT_FOUND');
    expect(auditActions(core)).toEqual(['annotations.create']);
  });

  it('a document with notes cannot be deleted until its notes are', async () => {
    const { core, document } = await withDocument();
    const a = await core.call('annotations.create', ink(document.id));
    const refused = await failure(core.call('documents.delete', { id: document.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.text.vi).toContain('ghi chú');
    expect((await core.call('annotations.list', { documentId: document.id })).annotations).toHaveLength(1);
    await core.call('annotations.delete', { ids: [a.id] });
    expect(await core.call('documents.delete', { id: document.id })).toEqual({ id: document.id });
  });
});
