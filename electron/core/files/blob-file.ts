import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DataPaths } from '../context.ts';
import { deriveBlobKey, openStoredFile, type BlobKey, type StoredFile } from './blob-cipher.ts';

export type { BlobKey };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where the content-addressed store keeps a blob: blobs/<first two hex>/<the rest>. */
export function blobPathOf(paths: DataPaths, sha256: string): string {
  return join(paths.blobs, sha256.slice(0, 2), sha256.slice(2));
}

/** The stored file for a SHA-256, or null when the hash is malformed or not stored. */
export function blobFile(paths: DataPaths, sha256: string): string | null {
  if (!SHA256_HEX.test(sha256)) return null;
  const file = blobPathOf(paths, sha256);
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

const derived = new WeakMap<Buffer, BlobKey>();

/** The document files' key of a database key (derived once per key). */
export function blobKeyOf(databaseKey: Buffer): BlobKey {
  let key = derived.get(databaseKey);
  if (!key) derived.set(databaseKey, (key = deriveBlobKey(databaseKey)));
  return key;
}

/** Access to the plain bytes of stored document files, for whoever holds the key. */
export interface BlobAccess {
  paths: DataPaths;
  key: BlobKey;
}

/** A stored blob opened for reading its plain bytes, or null when the hash is malformed or not stored. */
export async function openBlob(access: BlobAccess, sha256: string): Promise<StoredFile | null> {
  const file = blobFile(access.paths, sha256);
  if (!file) return null;
  try {
    return await openStoredFile(file, access.key);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The plain bytes of a stored blob as a stream that opens the file only when first read, so a
 * zip of hundreds of documents does not hold hundreds of files open. Fails (as a stream error)
 * when the blob is missing or damaged.
 */
export function blobReadStream(access: BlobAccess, sha256: string): Readable {
  return Readable.from(
    (async function* () {
      const stored = await openBlob(access, sha256);
      if (!stored) throw Object.assign(new Error(`blob ${sha256} is not stored`), { code: 'ENOENT' });
      try {
        yield* stored.stream();
      } finally {
        await stored.close();
      }
    })(),
    { objectMode: false },
  );
}

/** The plain size of a stored blob, or null when it is not stored. */
export async function blobPlainSize(access: BlobAccess, sha256: string): Promise<number | null> {
  const stored = await openBlob(access, sha256);
  if (!stored) return null;
  await stored.close();
  return stored.size;
}
