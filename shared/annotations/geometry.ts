import type { AnnotationGeometry, AnnotationKind, GeometryOf, Point, Quad, Rect } from '../contract/annotations.ts';

/**
 * Pure geometry of annotations in PDF page space, shared by the reader (hit-testing, moving,
 * resizing) and the core (PDF /Rect, export, carrying notes to a new version).
 */

/** Size of a sticky note's icon in PDF points (what Acrobat and Foxit draw). */
export const NOTE_ICON_SIZE = 20;

/** The smallest rectangle holding every point, widened by `pad` on each side. */
export function boundsOfPoints(points: readonly (readonly number[])[], pad = 0): Rect {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < x1) x1 = x;
    if (y < y1) y1 = y;
    if (x > x2) x2 = x;
    if (y > y2) y2 = y;
  }
  if (!Number.isFinite(x1)) return [0, 0, 1, 1];
  // A rect must not be empty: a dot or a horizontal line still needs an area to hit and to draw.
  if (x2 - x1 < 1) x2 = x1 + 1;
  if (y2 - y1 < 1) y2 = y1 + 1;
  return [x1 - pad, y1 - pad, x2 + pad, y2 + pad];
}

export function quadPoints(q: Quad): Point[] {
  return [
    [q[0], q[1]],
    [q[2], q[3]],
    [q[4], q[5]],
    [q[6], q[7]],
  ];
}

/** The annotation's bounding box in page space, including half its stroke width. */
export function annotationBounds(kind: AnnotationKind, geometry: AnnotationGeometry, thickness = 0): Rect {
  const half = thickness / 2;
  switch (kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout':
      return boundsOfPoints((geometry as GeometryOf<'highlight'>).quads.flatMap(quadPoints), half);
    case 'ink':
      return boundsOfPoints((geometry as GeometryOf<'ink'>).strokes.flat(), half);
    case 'note': {
      const [x, y] = (geometry as GeometryOf<'note'>).at;
      return [x, y - NOTE_ICON_SIZE, x + NOTE_ICON_SIZE, y];
    }
    case 'freetext':
    case 'rectangle':
    case 'ellipse': {
      const [x1, y1, x2, y2] = (geometry as GeometryOf<'rectangle'>).rect;
      return [x1 - half, y1 - half, x2 + half, y2 + half];
    }
    case 'arrow': {
      const { from, to } = geometry as GeometryOf<'arrow'>;
      // The arrow head reaches a few stroke widths beyond the line.
      return boundsOfPoints([from, to], half + Math.max(4, thickness * 3));
    }
  }
}

/** Applies `f` to every point of the geometry, keeping everything else. */
export function mapGeometry<G extends AnnotationGeometry>(
  kind: AnnotationKind,
  geometry: G,
  f: (x: number, y: number) => Point,
): G {
  switch (kind) {
    case 'highlight':
    case 'underline':
    case 'strikeout': {
      const g = geometry as GeometryOf<'highlight'>;
      return {
        quads: g.quads.map((q) => {
          const out: number[] = [];
          for (const [x, y] of quadPoints(q)) out.push(...f(x, y));
          return out as Quad;
        }),
      } as G;
    }
    case 'ink': {
      const g = geometry as GeometryOf<'ink'>;
      return { strokes: g.strokes.map((s) => s.map(([x, y, p]) => [...f(x, y), p])) } as G;
    }
    case 'note':
      return { at: f(...(geometry as GeometryOf<'note'>).at) } as G;
    case 'freetext':
    case 'rectangle':
    case 'ellipse': {
      const [x1, y1, x2, y2] = (geometry as GeometryOf<'rectangle'>).rect;
      const a = f(x1, y1);
      const b = f(x2, y2);
      return {
        rect: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])],
      } as G;
    }
    case 'arrow': {
      const g = geometry as GeometryOf<'arrow'>;
      return { from: f(...g.from), to: f(...g.to) } as G;
    }
  }
}

export function translateGeometry<G extends AnnotationGeometry>(kind: AnnotationKind, geometry: G, dx: number, dy: number): G {
  return mapGeometry(kind, geometry, (x, y) => [x + dx, y + dy]);
}

/** Stretches the geometry so that box `from` becomes box `to` (resizing by a handle). */
export function resizeGeometry<G extends AnnotationGeometry>(kind: AnnotationKind, geometry: G, from: Rect, to: Rect): G {
  const sx = (to[2] - to[0]) / Math.max(from[2] - from[0], 1e-6);
  const sy = (to[3] - to[1]) / Math.max(from[3] - from[1], 1e-6);
  return mapGeometry(kind, geometry, (x, y) => [to[0] + (x - from[0]) * sx, to[1] + (y - from[1]) * sy]);
}
