import { createHash } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { DataPaths } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { blobFile } from '../../files/blob-file.ts';
import type { SigningIdentity } from '../directory/index.ts';
import { holderText } from '../directory/index.ts';
import { CONTENT, MANIFEST, PACK_FORMAT, PACK_VERSION, SIGNATURE, type PackContent, type PackManifest } from './format.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Write a signed pack to `file` (which the caller then makes durable and renames into place).
 * Documents are stored uncompressed: PDFs are compressed already, and a stored entry streams.
 */
export async function writePack(
  file: string,
  paths: DataPaths,
  content: PackContent,
  pageTexts: Map<string, string[]>,
  signer: SigningIdentity,
  now: Date,
): Promise<{ documents: number }> {
  const zip = new yazl.ZipFile();
  const files: PackManifest['files'] = [];
  const addJson = (path: string, value: unknown) => {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    files.push({ path, size: bytes.length, sha256: sha256(bytes) });
    zip.addBuffer(bytes, path);
  };

  addJson(CONTENT, content);
  const blobs = new Set<string>();
  for (const document of content.documents) {
    if (blobs.has(document.blob_sha256)) continue;
    blobs.add(document.blob_sha256);
    const source = blobFile(paths, document.blob_sha256);
    if (!source) {
      throw new CoreError('IO_ERROR', {
        vi: `Thiếu tệp của tài liệu "${document.file_name}" trong kho lưu trữ. Hãy nhập lại tài liệu này.`,
        en: `The stored file of "${document.file_name}" is missing. Import the document again.`,
      });
    }
    const path = `documents/${document.blob_sha256}`;
    files.push({ path, size: statSync(source).size, sha256: document.blob_sha256 });
    zip.addFile(source, path, { compress: false });
  }
  for (const [documentId, pages] of pageTexts) addJson(`text/${documentId}.json`, pages);

  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    createdAt: now.toISOString(),
    meetingId: content.meeting.id,
    revision: content.meeting.revision,
    signer: { label: holderText(signer.label), publicKey: signer.publicKey, fingerprint: signer.fingerprint },
    files,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  zip.addBuffer(manifestBytes, MANIFEST);
  zip.addBuffer(Buffer.from(signer.sign(manifestBytes).toString('base64'), 'utf8'), SIGNATURE);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return { documents: content.documents.length };
}
