import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Entry } from 'yauzl';
import { CoreError } from '../../errors.ts';
import { BoundedZip, type LimitError } from '../../files/bounded-zip.ts';
import { zipLimitReason } from '../../files/zip-limit-reason.ts';
import type { TempBlob } from '../documents/blob-store.ts';
import { fingerprintOf, verifySignature } from '../directory/index.ts';
import {
  ANSWERS,
  answersContentSchema,
  entryPath,
  MANIFEST,
  OPINION_FILE_LIMITS,
  opinionManifestSchema,
  pageTextsSchema,
  REQUEST,
  requestContentSchema,
  SIGNATURE,
  type AnswersContent,
  type OpinionManifest,
  type RequestContent,
} from './format.ts';

export interface OpenedOpinionFile {
  manifest: OpinionManifest;
  /** SHA-256 of manifest.json: identifies this exact file. */
  manifestSha: string;
  request: RequestContent | null;
  answers: AnswersContent | null;
  pageTexts: Map<string, string[]>;
  /** sha256 → the document's bytes, verified and already encrypted into the store's temp folder. */
  documents: Map<string, TempBlob>;
}

/** Where a verified document's bytes go: the store's encrypted temp copy (documents/blob-store.ts). */
export type StoreDocument = (bytes: Readable) => Promise<TempBlob>;

function invalid(vi: string, en: string, details?: unknown): CoreError {
  return new CoreError('PACK_INVALID', { vi, en }, details);
}

const damaged = (fileName: string) =>
  invalid(
    `Tệp "${fileName}" không phải tệp lấy ý kiến của Nghị Sự, hoặc đã bị cắt cụt/hỏng khi sao chép. Không có gì được nhập; hãy xin người gửi gửi lại.`,
    `"${fileName}" is not a Nghị Sự written-opinions file, or it was truncated or damaged in copying. Nothing was imported; ask the sender to send it again.`,
  );

const tampered = (fileName: string, entry: string) =>
  invalid(
    `Tệp "${fileName}" đã bị thay đổi sau khi ký (thành phần "${entry}" không khớp). Không có gì được nhập.`,
    `"${fileName}" was changed after it was signed ("${entry}" does not match). Nothing was imported.`,
    { entry },
  );

function overLimit(fileName: string): LimitError {
  return (limit, { max, entry }) => {
    const [vi, en] = zipLimitReason(limit, { max, entry });
    return invalid(
      `Tệp lấy ý kiến "${fileName}" bị từ chối vì vượt giới hạn an toàn: ${vi}. Không có gì được nhập.`,
      `The written-opinions file "${fileName}" was refused because it exceeds a safety limit: ${en}. Nothing was imported.`,
      { limit, max, ...(entry ? { entry } : {}) },
    );
  };
}

function maxBytesOf(name: string): number {
  if (name === MANIFEST) return OPINION_FILE_LIMITS.manifestBytes;
  if (name === SIGNATURE) return OPINION_FILE_LIMITS.signatureBytes;
  if (name === REQUEST || name === ANSWERS) return OPINION_FILE_LIMITS.contentBytes;
  if (name.startsWith('text/')) return OPINION_FILE_LIMITS.textBytes;
  return OPINION_FILE_LIMITS.documentBytes;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function signedBy(manifest: OpinionManifest, manifestBytes: Buffer, signature: string): boolean {
  try {
    return fingerprintOf(manifest.signer.publicKey) === manifest.signer.fingerprint && verifySignature(manifest.signer.publicKey, manifestBytes, signature);
  } catch {
    return false;
  }
}

/**
 * Open a request or answers file and prove it before anything is stored, in an order that keeps a
 * hostile file cheap (as meeting packs and shared notes do): the entries and their declared sizes,
 * the signature over the manifest by the key it names, then `check` decides on the signer (it
 * throws to refuse, or says 'stop' to see the manifest only: an untrusted key's file costs no more
 * than its manifest); only then are the
 * JSON entries read within their limits and every entry checked against the manifest's size and
 * SHA-256, documents while they stream into the store's encrypted temp files. On any refusal the
 * temp files made so far are removed. `fileName` is how the user knows the file, for messages.
 */
export async function readOpinionFile(
  file: string,
  fileName: string,
  check: (manifest: OpinionManifest) => 'read' | 'stop',
  storeDocument: StoreDocument,
): Promise<OpenedOpinionFile> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CoreError('NOT_FOUND', { vi: `Không tìm thấy tệp "${fileName}".`, en: `File not found: "${fileName}".` }, undefined, { cause: e });
  }
  if (size === 0) throw damaged(fileName);
  const damagedBy = (cause: unknown) => Object.assign(damaged(fileName), { cause });
  const limits = { entries: OPINION_FILE_LIMITS.entries, totalBytes: OPINION_FILE_LIMITS.totalBytes, ratio: OPINION_FILE_LIMITS.ratio };
  const zip = await BoundedZip.open(file, limits, overLimit(fileName), damagedBy);
  const documents = new Map<string, TempBlob>();
  try {
    const entries = await zip.list((name) => name === MANIFEST || name === SIGNATURE || entryPath.safeParse(name).success, maxBytesOf, damagedBy);
    const manifestEntry = entries.get(MANIFEST);
    if (!manifestEntry) throw damaged(fileName);
    const signatureEntry = entries.get(SIGNATURE);
    if (!signatureEntry) {
      throw invalid(
        `Tệp "${fileName}" chưa được ký nên không xác minh được người gửi. Không có gì được nhập.`,
        `"${fileName}" is not signed, so its sender cannot be verified. Nothing was imported.`,
      );
    }
    const manifestBytes = await zip.read(manifestEntry, OPINION_FILE_LIMITS.manifestBytes, damagedBy);
    const signature = (await zip.read(signatureEntry, OPINION_FILE_LIMITS.signatureBytes, damagedBy)).toString('utf8').trim();
    const parsed = opinionManifestSchema.safeParse(parseJson(manifestBytes, fileName, MANIFEST));
    if (!parsed.success) {
      throw invalid(
        `Tệp "${fileName}" có định dạng không đúng hoặc của phiên bản Nghị Sự mới hơn.`,
        `"${fileName}" is malformed or from a newer version of Nghị Sự.`,
      );
    }
    const manifest = parsed.data;
    if (!signedBy(manifest, manifestBytes, signature)) {
      throw invalid(
        `Chữ ký của tệp "${fileName}" không hợp lệ: tệp đã bị sửa đổi sau khi ký. Không có gì được nhập.`,
        `The signature of "${fileName}" is invalid: it was altered after it was signed. Nothing was imported.`,
      );
    }
    const listed = new Set(manifest.files.map((f) => f.path));
    if (listed.size !== manifest.files.length) throw tampered(fileName, MANIFEST);
    for (const name of entries.keys()) if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) throw tampered(fileName, name);
    for (const item of manifest.files) {
      const entry = entries.get(item.path);
      if (!entry) throw invalid(`Tệp "${fileName}" thiếu thành phần "${item.path}" (bị cắt cụt?).`, `"${fileName}" is missing "${item.path}" (truncated?).`);
      if (entry.uncompressedSize !== item.size) throw tampered(fileName, item.path);
      if (item.path.startsWith('documents/') && item.path !== `documents/${item.sha256}`) throw tampered(fileName, item.path);
    }
    const opened: OpenedOpinionFile = { manifest, manifestSha: sha256Of(manifestBytes), request: null, answers: null, pageTexts: new Map(), documents };
    if (check(manifest) === 'stop') return opened;
    for (const item of manifest.files) {
      const entry = entries.get(item.path)!;
      if (item.path.startsWith('documents/')) {
        documents.set(item.sha256, await storedDocument(zip, entry, item, storeDocument, fileName));
        continue;
      }
      const bytes = await zip.read(entry, maxBytesOf(item.path), damagedBy);
      if (bytes.length !== item.size || sha256Of(bytes) !== item.sha256) throw tampered(fileName, item.path);
      const json = parseJson(bytes, fileName, item.path);
      if (item.path === REQUEST) opened.request = parsedOr(requestContentSchema.safeParse(json), fileName, item.path);
      else if (item.path === ANSWERS) opened.answers = parsedOr(answersContentSchema.safeParse(json), fileName, item.path);
      else opened.pageTexts.set(item.path.slice('text/'.length, -'.json'.length), parsedOr(pageTextsSchema.safeParse(json), fileName, item.path));
    }
    assertConsistent(opened, fileName);
    return opened;
  } catch (e) {
    for (const blob of documents.values()) rmSync(blob.tmp, { force: true });
    throw e;
  } finally {
    zip.close();
  }
}

function parseJson(bytes: Buffer, fileName: string, entry: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw tampered(fileName, entry);
  }
}

/** Signed by its sender yet not what the app writes: refused whole, naming the entry. */
function parsedOr<T>(result: { success: true; data: T } | { success: false }, fileName: string, entry: string): T {
  if (result.success) return result.data;
  throw invalid(`Nội dung tệp "${fileName}" không đúng định dạng (thành phần "${entry}").`, `The content of "${fileName}" is malformed ("${entry}").`, { entry });
}

/** One document streamed through the store's encrypting copy; refused unless its plain bytes are exactly what the manifest says. */
async function storedDocument(zip: BoundedZip, entry: Entry, item: OpinionManifest['files'][number], store: StoreDocument, fileName: string): Promise<TempBlob> {
  let blob: TempBlob;
  try {
    blob = await store(await zip.stream(entry, item.size, (cause) => Object.assign(damaged(fileName), { cause })));
  } catch (e) {
    if (e instanceof CoreError && (e.details as { limit?: string } | undefined)?.limit !== 'entryBytes' && e.code === 'PACK_INVALID') throw e;
    throw Object.assign(tampered(fileName, item.path), { cause: e });
  }
  if (blob.size !== item.size || blob.sha256 !== item.sha256) {
    rmSync(blob.tmp, { force: true });
    throw tampered(fileName, item.path);
  }
  return blob;
}

/** The content must be the request the manifest names, and describe exactly what the file carries. */
function assertConsistent(opened: OpenedOpinionFile, fileName: string): void {
  const bad = (what: string) => invalid(`Nội dung tệp "${fileName}" không nhất quán (${what}).`, `The content of "${fileName}" is inconsistent (${what}).`, { what });
  const { manifest, request, answers } = opened;
  if (manifest.format === 'nghisu.opinion-answers') {
    if (!answers) throw damaged(fileName);
    if (new Set(answers.map((a) => a.questionId)).size !== answers.length) throw bad('question repeated');
    return;
  }
  if (!request) throw damaged(fileName);
  if (request.id !== manifest.requestId || request.committee.id !== manifest.committee.id) throw bad('request');
  const unique = (ids: unknown[]) => new Set(ids).size === ids.length;
  if (!unique(request.questions.map((q) => q.id)) || !unique(request.questions.map((q) => q.position))) throw bad('questions');
  if (!unique(request.recipients.map((r) => r.personId))) throw bad('recipients');
  if (!unique(request.documents.map((d) => d.id))) throw bad('documents');
  const carried = new Set(opened.documents.keys());
  for (const d of request.documents) if (!carried.has(d.blob_sha256)) throw bad(`document ${d.id}`);
  const used = new Set(request.documents.map((d) => d.blob_sha256));
  for (const sha of carried) if (!used.has(sha)) throw bad(`document ${sha}`);
  const documentIds = new Set(request.documents.map((d) => d.id));
  for (const id of opened.pageTexts.keys()) if (!documentIds.has(id)) throw bad(`text ${id}`);
}
