import { z } from 'zod';
import { calendarDate, instant, urgency } from '../contract/common.ts';
import { organCode } from '../contract/directory.ts';
import { taskStatus, type TaskStatus } from '../contract/tasks.ts';

/**
 * The liên thông wire: what a laptop and the provincial hub say to each other. Both sides validate
 * every message with these schemas, and `openapi.json` beside this file is generated from them
 * (a test fails when the two differ), so the client, the hub and the published contract cannot drift.
 */

const uuid = z.uuid();
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();

/** The fields the assigning unit (the standing office) owns; the hub takes them only from it. */
export const assignmentFields = z
  .object({
    content: text(4000).min(1),
    expectedResult: nullableText(1000),
    /** Where the assignment comes from, as the assigner describes it (e.g. "Kết luận phiên họp 05/12/2026, mục 2"). */
    source: z.object({ kind: z.enum(['direct', 'conclusion', 'document']), label: nullableText(500) }).strict(),
    leadUnit: organCode,
    coordinatingUnits: z.array(organCode).max(60),
    personInCharge: nullableText(200),
    assignedOn: calendarDate,
    deadlineKind: z.enum(['date', 'working_days', 'ongoing']),
    workingDays: z.number().int().min(1).max(3650).nullable(),
    review: z.enum(['week', 'month', 'quarter', 'year']).nullable(),
    originalDeadline: calendarDate.nullable(),
    dueDate: calendarDate.nullable(),
    judgedBy: calendarDate.nullable(),
    urgency,
    tags: z.array(text(80)).max(20),
  })
  .strict();
export type AssignmentFields = z.infer<typeof assignmentFields>;

/** Where the work stands; changed only by events, each by the side that owns it. */
export const assignmentState = z
  .object({
    status: taskStatus,
    percent: z.number().int().min(0).max(100),
    completedOn: calendarDate.nullable(),
    statusReason: nullableText(2000),
  })
  .strict();
export type AssignmentState = z.infer<typeof assignmentState>;

/** A result or evidence document, by content: uploaded once (`PUT /v1/files/{sha256}`), named by its hash. */
export const fileRef = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    fileName: text(255).min(1),
    size: z.number().int().min(0),
  })
  .strict();
export type FileRef = z.infer<typeof fileRef>;

export const extensionRequest = z
  .object({
    id: uuid,
    requestedAt: instant,
    requestedOn: calendarDate,
    fromDate: calendarDate.nullable(),
    toDate: calendarDate,
    reason: text(2000).min(1),
  })
  .strict();

export const extensionDecision = z
  .object({
    id: uuid,
    status: z.enum(['approved', 'refused']),
    decidedAt: instant,
    decidedBy: nullableText(300),
    note: nullableText(2000),
    /** The deadlines in force after an approval (the assigner's fields). */
    dueDate: calendarDate.nullable(),
    judgedBy: calendarDate.nullable(),
  })
  .strict();

export const eventKind = z.enum([
  'progress',
  'completed',
  'accepted',
  'returned',
  'paused',
  'resumed',
  'cancelled',
  'reminded',
  'extension_requested',
  'extension_approved',
  'extension_refused',
]);
export type EventKind = z.infer<typeof eventKind>;

/** One step in an assignment's history, with the state it leaves the assignment in. */
export const assignmentEvent = z
  .object({
    kind: eventKind,
    at: instant,
    actorName: nullableText(300),
    percent: z.number().int().min(0).max(100).nullable(),
    text: nullableText(4000),
    documents: z.array(fileRef).max(50),
    result: assignmentState,
    extensionRequest: extensionRequest.nullable(),
    extensionDecision: extensionDecision.nullable(),
  })
  .strict();
export type AssignmentEvent = z.infer<typeof assignmentEvent>;

export const extensionRecord = extensionRequest
  .extend({
    status: z.enum(['pending', 'approved', 'refused']),
    decidedAt: instant.nullable(),
    decidedBy: nullableText(300),
    note: nullableText(2000),
  })
  .strict();
export type ExtensionRecord = z.infer<typeof extensionRecord>;

/** An assignment as the hub holds it now: what the changes feed hands out. */
export const assignmentSnapshot = z
  .object({
    id: uuid,
    /** The feed position of this snapshot; grows with every change the hub commits. */
    position: z.number().int().min(1),
    assignerUnit: organCode,
    /** Grows with every change (fields or events). */
    version: z.number().int().min(1),
    /** Grows with every change of the assigner's fields: the value `If-Match` compares. */
    fieldsVersion: z.number().int().min(1),
    fields: assignmentFields,
    state: assignmentState,
    events: z.array(assignmentEvent.extend({ id: uuid, unit: organCode }).strict()).max(5000),
    extensions: z.array(extensionRecord).max(500),
    updatedAt: instant,
  })
  .strict();
export type AssignmentSnapshot = z.infer<typeof assignmentSnapshot>;

/** An operation from a laptop's outbox: its id and per-installation sequence make it exactly-once. */
const operationHead = { opId: uuid, seq: z.number().int().min(1), assignmentId: uuid };
export const operation = z.discriminatedUnion('type', [
  z
    .object({
      ...operationHead,
      type: z.literal('assignment'),
      /** The fieldsVersion the change was based on; null creates (refused when the assignment exists). */
      ifMatch: z.number().int().min(1).nullable(),
      body: assignmentFields,
    })
    .strict(),
  z.object({ ...operationHead, type: z.literal('event'), eventId: uuid, body: assignmentEvent }).strict(),
]);
export type Operation = z.infer<typeof operation>;

export const MAX_BATCH = 500;
export const operationBatch = z.object({ operations: z.array(operation).min(1).max(MAX_BATCH) }).strict();

/** RFC 9457 problem details, with the Vietnamese title the laptop shows. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    titleVi: z.string().optional(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On 409 and 412: the hub's copy, so the user can decide. */
    current: assignmentSnapshot.optional(),
  })
  .passthrough();
export type Problem = z.infer<typeof problem>;

export const operationResult = z
  .object({
    opId: uuid,
    /** 200 applied, 201 created, 4xx refused (424: not tried, an earlier operation on the same assignment failed). */
    status: z.number().int(),
    /** True when the hub had already applied this operation: the answer is the first one, repeated. */
    replay: z.boolean(),
    version: z.number().int().optional(),
    fieldsVersion: z.number().int().optional(),
    position: z.number().int().optional(),
    problem: problem.optional(),
  })
  .strict();
export type OperationResult = z.infer<typeof operationResult>;
export const batchResult = z.object({ results: z.array(operationResult) }).strict();

export const MAX_PAGE = 1000;
export const changesPage = z
  .object({
    changes: z.array(assignmentSnapshot).max(MAX_PAGE),
    /** Opaque: hand it back to get what came after. */
    cursor: z.string().min(1).max(200),
    more: z.boolean(),
  })
  .strict();
export type ChangesPage = z.infer<typeof changesPage>;

const publicationCommon = {
  title: text(500).min(1),
  file: fileRef,
  publishedAt: instant,
  /** The units whose laptops may fetch it; the publisher always may. */
  recipients: z.array(organCode).max(500),
};

/**
 * A file a standing office publishes for the units of a committee: the signed meeting pack of a
 * published meeting (members' laptops verify it exactly as a pack from a file), or an issued Thông
 * báo kết luận. Idempotent by id; a new edition of the same meeting's pack is a new publication.
 */
const meetingPublication = z.object({ kind: z.enum(['meeting_pack', 'conclusion_notice']), meetingId: uuid, ...publicationCommon }).strict();

/**
 * Lấy ý kiến bằng văn bản online: the secretariat's signed request for the units of the members it
 * asks ('opinion_request'), and a member's signed answers back to the unit that asked
 * ('opinion_answers', one recipient: the request's publisher; the hub refuses answers to a request
 * it never carried or from a unit that was not asked). The laptops verify both files exactly as
 * files handed over by hand.
 */
const opinionPublication = z.object({ kind: z.enum(['opinion_request', 'opinion_answers']), requestId: uuid, ...publicationCommon }).strict();

export type OpinionPublication = z.infer<typeof opinionPublication>;

export const publication = z.discriminatedUnion('kind', [meetingPublication, opinionPublication]);
export type Publication = z.infer<typeof publication>;
export type PublicationKind = Publication['kind'];

/**
 * The kinds a laptop of the first liên thông release understood. A `GET /v1/publications` that
 * names no `kinds` gets only these, so such a laptop never meets a kind its strict reader refuses.
 */
export const FIRST_PUBLICATION_KINDS = ['meeting_pack', 'conclusion_notice'] as const satisfies readonly PublicationKind[];
export const PUBLICATION_KINDS = ['meeting_pack', 'conclusion_notice', 'opinion_request', 'opinion_answers'] as const satisfies readonly PublicationKind[];

const recordFields = { id: uuid, position: z.number().int().min(1), publisherUnit: organCode };
export const publicationRecord = z.discriminatedUnion('kind', [meetingPublication.extend(recordFields).strict(), opinionPublication.extend(recordFields).strict()]);
export type PublicationRecord = z.infer<typeof publicationRecord>;

export const publicationsPage = z
  .object({ publications: z.array(publicationRecord).max(MAX_PAGE), cursor: z.string().min(1).max(200), more: z.boolean() })
  .strict();

export const tokenResponse = z
  .object({ access_token: z.string().min(16).max(4096), token_type: z.string(), expires_in: z.number().int().min(1) })
  .passthrough();

export const whoAmI = z
  .object({ clientId: z.string(), unitCode: organCode, unitName: z.string().nullable(), installationId: uuid })
  .strict();
export type WhoAmI = z.infer<typeof whoAmI>;

export const health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unreachable']), version: z.string() }).strict();

/**
 * Who may record an event and from which statuses, and the statuses it may leave. The assigner is
 * the unit that gave the assignment (the standing office); the lead unit (chủ trì) does the work.
 * Both sides enforce this table, so a laptop never queues what the hub would refuse.
 */
const OPEN: readonly TaskStatus[] = ['assigned', 'in_progress', 'returned'];
export const eventRules: Record<EventKind, { by: 'assigner' | 'lead'; from: readonly TaskStatus[]; to: readonly TaskStatus[] | 'same' }> = {
  progress: { by: 'lead', from: OPEN, to: ['in_progress'] },
  completed: { by: 'lead', from: OPEN, to: ['done_requested'] },
  accepted: { by: 'assigner', from: ['done_requested'], to: ['done'] },
  returned: { by: 'assigner', from: ['done_requested'], to: ['returned'] },
  paused: { by: 'assigner', from: OPEN, to: ['paused'] },
  resumed: { by: 'assigner', from: ['paused'], to: ['in_progress', 'assigned'] },
  cancelled: { by: 'assigner', from: [...OPEN, 'paused', 'done_requested'], to: ['cancelled'] },
  reminded: { by: 'assigner', from: [...OPEN, 'paused'], to: 'same' },
  extension_requested: { by: 'lead', from: [...OPEN, 'paused'], to: 'same' },
  extension_approved: { by: 'assigner', from: [...OPEN, 'paused'], to: 'same' },
  extension_refused: { by: 'assigner', from: [...OPEN, 'paused'], to: 'same' },
};

/** Headers of a single write (`PUT`) and of every request. */
export const HEADER = {
  installation: 'x-installation-id',
  operationId: 'operation-id',
  operationSeq: 'operation-seq',
} as const;

/** Cursors are opaque to laptops; the hub encodes its feed position so it can change the format later. */
export function encodeCursor(position: number): string {
  return `c1.${position.toString(36)}`;
}
export function decodeCursor(cursor: string): number | null {
  const m = /^c1\.([0-9a-z]{1,12})$/.exec(cursor);
  if (!m) return null;
  const n = parseInt(m[1]!, 36);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
