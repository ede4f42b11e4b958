import type {
  Annotation,
  AnnotationAuthor,
  AnnotationList,
  NewAnnotation,
} from '../../../../../../shared/contract/annotations.ts';
import { applyPatch, draftOf, inversePatch, optimisticAnnotation, type AnnotationPatch, type Author } from './records.ts';
import { emptyHistory, pushHistory, redoHistory, undoHistory, type HistoryStack } from './history.ts';

/** The calls the store makes; the bridge in the app, anything with the same shape in a test. */
export interface AnnotationBackend {
  list(documentId: string): Promise<AnnotationList>;
  create(draft: NewAnnotation): Promise<Annotation>;
  update(input: AnnotationPatch & { id: string; revision: number }): Promise<Annotation>;
  delete(ids: string[]): Promise<unknown>;
  restore(ids: string[]): Promise<Annotation[]>;
}

/** An error that saving again will not fix (the core refused the change itself). */
export interface RefusedError {
  code?: string;
}

type Op =
  | { type: 'create'; draft: NewAnnotation }
  | { type: 'update'; id: string; patch: AnnotationPatch }
  | { type: 'delete'; ids: string[] }
  | { type: 'restore'; ids: string[] };

export type HistoryEntry =
  | { type: 'create'; annotation: Annotation }
  | { type: 'delete'; annotations: Annotation[] }
  | { type: 'update'; id: string; before: AnnotationPatch; after: AnnotationPatch };

export interface SaveStatus {
  /** Changes not yet confirmed by the core. */
  pending: number;
  /** Set while the oldest change keeps failing and is being retried. */
  failing: { error: unknown; attempts: number; nextRetryAt: number } | null;
}

export interface StoreSnapshot {
  status: 'loading' | 'ready' | 'failed';
  loadError: unknown;
  annotations: readonly Annotation[];
  authors: readonly AnnotationAuthor[];
  self: Author;
  save: SaveStatus;
  canUndo: boolean;
  canRedo: boolean;
}

/** Codes for which the same request will fail again: drop it and tell the user, never retry forever. */
const REFUSED = new Set(['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'FORBIDDEN', 'PROFILE_REQUIRED', 'UNKNOWN_METHOD']);

export function isRefused(error: unknown): boolean {
  const code = (error as RefusedError | null)?.code;
  return typeof code === 'string' && REFUSED.has(code);
}

/** Waits between retries of a failing save: quick at first (a blip), then every 15 s. */
export const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 15_000];

export interface StoreOptions {
  documentId: string;
  backend: AnnotationBackend;
  /** A change the core refused (it is dropped and the notes reloaded); the screen explains it. */
  onRefused(error: unknown, op: { type: Op['type'] }): void;
  now?: () => string;
  setTimer?: (f: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * A document's annotations as the member sees them: what the core has, with every change applied
 * at once (optimistic) and saved in order behind the scenes. A save that fails for a passing
 * reason (the core busy, the connection gone) stays queued and is retried — the stroke stays on
 * screen meanwhile; a change the core refuses is dropped with a message and the list reloaded.
 * Undo/redo replays changes through the same queue (delete is soft, so undo is a restore).
 */
export class AnnotationStore {
  private readonly options: StoreOptions;
  private items = new Map<string, Annotation>();
  /** The revision the core last reported per id: what the next update must quote. */
  private revisions = new Map<string, number>();
  private authors: AnnotationAuthor[] = [];
  private status: StoreSnapshot['status'] = 'loading';
  private loadError: unknown = null;
  private queue: Op[] = [];
  private running = false;
  private failing: SaveStatus['failing'] = null;
  private retryTimer: unknown = null;
  private history: HistoryStack<HistoryEntry> = emptyHistory();
  private listeners = new Set<() => void>();
  private snapshot: StoreSnapshot;
  private loadSeq = 0;
  private closed = false;

  constructor(options: StoreOptions) {
    this.options = options;
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): StoreSnapshot => this.snapshot;

  get(id: string): Annotation | undefined {
    return this.items.get(id);
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
  }

  /** Reads the list from the core. Notes with changes still on their way keep their local state. */
  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    try {
      const list = await this.options.backend.list(this.options.documentId);
      if (seq !== this.loadSeq || this.closed) return;
      const busy = this.busyIds();
      const next = new Map<string, Annotation>();
      for (const a of list.annotations) {
        this.revisions.set(a.id, a.revision);
        if (busy.has(a.id)) {
          const local = this.items.get(a.id);
          if (local) next.set(a.id, { ...local, revision: a.revision });
        } else {
          next.set(a.id, a);
        }
      }
      for (const id of busy) {
        const local = this.items.get(id);
        if (local && !next.has(id)) next.set(id, local);
      }
      this.items = next;
      this.authors = list.authors;
      this.status = 'ready';
      this.loadError = null;
    } catch (error) {
      if (seq !== this.loadSeq || this.closed) return;
      this.status = this.status === 'ready' ? 'ready' : 'failed';
      this.loadError = error;
    }
    this.emit();
  }

  // ---- Changes the user makes (recorded for undo).

  create(draft: NewAnnotation): Annotation {
    const annotation = optimisticAnnotation(draft, this.self(), this.now());
    this.items.set(annotation.id, annotation);
    this.enqueue({ type: 'create', draft });
    this.record({ type: 'create', annotation });
    return annotation;
  }

  update(id: string, patch: AnnotationPatch): void {
    const current = this.items.get(id);
    if (!current || !current.editable) return;
    const before = inversePatch(current, patch);
    this.applyUpdate(id, patch);
    this.record({ type: 'update', id, before, after: patch });
  }

  remove(ids: readonly string[]): void {
    const gone = ids.map((id) => this.items.get(id)).filter((a): a is Annotation => a !== undefined && a.editable);
    if (gone.length === 0) return;
    this.applyDelete(gone.map((a) => a.id));
    this.record({ type: 'delete', annotations: gone });
  }

  undo(): boolean {
    const step = undoHistory(this.history);
    if (!step) return false;
    this.history = step.stack;
    const e = step.entry;
    if (e.type === 'create') this.applyDelete([e.annotation.id]);
    else if (e.type === 'delete') this.applyRestore(e.annotations);
    else this.applyUpdate(e.id, e.before);
    this.emit();
    return true;
  }

  redo(): boolean {
    const step = redoHistory(this.history);
    if (!step) return false;
    this.history = step.stack;
    const e = step.entry;
    if (e.type === 'create') this.applyRestore([e.annotation]);
    else if (e.type === 'delete') this.applyDelete(e.annotations.map((a) => a.id));
    else this.applyUpdate(e.id, e.after);
    this.emit();
    return true;
  }

  /** Try the failing save again now (the "Thử lại" button). */
  retry(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = null;
    void this.drain();
  }

  // ---- Internals.

  private applyUpdate(id: string, patch: AnnotationPatch): void {
    const current = this.items.get(id);
    if (!current) return;
    this.items.set(id, applyPatch(current, patch));
    this.enqueue({ type: 'update', id, patch });
  }

  private applyDelete(ids: string[]): void {
    const present = ids.filter((id) => this.items.has(id));
    if (present.length === 0) return;
    for (const id of present) this.items.delete(id);
    this.enqueue({ type: 'delete', ids: present });
  }

  private applyRestore(annotations: Annotation[]): void {
    const back = annotations.filter((a) => !this.items.has(a.id));
    if (back.length === 0) return;
    for (const a of back) this.items.set(a.id, a);
    this.enqueue({ type: 'restore', ids: back.map((a) => a.id) });
  }

  private record(entry: HistoryEntry): void {
    this.history = pushHistory(this.history, entry);
    this.emit();
  }

  private enqueue(op: Op): void {
    this.queue.push(op);
    this.emit();
    void this.drain();
  }

  private opIds(op: Op): string[] {
    return op.type === 'create' ? [op.draft.id] : op.type === 'update' ? [op.id] : op.ids;
  }

  private busyIds(): Set<string> {
    return new Set(this.queue.flatMap((op) => this.opIds(op)));
  }

  private async drain(): Promise<void> {
    if (this.running || this.closed) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        const op = this.queue[0]!;
        try {
          await this.send(op);
          this.queue.shift();
          this.failing = null;
        } catch (error) {
          if (isRefused(error)) {
            this.queue.shift();
            this.failing = null;
            this.options.onRefused(error, { type: op.type });
            this.emit();
            void this.load();
            continue;
          }
          const attempts = (this.failing?.attempts ?? 0) + 1;
          const delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)]!;
          this.failing = { error, attempts, nextRetryAt: Date.now() + delay };
          this.retryTimer = this.setTimer(() => {
            this.retryTimer = null;
            void this.drain();
          }, delay);
          return;
        } finally {
          this.emit();
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Whether a later queued change touches this id (its result must not overwrite the newer local state). */
  private laterTouches(id: string): boolean {
    return this.queue.slice(1).some((op) => this.opIds(op).includes(id));
  }

  private settle(result: Annotation): void {
    this.revisions.set(result.id, result.revision);
    const local = this.items.get(result.id);
    if (!local) return;
    this.items.set(result.id, this.laterTouches(result.id) ? { ...local, revision: result.revision } : result);
  }

  private async send(op: Op): Promise<void> {
    const { backend } = this.options;
    switch (op.type) {
      case 'create':
        this.settle(await backend.create(op.draft));
        return;
      case 'update': {
        const revision = this.revisions.get(op.id);
        if (revision === undefined) return; // Never reached the core (its create was refused): nothing to change.
        this.settle(await backend.update({ id: op.id, revision, ...op.patch }));
        return;
      }
      case 'delete':
        await backend.delete(op.ids);
        return;
      case 'restore': {
        const unknown = op.ids.filter((id) => !this.revisions.has(id));
        const known = op.ids.filter((id) => this.revisions.has(id));
        // A note whose first save never arrived is saved now rather than restored.
        for (const id of unknown) {
          const local = this.items.get(id);
          if (local) this.settle(await backend.create(draftOf(local)));
        }
        if (known.length > 0) for (const a of await backend.restore(known)) this.settle(a);
        return;
      }
    }
  }

  private self(): Author {
    const me = this.authors.find((a) => a.self);
    return me ? { authorId: me.authorId, authorName: me.authorName } : { authorId: null, authorName: '' };
  }

  private now(): string {
    return this.options.now?.() ?? new Date().toISOString();
  }

  private setTimer(f: () => void, ms: number): unknown {
    return this.options.setTimer ? this.options.setTimer(f, ms) : setTimeout(f, ms);
  }

  private clearTimer(handle: unknown): void {
    if (this.options.clearTimer) this.options.clearTimer(handle);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
  }

  private makeSnapshot(): StoreSnapshot {
    return {
      status: this.status,
      loadError: this.loadError,
      annotations: [...this.items.values()],
      authors: this.authors,
      self: this.self(),
      save: { pending: this.queue.length, failing: this.failing },
      canUndo: this.history.done.length > 0,
      canRedo: this.history.undone.length > 0,
    };
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
