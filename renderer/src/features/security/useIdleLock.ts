import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `minutes` without a key press, a pointer move or a scroll; null turns it off. */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });
  useEffect(() => {
    if (minutes === null) return;
    let timer = window.setTimeout(() => latest.current(), minutes * 60_000);
    let last = Date.now();
    const activity = () => {
      // Pointer moves come by the hundred: restart the timer at most once a second.
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), minutes * 60_000);
    };
    for (const name of ACTIVITY) window.addEventListener(name, activity, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, activity, { capture: true });
    };
  }, [minutes]);
}
