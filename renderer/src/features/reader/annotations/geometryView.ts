import type { PageViewport } from 'pdfjs-dist';
import type { Annotation, Point, Rect } from '../../../../../shared/contract/annotations.ts';
import { annotationBounds } from '../../../../../shared/annotations/geometry.ts';
import type { PageSurface } from '../readerApi.ts';

/** A box in the page layer's CSS pixels. */
export interface CssBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The CSS box covering a PDF-space rectangle at this zoom and rotation. */
export function rectToCss(viewport: PageViewport, [x1, y1, x2, y2]: Rect): CssBox {
  const a = viewport.convertToViewportPoint(x1, y1);
  const b = viewport.convertToViewportPoint(x2, y2);
  const left = Math.min(a[0]!, b[0]!);
  const top = Math.min(a[1]!, b[1]!);
  return { left, top, width: Math.abs(b[0]! - a[0]!), height: Math.abs(b[1]! - a[1]!) };
}

export function toCss(viewport: PageViewport, p: readonly number[]): [number, number] {
  const v = viewport.convertToViewportPoint(p[0]!, p[1]!);
  return [v[0]!, v[1]!];
}

export function toPdf(viewport: PageViewport, x: number, y: number): Point {
  const p = viewport.convertToPdfPoint(x, y);
  return [p[0]!, p[1]!];
}

export function boundsCss(viewport: PageViewport, a: Pick<Annotation, 'kind' | 'geometry' | 'thickness'>): CssBox {
  return rectToCss(viewport, annotationBounds(a.kind, a.geometry, a.thickness));
}

/** The surface under a screen point, with the point in its layer's CSS pixels. */
export function surfaceAt(surfaces: readonly PageSurface[], clientX: number, clientY: number): { surface: PageSurface; x: number; y: number } | null {
  for (const surface of surfaces) {
    const r = surface.layer.getBoundingClientRect();
    if (clientX >= r.left && clientX <= r.right && clientY >= r.top && clientY <= r.bottom) {
      return { surface, x: clientX - r.left, y: clientY - r.top };
    }
  }
  return null;
}

/** A screen point relative to a given surface (which may no longer be under the pointer, mid-drag). */
export function pointOn(surface: PageSurface, clientX: number, clientY: number): { x: number; y: number } {
  const r = surface.layer.getBoundingClientRect();
  return { x: clientX - r.left, y: clientY - r.top };
}
