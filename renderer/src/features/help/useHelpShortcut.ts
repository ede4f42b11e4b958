import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { topicForPath } from './helpTopics.ts';

/** F1, as in every desktop program, opens the guide at the topic of the screen in front of the user. */
export function useHelpShortcut(): void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'F1' || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      event.preventDefault();
      if (pathname === '/help') return;
      void navigate(`/help?topic=${topicForPath(pathname)}`);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, pathname]);
}
