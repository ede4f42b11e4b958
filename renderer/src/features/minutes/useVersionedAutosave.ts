import { useCallback, useEffect, useRef, useState } from 'react';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { errorText } from '../../common/errors.ts';
import { clearUnsaved, writeUnsaved } from './unsavedDraft.ts';

/** How long after the last keystroke a document is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export interface VersionedAutosave {
  status: SaveStatus;
  /** The version the next save is based on. */
  version: () => number;
  /** The document changed to this JSON (typed, or put back from the local copy). */
  changed: (json: string) => void;
  /** Saves what is pending now; true when everything typed is in the core. */
  flush: () => Promise<boolean>;
  /** Starts over from what the core returned (refresh, restore, reload after a conflict…). */
  reset: (version: number, json: string) => void;
}

export interface AutosaveTarget<R> {
  /** Where the local copy waits (unsavedDraft.ts). */
  slot: string;
  version: number;
  json: string;
  save: (baseVersion: number, json: string) => Promise<R & { version: number; savedAt: string }>;
  onSaved?: (result: R) => void;
}

/**
 * Autosave of a whole document with a version check: ~1.5 s after the last edit the JSON goes to
 * the core with the version it was based on. A copy waits in local storage until the core has it.
 * A save refused because another window saved first stops the autosave (nothing is overwritten)
 * until a reload. Used by the minutes and the conclusion notice.
 */
export function useVersionedAutosave<R>(target: AutosaveTarget<R>): VersionedAutosave {
  const { slot } = target;
  const saveRef = useRef(target.save);
  const onSavedRef = useRef(target.onSaved);
  saveRef.current = target.save;
  onSavedRef.current = target.onSaved;
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const versionRef = useRef(target.version);
  const pendingRef = useRef<string | null>(null);
  const savedRef = useRef<string>(target.json);
  const conflictRef = useRef(false);
  const timerRef = useRef<number | null>(null);
  const inFlightRef = useRef<Promise<'done' | 'again' | 'failed'> | null>(null);

  const saveOnce = useCallback(async (): Promise<'done' | 'again' | 'failed'> => {
    const sending = pendingRef.current;
    if (sending === null) return 'done';
    if (conflictRef.current) return 'failed';
    setStatus({ kind: 'saving' });
    try {
      const result = await saveRef.current(versionRef.current, sending);
      versionRef.current = result.version;
      savedRef.current = sending;
      onSavedRef.current?.(result);
      if (pendingRef.current === sending) {
        pendingRef.current = null;
        clearUnsaved(slot);
        setStatus({ kind: 'saved', at: result.savedAt });
        return 'done';
      }
      // More was typed while this save travelled: save again.
      return 'again';
    } catch (error) {
      if (error instanceof BridgeError && error.code === 'CONFLICT') {
        conflictRef.current = true;
        setStatus({ kind: 'conflict' });
      } else {
        setStatus({ kind: 'failed', message: errorText(error) });
      }
      return 'failed';
    }
  }, [slot]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    // One save at a time: a save sent while another is on its way would be based on a stale version.
    for (;;) {
      while (inFlightRef.current) await inFlightRef.current;
      if (pendingRef.current === null) return !conflictRef.current;
      const run = saveOnce();
      inFlightRef.current = run;
      let outcome: 'done' | 'again' | 'failed';
      try {
        outcome = await run;
      } finally {
        inFlightRef.current = null;
      }
      if (outcome === 'done') return true;
      if (outcome === 'failed') return false;
    }
  }, [saveOnce]);

  const changed = useCallback(
    (json: string) => {
      if (json === (pendingRef.current ?? savedRef.current)) return;
      pendingRef.current = json;
      writeUnsaved(slot, { baseVersion: versionRef.current, at: Date.now(), content: json });
      if (conflictRef.current) return;
      setStatus({ kind: 'dirty' });
      if (timerRef.current !== null) window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(() => {
        timerRef.current = null;
        void flush();
      }, AUTOSAVE_DELAY_MS);
    },
    [flush, slot],
  );

  const reset = useCallback((version: number, json: string) => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    versionRef.current = version;
    savedRef.current = json;
    pendingRef.current = null;
    conflictRef.current = false;
    setStatus({ kind: 'idle' });
  }, []);

  // Leaving the screen or closing the window: send what is pending (the local copy covers a crash).
  useEffect(() => {
    const onLeave = () => {
      if (pendingRef.current !== null && !conflictRef.current) void flush();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      onLeave();
    };
  }, [flush]);

  const version = useCallback(() => versionRef.current, []);
  return { status, version, changed, flush, reset };
}
