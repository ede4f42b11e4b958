import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { Database } from './sqlite.ts';

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
        const file = join(dataDir, 'blobs', d.blob_sha256.slice(0, 2), d.blob_sha256.slice(2));
        return createHash('sha256').update(readFileSync(file)).digest('hex') !== d.blob_sha256;
      } catch {
        return true;
      }
    });
    return { documents, blobRows, blobs, temps, pages, expectedPages, metaIndex, wrongHash };
  } finally {
    db.close();
  }
}
