import { z } from 'zod';
import { SEALING_ALGORITHM } from './sealing.ts';

/**
 * The meeting pack file: a zip holding
 *   manifest.json   what is inside: every other file's path, size and SHA-256, plus the signer's key
 *   manifest.sig    Ed25519 signature (base64) over the exact bytes of manifest.json
 *   meeting.json    the meeting, its agenda, participants, attachments and the directory rows they name
 *   documents/<sha256>   each document's bytes, once
 *   text/<documentId>.json   each PDF's page texts, so a member's search works without re-reading it
 *   room.json       the fingerprint of the meeting's live-room certificate, so a member's laptop
 *                     accepts exactly the host's room on the day (ADR 0013); absent in older packs
 *   sealed/<sha256>   (version 2) a Mật-or-higher document, its page texts or its row (number,
 *                     notation, summary: meeting.json then holds a redacted row), encrypted to the
 *                     members who may read it (sealing.ts); the manifest says what each one stands for
 * The signature covers the manifest and the manifest covers every byte, so one check of each proves
 * the whole pack. The format is versioned; a reader refuses versions it does not know.
 */
export const PACK_FORMAT = 'nghisu.meeting-pack';
/** Version 1 carries nothing sealed; version 2 adds `sealing`, so an older reader refuses it rather than drop what it cannot open. */
export const PACK_VERSION = 1;
export const SEALED_PACK_VERSION = 2;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const CONTENT = 'meeting.json';
export const ROOM = 'room.json';

/**
 * Limits a pack reader enforces before trusting anything inside (zip bombs, absurd counts). A pack
 * is an upload (at most 2 GiB) whose documents are stored uncompressed, so its content is about its
 * own size; JSON compresses well, but not beyond `ratio` once it is big.
 */
export const PACK_LIMITS = {
  entries: 20_000,
  totalBytes: 4 * 1024 * 1024 * 1024,
  documentBytes: 2 * 1024 * 1024 * 1024,
  manifestBytes: 4 * 1024 * 1024,
  signatureBytes: 1024,
  contentBytes: 16 * 1024 * 1024,
  roomBytes: 4 * 1024 * 1024,
  textBytes: 64 * 1024 * 1024,
  ratio: 100,
} as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const uuid = z.uuid();
const text = z.string().max(100_000);
const nullableText = text.nullable();
const instant = z.string().max(40);

export const packPath = z
  .string()
  .regex(/^(meeting\.json|room\.json|documents\/[0-9a-f]{64}|text\/[0-9a-f-]{36}\.json|sealed\/[0-9a-f]{64})$/, 'unexpected file in pack');

const base64 = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealing = z
  .object({
    algorithm: z.literal(SEALING_ALGORITHM),
    ephemeralPublicKey: base64(64),
    recipients: z
      .array(z.object({ personId: uuid, fingerprint: z.string().max(100), wrappedKey: base64(120) }).strict())
      .min(1)
      .max(PACK_LIMITS.entries),
    entries: z
      .array(
        z
          .object({
            path: z.string().regex(/^sealed\/[0-9a-f]{64}$/),
            of: z.string().regex(/^(documents\/[0-9a-f]{64}|(text|rows)\/[0-9a-f-]{36}\.json)$/),
            sha256,
            nonce: base64(24),
            tag: base64(32),
          })
          .strict(),
      )
      .max(PACK_LIMITS.entries),
  })
  .strict();

const count = z.number().int().min(0).max(100_000);
/** What the meeting's rooms decided so far: votes with their results, speeches with their lengths. */
const roomRecord = z
  .object({
    votes: z
      .array(
        z
          .object({
            voteId: uuid,
            itemId: uuid.nullable(),
            title: z.string().max(500),
            secret: z.boolean(),
            closedAt: instant,
            eligible: count,
            present: count,
            agree: count,
            disagree: count,
            other: count,
            needed: count,
            passed: z.boolean(),
            named: z
              .array(z.object({ personId: uuid, choice: z.enum(['agree', 'disagree', 'other']) }).strict())
              .max(1_000)
              .nullable(),
          })
          .strict(),
      )
      .max(1_000),
    speeches: z
      .array(z.object({ personId: uuid, itemId: uuid.nullable(), kind: z.enum(['speak', 'question']), seconds: z.number().int().min(0).max(86_400), at: instant }).strict())
      .max(10_000),
  })
  .strict();

/**
 * room.json: the SHA-256 fingerprint of the room's TLS certificate, as Node prints it (AA:BB:…), and
 * once a room has run, its record (members' laptops keep the meeting's results from the signed pack).
 */
export const roomSchema = z.object({ fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/), record: roomRecord.optional() }).strict();
export type PackRoom = z.infer<typeof roomSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.union([z.literal(PACK_VERSION), z.literal(SEALED_PACK_VERSION)]),
    createdAt: instant,
    meetingId: uuid,
    revision: z.number().int().min(0),
    signer: z.object({ label: z.string().max(1000), publicKey: z.string().max(100), fingerprint: z.string().max(100) }).strict(),
    files: z
      .array(z.object({ path: packPath, size: z.number().int().min(0), sha256 }).strict())
      .max(PACK_LIMITS.entries),
    sealing: sealing.optional(),
  })
  .strict()
  .refine((m) => (m.version === SEALED_PACK_VERSION) === (m.sealing !== undefined), 'sealing goes with version 2');
export type PackManifest = z.infer<typeof manifestSchema>;

const organization = z
  .object({ id: uuid, organ_code: nullableText, name: text, short_name: nullableText, parent_id: uuid.nullable() })
  .strict();
const person = z
  .object({
    id: uuid,
    full_name: text,
    position: nullableText,
    organization_id: uuid.nullable(),
    email: nullableText,
    phone: nullableText,
  })
  .strict();
const committee = z
  .object({ id: uuid, name: text, short_name: nullableText, quorum_percent: z.number().int().min(1).max(100) })
  .strict();
const room = z.object({ id: uuid, name: text, location: nullableText, capacity: z.number().int().positive().nullable() }).strict();
const classification = z.enum(['normal', 'confidential', 'secret', 'top_secret']);

const meeting = z
  .object({
    id: uuid,
    committee_id: uuid,
    kind_code: text,
    title: text,
    starts_at: instant,
    ends_at: instant,
    room_id: uuid.nullable(),
    online: z.union([z.literal(0), z.literal(1)]),
    chair_person_id: uuid.nullable(),
    secretary_person_id: uuid.nullable(),
    chairing_org_id: uuid.nullable(),
    classification,
    status: z.enum(['published', 'in_progress', 'ended', 'archived']),
    description: nullableText,
    revision: z.number().int().min(0),
    created_at: instant,
    updated_at: instant,
  })
  .strict();

const agendaItem = z
  .object({
    id: uuid,
    parent_id: uuid.nullable(),
    position: z.number().int().min(0),
    title: text,
    description: nullableText,
    presenter_person_id: uuid.nullable(),
    presenter_org_id: uuid.nullable(),
    preparing_org_id: uuid.nullable(),
    duration_minutes: z.number().int().min(0).max(1440),
    outcome: nullableText,
    created_at: instant,
    updated_at: instant,
  })
  .strict();

const participant = z
  .object({
    id: uuid,
    person_id: uuid.nullable(),
    organization_id: uuid.nullable(),
    role: z.enum(['chair', 'member', 'guest', 'secretary']),
    position: z.number().int().min(0),
    rsvp: z.enum(['invited', 'confirmed', 'declined', 'delegated']),
    rsvp_reason: nullableText,
    rsvp_delegate_id: uuid.nullable(),
    rsvp_delegate_name: nullableText,
  })
  .strict()
  .refine((p) => (p.person_id === null) !== (p.organization_id === null), 'a participant is a person or a unit');

const bridgePoint = z.object({ id: uuid, name: text, location: nullableText, position: z.number().int().min(0) }).strict();

export const documentRowSchema = z
  .object({
    id: uuid,
    blob_sha256: sha256,
    file_name: text,
    kind: z.enum(['pdf', 'attachment']),
    mime: text,
    page_count: z.number().int().min(0).nullable(),
    number: nullableText,
    notation: nullableText,
    issue_date: nullableText,
    issuer: nullableText,
    summary: nullableText,
    type_code: nullableText,
    classification,
    urgency: z.enum(['normal', 'urgent', 'very_urgent', 'flash']),
    previous_version_id: uuid.nullable(),
    created_at: instant,
    updated_at: instant,
  })
  .strict();

const attachment = z
  .object({ id: uuid, agenda_item_id: uuid.nullable(), document_id: uuid, position: z.number().int().min(0), attached_at: instant })
  .strict();

const change = z.object({ id: uuid, revision: z.number().int(), at: instant, summary: z.string().max(1_000_000) }).strict();

export const contentSchema = z
  .object({
    meeting,
    kind: z.object({ code: text, label: text }).strict(),
    committee,
    room: room.nullable(),
    organizations: z.array(organization),
    people: z.array(person),
    bridgePoints: z.array(bridgePoint),
    agendaItems: z.array(agendaItem),
    participants: z.array(participant),
    documents: z.array(documentRowSchema),
    attachments: z.array(attachment),
    changes: z.array(change),
  })
  .strict();
export type PackContent = z.infer<typeof contentSchema>;

export const pageTextsSchema = z.array(z.string());

/** What a change-log entry about a sealed document says instead of its file name. */
const SEALED_CHANGE = { vi: 'Thay đổi về tài liệu mật', en: 'A change to a classified document' };

/**
 * The meeting's change log as a sealed pack carries it: an entry naming a classified document (by
 * id or file name) keeps its kind and loses its words, which would name the document in the clear.
 */
export function redactedChanges(changes: PackContent['changes'], classified: ReadonlyArray<{ id: string; file_name: string }>): PackContent['changes'] {
  if (classified.length === 0) return changes;
  const names = (text: string) => classified.some((d) => text.includes(d.id) || text.includes(d.file_name));
  return changes.map((c) => {
    if (!names(c.summary)) return c;
    let entries: unknown;
    try {
      entries = JSON.parse(c.summary);
    } catch {
      entries = null;
    }
    const redacted = Array.isArray(entries)
      ? entries.map((e: { scope?: unknown; what?: unknown }) => (names(JSON.stringify(e)) ? { scope: e.scope, what: e.what, text: SEALED_CHANGE } : e))
      : [{ scope: 'documents', what: 'documents.sealed', text: SEALED_CHANGE }];
    return { ...c, summary: JSON.stringify(redacted) };
  });
}

/**
 * A classified document's row as meeting.json carries it in a sealed pack: what identifies it
 * (id, bytes, level) and nothing that tells what it is about; the full row travels sealed.
 */
export function redactedRow(row: PackContent['documents'][number]): PackContent['documents'][number] {
  return { ...row, file_name: 'Tài liệu mật', summary: null, number: null, notation: null, issuer: null, type_code: null, issue_date: null };
}
