import { useEffect, useRef } from 'react';

/** For aria-keyshortcuts: what the button's shortcut is, in the attribute's own notation. */
export const SYNC_NOW_KEYS = 'Control+Shift+D';

/**
 * Ctrl+Shift+D ("Đồng bộ"), from any screen, runs a sync pass now. Not Ctrl+Shift+S: the minutes
 * editor takes Ctrl+S whether Shift is held or not, and would save as well.
 */
export function useSyncNowShortcut(run: () => void, enabled: boolean): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.repeat || event.defaultPrevented) return;
      // The letter D, or the key in D's place on a layout without Latin letters.
      if (event.code !== 'KeyD' && event.key.toLowerCase() !== 'd') return;
      event.preventDefault();
      latest.current();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
