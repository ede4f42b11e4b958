import type { EditorState } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MinutesConclusion, MinutesView } from '../../../../shared/contract/index.ts';
import type { MinutesContent } from '../../../../shared/minutes/document.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { BridgeError } from '../../bridge/BridgeError.ts';
import { errorText } from '../../common/errors.ts';
import { clearUnsaved, writeUnsaved } from './unsavedDraft.ts';

/** How long after the last keystroke the minutes are saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export interface Autosave {
  status: SaveStatus;
  conclusions: MinutesConclusion[];
  /** The version the next save is based on. */
  version: () => number;
  onChange: (state: EditorState) => void;
  /** The editor's content changed to this JSON (typed, or put back from the local copy). */
  changed: (json: string) => void;
  /** Saves what is pending now; true when everything typed is in the core. */
  flush: () => Promise<boolean>;
  /** Starts over from content the core returned (refresh, restore, reload after a conflict…). */
  reset: (view: MinutesView) => void;
}

/**
 * The minutes' autosave: ~1.5 s after the last edit the whole content goes to the core with the
 * version it was based on. A copy waits in local storage until the core has it. A save refused
 * because another window saved first stops the autosave (nothing is overwritten) until a reload.
 */
export function useAutosave(initial: MinutesView): Autosave {
  const bridge = useBridge();
  const meetingId = initial.meetingId;
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [conclusions, setConclusions] = useState(initial.conclusions);
  const versionRef = useRef(initial.version);
  const pendingRef = useRef<string | null>(null);
  const savedRef = useRef<string>(JSON.stringify(initial.content));
  const conflictRef = useRef(false);
  const timerRef = useRef<number | null>(null);
  const inFlightRef = useRef<Promise<'done' | 'again' | 'failed'> | null>(null);

  const saveOnce = useCallback(async (): Promise<'done' | 'again' | 'failed'> => {
    const sending = pendingRef.current;
    if (sending === null) return 'done';
    if (conflictRef.current) return 'failed';
    setStatus({ kind: 'saving' });
    try {
      const result = await bridge.invoke('minutes.save', { meetingId, baseVersion: versionRef.current, content: JSON.parse(sending) as MinutesContent });
      versionRef.current = result.version;
      savedRef.current = sending;
      setConclusions(result.conclusions);
      if (pendingRef.current === sending) {
        pendingRef.current = null;
        clearUnsaved(meetingId);
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
  }, [bridge, meetingId]);

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
      writeUnsaved(meetingId, { baseVersion: versionRef.current, at: Date.now(), content: json });
      if (conflictRef.current) return;
      setStatus({ kind: 'dirty' });
      if (timerRef.current !== null) window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(() => {
        timerRef.current = null;
        void flush();
      }, AUTOSAVE_DELAY_MS);
    },
    [flush, meetingId],
  );
  const onChange = useCallback((state: EditorState) => changed(JSON.stringify(state.toJSON())), [changed]);

  const reset = useCallback((view: MinutesView) => {
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = null;
    versionRef.current = view.version;
    savedRef.current = JSON.stringify(view.content);
    pendingRef.current = null;
    conflictRef.current = false;
    setConclusions(view.conclusions);
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
  return { status, conclusions, version, onChange, changed, flush, reset };
}
