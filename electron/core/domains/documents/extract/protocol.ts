/** Messages between the extraction pool and its worker threads. */

export interface ExtractJob {
  jobId: number;
  file: string;
  /** The document files' key, when `file` may be an encrypted stored file. */
  key?: Uint8Array;
  /**
   * When set, the job returns the positioned text items of these pages (0-based; 'all' for every
   * page) instead of the plain text of all pages: carrying annotations to a new version needs to
   * know where each run of text sits.
   */
  layoutPages?: number[] | 'all';
}

/** One pdf.js text item with where it sits (PDF user space of its page). */
export interface LayoutItem {
  str: string;
  /** pdf.js's text matrix [a, b, c, d, e, f]: e, f is the baseline origin. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface PageLayout {
  pageIndex: number;
  /** The page's view box [x1, y1, x2, y2] (its CropBox) in PDF user space. */
  view: number[];
  items: LayoutItem[];
}

/** Why a file yielded no text: the pool turns these into user-facing errors naming the file. */
export type ExtractFailureKind = 'encrypted' | 'invalid' | 'empty' | 'io' | 'crashed' | 'stalled' | 'cancelled';

export type WorkerMessage =
  | { type: 'page'; jobId: number; pageNo: number }
  | { type: 'done'; jobId: number; pageCount: number; pages: string[]; failedPages: number }
  | { type: 'layout'; jobId: number; pageCount: number; pages: PageLayout[] }
  | { type: 'failed'; jobId: number; kind: ExtractFailureKind; detail: string };
