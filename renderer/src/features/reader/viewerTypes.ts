import type { PageViewport } from 'pdfjs-dist';
import type { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';

/** The part of pdf.js's PDFPageView the reader uses (its typings declare page views as `any`). */
export interface PageViewLike {
  id: number;
  div: HTMLDivElement;
  viewport: PageViewport;
  canvas?: HTMLCanvasElement | null;
}

/*
 * The viewer is driven through its setters; these helpers keep those writes out of React
 * components, where a value from state must not be mutated.
 */
export function showPage(viewer: PDFViewer, pageIndex: number): void {
  viewer.currentPageNumber = pageIndex + 1;
}

export function setScaleValue(viewer: PDFViewer, value: string): void {
  viewer.currentScaleValue = value;
}

export function rotateBy(viewer: PDFViewer, delta: number): void {
  viewer.pagesRotation = (((viewer.pagesRotation + delta) % 360) + 360) % 360;
}

export function pageViewAt(viewer: PDFViewer, pageIndex: number): PageViewLike | null {
  return (viewer.getPageView(pageIndex) as PageViewLike | undefined) ?? null;
}

/** Page views on screen now, then the ones pdf.js keeps rendered around them (its bounded buffer). */
export function pagesNearView(viewer: PDFViewer): PageViewLike[] {
  const visible = (viewer._getVisiblePages() as { views: { view: PageViewLike }[] }).views.map((v) => v.view);
  const near = new Map<number, PageViewLike>();
  for (const view of visible) near.set(view.id, view);
  for (const view of viewer.getCachedPageViews() as Set<PageViewLike>) near.set(view.id, view);
  return [...near.values()].sort((a, b) => a.id - b.id);
}
