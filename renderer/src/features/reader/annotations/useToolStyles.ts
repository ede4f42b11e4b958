import { useCallback, useState } from 'react';
import type { AnnotationKind } from '../../../../../shared/contract/annotations.ts';
import { parseStoredStyles, type ToolStyle } from './model/tools.ts';

const STORAGE_KEY = 'nghisu.annotations.toolStyles.v1';

function read(): Record<AnnotationKind, ToolStyle> {
  try {
    return parseStoredStyles(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return parseStoredStyles(null);
  }
}

/** Colour, thickness, opacity and font size per tool, remembered on this computer between sessions. */
export function useToolStyles(): [Record<AnnotationKind, ToolStyle>, (kind: AnnotationKind, change: Partial<ToolStyle>) => void] {
  const [styles, setStyles] = useState(read);
  const change = useCallback((kind: AnnotationKind, patch: Partial<ToolStyle>) => {
    setStyles((prev) => {
      const next = { ...prev, [kind]: { ...prev[kind], ...patch } };
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // A full or disabled storage only means the choice is not remembered next time.
      }
      return next;
    });
  }, []);
  return [styles, change];
}
