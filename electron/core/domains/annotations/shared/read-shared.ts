import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CoreError } from '../../../errors.ts';
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
  annotations: SharedAnnotation[];
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

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function readEntry(zip: ZipFile, entry: Entry, max: number, fileName: string): Promise<Buffer> {
  if (entry.uncompressedSize > max) throw damaged(fileName);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of await zip.openReadStreamPromise(entry)) {
      size += (chunk as Buffer).length;
      if (size > max) throw damaged(fileName);
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw Object.assign(damaged(fileName), { cause: e });
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer, fileName: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw tampered(fileName);
  }
}

/**
 * Open a shared-notes file and prove it whole before anything is stored: the signature over the
 * manifest by the key it names, then annotations.json's size and SHA-256, then every note against
 * the rules a note saved in the app follows. Whether the signer is trusted is the caller's decision.
 * `fileName` is how the user knows the file, for messages.
 */
export async function readSharedNotes(file: string, fileName: string): Promise<OpenedSharedNotes> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CoreError('IO_ERROR', { vi: `Không đọc được tệp "${fileName}".`, en: `Cannot read "${fileName}".` }, undefined, { cause: e });
  }
  if (size === 0 || size > SHARED_LIMITS.fileBytes) throw damaged(fileName);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true });
  } catch (e) {
    throw Object.assign(damaged(fileName), { cause: e });
  }
  try {
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        const name = entry.fileName;
        if (![MANIFEST, SIGNATURE, ANNOTATIONS].includes(name) || entries.has(name)) {
          throw invalid(`Tệp ghi chú chứa thành phần lạ "${name}".`, `The notes file holds an unexpected entry "${name}".`);
        }
        entries.set(name, entry);
      }
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw Object.assign(damaged(fileName), { cause: e });
    }
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

    const manifestBytes = await readEntry(zip, manifestEntry, SHARED_LIMITS.manifestBytes, fileName);
    const signature = (await readEntry(zip, signatureEntry, 1024, fileName)).toString('utf8').trim();
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
    const bytes = await readEntry(zip, annotationsEntry, SHARED_LIMITS.annotationsBytes, fileName);
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
    return { manifest, annotations, manifestSha: sha256(manifestBytes) };
  } finally {
    zip.close();
  }
}
