import type { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import { useEffect, useRef } from 'react';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.getAttribute('role') === 'combobox';
}

interface KeyActions {
  openFind(): void;
  closeFind(): boolean;
  zoomStep(direction: 1 | -1): void;
  zoomReset(): void;
}

/**
 * The reader's keys, on the window so they work wherever focus is in the reader — except page
 * keys while the member is typing in a field (the page box, the find field, a note).
 */
export function useReaderKeys(viewer: PDFViewer | null, actions: KeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!viewer) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const ctrl = event.ctrlKey || event.metaKey;
      const typing = typingIn(event.target);
      if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        latest.current.openFind();
        return;
      }
      if (ctrl && (event.key === '+' || event.key === '=' || event.code === 'NumpadAdd')) {
        event.preventDefault();
        latest.current.zoomStep(1);
        return;
      }
      if (ctrl && (event.key === '-' || event.code === 'NumpadSubtract')) {
        event.preventDefault();
        latest.current.zoomStep(-1);
        return;
      }
      if (ctrl && (event.key === '0' || event.code === 'Numpad0')) {
        event.preventDefault();
        latest.current.zoomReset();
        return;
      }
      if (event.key === 'Escape' && !typing) {
        if (latest.current.closeFind()) event.preventDefault();
        return;
      }
      if (typing || ctrl || event.shiftKey) return;
      switch (event.key) {
        case 'PageDown':
        case 'PageUp': {
          event.preventDefault();
          const down = event.key === 'PageDown';
          // A whole page fits: step page by page. Otherwise a screenful, keeping a line of context.
          if (viewer.currentScaleValue === 'page-fit') {
            if (down) viewer.nextPage();
            else viewer.previousPage();
          } else viewer.container.scrollBy({ top: (down ? 1 : -1) * viewer.container.clientHeight * 0.9 });
          break;
        }
        case 'Home':
          event.preventDefault();
          viewer.currentPageNumber = 1;
          break;
        case 'End':
          event.preventDefault();
          viewer.currentPageNumber = viewer.pagesCount;
          break;
        default:
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [viewer]);
}
