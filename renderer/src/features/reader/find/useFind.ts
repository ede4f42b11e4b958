import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import type { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageLayoutListener } from '../usePdfViewer.ts';
import { DocumentText, type FindHit } from './documentText.ts';
import { foldQuery } from './fold.ts';
import { quadToViewportRect } from './hitGeometry.ts';

export interface FindState {
  query: string;
  hits: readonly FindHit[];
  /** Index into hits of the emphasised one, or -1. */
  current: number;
  /** Pages searched so far (all of them when done). */
  searched: number;
  done: boolean;
}

const LAYER_CLASS = 'ns-find-layer';

function drawHits(pageDiv: HTMLDivElement, viewport: PageViewport, hits: readonly FindHit[], current: FindHit | null, key: string): void {
  let layer = pageDiv.querySelector<HTMLDivElement>(`:scope > .${LAYER_CLASS}`);
  if (!layer) {
    if (hits.length === 0) return;
    layer = document.createElement('div');
    layer.className = LAYER_CLASS;
    layer.setAttribute('aria-hidden', 'true');
    // Right above the page drawing and below the text layer, so selection and the annotation layers stay on top.
    const canvas = pageDiv.querySelector(':scope > .canvasWrapper');
    if (canvas) canvas.after(layer);
    else pageDiv.prepend(layer);
  }
  if (layer.dataset['key'] === key) return;
  layer.dataset['key'] = key;
  layer.replaceChildren(
    ...hits.flatMap((hit) =>
      hit.quads.map((quad) => {
        const r = quadToViewportRect(quad, viewport);
        const box = document.createElement('div');
        box.className = hit === current ? 'ns-find-hit ns-find-hit-current' : 'ns-find-hit';
        box.style.left = `${r.left}px`;
        box.style.top = `${r.top}px`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
        return box;
      }),
    ),
  );
}

/**
 * Find in document over the pages' text (not pdf.js's find controller, which does not fold đ):
 * searches page by page so the counter grows as it goes, draws every hit on the pages near the
 * view and brings the current one into view.
 */
export function useFind(pdf: PDFDocumentProxy, viewer: PDFViewer | null, addLayoutListener: (l: PageLayoutListener) => () => void) {
  const text = useMemo(() => new DocumentText(pdf), [pdf]);
  const [state, setState] = useState<FindState>({ query: '', hits: [], current: -1, searched: 0, done: true });
  const run = useRef(0);

  const search = useCallback(
    async (query: string) => {
      const token = ++run.current;
      const folded = foldQuery(query);
      if (!folded) {
        setState({ query, hits: [], current: -1, searched: 0, done: true });
        return;
      }
      setState({ query, hits: [], current: -1, searched: 0, done: false });
      const hits: FindHit[] = [];
      const from = viewer ? viewer.currentPageNumber - 1 : 0;
      let lastPublish = performance.now();
      for (let i = 0; i < pdf.numPages; i++) {
        const found = await text.hitsOn(i, folded);
        if (token !== run.current) return;
        hits.push(...found);
        const done = i === pdf.numPages - 1;
        if (done || performance.now() - lastPublish > 120) {
          lastPublish = performance.now();
          // The first hit at or after the page being read becomes current, as readers expect.
          const firstAhead = hits.findIndex((h) => h.pageIndex >= from);
          setState((prev) => ({
            query,
            hits: [...hits],
            current: prev.current >= 0 ? prev.current : done ? (firstAhead >= 0 ? firstAhead : hits.length ? 0 : -1) : firstAhead,
            searched: i + 1,
            done,
          }));
        }
      }
    },
    [pdf, text, viewer],
  );

  const move = useCallback((direction: 1 | -1) => {
    setState((prev) => {
      if (prev.hits.length === 0) return prev;
      const next = prev.current < 0 ? 0 : (prev.current + direction + prev.hits.length) % prev.hits.length;
      return { ...prev, current: next };
    });
  }, []);

  const clear = useCallback(() => {
    run.current++;
    setState({ query: '', hits: [], current: -1, searched: 0, done: true });
  }, []);

  // Draw on every page near the view, now and whenever pdf.js lays a page out again.
  useEffect(() => {
    const currentHit = state.hits[state.current] ?? null;
    const version = `${state.query}#${state.hits.length}#${state.current}`;
    const listener: PageLayoutListener = (pageIndex, pageDiv, viewport) => {
      const onPage = state.hits.filter((h) => h.pageIndex === pageIndex);
      drawHits(pageDiv, viewport, onPage, currentHit, `${version}@${viewport.width}x${viewport.height}r${viewport.rotation}`);
    };
    const remove = addLayoutListener(listener);
    if (viewer) {
      for (let i = 0; i < viewer.pagesCount; i++) {
        const view = viewer.getPageView(i) as { div: HTMLDivElement; viewport: PageViewport } | undefined;
        if (!view) continue;
        const onPage = state.hits.filter((h) => h.pageIndex === i);
        const existing = view.div.querySelector(`:scope > .${LAYER_CLASS}`);
        if (onPage.length > 0 || existing) listener(i, view.div, view.viewport);
      }
    }
    return remove;
  }, [state, viewer, addLayoutListener]);

  // Bring the current hit into view when it changes.
  const shown = useRef<FindHit | null>(null);
  useEffect(() => {
    const hit = state.hits[state.current];
    if (!viewer || !hit || shown.current === hit) return;
    shown.current = hit;
    const quad = hit.quads[0];
    if (!quad) return;
    const top = Math.max(quad[1], quad[3], quad[5], quad[7]);
    viewer.scrollPageIntoView({
      pageNumber: hit.pageIndex + 1,
      destArray: [null, { name: 'XYZ' }, Math.max(0, Math.min(quad[0], quad[6]) - 36), top + 96, null],
      allowNegativeOffset: true,
      ignoreDestinationZoom: true,
    });
  }, [state, viewer]);

  return { state, search, move, clear };
}
