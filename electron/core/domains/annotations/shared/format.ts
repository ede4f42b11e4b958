import { z } from 'zod';
import { newAnnotation } from '../../../../../shared/contract/index.ts';

/**
 * A member's shared notes on one document, as one file (`.nsghichu`), a zip holding
 *   manifest.json     the document (id and SHA-256), the author and their public key, and the
 *                     size and SHA-256 of annotations.json
 *   manifest.sig      Ed25519 signature (base64) by the author's profile key over manifest.json
 *   annotations.json  the notes, each validated like a note saved in the app
 * The signature covers the manifest and the manifest covers the notes, as in meeting packs. The
 * document is named by id (documents keep their ids across laptops through packs) and by content.
 */
export const SHARED_FORMAT = 'nghisu.shared-annotations';
export const SHARED_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const ANNOTATIONS = 'annotations.json';
export const SHARED_EXTENSION = '.nsghichu';
export const SHARED_MIME = 'application/vnd.nghisu.shared-annotations+zip';

/**
 * Refused before anything is read whole: a notes file is small, anything big is not one. The
 * annotations are parsed whole (JSON, then each note), which costs several times their size in
 * memory, so their size is what bounds a reader; a notes file compresses far less than `ratio`.
 */
export const SHARED_LIMITS = {
  fileBytes: 32 * 1024 * 1024,
  entries: 3,
  manifestBytes: 64 * 1024,
  signatureBytes: 1024,
  annotationsBytes: 32 * 1024 * 1024,
  annotations: 50_000,
  /** Ink points in the whole file (each stroke has its own cap, as in the app). */
  inkPoints: 1_000_000,
  ratio: 100,
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.iso.datetime({ offset: false });
const label = z.string().max(1000);

export const sharedManifestSchema = z
  .object({
    format: z.literal(SHARED_FORMAT),
    version: z.literal(SHARED_VERSION),
    createdAt: instant,
    document: z.object({ id: z.uuid(), sha256, fileName: z.string().min(1).max(1000) }).strict(),
    author: z
      .object({
        profileId: z.uuid(),
        fullName: z.string().min(1).max(1000),
        position: label,
        unitName: label,
        publicKey: z.string().max(100),
        fingerprint: z.string().max(100),
      })
      .strict(),
    count: z.number().int().min(1).max(SHARED_LIMITS.annotations),
    annotations: z.object({ path: z.literal(ANNOTATIONS), size: z.number().int().min(1), sha256 }).strict(),
  })
  .strict();
export type SharedManifest = z.infer<typeof sharedManifestSchema>;

/** A note in the file: exactly what the app accepts when a note is saved, plus its times. */
export const sharedAnnotationSchema = newAnnotation.safeExtend({ createdAt: instant, updatedAt: instant });
export type SharedAnnotation = z.output<typeof sharedAnnotationSchema>;

function inkPointsOf(note: SharedAnnotation): number {
  const strokes = (note.geometry as { strokes?: unknown }).strokes;
  return note.kind === 'ink' && Array.isArray(strokes) ? strokes.reduce((n: number, s: unknown) => n + (Array.isArray(s) ? s.length : 0), 0) : 0;
}

export const sharedAnnotationsSchema = z
  .array(sharedAnnotationSchema)
  .min(1)
  .max(SHARED_LIMITS.annotations)
  .refine(
    (notes) => notes.reduce((n, note) => n + inkPointsOf(note), 0) <= SHARED_LIMITS.inkPoints,
    `Quá ${SHARED_LIMITS.inkPoints.toLocaleString('vi-VN')} điểm nét vẽ tay / more than ${SHARED_LIMITS.inkPoints.toLocaleString('en-US')} ink points`,
  );
