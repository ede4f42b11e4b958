import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { CoreError } from '../../../errors.ts';
import { BoundedZip, type LimitError, type ZipLimits } from '../../../files/bounded-zip.ts';
import { zipLimitReason } from '../../../files/zip-limit-reason.ts';
import { fingerprintOf, verifySignature } from '../../directory/index.ts';
import {
  ANNOTATIONS,
  MANIFEST,
  SHARED_LIMITS,
  SIGNATURE,
  sharedAnnotationsSchema,
  sharedManifestSchema,
  type SharedAnnotation,
  type SharedManifest,
} from './format.ts';

export interface OpenedSharedNotes {
  manifest: SharedManifest;
  /** The notes, read only when the author's key was trusted (see `readNotesOf`). */
  annotations: SharedAnnotation[] | null;
  /** SHA-256 of manifest.json: identifies this exact file. */
  manifestSha: string;
}

function invalid(vi: string, en: string, details?: unknown): CoreError {
  return new CoreError('PACK_INVALID', { vi, en }, details);
}

const damaged = (fileName: string) =>
  invalid(
    `Tệp "${fileName}" không phải tệp ghi chú chia sẻ của Nghị Sự, hoặc đã bị cắt cụt/hỏng khi sao chép. Hãy xin người gửi gửi lại.`,
    `"${fileName}" is not a Nghị Sự shared-notes file, or it was truncated or damaged in copying. Ask the sender to send it again.`,
  );

const tampered = (fileName: string) =>
  invalid(
    `Tệp ghi chú "${fileName}" đã bị thay đổi sau khi ký. Không nhập tệp này.`,
    `The notes file "${fileName}" was changed after it was signed. It was not imported.`,
  );

function overLimit(fileName: string): LimitError {
  return (limit, { max, entry }) => {
    const [vi, en] = zipLimitReason(limit, { max, entry });
    return invalid(
      `Tệp ghi chú "${fileName}" bị từ chối vì vượt giới hạn an toàn: ${vi}. Không có gì được nhập.`,
      `The notes file "${fileName}" was refused because it exceeds a safety limit: ${en}. Nothing was imported.`,
      { limit, max, ...(entry ? { entry } : {}) },
    );
  };
}

const ZIP_LIMITS: ZipLimits = {
  entries: SHARED_LIMITS.entries,
  totalBytes: SHARED_LIMITS.manifestBytes + SHARED_LIMITS.signatureBytes + SHARED_LIMITS.annotationsBytes,
  ratio: SHARED_LIMITS.ratio,
};

function maxBytesOf(name: string): number {
  if (name === MANIFEST) return SHARED_LIMITS.manifestBytes;
  if (name === SIGNATURE) return SHARED_LIMITS.signatureBytes;
  return SHARED_LIMITS.annotationsBytes;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function parseJson(bytes: Buffer, fileName: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw tampered(fileName);
  }
}

/**
 * Open a shared-notes file and prove it whole before anything is stored, in an order that keeps a
 * hostile file cheap: the entries and their declared sizes (nothing inflated), the signature over
 * the manifest by the key it names, then `readNotesOf` decides on that author; only a trusted
 * author's annotations.json is read (within its limit, checked while it inflates), checked against
 * the manifest's size and SHA-256, and every note against the rules a note saved in the app
 * follows. Whether the signer is trusted is the caller's decision. `fileName` is how the user
 * knows the file, for messages.
 */
export async function readSharedNotes(
  file: string,
  fileName: string,
  readNotesOf: (author: SharedManifest['author']) => boolean,
): Promise<OpenedSharedNotes> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CoreError('IO_ERROR', { vi: `Không đọc được tệp "${fileName}".`, en: `Cannot read "${fileName}".` }, undefined, { cause: e });
  }
  if (size === 0) throw damaged(fileName);
  if (size > SHARED_LIMITS.fileBytes) throw overLimit(fileName)('entryBytes', { max: SHARED_LIMITS.fileBytes });
  const damagedBy = (cause: unknown) => Object.assign(damaged(fileName), { cause });
  const zip = await BoundedZip.open(file, ZIP_LIMITS, overLimit(fileName), damagedBy);
  try {
    const entries = await zip.list((name) => [MANIFEST, SIGNATURE, ANNOTATIONS].includes(name), maxBytesOf, damagedBy);
    const manifestEntry = entries.get(MANIFEST);
    const annotationsEntry = entries.get(ANNOTATIONS);
    if (!manifestEntry || !annotationsEntry) throw damaged(fileName);
    const signatureEntry = entries.get(SIGNATURE);
    if (!signatureEntry) {
      throw invalid(
        `Tệp ghi chú "${fileName}" chưa được ký nên không xác minh được người viết. Không nhập tệp này.`,
        `The notes file "${fileName}" is not signed, so its author cannot be verified. It was not imported.`,
      );
    }

    const manifestBytes = await zip.read(manifestEntry, SHARED_LIMITS.manifestBytes, damagedBy);
    const signature = (await zip.read(signatureEntry, SHARED_LIMITS.signatureBytes, damagedBy)).toString('utf8').trim();
    const parsed = sharedManifestSchema.safeParse(parseJson(manifestBytes, fileName));
    if (!parsed.success) {
      throw invalid(
        `Tệp ghi chú "${fileName}" có định dạng không đúng hoặc của phiên bản Nghị Sự mới hơn.`,
        `The notes file "${fileName}" is malformed or from a newer version of Nghị Sự.`,
      );
    }
    const manifest = parsed.data;
    let fingerprintOk = false;
    try {
      fingerprintOk = fingerprintOf(manifest.author.publicKey) === manifest.author.fingerprint;
    } catch {
      fingerprintOk = false;
    }
    if (!fingerprintOk || !verifySignature(manifest.author.publicKey, manifestBytes, signature)) {
      throw invalid(
        `Chữ ký của tệp ghi chú "${fileName}" không hợp lệ: tệp đã bị sửa đổi sau khi ký. Không nhập tệp này.`,
        `The signature of the notes file "${fileName}" is invalid: it was altered after it was signed. It was not imported.`,
      );
    }
    if (annotationsEntry.uncompressedSize !== manifest.annotations.size) throw tampered(fileName);
    const manifestSha = sha256(manifestBytes);
    if (!readNotesOf(manifest.author)) return { manifest, annotations: null, manifestSha };

    const bytes = await zip.read(annotationsEntry, Math.min(manifest.annotations.size, SHARED_LIMITS.annotationsBytes), damagedBy);
    if (bytes.length !== manifest.annotations.size || sha256(bytes) !== manifest.annotations.sha256) throw tampered(fileName);
    const notes = sharedAnnotationsSchema.safeParse(parseJson(bytes, fileName));
    if (!notes.success) {
      // Signed by its author yet not notes the app could have made: refuse it whole.
      throw invalid(
        `Tệp ghi chú "${fileName}" chứa ghi chú không hợp lệ.`,
        `The notes file "${fileName}" holds invalid annotations.`,
        { issues: notes.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) },
      );
    }
    const annotations = notes.data;
    const ids = new Set(annotations.map((a) => a.id));
    if (
      annotations.length !== manifest.count ||
      ids.size !== annotations.length ||
      annotations.some((a) => a.documentId !== manifest.document.id)
    ) {
      throw invalid(`Nội dung tệp ghi chú "${fileName}" không nhất quán.`, `The notes file "${fileName}" is inconsistent.`);
    }
    return { manifest, annotations, manifestSha };
  } finally {
    zip.close();
  }
}
