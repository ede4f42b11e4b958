import { createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database, folderKey } from './sqlite.ts';

/** Where the store keeps a blob (blobs/<2 hex>/<62 hex>). */
export function storedBlobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2));
}

/**
 * The plain bytes of a stored document file, decrypted here by a second, independent reading of the
 * at-rest format (ADR 0014): 16-byte header (magic "NSBLOB\x01\x00", 7-byte nonce prefix, reserved),
 * then 64 KiB AES-256-GCM chunks each followed by its tag; nonce = prefix ‖ index (u32 BE) ‖ last flag;
 * the header is the associated data; the key is HKDF-SHA256(database key, info "nghisu/document-files/v1").
 * Throws when the file is plain or any chunk fails its tag.
 */
export function readStoredBlob(dataDir: string, sha256: string): Buffer {
  const file = readFileSync(storedBlobPath(dataDir, sha256));
  const header = file.subarray(0, 16);
  if (header.subarray(0, 8).toString('latin1') !== 'NSBLOB\x01\x00') throw new Error(`blob ${sha256} is not encrypted`);
  const key = Buffer.from(hkdfSync('sha256', folderKey(dataDir), Buffer.alloc(0), 'nghisu/document-files/v1', 32));
  const sealedChunk = 64 * 1024 + 16;
  const body = file.subarray(16);
  const count = Math.ceil(body.length / sealedChunk);
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const sealed = body.subarray(i * sealedChunk, Math.min(body.length, (i + 1) * sealedChunk));
    const nonce = Buffer.alloc(12);
    header.copy(nonce, 0, 8, 15);
    nonce.writeUInt32BE(i, 7);
    nonce[11] = i === count - 1 ? 1 : 0;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(header);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    parts.push(decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final());
  }
  return Buffer.concat(parts);
}

/** Every file in the blob store as `sha256` (folder + name), and the temp files beside them. */
export function blobStoreFiles(dataDir: string): { blobs: string[]; temps: string[] } {
  const root = join(dataDir, 'blobs');
  const blobs: string[] = [];
  const temps: string[] = [];
  let top: string[];
  try {
    top = readdirSync(root);
  } catch {
    return { blobs, temps };
  }
  for (const name of top) {
    if (name.startsWith('tmp-')) temps.push(name);
    else if (/^[0-9a-f]{2}$/.test(name)) for (const rest of readdirSync(join(root, name))) blobs.push(name + rest);
  }
  return { blobs: blobs.sort(), temps };
}

/** Independent check of the store: rows ↔ files, hashes, page rows, index rows. Returns what it found. */
export function inspectStore(dataDir: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const documents = db.prepare('SELECT id, blob_sha256, page_count, kind FROM documents').all() as {
      id: string;
      blob_sha256: string;
      page_count: number | null;
      kind: string;
    }[];
    const blobRows = db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all() as string[];
    const pages = db.prepare('SELECT count(*) FROM document_pages').pluck().get() as number;
    const expectedPages = documents.reduce((n, d) => n + (d.kind === 'pdf' ? (d.page_count ?? 0) : 0), 0);
    const metaIndex = db.prepare('SELECT count(*) FROM documents_fts').pluck().get() as number;
    const { blobs, temps } = blobStoreFiles(dataDir);
    const wrongHash = documents.filter((d) => {
      try {
        return createHash('sha256').update(readStoredBlob(dataDir, d.blob_sha256)).digest('hex') !== d.blob_sha256;
      } catch {
        return true;
      }
    });
    return { documents, blobRows, blobs, temps, pages, expectedPages, metaIndex, wrongHash };
  } finally {
    db.close();
  }
}
