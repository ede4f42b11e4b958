import type { AnnotationKind } from '../../../../../shared/contract/index.ts';

/**
 * XFDF (ISO 19444-1) as this app writes and reads it. What XFDF has no place for goes in elements
 * of our own namespace, which other readers ignore: the words a markup marks (<ns:quoted>), so a
 * round trip through a file keeps them apart from the comment in <contents>.
 */
export const XFDF_NAMESPACE = 'http://ns.adobe.com/xfdf/';
export const NGHISU_NAMESPACE = 'urn:nghisu:xfdf:1';
export const NGHISU_PREFIX = 'ns';

/** Our kinds as XFDF elements, and back. */
export const XFDF_ELEMENTS = {
  highlight: 'highlight',
  underline: 'underline',
  strikeout: 'strikeout',
  ink: 'ink',
  note: 'text',
  freetext: 'freetext',
  rectangle: 'square',
  ellipse: 'circle',
  arrow: 'line',
} as const satisfies Record<AnnotationKind, string>;

export const KIND_OF_ELEMENT = Object.fromEntries(Object.entries(XFDF_ELEMENTS).map(([k, v]) => [v, k])) as Record<string, AnnotationKind>;

/** Annotation elements of XFDF we do not make (stamps, carets, polygons, sounds, …): counted, not imported. */
export const OTHER_XFDF_ANNOTATIONS = [
  'squiggly',
  'polygon',
  'polyline',
  'stamp',
  'caret',
  'fileattachment',
  'sound',
  'link',
  'popup',
  'redact',
  'projection',
  'widget',
] as const;

/** Thickness when a file gives no width (PDF's default border width is 1). */
export const DEFAULT_WIDTH = 1;
/** Ink pressure is not part of XFDF; a stroke read back gets the reader's "no pressure" value. */
export const DEFAULT_PRESSURE = 0.5;
