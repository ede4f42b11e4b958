import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import type { EventBus, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ReaderPosition, ReaderRotation, ReaderZoom } from '../../../../shared/contract/index.ts';
import { assetUrl, pdfjsLib, releaseBeforeClose, settledOrLate, viewerModule } from './pdfjs.ts';
import type { PageSurface } from './readerApi.ts';
import { pageViewAt, pagesNearView, type PageViewLike } from './viewerTypes.ts';
import { scaleValueOf, zoomOf } from './zoom.ts';

/** Enough for an A4 page at 400 % on a HiDPI screen; an A0 scan beyond it is drawn CSS-scaled plus a sharp detail canvas. */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

export const FIRST_PAGE_MARK = 'nghisu:reader:first-page';

/** Something that draws into each page near the view (the find highlights); called again whenever a page is laid out anew. */
export type PageLayoutListener = (pageIndex: number, pageDiv: HTMLDivElement, viewport: PageViewport) => void;

export interface ViewerSnapshot {
  scale: number;
  scaleValue: string;
  rotation: ReaderRotation;
  pageIndex: number;
  pageCount: number;
  surfaces: readonly PageSurface[];
  /** Set once the page layout is in place (sizes known, position restored). */
  ready: boolean;
  /** Set once the first page in view has been drawn: work that can wait (thumbnails) waits for it. */
  firstPageDrawn: boolean;
}

export interface ViewerHandle {
  viewer: PDFViewer;
  eventBus: EventBus;
  linkService: PDFLinkService;
}

interface Options {
  pdf: PDFDocumentProxy;
  container: HTMLDivElement | null;
  viewerElement: HTMLDivElement | null;
  initial: ReaderPosition | null;
  onPositionChange(position: { pageIndex: number; offset: number; zoom: ReaderZoom; rotation: ReaderRotation }): void;
}

const SURFACE_CLASS = 'ns-page-surface';

function viewportKey(v: PageViewport): string {
  return `${v.width.toFixed(2)}x${v.height.toFixed(2)}r${v.rotation}`;
}

/** How far down its page the top of the view is (0..1), so the same place is found at another zoom. */
function offsetInPage(container: HTMLElement, view: PageViewLike): number {
  const pageTop = view.div.getBoundingClientRect().top - container.getBoundingClientRect().top;
  const height = view.div.offsetHeight || 1;
  return Math.min(1, Math.max(0, -pageTop / height));
}

function scrollToOffset(container: HTMLElement, view: PageViewLike, offset: number): void {
  const pageTop = view.div.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  container.scrollTop = Math.max(0, pageTop + offset * view.div.offsetHeight);
}

/**
 * pdf.js's PDFViewer in a React screen: continuous scroll with its bounded render buffer, text and
 * annotation layers, and our own per-page layers (annotation surfaces, find highlights) re-attached
 * whenever pdf.js rebuilds a page for a new zoom or rotation.
 */
export function usePdfViewer({ pdf, container, viewerElement, initial, onPositionChange }: Options) {
  const [handle, setHandle] = useState<ViewerHandle | null>(null);
  const [snapshot, setSnapshot] = useState<ViewerSnapshot>({
    scale: 1,
    scaleValue: 'page-width',
    rotation: 0,
    pageIndex: 0,
    pageCount: pdf.numPages,
    surfaces: [],
    ready: false,
    firstPageDrawn: false,
  });
  const layoutListeners = useRef(new Set<PageLayoutListener>());
  const positionListener = useRef(onPositionChange);
  useEffect(() => {
    positionListener.current = onPositionChange;
  });
  const initialPosition = useRef(initial);

  useEffect(() => {
    const containerEl = container;
    const viewerEl = viewerElement;
    if (!containerEl || !viewerEl) return;
    let disposed = false;
    let teardown = () => {};
    void viewerModule().then(({ EventBus, PDFLinkService, PDFViewer, LinkTarget }) => {
      if (disposed) return;
      const eventBus = new EventBus();
      const linkService = new PDFLinkService({ eventBus, externalLinkTarget: LinkTarget.BLANK, externalLinkRel: 'noopener noreferrer nofollow' });
      const viewer = new PDFViewer({
        container: containerEl,
        viewer: viewerEl,
        eventBus,
        linkService,
        textLayerMode: 1,
        // Annotations already in the file (Acrobat, Foxit) are shown; forms are shown read-only.
        annotationMode: pdfjsLib.AnnotationMode.ENABLE_FORMS,
        // Our own annotations are drawn by the annotations workspace, never by pdf.js's editor.
        annotationEditorMode: pdfjsLib.AnnotationEditorType.DISABLE,
        imageResourcesPath: assetUrl('images/'),
        maxCanvasPixels: MAX_CANVAS_PIXELS,
        enablePermissions: false,
        supportsPinchToZoom: true,
        enableAutoLinking: true,
      });
      linkService.setViewer(viewer);

      const layers = new Map<number, HTMLElement>();
      let published: { key: string; surfaces: PageSurface[] } = { key: '', surfaces: [] };
      let firstPageSeen = false;

      const sync = () => {
        if (disposed || !viewer.pdfDocument) return;
        const near = pagesNearView(viewer);
        const keep = new Set<number>();
        const surfaces: PageSurface[] = [];
        for (const view of near) {
          const index = view.id - 1;
          keep.add(index);
          let layer = layers.get(index);
          if (!layer) {
            layer = document.createElement('div');
            layer.className = SURFACE_CLASS;
            layer.dataset['pageIndex'] = String(index);
            layers.set(index, layer);
          }
          // pdf.js empties a page div when it re-renders it at a new zoom or rotation: put ours back.
          if (layer.parentElement !== view.div) view.div.append(layer);
          surfaces.push({ pageIndex: index, layer, viewport: view.viewport });
          for (const listener of layoutListeners.current) listener(index, view.div, view.viewport);
        }
        for (const [index, layer] of layers) {
          if (!keep.has(index)) {
            layer.remove();
            layers.delete(index);
          }
        }
        const key = surfaces.map((s) => `${s.pageIndex}:${viewportKey(s.viewport)}`).join('|');
        if (key !== published.key || surfaces.some((s, i) => s.layer !== published.surfaces[i]?.layer)) {
          published = { key, surfaces };
          setSnapshot((prev) => ({ ...prev, surfaces }));
        }
      };

      let frame = 0;
      const syncSoon = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          sync();
        });
      };

      let saveTimer: ReturnType<typeof setTimeout> | undefined;
      const position = () => {
        const view = pageViewAt(viewer, viewer.currentPageNumber - 1);
        if (!view) return null;
        return {
          pageIndex: viewer.currentPageNumber - 1,
          offset: offsetInPage(containerEl, view),
          zoom: zoomOf(viewer.currentScaleValue, viewer.currentScale),
          rotation: viewer.pagesRotation as ReaderRotation,
        };
      };
      let restored = false;
      const flushPosition = () => {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        const p = restored ? position() : null;
        if (p) positionListener.current(p);
      };
      const savePositionSoon = () => {
        if (!restored) return;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(flushPosition, 500);
      };

      eventBus.on('pagesinit', () => {
        const start = initialPosition.current;
        if (start) viewer.pagesRotation = start.rotation;
        viewer.currentScaleValue = scaleValueOf(start?.zoom ?? 'page-width');
        if (start) {
          const index = Math.min(start.pageIndex, viewer.pagesCount - 1);
          const view = pageViewAt(viewer, index);
          if (view) scrollToOffset(containerEl, view, start.offset);
        }
        restored = true;
        setSnapshot((prev) => ({
          ...prev,
          ready: true,
          scale: viewer.currentScale,
          scaleValue: viewer.currentScaleValue,
          rotation: viewer.pagesRotation as ReaderRotation,
          pageIndex: viewer.currentPageNumber - 1,
        }));
        syncSoon();
      });
      eventBus.on('pagerendered', (evt: { pageNumber: number; cssTransform: boolean; error?: unknown }) => {
        if (!firstPageSeen && !evt.cssTransform && !evt.error) {
          firstPageSeen = true;
          performance.mark(FIRST_PAGE_MARK);
          containerEl.dataset['firstPageDrawn'] = 'true';
          setSnapshot((prev) => ({ ...prev, firstPageDrawn: true }));
        }
        syncSoon();
      });
      eventBus.on('pagechanging', (evt: { pageNumber: number }) => {
        setSnapshot((prev) => ({ ...prev, pageIndex: evt.pageNumber - 1 }));
      });
      eventBus.on('scalechanging', (evt: { scale: number; presetValue?: string }) => {
        setSnapshot((prev) => ({ ...prev, scale: evt.scale, scaleValue: evt.presetValue ?? String(evt.scale) }));
        sync();
        savePositionSoon();
      });
      eventBus.on('rotationchanging', (evt: { pagesRotation: number }) => {
        setSnapshot((prev) => ({ ...prev, rotation: evt.pagesRotation as ReaderRotation }));
        sync();
        savePositionSoon();
      });
      eventBus.on('updateviewarea', () => {
        syncSoon();
        savePositionSoon();
      });
      /*
       * pdf.js sizes each line of a text layer with measureText on one hidden canvas kept for the
       * session. Chromium caches the shaping of every string measured on a canvas and purges it
       * only as that canvas's frames go by, which a hidden canvas never has: after a 500-page
       * report it held some 35 MB more, and kept growing. pdf.js gives the canvas up
       * (TextLayer.cleanup) only while no text layer is being built, so that is tried each time
       * one is done; the next starts with a fresh canvas and the old one's cache goes with it.
       */
      eventBus.on('textlayerrendered', () => {
        syncSoon();
        pdfjsLib.TextLayer.cleanup();
      });
      eventBus.on('annotationlayerrendered', syncSoon);

      viewer.setDocument(pdf);
      linkService.setDocument(pdf, null);
      let release = () => {};
      releaseBeforeClose(pdf, new Promise<void>((resolve) => (release = resolve)));
      void pdf
        .getPageLabels()
        .then((labels) => {
          if (!disposed && labels) viewer.setPageLabels(labels);
        })
        .catch(() => {});

      // The viewer follows its container's size (sidebar opened, window resized) in fit modes.
      const resize = new ResizeObserver(() => {
        const value = viewer.currentScaleValue;
        if (value === 'page-width' || value === 'page-fit') viewer.currentScaleValue = value;
        else viewer.update();
      });
      resize.observe(containerEl);

      // The notes workspace and the controls mount with the handle: rendered as a transition, React
      // yields between components, so pdf.js's own work for the first page is not held behind them.
      startTransition(() => setHandle({ viewer, eventBus, linkService }));
      teardown = () => {
        flushPosition();
        resize.disconnect();
        cancelAnimationFrame(frame);
        for (const layer of layers.values()) layer.remove();
        setHandle(null);
        // Reset only once pdf.js has fetched the pages it asked for (see closePdf in pdfjs.ts).
        void settledOrLate(viewer.pagesPromise).then(() => {
          viewer.setDocument(null as unknown as PDFDocumentProxy);
          linkService.setDocument(null, null);
          release();
        });
      };
    });
    return () => {
      disposed = true;
      teardown();
    };
  }, [pdf, container, viewerElement]);

  const addLayoutListener = useCallback((listener: PageLayoutListener) => {
    layoutListeners.current.add(listener);
    return () => void layoutListeners.current.delete(listener);
  }, []);

  return { handle, snapshot, addLayoutListener };
}
