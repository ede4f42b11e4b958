import {
  markupKinds,
  type AnnotationGeometry,
  type AnnotationKind,
  type Quad,
} from '../../../../../shared/contract/index.ts';
import { annotationBounds, translateGeometry } from '../../../../../shared/annotations/geometry.ts';
import {
  compactText,
  findQuote,
  quadsCentre,
  quadsForRange,
  searchableText,
  type PositionedText,
  type SearchableText,
} from '../../../../../shared/annotations/text-quads.ts';

/** The text positions of one version of a document, as far as they could be read. */
export interface VersionText {
  pageCount: number;
  /** Pages read (a scanned page has no items); a missing page was not asked for or could not be read. */
  pages: Map<number, { view: number[]; items: PositionedText[] }>;
}

/** What placing needs to know of an annotation on the older version. */
export interface CarriedNote {
  kind: AnnotationKind;
  pageIndex: number;
  geometry: AnnotationGeometry;
  thickness: number;
  quotedText: string | null;
}

export interface Placement {
  pageIndex: number;
  geometry: AnnotationGeometry;
  placement: 'placed' | 'unplaced';
}

interface Found {
  pageIndex: number;
  quads: Quad[];
}

const isMarkup = (kind: AnnotationKind) => (markupKinds as readonly string[]).includes(kind);

/** Finds quoted text in one version: searchable pages are built once per version and page. */
export class QuoteFinder {
  readonly #version: VersionText;
  readonly #searchable = new Map<number, SearchableText>();

  constructor(version: VersionText) {
    this.#version = version;
  }

  get pageCount(): number {
    return this.#version.pageCount;
  }

  view(pageIndex: number): number[] | undefined {
    const view = this.#version.pages.get(pageIndex)?.view;
    return view && view.length === 4 ? view : undefined;
  }

  /** Occurrences on one page, nearest to `near` first. */
  onPage(pageIndex: number, quote: string, near: [number, number]): Found | null {
    const page = this.#version.pages.get(pageIndex);
    if (!page || page.items.length === 0) return null;
    let text = this.#searchable.get(pageIndex);
    if (!text) {
      text = searchableText(page.items);
      this.#searchable.set(pageIndex, text);
    }
    let best: Found | null = null;
    let bestDistance = Infinity;
    for (const { start, end } of findQuote(text, quote)) {
      const quads = quadsForRange(page.items, text, start, end);
      if (quads.length === 0) continue;
      const [x, y] = quadsCentre(quads);
      const distance = Math.hypot(x - near[0], y - near[1]);
      if (distance < bestDistance) {
        best = { pageIndex, quads };
        bestDistance = distance;
      }
    }
    return best;
  }

  /**
   * The page the quote is on: the same page index first, then pages ever further away (the later
   * one first at equal distance, since text added before a passage pushes it down).
   */
  nearest(pageIndex: number, quote: string, near: [number, number]): Found | null {
    const last = this.#version.pageCount - 1;
    if (last < 0) return null;
    const home = Math.min(Math.max(pageIndex, 0), last);
    for (let d = 0; d <= last; d++) {
      for (const p of d === 0 ? [home] : [home + d, home - d]) {
        if (p < 0 || p > last) continue;
        const found = this.onPage(p, quote, near);
        if (found) return found;
      }
    }
    return null;
  }
}

function centreOf(kind: AnnotationKind, geometry: AnnotationGeometry): [number, number] {
  const [x1, y1, x2, y2] = annotationBounds(kind, geometry);
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}

/** Whether the note still lies (at least partly) on a page of this view box. */
function onPage(kind: AnnotationKind, geometry: AnnotationGeometry, thickness: number, view: number[] | undefined): boolean {
  if (!view) return true;
  const [x1, y1, x2, y2] = annotationBounds(kind, geometry, thickness);
  const [vx1, vy1, vx2, vy2] = [Math.min(view[0]!, view[2]!), Math.min(view[1]!, view[3]!), Math.max(view[0]!, view[2]!), Math.max(view[1]!, view[3]!)];
  return x2 > vx1 && x1 < vx2 && y2 > vy1 && y1 < vy2;
}

/**
 * Where a note of the older version goes on the newer one. Markup follows the text it quotes
 * (new quads from the new text positions). Ink, notes, text boxes and shapes stay on their page at
 * the same coordinates; when they quote text, they go where that text went, shifted by as much as
 * the text moved. Whatever cannot be placed (its text is gone, its page is gone, it would lie off
 * the page) is 'unplaced' on the nearest existing page, for the user to place or delete.
 */
export function placeNote(note: CarriedNote, next: QuoteFinder, previous: QuoteFinder | null): Placement {
  const last = Math.max(0, next.pageCount - 1);
  const clamped = Math.min(note.pageIndex, last);
  const unplaced: Placement = { pageIndex: clamped, geometry: note.geometry, placement: 'unplaced' };
  const byCoordinates = (pageIndex: number, geometry: AnnotationGeometry): Placement =>
    onPage(note.kind, geometry, note.thickness, next.view(pageIndex))
      ? { pageIndex, geometry, placement: 'placed' }
      : { pageIndex, geometry, placement: 'unplaced' };

  const quote = note.quotedText && compactText(note.quotedText) !== '' ? note.quotedText : null;
  const centre = centreOf(note.kind, note.geometry);
  if (quote === null) {
    return note.pageIndex <= last ? byCoordinates(note.pageIndex, note.geometry) : unplaced;
  }
  const found = next.nearest(note.pageIndex, quote, centre);
  if (!found) return unplaced;
  if (isMarkup(note.kind)) return { pageIndex: found.pageIndex, geometry: { quads: found.quads }, placement: 'placed' };

  // A note attached to a passage moves with it, by as much as the passage moved.
  const before = previous?.onPage(note.pageIndex, quote, centre);
  if (before) {
    const [ox, oy] = quadsCentre(before.quads);
    const [nx, ny] = quadsCentre(found.quads);
    return byCoordinates(found.pageIndex, translateGeometry(note.kind, note.geometry, nx - ox, ny - oy));
  }
  return byCoordinates(found.pageIndex, note.geometry);
}
