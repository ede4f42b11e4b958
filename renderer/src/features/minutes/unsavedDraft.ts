/**
 * The editor's unsaved content, kept in this browser's storage per meeting until the core has it:
 * if the window closes or the app dies between a keystroke and the autosave, nothing typed is lost.
 */
export interface UnsavedDraft {
  /** The version the edits were based on. */
  baseVersion: number;
  /** When it was typed (ms since the epoch). */
  at: number;
  /** The editor's JSON. */
  content: string;
}

/** The slot of a document's copy: the meeting id for its minutes, `notice-<meeting id>` for its notice. */
const key = (slot: string) => `nghisu.minutes.unsaved.${slot}`;

export function readUnsaved(slot: string): UnsavedDraft | null {
  try {
    const raw = window.localStorage.getItem(key(slot));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<UnsavedDraft>;
    if (typeof value.baseVersion !== 'number' || typeof value.at !== 'number' || typeof value.content !== 'string') return null;
    return value as UnsavedDraft;
  } catch {
    return null;
  }
}

export function writeUnsaved(slot: string, draft: UnsavedDraft): void {
  try {
    window.localStorage.setItem(key(slot), JSON.stringify(draft));
  } catch {
    // Storage full (a huge paste): the autosave still runs; only the crash copy is missing.
  }
}

export function clearUnsaved(slot: string): void {
  try {
    window.localStorage.removeItem(key(slot));
  } catch {
    // Nothing to do: storage unavailable.
  }
}

/**
 * The local copy worth offering back: newer than what the core saved (the window closed before the
 * save), or, after a save refused for a conflict, whatever its time — the other window's save may be
 * the newer one, but what was typed here must not vanish. A copy not worth offering is removed.
 */
export function recoverable(slot: string, saved: { editable: boolean; updatedAt: string; json: string }, afterConflict = false): UnsavedDraft | null {
  const draft = readUnsaved(slot);
  if (!draft) return null;
  if (!saved.editable || (!afterConflict && draft.at <= Date.parse(saved.updatedAt)) || draft.content === saved.json) {
    clearUnsaved(slot);
    return null;
  }
  return draft;
}
