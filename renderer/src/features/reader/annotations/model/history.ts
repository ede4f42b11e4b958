/**
 * The undo/redo stack as plain data: what was done, newest last, and what was undone. A new
 * action forgets the redo side, as every editor does; the oldest actions fall off past `limit`.
 */
export interface HistoryStack<E> {
  done: readonly E[];
  undone: readonly E[];
}

export const HISTORY_LIMIT = 200;

export function emptyHistory<E>(): HistoryStack<E> {
  return { done: [], undone: [] };
}

export function pushHistory<E>(stack: HistoryStack<E>, entry: E, limit = HISTORY_LIMIT): HistoryStack<E> {
  const done = [...stack.done, entry];
  return { done: done.length > limit ? done.slice(done.length - limit) : done, undone: [] };
}

/** The entry to reverse and the stack after it, or null when there is nothing to undo. */
export function undoHistory<E>(stack: HistoryStack<E>): { entry: E; stack: HistoryStack<E> } | null {
  const entry = stack.done[stack.done.length - 1];
  if (entry === undefined) return null;
  return { entry, stack: { done: stack.done.slice(0, -1), undone: [...stack.undone, entry] } };
}

export function redoHistory<E>(stack: HistoryStack<E>): { entry: E; stack: HistoryStack<E> } | null {
  const entry = stack.undone[stack.undone.length - 1];
  if (entry === undefined) return null;
  return { entry, stack: { done: [...stack.done, entry], undone: stack.undone.slice(0, -1) } };
}

/** Drops entries that can no longer be replayed (e.g. about a note deleted elsewhere). */
export function pruneHistory<E>(stack: HistoryStack<E>, keep: (entry: E) => boolean): HistoryStack<E> {
  return { done: stack.done.filter(keep), undone: stack.undone.filter(keep) };
}
