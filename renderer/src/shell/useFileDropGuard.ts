import { useEffect } from 'react';

/**
 * A file dropped where no drop zone takes it would make the browser open it in place of the app
 * (losing unsaved work). Drop zones handle their own events first and mark them handled; whatever
 * reaches the window unhandled is refused, with the "no drop" cursor.
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (!e.defaultPrevented) e.preventDefault();
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
