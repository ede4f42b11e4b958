import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import type { Classification, ReaderRotation } from '../../../../shared/contract/index.ts';

/**
 * What the PDF reader hands to the annotations workspace: the open document and, for every page
 * laid out near the view, an element to draw in and the page's current viewport. Annotations are
 * stored in PDF page space; `viewport` maps between that space and the layer's CSS pixels, so
 * drawing follows zoom, rotation and HiDPI without the annotation code knowing about them.
 */
export interface PageSurface {
  /** 0-based. */
  pageIndex: number;
  /**
   * An absolutely positioned element exactly covering the page box, above the text layer, with
   * `pointer-events: none` (children opt in, so text selection keeps working underneath).
   * Its top-left corner is viewport point (0, 0).
   */
  layer: HTMLElement;
  /** The page at the current zoom and rotation, in CSS pixels (convertToViewportPoint / convertToPdfPoint). */
  viewport: PageViewport;
}

export interface ReaderApi {
  documentId: string;
  /** Exports of a classified document ask for an explicit, audited release first. */
  classification: Classification;
  pdf: PDFDocumentProxy;
  /** Pages currently laid out near the view; a new array whenever pages appear, go or change viewport. */
  surfaces: readonly PageSurface[];
  /** The current zoom factor (1 = 100 %) and view rotation. */
  scale: number;
  rotation: ReaderRotation;
  /** 0-based index of the page most in view. */
  currentPageIndex: number;
  /** Bring a point of a page (PDF page space) into view, e.g. when an annotation is picked in a list. */
  scrollToPoint(pageIndex: number, x: number, y: number): void;
  /** Page labels as the PDF defines them ("iii", "12"), or the 1-based number. */
  pageLabel(pageIndex: number): string;
  /** The scrolling viewer element (for keyboard focus and pointer capture). */
  container: HTMLElement;
  /** An element in the reader's toolbar where the annotation tools are portalled. */
  toolbarSlot: HTMLElement | null;
  /** An element in the reader's right-hand panel where the annotations list is portalled. */
  panelSlot: HTMLElement | null;
}
