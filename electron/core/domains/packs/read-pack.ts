import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CoreError } from '../../errors.ts';
import { fsyncFile } from '../../fs/durable.ts';
import { fingerprintOf, verifySignature } from '../directory/index.ts';
import {
  CONTENT,
  contentSchema,
  MANIFEST,
  manifestSchema,
  PACK_LIMITS,
  packPath,
  pageTextsSchema,
  SIGNATURE,
  type PackContent,
  type PackManifest,
} from './format.ts';

export interface OpenedPack {
  manifest: PackManifest;
  content: PackContent;
  pageTexts: Map<string, string[]>;
  /** sha256 → verified file in the scratch folder, ready to move into the store. */
  blobs: Map<string, string>;
  totalBytes: number;
  /** SHA-256 of manifest.json: identifies this exact pack. */
  manifestSha: string;
}

function invalid(vi: string, en: string, details?: unknown): CoreError {
  return new CoreError('PACK_INVALID', { vi, en }, details);
}

const damaged = () =>
  invalid(
    'Tệp không phải gói tài liệu cuộc họp, hoặc đã bị cắt cụt/hỏng khi sao chép. Hãy xin bộ phận thư ký gửi lại.',
    'The file is not a meeting pack, or it was truncated or damaged in copying. Ask the secretariat to send it again.',
  );

const tampered = (name: string) =>
  invalid(
    `Nội dung gói đã bị thay đổi sau khi ký (tệp "${name}" không khớp). Không nhập gói này.`,
    `The pack was changed after it was signed ("${name}" does not match). It was not imported.`,
    { file: name },
  );

async function openZip(file: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true });
  } catch (e) {
    throw Object.assign(damaged(), { cause: e });
  }
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw Object.assign(damaged(), { cause: e });
  }
}

/** Read a small entry whole, refusing anything larger than `max` before buffering it. */
async function readSmall(zip: ZipFile, entry: Entry, max: number): Promise<Buffer> {
  if (entry.uncompressedSize > max) throw damaged();
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await readEntry(zip, entry)) chunks.push(chunk as Buffer);
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw Object.assign(damaged(), { cause: e });
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer, name: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw tampered(name);
  }
}

/**
 * Open a pack and prove it whole before anything is stored: the signature over the manifest, then
 * every file's size and SHA-256 against the manifest, then the content's own consistency. Document
 * bytes are verified while they are copied into `scratchDir`, so a 500 MB pack never sits in memory.
 * Whether the signer is trusted is the caller's decision (it needs the database).
 */
export async function readPack(file: string, scratchDir: string): Promise<OpenedPack> {
  const zip = await openZip(file);
  try {
    const entries = new Map<string, Entry>();
    let totalBytes = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = entry.fileName;
        const known = name === MANIFEST || name === SIGNATURE || packPath.safeParse(name).success;
        if (!known || entries.has(name)) throw invalid(`Gói chứa tệp lạ "${name}".`, `The pack holds an unexpected file "${name}".`);
        if (entries.size >= PACK_LIMITS.entries) throw damaged();
        totalBytes += entry.uncompressedSize;
        if (totalBytes > PACK_LIMITS.totalBytes) throw damaged();
        entries.set(name, entry);
      }
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw Object.assign(damaged(), { cause: e });
    }

    const manifestEntry = entries.get(MANIFEST);
    if (!manifestEntry) throw damaged();
    const signatureEntry = entries.get(SIGNATURE);
    if (!signatureEntry) {
      throw invalid(
        'Gói tài liệu chưa được ký nên không xác minh được nguồn gốc. Không nhập gói này.',
        'The pack is not signed, so its origin cannot be verified. It was not imported.',
      );
    }
    const manifestBytes = await readSmall(zip, manifestEntry, PACK_LIMITS.jsonBytes);
    const signature = (await readSmall(zip, signatureEntry, 1024)).toString('utf8').trim();
    const parsed = manifestSchema.safeParse(parseJson(manifestBytes, MANIFEST));
    if (!parsed.success) {
      throw invalid('Gói tài liệu có định dạng không đúng hoặc của phiên bản mới hơn.', 'The pack is malformed or from a newer version.');
    }
    const manifest = parsed.data;
    let fingerprintOk = false;
    try {
      fingerprintOk = fingerprintOf(manifest.signer.publicKey) === manifest.signer.fingerprint;
    } catch {
      fingerprintOk = false;
    }
    if (!fingerprintOk || !verifySignature(manifest.signer.publicKey, manifestBytes, signature)) {
      throw invalid(
        'Chữ ký của gói tài liệu không hợp lệ: gói đã bị sửa đổi sau khi ký. Không nhập gói này.',
        'The pack signature is invalid: the pack was altered after it was signed. It was not imported.',
      );
    }

    const listed = new Set(manifest.files.map((f) => f.path));
    if (listed.size !== manifest.files.length) throw tampered(MANIFEST);
    for (const name of entries.keys()) {
      if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) throw tampered(name);
    }

    mkdirSync(scratchDir, { recursive: true });
    let content: PackContent | undefined;
    const pageTexts = new Map<string, string[]>();
    const blobs = new Map<string, string>();
    for (const item of manifest.files) {
      const entry = entries.get(item.path);
      if (!entry) {
        throw invalid(`Gói tài liệu thiếu tệp "${item.path}" (bị cắt cụt?).`, `The pack is missing "${item.path}" (truncated?).`);
      }
      if (entry.uncompressedSize !== item.size) throw tampered(item.path);
      if (item.path.startsWith('documents/')) {
        if (item.path !== `documents/${item.sha256}`) throw tampered(item.path);
        const target = join(scratchDir, item.sha256);
        const hash = createHash('sha256');
        let size = 0;
        try {
          await pipeline(
            await readEntry(zip, entry),
            new Transform({
              transform(chunk: Buffer, _enc, done) {
                hash.update(chunk);
                size += chunk.length;
                done(null, chunk);
              },
            }),
            createWriteStream(target),
          );
        } catch (e) {
          if (e instanceof CoreError) throw e;
          throw Object.assign(tampered(item.path), { cause: e });
        }
        if (size !== item.size || hash.digest('hex') !== item.sha256) throw tampered(item.path);
        fsyncFile(target);
        blobs.set(item.sha256, target);
        continue;
      }
      const bytes = await readSmall(zip, entry, PACK_LIMITS.jsonBytes);
      if (bytes.length !== item.size || createHash('sha256').update(bytes).digest('hex') !== item.sha256) throw tampered(item.path);
      if (item.path === CONTENT) {
        const c = contentSchema.safeParse(parseJson(bytes, item.path));
        if (!c.success) throw invalid('Nội dung cuộc họp trong gói không đúng định dạng.', 'The meeting content in the pack is malformed.');
        content = c.data;
      } else {
        const documentId = item.path.slice('text/'.length, -'.json'.length);
        const pages = pageTextsSchema.safeParse(parseJson(bytes, item.path));
        if (!pages.success) throw tampered(item.path);
        pageTexts.set(documentId, pages.data);
      }
    }
    if (!content) throw damaged();
    assertConsistent(manifest, content, pageTexts, blobs);
    const manifestSha = createHash('sha256').update(manifestBytes).digest('hex');
    return { manifest, content, pageTexts, blobs, totalBytes, manifestSha };
  } finally {
    zip.close();
  }
}

/** The content must describe what the manifest carries, and refer only to rows it carries. */
function assertConsistent(manifest: PackManifest, content: PackContent, pageTexts: Map<string, string[]>, blobs: Map<string, string>): void {
  const bad = (what: string) =>
    invalid(`Nội dung gói tài liệu không nhất quán (${what}).`, `The pack content is inconsistent (${what}).`);
  if (content.meeting.id !== manifest.meetingId || content.meeting.revision !== manifest.revision) throw bad('meeting');
  const documentIds = new Set(content.documents.map((d) => d.id));
  for (const d of content.documents) if (!blobs.has(d.blob_sha256)) throw bad(`document ${d.id}`);
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
