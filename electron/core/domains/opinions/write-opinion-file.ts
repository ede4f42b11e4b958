import { createHash } from 'node:crypto';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import yazl from 'yazl';
import { CoreError } from '../../errors.ts';
import { blobReadStream, type BlobAccess } from '../../files/blob-file.ts';
import { refuseOverwrite } from '../../files/user-file.ts';
import { commitFile } from '../../fs/durable.ts';
import type { SigningIdentity } from '../directory/index.ts';
import { MANIFEST, OPINION_VERSION, SIGNATURE, type OpinionManifest, type OpinionSigner } from './format.ts';

/** What a file says beyond its entries: its kind and the fields of that kind's manifest. */
export type ManifestHead =
  | { format: 'nghisu.opinion-request'; requestId: string; committee: { id: string; name: string } }
  | { format: 'nghisu.opinion-answers'; requestId: string; sequence: number };

export interface OpinionFileContent {
  /** path → value, written as JSON. */
  json: Map<string, unknown>;
  /** Stored documents to carry, by SHA-256 with their plain size (read from the encrypted store). */
  documents: { sha256: string; size: number }[];
}

export function signerOf(identity: SigningIdentity): OpinionSigner {
  return {
    profileId: identity.profileId,
    fullName: identity.label.fullName,
    position: identity.label.position,
    unitName: identity.label.unitName,
    publicKey: identity.publicKey,
    fingerprint: identity.fingerprint,
  };
}

/**
 * Write a signed request or answers file to `file`: every entry hashed into the manifest, the
 * manifest signed with the profile key. Documents are streamed from the store uncompressed (a
 * stored entry streams; PDFs are compressed already), never held in memory.
 */
export async function writeOpinionFile(file: string, head: ManifestHead, content: OpinionFileContent, store: BlobAccess, identity: SigningIdentity, now: Date): Promise<void> {
  const zip = new yazl.ZipFile();
  const files: OpinionManifest['files'] = [];
  for (const [path, value] of content.json) {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    files.push({ path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    zip.addBuffer(bytes, path);
  }
  for (const { sha256, size } of content.documents) {
    const path = `documents/${sha256}`;
    files.push({ path, size, sha256 });
    const bytes = blobReadStream(store, sha256);
    // yazl does not see its inputs fail: a stored file damaged on the disk must end the file, not stall it.
    bytes.once('error', (e) => (zip.outputStream as Readable).destroy(e));
    zip.addReadStream(bytes, path, { compress: false, size });
  }
  const manifest = { ...head, version: OPINION_VERSION, createdAt: now.toISOString(), signer: signerOf(identity), files } as OpinionManifest;
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  zip.addBuffer(manifestBytes, MANIFEST);
  zip.addBuffer(Buffer.from(identity.sign(manifestBytes).toString('base64'), 'utf8'), SIGNATURE);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

/**
 * A file the CLI names: written beside it, made durable, then renamed into place, so a crash
 * leaves the old file or the whole new one. An existing file is kept unless `overwrite`.
 */
export async function writeAtPath(file: string, overwrite: boolean | undefined, write: (tmp: string) => Promise<void>): Promise<number> {
  refuseOverwrite(file, overwrite);
  const tmp = join(dirname(file), `.${uuidv7()}.tmp`);
  try {
    await write(tmp);
    commitFile(tmp, file, dirname(file));
    return statSync(file).size;
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof CoreError) throw e;
    throw new CoreError('IO_ERROR', { vi: `Không ghi được tệp "${file}".`, en: `Cannot write "${file}".` }, undefined, { cause: e });
  }
}
