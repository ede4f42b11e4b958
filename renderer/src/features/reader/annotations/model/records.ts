import type {
  Annotation,
  AnnotationGeometry,
  AnnotationKind,
  NewAnnotation,
} from '../../../../../../shared/contract/annotations.ts';

/** The fields of an own annotation the user can change (annotations.update without id/revision). */
export interface AnnotationPatch {
  geometry?: AnnotationGeometry;
  pageIndex?: number;
  color?: string;
  thickness?: number;
  opacity?: number;
  contents?: string | null;
  fontSize?: number | null;
  shared?: boolean;
  placed?: true;
}

export interface Author {
  authorId: string | null;
  authorName: string;
}

/** What the screen shows the moment the user lets go, before the core has answered. */
export function optimisticAnnotation(draft: NewAnnotation & { kind: AnnotationKind }, author: Author, now: string): Annotation {
  return {
    id: draft.id,
    documentId: draft.documentId,
    pageIndex: draft.pageIndex,
    kind: draft.kind,
    geometry: draft.geometry as AnnotationGeometry,
    color: draft.color.toUpperCase(),
    thickness: draft.thickness ?? 2,
    opacity: draft.opacity ?? 1,
    contents: draft.contents || null,
    quotedText: draft.quotedText || null,
    fontSize: draft.fontSize ?? null,
    shared: draft.shared ?? false,
    authorId: author.authorId,
    authorName: author.authorName,
    origin: 'local',
    editable: true,
    placement: 'placed',
    carriedFrom: null,
    revision: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** The annotation as it will be once the change is saved. */
export function applyPatch(a: Annotation, patch: AnnotationPatch): Annotation {
  const { placed, ...fields } = patch;
  const next: Annotation = { ...a };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (placed) next.placement = 'placed';
  return next;
}

/** The values `patch` would overwrite, so undo can put them back. */
export function inversePatch(a: Annotation, patch: AnnotationPatch): AnnotationPatch {
  const before: AnnotationPatch = {};
  for (const key of Object.keys(patch) as (keyof AnnotationPatch)[]) {
    // Placing a carried note is not undone by "unplacing" it: the core has no such change.
    if (key === 'placed') continue;
    (before as Record<string, unknown>)[key] = (a as unknown as Record<string, unknown>)[key];
  }
  return before;
}

/** The draft to send again for an annotation the core has never seen (a retry after an error). */
export function draftOf(a: Annotation): NewAnnotation {
  return {
    id: a.id,
    documentId: a.documentId,
    kind: a.kind,
    geometry: a.geometry as unknown as Record<string, unknown>,
    pageIndex: a.pageIndex,
    color: a.color,
    thickness: a.thickness,
    opacity: a.opacity,
    contents: a.contents,
    quotedText: a.quotedText,
    fontSize: a.fontSize,
    shared: a.shared,
  };
}

/** Annotations in list order: by page, then top to bottom and left to right of where they start. */
export function byPosition(a: { pageIndex: number; top: number; left: number }, b: { pageIndex: number; top: number; left: number }): number {
  return a.pageIndex - b.pageIndex || b.top - a.top || a.left - b.left;
}
