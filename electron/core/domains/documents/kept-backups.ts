import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPaths } from '../../context.ts';
import { openSqlite, type DatabaseKey } from '../../db/database-cipher.ts';
import { fsyncDir } from '../../fs/durable.ts';

/** Where a restore records when it began: `{ "restoredAt": ISO }`. */
export const LAST_RESTORE_FILE = 'last-restore.json';

/**
 * File systems store modification times coarsely (FAT: 2 s) and a restore stamps the marker just
 * before it writes blobs: a file this close to the marker counts as written by or after it.
 */
const CLOCK_SLACK_MS = 2000;

export interface KeptBackupBlobs {
  /** Blob names any database kept in <data>/backups/ lists: the files an undo of a restore needs. */
  names: Set<string>;
  /** Kept databases that could not be read: while any exists, which files they need is unknown. */
  unreadable: string[];
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

function isZipFile(file: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, 4, 0)).equals(ZIP_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/**
 * `SELECT sha256 FROM blobs` of a database file (plain, or encrypted with `key`), read-only,
 * leaving no -wal/-shm it created behind.
 */
export function databaseBlobNames(file: string, key: DatabaseKey | null): string[] {
  const sidecars = ['-wal', '-shm'].map((s) => file + s).filter((f) => !existsSync(f));
  const db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
  try {
    const hasBlobs = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'blobs'").get();
    return hasBlobs ? (db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]) : [];
  } finally {
    db.close();
    for (const f of sidecars) if (existsSync(f) && (!f.endsWith('-wal') || statSync(f).size === 0)) rmSync(f, { force: true });
  }
}

/** Every blob name the databases kept by restores still need. */
export function keptBackupBlobs(paths: DataPaths, key: DatabaseKey): KeptBackupBlobs {
  const names = new Set<string>();
  const unreadable: string[] = [];
  let files: string[];
  try {
    files = readdirSync(paths.backups).filter((name) => name.endsWith('.db'));
  } catch {
    return { names, unreadable };
  }
  for (const name of files) {
    const file = join(paths.backups, name);
    try {
      // An archive someone saved here is not a database a restore kept: its files are inside it.
      if (isZipFile(file)) continue;
      for (const sha of databaseBlobNames(file, key)) names.add(sha);
    } catch {
      unreadable.push(file);
    }
  }
  return { names, unreadable };
}

/**
 * The moment the last restore began, in ms; null when this data folder was never restored into.
 * A marker that exists but cannot be read gives +Infinity: every unnamed file is then kept.
 */
export function lastRestoreAt(paths: DataPaths): number | null {
  let text: string;
  try {
    text = readFileSync(join(paths.backups, LAST_RESTORE_FILE), 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : Number.POSITIVE_INFINITY;
  }
  try {
    const at = Date.parse((JSON.parse(text) as { restoredAt?: unknown }).restoredAt as string);
    return Number.isFinite(at) ? at : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** True when a file modified at `mtimeMs` was written by or after the last restore. */
export function writtenSinceRestore(mtimeMs: number, restoredAt: number | null): boolean {
  return restoredAt !== null && mtimeMs >= restoredAt - CLOCK_SLACK_MS;
}

/** Record durably that a restore begins now, before it writes any blob. */
export function markRestore(paths: DataPaths, at: Date): void {
  mkdirSync(paths.backups, { recursive: true });
  const dest = join(paths.backups, LAST_RESTORE_FILE);
  const tmp = `${dest}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ restoredAt: at.toISOString() })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, dest);
  fsyncDir(paths.backups);
}
