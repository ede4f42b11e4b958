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

const key = (meetingId: string) => `nghisu.minutes.unsaved.${meetingId}`;

export function readUnsaved(meetingId: string): UnsavedDraft | null {
  try {
    const raw = window.localStorage.getItem(key(meetingId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<UnsavedDraft>;
    if (typeof value.baseVersion !== 'number' || typeof value.at !== 'number' || typeof value.content !== 'string') return null;
    return value as UnsavedDraft;
  } catch {
    return null;
  }
}

export function writeUnsaved(meetingId: string, draft: UnsavedDraft): void {
  try {
    window.localStorage.setItem(key(meetingId), JSON.stringify(draft));
  } catch {
    // Storage full (a huge paste): the autosave still runs; only the crash copy is missing.
  }
}

export function clearUnsaved(meetingId: string): void {
  try {
    window.localStorage.removeItem(key(meetingId));
  } catch {
    // Nothing to do: storage unavailable.
  }
}
