import { z } from 'zod';
import { releaseClassified } from './classified.ts';
import { id, uploadRef, type ExportedFile, filePath } from './common.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * A member's notes on a PDF: markup from a text selection, freehand ink, sticky notes, text boxes and
 * shapes. Geometry is kept in PDF user space of the page as the file defines it (origin bottom-left,
 * points, before the page's /Rotate and before any zoom or rotation the reader applies), so a note
 * stays on the same words at any zoom, rotation or screen, and maps 1:1 to PDF annotation objects.
 */

export const annotationKinds = [
  'highlight',
  'underline',
  'strikeout',
  'ink',
  'note',
  'freetext',
  'rectangle',
  'ellipse',
  'arrow',
] as const;
export const annotationKind = z.enum(annotationKinds);
export type AnnotationKind = z.infer<typeof annotationKind>;

/** Kinds made from a text selection; they carry the text they mark. */
export const markupKinds = ['highlight', 'underline', 'strikeout'] as const satisfies readonly AnnotationKind[];
export type MarkupKind = (typeof markupKinds)[number];

export const annotationKindLabels: Record<AnnotationKind, { vi: string; en: string }> = {
  highlight: { vi: 'Tô sáng', en: 'Highlight' },
  underline: { vi: 'Gạch chân', en: 'Underline' },
  strikeout: { vi: 'Gạch ngang', en: 'Strikeout' },
  ink: { vi: 'Nét vẽ tay', en: 'Ink' },
  note: { vi: 'Ghi chú', en: 'Sticky note' },
  freetext: { vi: 'Hộp chữ', en: 'Text box' },
  rectangle: { vi: 'Hình chữ nhật', en: 'Rectangle' },
  ellipse: { vi: 'Hình elip', en: 'Ellipse' },
  arrow: { vi: 'Mũi tên', en: 'Arrow' },
};

/** A coordinate in PDF points; generous bounds still refuse NaN, Infinity and absurd values. */
const coord = z.number().finite().min(-100_000).max(100_000);
export const point = z.tuple([coord, coord]);
export type Point = z.infer<typeof point>;

/** [x1, y1, x2, y2] with x1 < x2 and y1 < y2 (lower-left, upper-right). */
export const rect = z
  .tuple([coord, coord, coord, coord])
  .refine(([x1, y1, x2, y2]) => x1 < x2 && y1 < y2, 'Khung không hợp lệ / the rectangle is empty or inverted');
export type Rect = z.infer<typeof rect>;

/**
 * One quadrilateral around a run of text, in the order PDF readers write QuadPoints:
 * upper-left, upper-right, lower-left, lower-right (x, y each).
 */
export const quad = z.tuple([coord, coord, coord, coord, coord, coord, coord, coord]);
export type Quad = z.infer<typeof quad>;

/** A sampled pen position: x, y and pressure 0..1 (0.5 when the device gives none). */
export const inkPoint = z.tuple([coord, coord, z.number().finite().min(0).max(1)]);
export type InkPoint = z.infer<typeof inkPoint>;

export const MAX_INK_POINTS = 20_000;

export const markupGeometry = z.object({ quads: z.array(quad).min(1).max(2000) }).strict();
export const inkGeometry = z
  .object({ strokes: z.array(z.array(inkPoint).min(1).max(MAX_INK_POINTS)).min(1).max(500) })
  .strict();
/** A sticky note's anchor: the upper-left corner of its icon. */
export const noteGeometry = z.object({ at: point }).strict();
export const boxGeometry = z.object({ rect }).strict();
export const arrowGeometry = z.object({ from: point, to: point }).strict();

export type MarkupGeometry = z.infer<typeof markupGeometry>;
export type InkGeometry = z.infer<typeof inkGeometry>;
export type NoteGeometry = z.infer<typeof noteGeometry>;
export type BoxGeometry = z.infer<typeof boxGeometry>;
export type ArrowGeometry = z.infer<typeof arrowGeometry>;

/** The geometry each kind takes. */
export const geometryByKind = {
  highlight: markupGeometry,
  underline: markupGeometry,
  strikeout: markupGeometry,
  ink: inkGeometry,
  note: noteGeometry,
  freetext: boxGeometry,
  rectangle: boxGeometry,
  ellipse: boxGeometry,
  arrow: arrowGeometry,
} as const satisfies Record<AnnotationKind, z.ZodType>;

export type GeometryOf<K extends AnnotationKind> = z.infer<(typeof geometryByKind)[K]>;
export type AnnotationGeometry = GeometryOf<AnnotationKind>;

/** "#RRGGBB". */
export const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Màu phải dạng #RRGGBB / colour must be #RRGGBB')
  .transform((c) => c.toUpperCase());

const thickness = z.number().finite().min(0.25).max(48);
const opacity = z.number().finite().min(0.05).max(1);
const fontSize = z.number().finite().min(4).max(96);
const contents = z.string().max(20_000);
const quotedText = z.string().max(20_000);

const annotationFields = {
  pageIndex: z.number().int().min(0).max(100_000),
  color,
  thickness: thickness.default(2),
  opacity: opacity.default(1),
  contents: contents.nullish().transform((v) => (v ? v : null)),
  quotedText: quotedText.nullish().transform((v) => (v ? v : null)),
  fontSize: fontSize.nullish().transform((v) => v ?? null),
  shared: z.boolean().default(false),
};

function geometryFitsKind(v: { kind: AnnotationKind; geometry: unknown }, ctx: z.RefinementCtx) {
  const parsed = geometryByKind[v.kind].safeParse(v.geometry);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: ['geometry', ...issue.path.map(String)], message: issue.message });
    }
  }
}

/** Geometry is checked against its kind in the refinement, so the union stays readable in errors. */
const anyGeometry = z.record(z.string(), z.unknown());

export const newAnnotation = z
  .object({
    /** Made by the client so that saving twice (a retry, or redo after undo) never makes two notes. */
    id,
    documentId: id,
    kind: annotationKind,
    geometry: anyGeometry,
    ...annotationFields,
  })
  .strict()
  .superRefine(geometryFitsKind);
export type NewAnnotation = z.input<typeof newAnnotation>;

export const exportFormat = z.enum(['pdf', 'pdf-flattened', 'xfdf']);
export type AnnotationExportFormat = z.infer<typeof exportFormat>;

/** Reader zoom: a fit mode or a percentage. */
export const readerZoom = z.union([z.enum(['page-width', 'page-fit']), z.number().int().min(10).max(800)]);
export type ReaderZoom = z.infer<typeof readerZoom>;

export const readerRotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type ReaderRotation = z.infer<typeof readerRotation>;

export const annotationsMethods = {
  /** Every live annotation of a document this user can see: their own and the shared ones imported from members. */
  'annotations.list': { access: 'ui', input: z.object({ documentId: id }).strict() },
  /** Save one annotation (called as each stroke or shape ends). Saving the same id again returns the stored one. */
  'annotations.create': { access: 'ui', input: newAnnotation },
  /**
   * Change an own annotation: move/resize (geometry), style, text, sharing, or place a carried note
   * that could not be placed. Absent fields stay. `revision` must match (CONFLICT otherwise).
   */
  'annotations.update': {
    access: 'ui',
    input: z
      .object({
        id,
        revision: z.number().int().min(1),
        geometry: anyGeometry.optional(),
        pageIndex: annotationFields.pageIndex.optional(),
        color: color.optional(),
        thickness: thickness.optional(),
        opacity: opacity.optional(),
        contents: contents.nullable().optional().transform((v) => (v === undefined ? undefined : v ? v : null)),
        fontSize: fontSize.nullable().optional(),
        shared: z.boolean().optional(),
        /** Set when the user has placed (or accepted the position of) a note carried from an older version. */
        placed: z.literal(true).optional(),
      })
      .strict(),
  },
  /** Delete (undo brings them back with annotations.restore). */
  'annotations.delete': { access: 'ui', input: z.object({ ids: z.array(id).min(1).max(5000) }).strict() },
  'annotations.restore': { access: 'ui', input: z.object({ ids: z.array(id).min(1).max(5000) }).strict() },
  /** The PDF with the annotations as real PDF annotation objects, or drawn into the pages for printing. */
  'annotations.exportPdf': {
    access: 'ui',
    input: z.object({ documentId: id, flatten: z.boolean().default(false), releaseClassified: releaseClassified.optional() }).strict(),
  },
  /** This user's annotations as XFDF (ISO 19444-1). */
  'annotations.exportXfdf': { access: 'ui', input: z.object({ documentId: id, releaseClassified: releaseClassified.optional() }).strict() },
  /** Import XFDF onto a document (the open one, or the one its <f href>/<ids> name). */
  'annotations.importXfdf': { access: 'ui', input: z.object({ upload: uploadRef, documentId: id.optional() }).strict() },
  /** "My notes": each annotation with its page and the text it marks. */
  'annotations.exportNotes': {
    access: 'ui',
    input: z.object({ documentId: id, format: z.enum(['docx', 'pdf']), releaseClassified: releaseClassified.optional() }).strict(),
  },
  /**
   * This user's shared annotations on a document as one file signed with the profile's key. Every
   * export above refuses a classified document (CLASSIFIED) unless `releaseClassified` gives the reason.
   */
  'annotations.exportShared': { access: 'ui', input: z.object({ documentId: id, releaseClassified: releaseClassified.optional() }).strict() },
  /** Verify and describe a shared-annotations file without importing (signer, trust, document, count). */
  'annotations.inspectShared': { access: 'ui', input: z.object({ upload: uploadRef }).strict() },
  /** Import a member's shared annotations (their signing key must be trusted); replaces that member's earlier import. */
  'annotations.importShared': { access: 'ui', input: z.object({ upload: uploadRef }).strict() },
  /** CLI: `annotations export DOCUMENT_ID --format pdf|xfdf FILE`. */
  'annotations.exportFile': {
    access: 'local',
    input: z
      .object({ documentId: id, format: exportFormat, file: filePath, overwrite: z.boolean().optional(), releaseClassified: releaseClassified.optional() })
      .strict(),
  },
  /**
   * CLI: `annotations import FILE` (XFDF or a signed shared-annotations file); `trustSigner` first
   * trusts a notes file's key for the notes of the directory person `personId`.
   */
  'annotations.importFile': {
    access: 'local',
    input: z
      .object({ file: filePath, documentId: id.optional(), trustSigner: z.boolean().optional(), personId: id.optional() })
      .strict(),
  },
  /** Where the reader was in a document (page, position, zoom, rotation), to reopen there. */
  'reader.getPosition': { access: 'ui', input: z.object({ documentId: id }).strict() },
  'reader.savePosition': {
    access: 'ui',
    input: z
      .object({
        documentId: id,
        pageIndex: z.number().int().min(0).max(100_000),
        /** How far down the page the top of the view is, 0..1. */
        offset: z.number().finite().min(0).max(1),
        zoom: readerZoom,
        rotation: readerRotation,
      })
      .strict(),
  },
} as const satisfies MethodSpecs;

export type AnnotationsInput<M extends keyof typeof annotationsMethods> = z.output<
  (typeof annotationsMethods)[M]['input']
>;

/** Where a note came from. */
export type AnnotationOrigin =
  /** Made on this laptop. */
  | 'local'
  /** Imported from an XFDF file. */
  | 'xfdf'
  /** A member's shared note imported from their signed file (read-only here). */
  | 'shared-import'
  /** Copied from the older version of the document when it was replaced. */
  | 'carried';

export interface Annotation {
  id: string;
  documentId: string;
  pageIndex: number;
  kind: AnnotationKind;
  geometry: AnnotationGeometry;
  color: string;
  thickness: number;
  opacity: number;
  contents: string | null;
  quotedText: string | null;
  fontSize: number | null;
  shared: boolean;
  authorId: string | null;
  authorName: string;
  origin: AnnotationOrigin;
  /** Whether this user may edit it (false for members' notes imported by the secretariat). */
  editable: boolean;
  /**
   * 'unplaced': carried from an older version but its text (or page) is not in this version; it is
   * shown in a list for the user to place or delete, never dropped.
   */
  placement: 'placed' | 'unplaced';
  /** For carried notes: the annotation on the older version it was copied from. */
  carriedFrom: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface AnnotationAuthor {
  authorId: string | null;
  authorName: string;
  count: number;
  /** The local profile. */
  self: boolean;
}

export interface AnnotationList {
  documentId: string;
  annotations: Annotation[];
  authors: AnnotationAuthor[];
}

export interface SharedAnnotationsInspection {
  /** `trusted`: the key is trusted for the notes of `person`, the one the file names as author. */
  signer: { label: string; publicKey: string; fingerprint: string; trusted: boolean };
  /** The directory person this key is bound to, if any (the notes are attributed to them). */
  person: { id: string; fullName: string } | null;
  document: { id: string; fileName: string; sha256: string; known: boolean };
  authorName: string;
  count: number;
  createdAt: string;
}

export interface AnnotationImportResult {
  documentId: string;
  /** New annotations stored. */
  imported: number;
  /** Existing ones (same id) brought up to date. */
  updated: number;
  /** The author they are attributed to. */
  authorName: string;
  /** XFDF only: annotation elements of kinds the app does not make (stamps, carets, …), not imported. */
  skipped?: { element: string; count: number }[];
}

export interface AnnotationFileExportResult {
  documentId: string;
  format: AnnotationExportFormat;
  annotations: number;
  file: string;
  bytes: number;
}

export interface ReaderPosition {
  documentId: string;
  pageIndex: number;
  offset: number;
  zoom: ReaderZoom;
  rotation: ReaderRotation;
  updatedAt: string;
}

export interface AnnotationsOutputs {
  'annotations.list': AnnotationList;
  'annotations.create': Annotation;
  'annotations.update': Annotation;
  'annotations.delete': { ids: string[] };
  'annotations.restore': Annotation[];
  'annotations.exportPdf': ExportedFile;
  'annotations.exportXfdf': ExportedFile;
  'annotations.importXfdf': AnnotationImportResult;
  'annotations.exportNotes': ExportedFile;
  'annotations.exportShared': ExportedFile;
  'annotations.inspectShared': SharedAnnotationsInspection;
  'annotations.importShared': AnnotationImportResult;
  'annotations.exportFile': AnnotationFileExportResult;
  'annotations.importFile': AnnotationImportResult;
  'reader.getPosition': ReaderPosition | null;
  'reader.savePosition': ReaderPosition;
}
