import { z } from 'zod';
import { OPINION_LIMITS, opinionChoices } from '../../../../shared/contract/index.ts';
import { documentRowSchema } from '../packs/format.ts';

/**
 * The two files of written opinions, both a zip holding
 *   manifest.json   what the file is (a request or answers), the request's id, the signer and their
 *                   public key, and every other entry's path, size and SHA-256
 *   manifest.sig    Ed25519 signature (base64) by the signer's profile key over manifest.json
 * then, in a request file (the secretariat's, to members):
 *   request.json          the questions, the deadline, who is asked and the attached documents' rows
 *   documents/<sha256>    each attached document's bytes, once
 *   text/<documentId>.json  each PDF's page texts, so the member's search finds it
 * and in an answers file (a member's, back to the secretariat):
 *   answers.json          the member's choice and text per question
 * As in meeting packs, the signature covers the manifest and the manifest covers every byte; a
 * reader refuses any entry the manifest does not list, and versions it does not know. Both kinds
 * share one extension: the manifest says which one a file is, so "import" needs no second button.
 */
export const REQUEST_FORMAT = 'nghisu.opinion-request';
export const ANSWERS_FORMAT = 'nghisu.opinion-answers';
export const OPINION_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const REQUEST = 'request.json';
export const ANSWERS = 'answers.json';
export const OPINION_EXTENSION = '.nsykien';
export const OPINION_MIME = 'application/vnd.nghisu.written-opinions+zip';

/**
 * Limits checked before anything is trusted. Documents are stored uncompressed (they are the
 * bulk, and PDFs are compressed already); the JSON entries are small and read whole.
 */
export const OPINION_FILE_LIMITS = {
  entries: 3 + 2 * OPINION_LIMITS.documents,
  totalBytes: 4 * 1024 * 1024 * 1024,
  documentBytes: 2 * 1024 * 1024 * 1024,
  manifestBytes: 256 * 1024,
  signatureBytes: 1024,
  contentBytes: 4 * 1024 * 1024,
  textBytes: 64 * 1024 * 1024,
  ratio: 100,
} as const;

const uuid = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.iso.datetime({ offset: false });
const label = z.string().max(1000);

export const entryPath = z.string().regex(/^(request\.json|answers\.json|documents\/[0-9a-f]{64}|text\/[0-9a-f-]{36}\.json)$/);

const signer = z
  .object({
    profileId: uuid,
    fullName: z.string().min(1).max(1000),
    position: label,
    unitName: label,
    publicKey: z.string().max(100),
    fingerprint: z.string().max(100),
  })
  .strict();

const files = z.array(z.object({ path: entryPath, size: z.number().int().min(0), sha256 }).strict()).max(OPINION_FILE_LIMITS.entries);

const common = { version: z.literal(OPINION_VERSION), createdAt: instant, requestId: uuid, signer, files };

const requestManifest = z
  .object({ format: z.literal(REQUEST_FORMAT), ...common, committee: z.object({ id: uuid, name: z.string().min(1).max(1000) }).strict() })
  .strict()
  .refine((m) => m.files.some((f) => f.path === REQUEST) && m.files.every((f) => f.path !== ANSWERS), 'a request carries request.json');

const answersManifest = z
  .object({ format: z.literal(ANSWERS_FORMAT), ...common, sequence: z.number().int().min(1).max(1_000_000) })
  .strict()
  .refine((m) => m.files.length === 1 && m.files[0]!.path === ANSWERS, 'an answers file carries answers.json only');

export const opinionManifestSchema = z.union([requestManifest, answersManifest]);
export type OpinionManifest = z.infer<typeof opinionManifestSchema>;
export type RequestManifest = Extract<OpinionManifest, { format: typeof REQUEST_FORMAT }>;
export type AnswersManifest = Extract<OpinionManifest, { format: typeof ANSWERS_FORMAT }>;
export type OpinionSigner = z.infer<typeof signer>;

const nullableText = (max: number) => z.string().max(max).nullable();

export const requestContentSchema = z
  .object({
    id: uuid,
    committee: z.object({ id: uuid, name: z.string().min(1).max(1000) }).strict(),
    title: z.string().min(1).max(500),
    body: nullableText(10_000),
    deadline: z.iso.date(),
    createdAt: instant,
    questions: z
      .array(z.object({ id: uuid, position: z.number().int().min(0), text: z.string().min(1).max(OPINION_LIMITS.questionChars) }).strict())
      .min(1)
      .max(OPINION_LIMITS.questions),
    recipients: z
      .array(z.object({ personId: uuid, fullName: z.string().min(1).max(1000), position: nullableText(1000) }).strict())
      .min(1)
      .max(OPINION_LIMITS.recipients),
    documents: z.array(documentRowSchema).max(OPINION_LIMITS.documents),
  })
  .strict();
export type RequestContent = z.infer<typeof requestContentSchema>;

export const answersContentSchema = z
  .array(
    z
      .object({ questionId: uuid, choice: z.enum(opinionChoices), text: z.string().min(1).max(OPINION_LIMITS.answerChars).nullable() })
      .strict()
      .refine((a) => a.choice !== 'other' || a.text !== null, 'an other opinion has its text'),
  )
  .min(1)
  .max(OPINION_LIMITS.questions);
export type AnswersContent = z.infer<typeof answersContentSchema>;

export const pageTextsSchema = z.array(z.string());
