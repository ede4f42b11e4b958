import { z } from 'zod';
import { filePath, id } from './common.ts';
import type { LocalizedText } from './errors.ts';
import type { MethodSpecs } from './method-spec.ts';

/**
 * An http(s) address without credentials in it; plain http only to this machine (a hub run for a
 * trial or a test), since the token and the province's data travel on it.
 */
const HTTPS = /^https:\/\/[^\s/?#@]+(?::\d{1,5})?(?:\/[^\s?#]*)?$/i;
const LOOPBACK = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?(?:\/[^\s?#]*)?$/i;
export const hubUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => HTTPS.test(value) || LOOPBACK.test(value), {
    message: 'Cần địa chỉ https:// (http:// chỉ cho máy này) / an https:// address (http:// only for this machine)',
  })
  .transform((v) => v.replace(/\/+$/, ''));

const clientId = z.string().trim().min(1, 'Cần mã ứng dụng / a client id is required').max(200);
const connection = {
  url: hubUrl,
  /** The gateway's token endpoint; `<url>/oauth/token` when left out. */
  tokenUrl: hubUrl.optional(),
  clientId,
};

export const syncMethods = {
  /** Where sync stands: for the shell's indicator and `nghisu sync status`. */
  'sync.status': { access: 'ui', input: z.object({}).strict() },
  /** Connect this laptop to the hub; the secret goes to the OS keychain, never the database. */
  'sync.configure': { access: 'ui', input: z.object({ ...connection, secret: z.string().min(1, 'Cần khóa bí mật / the secret is required').max(4096) }).strict() },
  /** The command line's form: the secret stays in a file only its owner can read (chmod 600). */
  'sync.configureWithSecretFile': { access: 'local', input: z.object({ ...connection, secretFile: filePath }).strict() },
  /** Ask the hub who this laptop is, with the saved settings. */
  'sync.test': { access: 'ui', input: z.object({}).strict() },
  /** One push and pull pass now. */
  'sync.run': { access: 'ui', input: z.object({}).strict() },
  /** What waits for a person: conflicts with the hub's copy, and changes the hub refused. */
  'sync.conflicts': { access: 'ui', input: z.object({}).strict() },
  'sync.resolveConflict': { access: 'ui', input: z.object({ id, keep: z.enum(['mine', 'theirs']) }).strict() },
  /** Drop a change the hub refused (it stays on this laptop, it no longer waits to be sent). */
  'sync.dismissRejected': { access: 'ui', input: z.object({ seq: z.number().int().min(1) }).strict() },
  /** Publish a published meeting's signed pack through the hub for the committee's units (sent with the next pass). */
  'sync.publishPack': { access: 'ui', input: z.object({ meetingId: id }).strict() },
  /** Secretariat: send a written-opinions request made here through the hub to the units of the members asked. */
  'sync.publishOpinionRequest': { access: 'ui', input: z.object({ requestId: id }).strict() },
  /** Member: send this laptop's signed answers to a request that came through the hub back to the unit that sent it. */
  'sync.publishOpinionAnswers': { access: 'ui', input: z.object({ requestId: id }).strict() },
  /** Packs, notices and written opinions published from here or received from the hub, newest first. */
  'sync.publications': { access: 'ui', input: z.object({}).strict() },
  /**
   * Import a received file that waited (its signer not yet trusted): `trustSigner` after checking the
   * fingerprint shown. Answers are trusted as the key of `personId`, the member who was asked.
   */
  'sync.importPublication': { access: 'ui', input: z.object({ id, trustSigner: z.boolean().optional(), personId: id.optional() }).strict() },
  /** Stop syncing: forget the connection and the credentials; the outbox is kept. */
  'sync.disconnect': { access: 'ui', input: z.object({}).strict() },
} as const satisfies MethodSpecs;

export interface SyncStatus {
  configured: boolean;
  url: string | null;
  tokenUrl: string | null;
  clientId: string | null;
  /** The unit the hub says this laptop speaks for (after the first successful contact). */
  unitCode: string | null;
  installationId: string | null;
  /** Changes waiting to be sent. */
  pending: number;
  conflicts: number;
  rejected: number;
  lastSuccessAt: string | null;
  lastError: (LocalizedText & { at: string }) | null;
  /** The feed cursor (opaque). */
  cursor: string | null;
  /** When the next automatic attempt is due after a failure (backoff, Retry-After). */
  nextAttemptAt: string | null;
  running: boolean;
}

export interface SyncRunResult {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
  pending: number;
  error: LocalizedText | null;
}

export interface SyncWhoAmI {
  unitCode: string;
  unitName: string | null;
  installationId: string;
  /** The unit as this laptop's directory names it, when it has it. */
  localUnitName: string | null;
}

export interface SyncFieldDiff {
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface SyncConflict {
  id: string;
  taskId: string;
  taskContent: string;
  kind: 'fields' | 'event';
  message: string;
  detectedAt: string;
  /** The fields that differ between this laptop's change and the hub's copy. */
  diffs: SyncFieldDiff[];
}

export interface SyncRejected {
  seq: number;
  taskId: string;
  taskContent: string | null;
  type: 'assignment' | 'event';
  error: string;
  createdAt: string;
}

export interface SyncPublication {
  id: string;
  direction: 'out' | 'in';
  kind: 'meeting_pack' | 'conclusion_notice' | 'opinion_request' | 'opinion_answers';
  /** The meeting of a pack or notice; null for written opinions. */
  meetingId: string | null;
  /** The written-opinions request of a request or answers; null for a pack or notice. */
  requestId: string | null;
  title: string;
  fileName: string;
  /** out: pending → sent | rejected; in: imported | waiting (the signer is not trusted yet) | refused. */
  state: 'pending' | 'sent' | 'rejected' | 'imported' | 'waiting' | 'refused';
  message: string | null;
  createdAt: string;
}

export interface SyncOutputs {
  'sync.publishPack': SyncPublication;
  'sync.publishOpinionRequest': SyncPublication;
  'sync.publishOpinionAnswers': SyncPublication;
  'sync.publications': SyncPublication[];
  'sync.importPublication': SyncPublication;
  'sync.status': SyncStatus;
  'sync.configure': SyncStatus;
  'sync.configureWithSecretFile': SyncStatus;
  'sync.test': SyncWhoAmI;
  'sync.run': SyncRunResult;
  'sync.conflicts': { conflicts: SyncConflict[]; rejected: SyncRejected[] };
  'sync.resolveConflict': SyncStatus;
  'sync.dismissRejected': SyncStatus;
  'sync.disconnect': SyncStatus;
}
