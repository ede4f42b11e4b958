import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderRotation } from '../../../../shared/contract/index.ts';

const THUMB_WIDTH = 112;

interface ThumbnailsPanelProps {
  pdf: PDFDocumentProxy;
  currentPageIndex: number;
  rotation: ReaderRotation;
  pageLabel(pageIndex: number): string;
  onSelect(pageIndex: number): void;
}

/**
 * One small picture per page, drawn only while it is near the visible part of the list and
 * released when it scrolls far away, so a 500-page document costs a screenful of thumbnails.
 * Drawing is one page at a time so thumbnails never compete with the main view for the worker.
 */
export function ThumbnailsPanel({ pdf, currentPageIndex, rotation, pageLabel, onSelect }: ThumbnailsPanelProps) {
  const { t } = useTranslation('reader');
  const list = useRef<HTMLOListElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [aspect, setAspect] = useState(1.414);
  const queue = useMemo(() => new ThumbnailQueue(pdf), [pdf]);

  useEffect(() => () => queue.dispose(), [queue]);

  useEffect(() => {
    let live = true;
    pdf
      .getPage(1)
      .then((page) => {
        const v = page.getViewport({ scale: 1, rotation: (page.rotate + rotation) % 360 });
        if (live) setAspect(v.height / v.width);
      })
      // A damaged first page, or a document closed meanwhile: the placeholders keep A4's shape.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [pdf, rotation]);

  useEffect(() => {
    const item = list.current?.children[currentPageIndex] as HTMLElement | undefined;
    item?.scrollIntoView({ block: 'nearest' });
  }, [currentPageIndex]);

  return (
    <div className="ns-reader-side-scroll" ref={scroller}>
    <ol className="ns-thumbs" ref={list} aria-label={t('sidebar.pages')}>
      {Array.from({ length: pdf.numPages }, (_, i) => (
        <Thumbnail
          key={i}
          pageIndex={i}
          label={pageLabel(i)}
          current={i === currentPageIndex}
          aspect={aspect}
          rotation={rotation}
          queue={queue}
          root={scroller}
          onSelect={onSelect}
        />
      ))}
    </ol>
    </div>
  );
}

interface ThumbnailProps {
  pageIndex: number;
  label: string;
  current: boolean;
  aspect: number;
  rotation: ReaderRotation;
  queue: ThumbnailQueue;
  root: React.RefObject<HTMLDivElement | null>;
  onSelect(pageIndex: number): void;
}

const Thumbnail = memo(function Thumbnail({ pageIndex, label, current, aspect, rotation, queue, root, onSelect }: ThumbnailProps) {
  const { t } = useTranslation('reader');
  const canvas = useRef<HTMLCanvasElement>(null);
  const item = useRef<HTMLLIElement>(null);
  // A released thumbnail gets a new canvas element: a canvas keeps its 2D context, and the
  // context Chromium's cache of the page's shaped text, for as long as the element lives.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const el = item.current;
    const scroller = root.current;
    if (!el) return;
    // Near: draw. Far (beyond a few screens): give the pixels back.
    const near = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting && canvas.current) queue.request(pageIndex, canvas.current, rotation);
        else queue.cancel(pageIndex);
      },
      { root: scroller, rootMargin: '300px 0px' },
    );
    const far = new IntersectionObserver(
      ([entry]) => {
        if (entry && !entry.isIntersecting && canvas.current?.dataset['drawn'] !== undefined) {
          queue.cancel(pageIndex);
          canvas.current.width = 0;
          canvas.current.height = 0;
          setGeneration((n) => n + 1);
        }
      },
      { root: scroller, rootMargin: '1500px 0px' },
    );
    near.observe(el);
    far.observe(el);
    return () => {
      near.disconnect();
      far.disconnect();
      queue.cancel(pageIndex);
    };
  }, [pageIndex, queue, rotation, root, generation]);

  return (
    <li ref={item} className={current ? 'ns-thumb ns-thumb-current' : 'ns-thumb'}>
      <button
        type="button"
        className="ns-thumb-button"
        aria-label={t('sidebar.thumbnail', { label })}
        aria-current={current ? 'page' : undefined}
        onClick={() => onSelect(pageIndex)}
      >
        <canvas key={generation} ref={canvas} className="ns-thumb-canvas" style={{ width: THUMB_WIDTH, height: Math.round(THUMB_WIDTH * aspect) }} />
        <span className="ns-thumb-label">{label}</span>
      </button>
    </li>
  );
});

/** Draws requested thumbnails one after another; a request for a page that scrolled away is dropped. */
class ThumbnailQueue {
  private readonly pdf: PDFDocumentProxy;
  private readonly pending = new Map<number, { canvas: HTMLCanvasElement; rotation: number }>();
  private running: { pageIndex: number; task: RenderTask } | null = null;
  private disposed = false;

  constructor(pdf: PDFDocumentProxy) {
    this.pdf = pdf;
  }

  request(pageIndex: number, canvas: HTMLCanvasElement, rotation: number): void {
    if (canvas.dataset['drawn'] === String(rotation)) return;
    this.pending.set(pageIndex, { canvas, rotation });
    void this.pump();
  }

  cancel(pageIndex: number): void {
    this.pending.delete(pageIndex);
    if (this.running?.pageIndex === pageIndex) this.running.task.cancel();
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
    this.running?.task.cancel();
  }

  private async pump(): Promise<void> {
    if (this.running || this.disposed) return;
    const next = this.pending.entries().next();
    if (next.done) return;
    const [pageIndex, { canvas, rotation }] = next.value;
    this.pending.delete(pageIndex);
    try {
      const page = await this.pdf.getPage(pageIndex + 1);
      const base = page.getViewport({ scale: 1, rotation: (page.rotate + rotation) % 360 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (THUMB_WIDTH * ratio) / base.width, rotation: (page.rotate + rotation) % 360 });
      canvas.dataset['drawn'] = ''; // begun: released when far even if it never finishes
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      canvas.style.height = `${Math.round(viewport.height / ratio)}px`;
      const task = page.render({ canvas, viewport, annotationMode: 1 });
      this.running = { pageIndex, task };
      await task.promise;
      canvas.dataset['drawn'] = String(rotation);
    } catch {
      // Cancelled (scrolled away) or a damaged page: the placeholder stays.
    } finally {
      this.running = null;
      if (!this.disposed) void this.pump();
    }
  }
}
