import { useEffect, useRef } from 'react';

/** Ctrl+L (⌘L) asks to lock the app, as Windows' own Win+L locks the computer. */
export function useLockShortcut(enabled: boolean, requestLock: () => void): void {
  const latest = useRef(requestLock);
  useEffect(() => {
    latest.current = requestLock;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'l' || event.repeat) return;
      event.preventDefault();
      latest.current();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
