import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { areas } from './areas.ts';

/** Ctrl+1 … Ctrl+8 open the areas (each its own digit, see areas.ts) and Ctrl+, opens settings, as in most desktop apps. */
export function useAreaShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented) return;
      // event.code keeps the digits working on layouts where they need Shift (e.g. AZERTY).
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
      const area = digit ? areas.find((a) => a.shortcut === Number(digit)) : event.key === ',' ? areas.find((a) => a.key === 'settings') : undefined;
      if (!area) return;
      event.preventDefault();
      void navigate(area.path);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
