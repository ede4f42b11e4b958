import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Sent when the shortcut is pressed on the search page itself, which then focuses its box. */
export const FOCUS_SEARCH_EVENT = 'nghisu:focus-search';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Ctrl+K from anywhere, or "/" when not typing in a field, opens Search with the cursor in its
 * box, as in most desktop and web apps.
 */
export function useSearchShortcut(): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.altKey || event.shiftKey) return;
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingInField(event.target);
      if (!ctrlK && !slash) return;
      event.preventDefault();
      if (pathname === '/search') window.dispatchEvent(new Event(FOCUS_SEARCH_EVENT));
      else void navigate('/search');
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, pathname]);
}
