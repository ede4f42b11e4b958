import type { Annotation, GeometryOf, Point, Rect } from '../../../../../../shared/contract/annotations.ts';
import { annotationBounds, NOTE_ICON_SIZE } from '../../../../../../shared/annotations/geometry.ts';

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Point, a: readonly number[], b: readonly number[]): number {
  const ax = a[0]!;
  const ay = a[1]!;
  const dx = b[0]! - ax;
  const dy = b[1]! - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2));
  return Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy));
}

export function insideRect(p: Point, r: Rect, pad = 0): boolean {
  return p[0] >= r[0] - pad && p[0] <= r[2] + pad && p[1] >= r[1] - pad && p[1] <= r[3] + pad;
}

function nearRectBorder(p: Point, [x1, y1, x2, y2]: Rect, reach: number): boolean {
  if (!insideRect(p, [x1, y1, x2, y2], reach)) return false;
  return Math.min(Math.abs(p[0] - x1), Math.abs(p[0] - x2), Math.abs(p[1] - y1), Math.abs(p[1] - y2)) <= reach;
}

function nearEllipse(p: Point, [x1, y1, x2, y2]: Rect, reach: number): boolean {
  const rx = (x2 - x1) / 2;
  const ry = (y2 - y1) / 2;
  const nx = (p[0] - (x1 + rx)) / rx;
  const ny = (p[1] - (y1 + ry)) / ry;
  // Distance from the outline, measured along the radius through p (close enough for picking).
  return Math.abs(Math.hypot(nx, ny) - 1) * Math.min(rx, ry) <= reach;
}

/**
 * Whether a point (PDF page space) picks the annotation. Shapes and ink are picked on their lines,
 * not inside, so a frame drawn around a paragraph never stops the user selecting its text;
 * markup, notes and text boxes are picked anywhere on them. `tolerance` is in PDF points.
 */
export function hits(a: Pick<Annotation, 'kind' | 'geometry' | 'thickness'>, p: Point, tolerance: number): boolean {
  const reach = a.thickness / 2 + tolerance;
  switch (a.kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout':
      return (a.geometry as GeometryOf<'highlight'>).quads.some((q) =>
        insideRect(p, annotationBounds('highlight', { quads: [q] }), tolerance / 2),
      );
    case 'ink':
      return (a.geometry as GeometryOf<'ink'>).strokes.some((stroke) =>
        stroke.length === 1
          ? Math.hypot(p[0] - stroke[0]![0], p[1] - stroke[0]![1]) <= reach
          : stroke.some((point, i) => i > 0 && distanceToSegment(p, stroke[i - 1]!, point) <= reach),
      );
    case 'note': {
      const [x, y] = (a.geometry as GeometryOf<'note'>).at;
      return insideRect(p, [x, y - NOTE_ICON_SIZE, x + NOTE_ICON_SIZE, y], tolerance);
    }
    case 'freetext':
      return insideRect(p, (a.geometry as GeometryOf<'freetext'>).rect, tolerance);
    case 'rectangle':
      return nearRectBorder(p, (a.geometry as GeometryOf<'rectangle'>).rect, reach);
    case 'ellipse':
      return nearEllipse(p, (a.geometry as GeometryOf<'ellipse'>).rect, reach);
    case 'arrow': {
      const { from, to } = a.geometry as GeometryOf<'arrow'>;
      return distanceToSegment(p, from, to) <= reach + a.thickness;
    }
  }
}

/** The topmost annotation under the point: the last drawn, as the user sees it on top. */
export function hitTest<A extends Pick<Annotation, 'kind' | 'geometry' | 'thickness'>>(
  annotations: readonly A[],
  p: Point,
  tolerance: number,
): A | null {
  for (let i = annotations.length - 1; i >= 0; i--) {
    if (hits(annotations[i]!, p, tolerance)) return annotations[i]!;
  }
  return null;
}

/** Every annotation a straight eraser sweep from a to b touches (sampled along the way). */
export function sweepHits<A extends Pick<Annotation, 'kind' | 'geometry' | 'thickness'>>(
  annotations: readonly A[],
  a: Point,
  b: Point,
  tolerance: number,
): A[] {
  const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / Math.max(tolerance, 1)));
  const found = new Set<A>();
  for (let i = 0; i <= steps; i++) {
    const p: Point = [a[0] + ((b[0] - a[0]) * i) / steps, a[1] + ((b[1] - a[1]) * i) / steps];
    for (const annotation of annotations) if (!found.has(annotation) && hits(annotation, p, tolerance)) found.add(annotation);
  }
  return [...found];
}
