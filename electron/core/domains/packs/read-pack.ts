import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry } from 'yauzl';
import { CoreError } from '../../errors.ts';
import { BoundedZip, type LimitError, type ZipLimit, type ZipLimits } from '../../files/bounded-zip.ts';
import { fsyncFile } from '../../fs/durable.ts';
import { fingerprintOf, verifySignature } from '../directory/index.ts';
import {
  CONTENT,
  ROOM,
  roomSchema,
  type PackRoom,
  contentSchema,
  documentRowSchema,
  MANIFEST,
  manifestSchema,
  PACK_LIMITS,
  packPath,
  pageTextsSchema,
  SIGNATURE,
  type PackContent,
  type PackManifest,
} from './format.ts';
import { openBytes, openInto, type SealedEntry } from './sealing.ts';

export interface OpenedPack {
  manifest: PackManifest;
  content: PackContent;
  pageTexts: Map<string, string[]>;
  /** sha256 → verified file in the scratch folder, ready to move into the store (only when extracted). */
  blobs: Map<string, string>;
  /** sha256 → size of every document file the pack carries, plain or sealed. */
  blobSizes: Map<string, number>;
  /** sha256 of the sealed documents this laptop cannot open (it is not among their recipients). */
  withheld: Set<string>;
  /** Bytes of every file the manifest lists. */
  totalBytes: number;
  /** SHA-256 of manifest.json: identifies this exact pack. */
  manifestSha: string;
  /** The meeting room's certificate fingerprint, when the pack carries one. */
  room: PackRoom | null;
}

/**
 * What to do with a pack's documents and page texts, decided on its verified manifest (who signed
 * it) before any of them is read: copy them into the scratch folder for an import, only check their
 * hashes for a preview, or leave them unread (a signer the laptop does not trust).
 */
export type DocumentHandling = 'extract' | 'verify' | 'skip';
export type DocumentsFor = (signer: PackManifest['signer']) => DocumentHandling;
/** The pack's content key when it was sealed to this laptop's profile key, else null. */
export type Unseal = (sealing: NonNullable<PackManifest['sealing']>) => Buffer | null;

function invalid(vi: string, en: string, details?: unknown): CoreError {
  return new CoreError('PACK_INVALID', { vi, en }, details);
}

const damaged = () =>
  invalid(
    'Tệp không phải gói tài liệu cuộc họp, hoặc đã bị cắt cụt/hỏng khi sao chép. Hãy xin bộ phận thư ký gửi lại.',
    'The file is not a meeting pack, or it was truncated or damaged in copying. Ask the secretariat to send it again.',
  );
const damagedBy = (cause: unknown) => Object.assign(damaged(), { cause });

const tampered = (name: string) =>
  invalid(
    `Nội dung gói đã bị thay đổi sau khi ký (tệp "${name}" không khớp). Không nhập gói này.`,
    `The pack was changed after it was signed ("${name}" does not match). It was not imported.`,
    { file: name },
  );

const MB = 1024 * 1024;
const overLimit: LimitError = (limit, { max, entry }) => {
  const where = entry ? ` ("${entry}")` : '';
  const texts: Record<ZipLimit, [string, string]> = {
    entries: [`gói có hơn ${max.toLocaleString('vi-VN')} tệp`, `it holds more than ${max.toLocaleString('en-US')} files`],
    entryBytes: [`một tệp trong gói${where} lớn hơn ${Math.round(max / MB).toLocaleString('vi-VN')} MB`, `a file in it${where} is larger than ${Math.round(max / MB).toLocaleString('en-US')} MB`],
    totalBytes: [`nội dung giải nén lớn hơn ${Math.round(max / MB).toLocaleString('vi-VN')} MB`, `its content unpacks to more than ${Math.round(max / MB).toLocaleString('en-US')} MB`],
    ratio: [`một tệp trong gói${where} bị nén bất thường (hơn ${max} lần, dấu hiệu "bom zip")`, `a file in it${where} is compressed abnormally (over ${max} times, the mark of a zip bomb)`],
    name: [`gói chứa tệp lạ${where}`, `it holds an unexpected file${where}`],
  };
  const [vi, en] = texts[limit];
  return invalid(
    `Gói tài liệu bị từ chối vì vượt giới hạn an toàn: ${vi}. Không có gì được nhập; hãy xin bộ phận thư ký gửi lại.`,
    `The meeting pack was refused because it exceeds a safety limit: ${en}. Nothing was imported; ask the secretariat to send it again.`,
    { limit, max, ...(entry ? { entry } : {}) },
  );
};

const ZIP_LIMITS: ZipLimits = { entries: PACK_LIMITS.entries, totalBytes: PACK_LIMITS.totalBytes, ratio: PACK_LIMITS.ratio };

function maxBytesOf(name: string): number {
  if (name === MANIFEST) return PACK_LIMITS.manifestBytes;
  if (name === SIGNATURE) return PACK_LIMITS.signatureBytes;
  if (name === CONTENT) return PACK_LIMITS.contentBytes;
  if (name === ROOM) return PACK_LIMITS.roomBytes;
  if (name.startsWith('text/')) return PACK_LIMITS.textBytes;
  return PACK_LIMITS.documentBytes;
}

function parseJson(bytes: Buffer, name: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw tampered(name);
  }
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function fingerprintMatches(publicKey: string, fingerprint: string): boolean {
  try {
    return fingerprintOf(publicKey) === fingerprint;
  } catch {
    return false;
  }
}

/** Reads and checks the signature over manifest.json; nothing else of the pack is read yet. */
async function verifiedManifest(zip: BoundedZip, entries: Map<string, Entry>): Promise<{ manifest: PackManifest; manifestBytes: Buffer }> {
  const manifestEntry = entries.get(MANIFEST);
  if (!manifestEntry) throw damaged();
  const signatureEntry = entries.get(SIGNATURE);
  if (!signatureEntry) {
    throw invalid(
      'Gói tài liệu chưa được ký nên không xác minh được nguồn gốc. Không nhập gói này.',
      'The pack is not signed, so its origin cannot be verified. It was not imported.',
    );
  }
  const manifestBytes = await zip.read(manifestEntry, PACK_LIMITS.manifestBytes, damagedBy);
  const signature = (await zip.read(signatureEntry, PACK_LIMITS.signatureBytes, damagedBy)).toString('utf8').trim();
  const parsed = manifestSchema.safeParse(parseJson(manifestBytes, MANIFEST));
  if (!parsed.success) {
    throw invalid('Gói tài liệu có định dạng không đúng hoặc của phiên bản mới hơn.', 'The pack is malformed or from a newer version.');
  }
  const manifest = parsed.data;
  if (!fingerprintMatches(manifest.signer.publicKey, manifest.signer.fingerprint) || !verifySignature(manifest.signer.publicKey, manifestBytes, signature)) {
    throw invalid(
      'Chữ ký của gói tài liệu không hợp lệ: gói đã bị sửa đổi sau khi ký. Không nhập gói này.',
      'The pack signature is invalid: the pack was altered after it was signed. It was not imported.',
    );
  }
  return { manifest, manifestBytes };
}

/** Streams a document entry through its hash, into `target` or nowhere; refuses it unless it is exactly what the manifest says. */
async function checkDocument(zip: BoundedZip, entry: Entry, item: PackManifest['files'][number], target: string | null): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      await zip.stream(entry, Math.min(item.size, PACK_LIMITS.documentBytes), damagedBy),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, target ? chunk : undefined);
        },
      }),
      target ? createWriteStream(target) : new Writable({ write: (_c, _e, done) => done() }),
    );
  } catch (e) {
    if (e instanceof CoreError && e.code === 'PACK_INVALID' && (e.details as { limit?: string } | undefined)?.limit !== 'entryBytes') throw e;
    throw Object.assign(tampered(item.path), { cause: e });
  }
  if (size !== item.size || hash.digest('hex') !== item.sha256) throw tampered(item.path);
  if (target) fsyncFile(target);
}

/**
 * Open a pack and prove it before anything is stored. In order, so that a hostile file costs
 * little: the entry count and every declared size (nothing inflated), then the signature over the
 * manifest, then `documentsFor` decides on the signer; only then is meeting.json read (within its
 * limit), and documents and page texts only as that decision allows, each checked against the
 * manifest's size and SHA-256 while it streams. Documents go to `scratchDir`, never into memory;
 * the caller removes it. Whether the signer is trusted is the caller's decision (it needs the database).
 */
export async function readPack(file: string, scratchDir: string, documentsFor: DocumentsFor, unseal: Unseal): Promise<OpenedPack> {
  const zip = await BoundedZip.open(file, ZIP_LIMITS, overLimit, damagedBy);
  let key: Buffer | null = null;
  try {
    const entries = await zip.list((name) => name === MANIFEST || name === SIGNATURE || packPath.safeParse(name).success, maxBytesOf, damagedBy);
    const { manifest, manifestBytes } = await verifiedManifest(zip, entries);

    const listed = new Set(manifest.files.map((f) => f.path));
    if (listed.size !== manifest.files.length) throw tampered(MANIFEST);
    for (const name of entries.keys()) {
      if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) throw tampered(name);
    }
    for (const item of manifest.files) {
      const entry = entries.get(item.path);
      if (!entry) {
        throw invalid(`Gói tài liệu thiếu tệp "${item.path}" (bị cắt cụt?).`, `The pack is missing "${item.path}" (truncated?).`);
      }
      if (entry.uncompressedSize !== item.size) throw tampered(item.path);
      if (item.path.startsWith('documents/') && item.path !== `documents/${item.sha256}`) throw tampered(item.path);
      if (item.path.startsWith('sealed/') && item.path !== `sealed/${item.sha256}`) throw tampered(item.path);
    }
    const sealedEntries = sealedEntriesOf(manifest, listed);

    const handling = documentsFor(manifest.signer);
    let content: PackContent | undefined;
    let room: PackRoom | null = null;
    const pageTexts = new Map<string, string[]>();
    const blobs = new Map<string, string>();
    const blobSizes = new Map<string, number>();
    for (const item of manifest.files) if (item.path.startsWith('documents/')) blobSizes.set(item.sha256, item.size);
    for (const [path, sealed] of sealedEntries) {
      if (sealed.of.startsWith('documents/')) blobSizes.set(sealed.sha256, manifest.files.find((f) => f.path === path)!.size);
    }
    // Asked even of a signer not trusted yet, so the preview can say what this laptop will not get.
    key = manifest.sealing ? unsealed(unseal, manifest.sealing) : null;
    const withheld = new Set<string>();
    const sealedRows = new Map<string, PackContent['documents'][number]>();
    if (manifest.sealing && !key) for (const e of manifest.sealing.entries) if (e.of.startsWith('documents/')) withheld.add(e.sha256);
    if (handling === 'extract') mkdirSync(scratchDir, { recursive: true });
    // meeting.json first: a preview needs it even when the documents stay unread.
    const ordered = [...manifest.files].sort((a, b) => Number(b.path === CONTENT) - Number(a.path === CONTENT));
    for (const item of ordered) {
      const entry = entries.get(item.path)!;
      const sealed = sealedEntries.get(item.path);
      if (sealed) {
        if (handling !== 'skip') await readSealed(zip, entry, item, sealed, key, handling === 'extract' ? scratchDir : null, { blobs, pageTexts, sealedRows });
        continue;
      }
      if (item.path.startsWith('documents/')) {
        if (handling === 'skip') continue;
        const target = handling === 'extract' ? join(scratchDir, item.sha256) : null;
        await checkDocument(zip, entry, item, target);
        if (target) blobs.set(item.sha256, target);
        continue;
      }
      if (item.path !== CONTENT && handling === 'skip') continue;
      const bytes = await zip.read(entry, maxBytesOf(item.path), damagedBy);
      if (bytes.length !== item.size || sha256Of(bytes) !== item.sha256) throw tampered(item.path);
      if (item.path === CONTENT) {
        const c = contentSchema.safeParse(parseJson(bytes, item.path));
        if (!c.success) throw invalid('Nội dung cuộc họp trong gói không đúng định dạng.', 'The meeting content in the pack is malformed.');
        content = c.data;
      } else if (item.path === ROOM) {
        const r = roomSchema.safeParse(parseJson(bytes, item.path));
        if (!r.success) throw tampered(item.path);
        room = r.data;
      } else {
        const documentId = item.path.slice('text/'.length, -'.json'.length);
        const pages = pageTextsSchema.safeParse(parseJson(bytes, item.path));
        if (!pages.success) throw tampered(item.path);
        pageTexts.set(documentId, pages.data);
      }
    }
    if (!content) throw damaged();
    content = withSealedRows(content, sealedRows);
    assertConsistent(manifest, content, pageTexts, sealedEntries);
    const totalBytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    return { manifest, content, pageTexts, blobs, blobSizes, withheld, totalBytes, manifestSha: sha256Of(manifestBytes), room };
  } finally {
    key?.fill(0);
    zip.close();
  }
}

/**
 * One sealed file: its ciphertext checked against the manifest while it streams, then, when this
 * laptop holds the key, opened and checked against the plaintext's hash: page texts and a row into
 * memory (within their limits, for a preview too), a document into `scratchDir` when importing.
 */
async function readSealed(
  zip: BoundedZip,
  entry: Entry,
  item: PackManifest['files'][number],
  sealed: SealedEntry,
  key: Buffer | null,
  scratchDir: string | null,
  out: { blobs: Map<string, string>; pageTexts: Map<string, string[]>; sealedRows: Map<string, PackContent['documents'][number]> },
): Promise<void> {
  const broken = (e: unknown) => Object.assign(tampered(item.path), { cause: e });
  if (sealed.of.startsWith('documents/')) {
    const cipher = key && scratchDir ? join(scratchDir, `${sealed.sha256}.sealed`) : null;
    await checkDocument(zip, entry, item, cipher);
    if (!cipher || !key || !scratchDir) return;
    const target = join(scratchDir, sealed.sha256);
    await openInto(key, sealed, createReadStream(cipher), target).catch((e: unknown) => {
      throw broken(e);
    });
    rmSync(cipher);
    fsyncFile(target);
    out.blobs.set(sealed.sha256, target);
    return;
  }
  const bytes = await zip.read(entry, sealed.of.startsWith('rows/') ? PACK_LIMITS.contentBytes : PACK_LIMITS.textBytes, damagedBy);
  if (bytes.length !== item.size || sha256Of(bytes) !== item.sha256) throw tampered(item.path);
  if (!key) return;
  let plain: Buffer;
  try {
    plain = openBytes(key, sealed, bytes);
  } catch (e) {
    throw broken(e);
  }
  const id = sealed.of.slice(sealed.of.indexOf('/') + 1, -'.json'.length);
  if (sealed.of.startsWith('rows/')) {
    const row = documentRowSchema.safeParse(parseJson(plain, item.path));
    if (!row.success || row.data.id !== id) throw tampered(item.path);
    out.sealedRows.set(id, row.data);
    return;
  }
  const pages = pageTextsSchema.safeParse(parseJson(plain, item.path));
  if (!pages.success) throw tampered(item.path);
  out.pageTexts.set(id, pages.data);
}

/**
 * The sealed files by their path, each described exactly once by the signed manifest, each standing
 * for a plaintext the pack does not also carry in the clear.
 */
function sealedEntriesOf(manifest: PackManifest, listed: Set<string>): Map<string, SealedEntry> {
  const sealed = new Map<string, SealedEntry>();
  const stands = new Set<string>();
  for (const e of manifest.sealing?.entries ?? []) {
    if (!listed.has(e.path) || sealed.has(e.path) || stands.has(e.of) || listed.has(e.of)) throw tampered(MANIFEST);
    if (e.of.startsWith('documents/') && e.of !== `documents/${e.sha256}`) throw tampered(MANIFEST);
    sealed.set(e.path, e);
    stands.add(e.of);
  }
  for (const path of listed) if (path.startsWith('sealed/') && !sealed.has(path)) throw tampered(path);
  return sealed;
}

/** meeting.json's redacted rows replaced by the sealed ones, which must be the same documents. */
function withSealedRows(content: PackContent, rows: Map<string, PackContent['documents'][number]>): PackContent {
  if (rows.size === 0) return content;
  const documents = content.documents.map((d) => {
    const row = rows.get(d.id);
    if (!row) return d;
    if (row.blob_sha256 !== d.blob_sha256 || row.classification !== d.classification) throw tampered(`rows/${d.id}.json`);
    rows.delete(d.id);
    return row;
  });
  if (rows.size > 0) throw tampered(`rows/${[...rows.keys()][0]}.json`);
  return { ...content, documents };
}

/** The content key, or null; a key sealed to this laptop that does not open means the pack is broken. */
function unsealed(unseal: Unseal, sealing: NonNullable<PackManifest['sealing']>): Buffer | null {
  try {
    return unseal(sealing);
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw Object.assign(
      invalid(
        'Không mở được tài liệu mật trong gói dù gói được gửi cho khóa của máy này: gói bị hỏng. Hãy xin bộ phận thư ký gửi lại.',
        'The classified documents in the pack do not open although it was sealed to this computer’s key: the pack is damaged. Ask the secretariat to send it again.',
      ),
      { cause: e },
    );
  }
}

/** The content must describe what the manifest carries, and refer only to rows it carries. */
function assertConsistent(manifest: PackManifest, content: PackContent, pageTexts: Map<string, string[]>, sealed: Map<string, SealedEntry>): void {
  const bad = (what: string) =>
    invalid(`Nội dung gói tài liệu không nhất quán (${what}).`, `The pack content is inconsistent (${what}).`);
  if (content.meeting.id !== manifest.meetingId || content.meeting.revision !== manifest.revision) throw bad('meeting');
  const documentIds = new Set(content.documents.map((d) => d.id));
  const carried = new Set(manifest.files.filter((f) => f.path.startsWith('documents/')).map((f) => f.sha256));
  for (const e of sealed.values()) if (e.of.startsWith('documents/')) carried.add(e.sha256);
  for (const d of content.documents) if (!carried.has(d.blob_sha256)) throw bad(`document ${d.id}`);
  for (const id of pageTexts.keys()) if (!documentIds.has(id)) throw bad(`text ${id}`);
  const itemIds = new Set(content.agendaItems.map((a) => a.id));
  for (const a of content.agendaItems) if (a.parent_id && !itemIds.has(a.parent_id)) throw bad(`agenda ${a.id}`);
  for (const a of content.attachments) {
    if (!documentIds.has(a.document_id) || (a.agenda_item_id && !itemIds.has(a.agenda_item_id))) throw bad(`attachment ${a.id}`);
  }
  const people = new Set(content.people.map((p) => p.id));
  const orgs = new Set(content.organizations.map((o) => o.id));
  for (const p of content.people) if (p.organization_id && !orgs.has(p.organization_id)) throw bad(`person ${p.id}`);
  for (const o of content.organizations) if (o.parent_id && !orgs.has(o.parent_id)) throw bad(`organization ${o.id}`);
  const personRefs = [
    content.meeting.chair_person_id,
    content.meeting.secretary_person_id,
    ...content.agendaItems.map((a) => a.presenter_person_id),
    ...content.participants.flatMap((p) => [p.person_id, p.rsvp_delegate_id]),
  ];
  for (const id of personRefs) if (id && !people.has(id)) throw bad(`person ${id}`);
  const orgRefs = [
    content.meeting.chairing_org_id,
    ...content.agendaItems.flatMap((a) => [a.presenter_org_id, a.preparing_org_id]),
    ...content.participants.map((p) => p.organization_id),
  ];
  for (const id of orgRefs) if (id && !orgs.has(id)) throw bad(`organization ${id}`);
  if (content.committee.id !== content.meeting.committee_id) throw bad('committee');
  if ((content.room?.id ?? null) !== content.meeting.room_id) throw bad('room');
}
