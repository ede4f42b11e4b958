import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationList, NewAnnotation } from '../../../shared/contract/annotations.ts';
import { optimisticAnnotation, type AnnotationPatch } from '../../../renderer/src/features/reader/annotations/model/records.ts';
import { AnnotationStore, type AnnotationBackend } from '../../../renderer/src/features/reader/annotations/model/store.ts';

const DOC = '01950000-0000-7000-8000-000000000001';
let seq = 0;
const newId = () => `01950000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;

function stroke(id = newId()): NewAnnotation {
  return { id, documentId: DOC, kind: 'ink', pageIndex: 0, geometry: { strokes: [[[10, 10, 0.5], [20, 20, 0.5]]] }, color: '#D32F2F', thickness: 2, opacity: 1 };
}

class CodedError extends Error {
  code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/**
 * The core's side of the conversation as the store sees it through the bridge: revisions, soft
 * delete and restore, and a switch to make calls fail as a dropped connection would.
 */
class FakeCore implements AnnotationBackend {
  rows = new Map<string, Annotation & { deleted: boolean }>();
  offline = false;
  calls: string[] = [];

  private check(method: string) {
    this.calls.push(method);
    if (this.offline) throw new CodedError('TRANSPORT');
  }
  async list(documentId: string): Promise<AnnotationList> {
    this.check('list');
    const annotations = [...this.rows.values()].filter((r) => !r.deleted && r.documentId === documentId).map(({ deleted: _d, ...a }) => a);
    return { documentId, annotations, authors: [{ authorId: 'me', authorName: 'Nguyễn Văn Thành', count: annotations.length, self: true }] };
  }
  async create(draft: NewAnnotation): Promise<Annotation> {
    this.check('create');
    const existing = this.rows.get(draft.id);
    if (existing) return existing;
    const a = { ...optimisticAnnotation(draft, { authorId: 'me', authorName: 'Nguyễn Văn Thành' }, '2026-01-08T01:00:00.000Z'), revision: 1, deleted: false };
    this.rows.set(a.id, a);
    return a;
  }
  async update(input: AnnotationPatch & { id: string; revision: number }): Promise<Annotation> {
    this.check('update');
    const row = this.rows.get(input.id);
    if (!row || row.deleted) throw new CodedError('NOT_FOUND');
    if (row.revision !== input.revision) throw new CodedError('CONFLICT');
    const { id: _id, revision: _r, placed, ...fields } = input;
    const next = { ...row, ...fields, revision: row.revision + 1, ...(placed ? { placement: 'placed' as const } : {}) };
    this.rows.set(row.id, next);
    return next;
  }
  async delete(ids: string[]) {
    this.check('delete');
    for (const id of ids) this.rows.get(id)!.deleted = true;
    return { ids };
  }
  async restore(ids: string[]) {
    this.check('restore');
    return ids.map((id) => {
      const row = this.rows.get(id)!;
      row.deleted = false;
      return row;
    });
  }
}

/** Timers the test advances by hand, so retries happen when the test says. */
function manualTimers() {
  const pending: (() => void)[] = [];
  return {
    setTimer: (f: () => void) => {
      pending.push(f);
      return f;
    },
    clearTimer: (h: unknown) => {
      const i = pending.indexOf(h as () => void);
      if (i >= 0) pending.splice(i, 1);
    },
    fire: () => pending.splice(0).forEach((f) => f()),
    count: () => pending.length,
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const core = new FakeCore();
  const timers = manualTimers();
  const refused: string[] = [];
  const store = new AnnotationStore({
    documentId: DOC,
    backend: core,
    onRefused: (error) => refused.push((error as CodedError).code),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { core, timers, refused, store };
}

describe('the annotation store', () => {
  it('shows a stroke at once and saves it behind the scenes', async () => {
    const { core, store } = setup();
    await store.load();
    const draft = stroke();
    store.create(draft);
    expect(store.getSnapshot().annotations.map((a) => a.id)).toEqual([draft.id]);
    expect(store.getSnapshot().save.pending).toBe(1);
    await settle();
    expect(store.getSnapshot().save.pending).toBe(0);
    expect(core.rows.get(draft.id)?.revision).toBe(1);
    expect(store.get(draft.id)?.revision).toBe(1);
  });

  it('keeps a stroke whose save failed on screen and saves it when retried', async () => {
    const { core, timers, store } = setup();
    await store.load();
    core.offline = true;
    const draft = stroke();
    store.create(draft);
    await settle();
    const snap = store.getSnapshot();
    expect(snap.annotations.map((a) => a.id)).toEqual([draft.id]);
    expect(snap.save.pending).toBe(1);
    expect(snap.save.failing?.attempts).toBe(1);
    expect(timers.count()).toBe(1);

    // Still failing: it waits longer and keeps the stroke.
    timers.fire();
    await settle();
    expect(store.getSnapshot().save.failing?.attempts).toBe(2);

    core.offline = false;
    timers.fire();
    await settle();
    expect(store.getSnapshot().save).toEqual({ pending: 0, failing: null });
    expect(core.rows.has(draft.id)).toBe(true);
  });

  it('a reload while a save is pending does not make the unsaved stroke disappear', async () => {
    const { core, store } = setup();
    await store.load();
    core.offline = true;
    const draft = stroke();
    store.create(draft);
    await settle();
    core.offline = false;
    await store.load();
    expect(store.getSnapshot().annotations.map((a) => a.id)).toContain(draft.id);
  });

  it('saves edits in order with the revision each one needs', async () => {
    const { core, store } = setup();
    await store.load();
    const draft = stroke();
    store.create(draft);
    store.update(draft.id, { color: '#1565C0' });
    store.update(draft.id, { shared: true });
    expect(store.get(draft.id)).toMatchObject({ color: '#1565C0', shared: true });
    await settle();
    await settle();
    expect(core.rows.get(draft.id)).toMatchObject({ color: '#1565C0', shared: true, revision: 3 });
    expect(store.get(draft.id)?.revision).toBe(3);
  });

  it('undo and redo replay create, update and delete through the core', async () => {
    const { core, store } = setup();
    await store.load();
    const draft = stroke();
    store.create(draft);
    store.update(draft.id, { geometry: { strokes: [[[50, 50, 0.5], [60, 60, 0.5]]] } });
    store.remove([draft.id]);
    await settle();
    await settle();
    expect(core.rows.get(draft.id)?.deleted).toBe(true);
    expect(store.getSnapshot().annotations).toHaveLength(0);

    store.undo(); // delete → restored
    expect(store.getSnapshot().annotations).toHaveLength(1);
    await settle();
    expect(core.rows.get(draft.id)?.deleted).toBe(false);

    store.undo(); // move → back where it was drawn
    await settle();
    expect(core.rows.get(draft.id)?.geometry).toEqual(draft.geometry);

    store.undo(); // create → gone
    await settle();
    expect(core.rows.get(draft.id)?.deleted).toBe(true);
    expect(store.getSnapshot().canUndo).toBe(false);

    store.redo();
    store.redo();
    await settle();
    await settle();
    expect(core.rows.get(draft.id)).toMatchObject({ deleted: false, geometry: { strokes: [[[50, 50, 0.5], [60, 60, 0.5]]] } });
    expect(store.getSnapshot().canRedo).toBe(true);
  });

  it('a change the core refuses is dropped with a message and the notes reloaded', async () => {
    const { core, refused, store } = setup();
    const draft = stroke();
    await core.create(draft);
    await store.load();
    // Someone else (another window) changed it meanwhile.
    core.rows.get(draft.id)!.revision = 5;
    store.update(draft.id, { color: '#212121' });
    await settle();
    await settle();
    expect(refused).toEqual(['CONFLICT']);
    expect(store.getSnapshot().save.pending).toBe(0);
    expect(store.get(draft.id)?.color).toBe('#D32F2F');
  });

  it('never lets the user change a member’s imported note', async () => {
    const { core, store } = setup();
    const draft = stroke();
    await core.create(draft);
    core.rows.get(draft.id)!.editable = false;
    await store.load();
    store.update(draft.id, { color: '#212121' });
    store.remove([draft.id]);
    expect(store.getSnapshot().save.pending).toBe(0);
    expect(store.getSnapshot().annotations).toHaveLength(1);
  });
});
