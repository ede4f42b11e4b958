import { InboxOutlined } from '@ant-design/icons';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

interface FileDropAreaProps {
  onFiles(files: File[]): void;
  /** Shown over the area while files are dragged above it. */
  hint: string;
  children: ReactNode;
}

/**
 * The whole library takes dropped files, not only the marked zone: a file let go a little off
 * target would otherwise be opened by the browser in place of the app.
 */
export function FileDropArea({ onFiles, hint, children }: FileDropAreaProps) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer really left.
  const depth = useRef(0);

  function enter(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current++;
    setOver(true);
  }
  function leave(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }
  function overArea(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
  function drop(event: DragEvent<HTMLDivElement>): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div className="ns-drop-area" data-over={over || undefined} onDragEnter={enter} onDragLeave={leave} onDragOver={overArea} onDrop={drop}>
      {children}
      {over ? (
        <div className="ns-drop-overlay" aria-hidden="true">
          <InboxOutlined className="ns-drop-overlay-icon" />
          <span>{hint}</span>
        </div>
      ) : null}
    </div>
  );
}
