import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { DataPaths } from '../context.ts';
import { TMP_PREFIX } from '../domains/documents/blob-store.ts';
import { blobPathOf, blobPlainSize, type BlobAccess } from '../files/blob-file.ts';
import { fsyncDir, fsyncFile } from '../fs/durable.ts';
import { openSqlite, type DatabaseKey } from '../db/database-cipher.ts';
import { blobEntry, keyEntry, type BackupManifest } from './backup-format.ts';
import type { OpenedBackup } from './read-backup-archive.ts';

/**
 * Put one document file of the backup into the content-addressed store: streamed to a temp file
 * the sweep recognises, encrypted, checked against its SHA-256, flushed, then renamed to its name.
 * A file already stored with the right size is left as it is.
 */
export async function placeBlob(backup: OpenedBackup, access: BlobAccess, blob: BackupManifest['blobs'][number]): Promise<'written' | 'present'> {
  const { paths } = access;
  const dest = blobPathOf(paths, blob.sha256);
  try {
    if ((await blobPlainSize(access, blob.sha256)) === blob.size) return 'present';
  } catch {
    // Stored but unreadable: written again below.
  }
  mkdirSync(paths.blobs, { recursive: true });
  const tmp = join(paths.blobs, `${TMP_PREFIX}${process.pid}-${uuidv7()}`);
  try {
    await backup.copyEntry(blobEntry(blob.sha256), blob, tmp, 0o600, access.key);
    const dir = dirname(dest);
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true });
      fsyncDir(paths.blobs);
    }
    renameSync(tmp, dest);
    fsyncDir(dir);
    return 'written';
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Put a key file of the backup into keys/ (0700), created 0600, unless one of that name is there
 * already: a profile's key never changes, and an existing file is never overwritten. Returns the
 * path when it was written, so a restore that fails later can take it back out.
 */
export async function placeKey(backup: OpenedBackup, paths: DataPaths, key: BackupManifest['keys'][number]): Promise<string | null> {
  const dest = join(paths.keys, key.name);
  if (existsSync(dest)) return null;
  mkdirSync(paths.keys, { recursive: true, mode: 0o700 });
  const tmp = join(paths.keys, `.${uuidv7()}.tmp`);
  try {
    await backup.copyEntry(keyEntry(key.name), key, tmp, 0o600);
    renameSync(tmp, dest);
    fsyncDir(paths.keys);
    return dest;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Whether keys/ holds a key file of this profile (whatever its format's suffix). */
export function hasKeyFile(paths: DataPaths, profileId: string): boolean {
  try {
    return readdirSync(paths.keys).some((name) => name.startsWith(`${profileId}.`));
  } catch {
    return false;
  }
}

/**
 * Keep the database a restore replaces in backups/, so the restore can be undone. Called with no
 * connection open and the WAL folded in, so the file alone is the whole database. The copy is
 * switched to a rollback journal: the sweep reads it read-only at every start, and a WAL-mode file
 * would need -wal/-shm files beside it for that.
 */
export function keepReplacedDatabase(databaseFile: string, copy: string, key: DatabaseKey): void {
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(databaseFile, copy);
  const db = openSqlite(copy, { fileMustExist: true }, key);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  fsyncFile(copy);
  fsyncDir(dirname(copy));
}
