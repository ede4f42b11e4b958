import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';

/**
 * The backup file: a zip holding
 *   nghisu.db            the database, copied by SQLite's online backup API (deflated)
 *   blobs/<sha256>       every document file the database names, stored as they are (PDFs are compressed already)
 *   keys/<name>          the profile's private signing key, unless the backup was made without it
 *   manifest.json        written last: every other entry's size and SHA-256, and what is missing
 * A plain SQLite file (backups made before this format, and the databases a restore keeps) is still
 * a valid backup: it has no document files and no key.
 */
export const BACKUP_FORMAT = 'nghisu.backup';
export const BACKUP_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const DATABASE_ENTRY = 'nghisu.db';
export const blobEntry = (sha256: string) => `blobs/${sha256}`;
export const keyEntry = (name: string) => `keys/${name}`;

/** Limits the reader enforces on a file that may come from anywhere. */
export const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;
export const KEY_MAX_BYTES = 64 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().nonnegative();
/** `<profile uuid>.<suffix>`: a key file's name, never a path. */
export const keyFileName = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9][a-z0-9.-]{0,40}$/);

export const manifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string().max(40),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().positive(),
    database: z.object({ size, sha256 }).strict(),
    blobs: z.array(z.object({ sha256, size }).strict()).max(10_000_000),
    /** Named by the database but absent or damaged in the store when the backup was made. */
    missingBlobs: z.array(sha256).max(10_000_000),
    keys: z.array(z.object({ name: keyFileName, size: size.max(KEY_MAX_BYTES), sha256 }).strict()).max(16),
  })
  .strict();

export type BackupManifest = z.infer<typeof manifestSchema>;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** 'archive', 'database' (a plain SQLite file) or null, from the first bytes. */
export function backupKind(file: string): 'archive' | 'database' | null {
  const head = Buffer.alloc(16);
  let n: number;
  const fd = openSync(file, 'r');
  try {
    n = readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 16 && head.equals(SQLITE_MAGIC)) return 'database';
  if (n >= 4 && head.subarray(0, 4).equals(ZIP_MAGIC)) return 'archive';
  return null;
}
