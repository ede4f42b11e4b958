import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPaths } from '../context.ts';

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
