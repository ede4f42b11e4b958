import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { CoreError } from '../../errors.ts';
import { blobPlainSize, blobReadStream, type BlobAccess } from '../../files/blob-file.ts';
import type { SigningIdentity } from '../directory/index.ts';
import { holderText } from '../directory/index.ts';
import { isClassified } from '../../../../shared/contract/index.ts';
import { CONTENT, MANIFEST, ROOM, type PackRoom, PACK_FORMAT, PACK_VERSION, redactedChanges, redactedRow, SEALED_PACK_VERSION, SIGNATURE, type PackContent, type PackManifest } from './format.ts';
import { sealBytes, sealFile, sealKey, type SealedEntry, type SealingRecipient } from './sealing.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Who classified documents are sealed to, and where their ciphertexts wait until the zip is written. */
export interface PackSealing {
  recipients: SealingRecipient[];
  scratchDir: string;
}

/**
 * Write a signed pack to `file` (which the caller then makes durable and renames into place).
 * Documents are stored uncompressed: PDFs are compressed already, and a stored entry streams.
 * Mật-or-higher documents and their page texts go sealed to `sealing.recipients` (format version 2).
 */
export async function writePack(
  file: string,
  store: BlobAccess,
  content: PackContent,
  pageTexts: Map<string, string[]>,
  signer: SigningIdentity,
  now: Date,
  sealing: PackSealing | null,
  room: PackRoom | null = null,
): Promise<{ documents: number }> {
  const zip = new yazl.ZipFile();
  const files: PackManifest['files'] = [];
  const classifiedBlobs = new Set(content.documents.filter((d) => isClassified(d.classification)).map((d) => d.blob_sha256));
  const classifiedIds = new Set(content.documents.filter((d) => isClassified(d.classification)).map((d) => d.id));
  if (classifiedBlobs.size > 0 && (!sealing || sealing.recipients.length === 0)) throw new Error('classified documents need recipients to seal to');
  const sealed = classifiedBlobs.size > 0 ? { ...sealKey(sealing!.recipients), entries: [] as SealedEntry[] } : null;
  const addJson = (path: string, value: unknown) => {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    if (sealed && /^(text|rows)\//.test(path) && classifiedIds.has(path.slice(path.indexOf('/') + 1, -'.json'.length))) {
      const { entry, bytes: cipher } = sealBytes(sealed.key, path, bytes);
      sealed.entries.push(entry);
      files.push({ path: entry.path, size: cipher.length, sha256: entry.path.slice('sealed/'.length) });
      zip.addBuffer(cipher, entry.path);
      return;
    }
    files.push({ path, size: bytes.length, sha256: sha256(bytes) });
    zip.addBuffer(bytes, path);
  };

  if (sealed) {
    const classified = content.documents.filter((d) => classifiedIds.has(d.id));
    addJson(CONTENT, {
      ...content,
      documents: content.documents.map((d) => (classifiedIds.has(d.id) ? redactedRow(d) : d)),
      changes: redactedChanges(content.changes, classified),
    });
    for (const d of content.documents) if (classifiedIds.has(d.id)) addJson(`rows/${d.id}.json`, d);
  } else addJson(CONTENT, content);
  if (room) addJson(ROOM, room);
  const blobs = new Set<string>();
  for (const document of content.documents) {
    if (blobs.has(document.blob_sha256)) continue;
    blobs.add(document.blob_sha256);
    const plainSize = await blobPlainSize(store, document.blob_sha256);
    if (plainSize === null) {
      throw new CoreError('IO_ERROR', {
        vi: `Thiếu tệp của tài liệu "${document.file_name}" trong kho lưu trữ. Hãy nhập lại tài liệu này.`,
        en: `The stored file of "${document.file_name}" is missing. Import the document again.`,
      });
    }
    const path = `documents/${document.blob_sha256}`;
    if (sealed && classifiedBlobs.has(document.blob_sha256)) {
      const target = join(sealing!.scratchDir, `${document.blob_sha256}.sealed`);
      const { size, ...entry } = await sealFile(sealed.key, path, document.blob_sha256, blobReadStream(store, document.blob_sha256), target);
      sealed.entries.push(entry);
      files.push({ path: entry.path, size, sha256: entry.path.slice('sealed/'.length) });
      zip.addFile(target, entry.path, { compress: false });
      continue;
    }
    files.push({ path, size: plainSize, sha256: document.blob_sha256 });
    const bytes = blobReadStream(store, document.blob_sha256);
    // yazl does not see its inputs fail: a stored file damaged on the disk must end the pack, not stall it.
    bytes.once('error', (e) => (zip.outputStream as Readable).destroy(e));
    zip.addReadStream(bytes, path, { compress: false, size: plainSize });
  }
  for (const [documentId, pages] of pageTexts) addJson(`text/${documentId}.json`, pages);

  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: sealed ? SEALED_PACK_VERSION : PACK_VERSION,
    createdAt: now.toISOString(),
    meetingId: content.meeting.id,
    revision: content.meeting.revision,
    signer: { label: holderText(signer.label), publicKey: signer.publicKey, fingerprint: signer.fingerprint },
    files,
    ...(sealed ? { sealing: { ...sealed.header, entries: sealed.entries } } : {}),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  zip.addBuffer(manifestBytes, MANIFEST);
  zip.addBuffer(Buffer.from(signer.sign(manifestBytes).toString('base64'), 'utf8'), SIGNATURE);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  sealed?.key.fill(0);
  return { documents: content.documents.length };
}
