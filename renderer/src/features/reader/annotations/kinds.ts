import type { AnnotationKind } from '../../../../../shared/contract/annotations.ts';

/** Kinds the user can drag to another place on the page (markup belongs to its words; it is not moved). */
export function movable(kind: AnnotationKind): boolean {
  return kind !== 'highlight' && kind !== 'underline' && kind !== 'strikeout';
}

/** Kinds with resize handles at the corners of their box (arrows have handles at their ends instead). */
export function resizable(kind: AnnotationKind): boolean {
  return kind === 'ink' || kind === 'freetext' || kind === 'rectangle' || kind === 'ellipse';
}
