import type { EditorState } from 'lexical';
import { useCallback, useState } from 'react';
import type { MinutesConclusion, MinutesView } from '../../../../shared/contract/index.ts';
import type { MinutesContent } from '../../../../shared/minutes/document.ts';
import { useBridge } from '../../bridge/BridgeContext.tsx';
import { useVersionedAutosave, type VersionedAutosave } from './useVersionedAutosave.ts';

export interface Autosave extends Omit<VersionedAutosave, 'reset'> {
  conclusions: MinutesConclusion[];
  onChange: (state: EditorState) => void;
  /** Starts over from content the core returned (refresh, restore, reload after a conflict…). */
  reset: (view: MinutesView) => void;
}

/** The minutes' autosave: the whole content with its version; each save returns the conclusions as the core read them. */
export function useAutosave(initial: MinutesView): Autosave {
  const bridge = useBridge();
  const meetingId = initial.meetingId;
  const [conclusions, setConclusions] = useState(initial.conclusions);
  const inner = useVersionedAutosave({
    slot: meetingId,
    version: initial.version,
    json: JSON.stringify(initial.content),
    save: (baseVersion, json) => bridge.invoke('minutes.save', { meetingId, baseVersion, content: JSON.parse(json) as MinutesContent }),
    onSaved: (result) => setConclusions(result.conclusions),
  });
  const { changed, reset: resetInner } = inner;
  const onChange = useCallback((state: EditorState) => changed(JSON.stringify(state.toJSON())), [changed]);
  const reset = useCallback(
    (view: MinutesView) => {
      resetInner(view.version, JSON.stringify(view.content));
      setConclusions(view.conclusions);
    },
    [resetInner],
  );
  return { ...inner, conclusions, onChange, reset };
}
