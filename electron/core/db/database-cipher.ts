import { closeSync, copyFileSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { commitFile } from '../fs/durable.ts';
import { loadSqlite, type SqliteDatabase } from '../runtime.ts';
import { hasSqliteHeader } from './identity.ts';

/** The 256-bit key the profile's database is encrypted with (security/database-key.ts keeps it). */
export type DatabaseKey = Buffer;

type OpenOptions = { readonly?: boolean; fileMustExist?: boolean; timeout?: number };

/**
 * SQLCipher 4's page format (SQLite3 Multiple Ciphers' `sqlcipher` scheme), so Debian's `sqlcipher`
 * tool opens the file for an investigation. The key is given raw (x'…'): it is already 256 random
 * bits, so the cipher's own PBKDF2 (256,000 rounds at every open) would only slow the start down.
 */
export function applyDatabaseKey(db: SqliteDatabase, key: DatabaseKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return head.subarray(0, readSync(fd, head, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

/** An existing, non-empty file that starts with SQLite's plain header: a database nobody encrypted. */
export function isPlainDatabase(file: string): boolean {
  try {
    if (statSync(file).size === 0) return false;
  } catch {
    return false;
  }
  return hasSqliteHeader(readHead(file));
}

/**
 * Open a database file: a plain one as it is, any other with `key` (a new file is created
 * encrypted). Backups taken out of the app and older data folders are plain; the profile's live
 * database and the copies kept by restores are encrypted.
 */
export function openSqlite(file: string, options: OpenOptions, key: DatabaseKey | null): SqliteDatabase {
  const Database = loadSqlite();
  const plain = key === null || isPlainDatabase(file);
  const db = new Database(file, options);
  if (!plain) {
    try {
      applyDatabaseKey(db, key);
    } catch (e) {
      db.close();
      throw e;
    }
  }
  return db;
}

/**
 * Encrypt a plain database where it lies. The work is done on a copy beside it, which only replaces
 * the file once it is whole and on the disk: killed at any instant, the folder holds either the old
 * plain file (and a leftover copy, removed by the next attempt) or the encrypted one, never half of
 * each. The caller has folded the WAL into the file and closed every connection.
 */
export function encryptDatabaseInPlace(file: string, key: DatabaseKey): void {
  const work = `${file}.encrypting`;
  for (const f of [work, `${work}-journal`]) rmSync(f, { force: true });
  copyFileSync(file, work);
  const Database = loadSqlite();
  const db = new Database(work, { fileMustExist: true });
  try {
    // SQLite3 Multiple Ciphers cannot rekey a WAL-mode file; the live file goes back to WAL on open.
    db.pragma('journal_mode = DELETE');
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  // The plain file's -wal and -shm (empty after the checkpoint) must not be read against the new file.
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  commitFile(work, file, dirname(file));
}

/** A leftover of an interrupted encryption, removed before the database is opened. */
export function removeInterruptedEncryption(file: string): void {
  for (const f of [`${file}.encrypting`, `${file}.encrypting-journal`]) if (existsSync(f)) rmSync(f, { force: true });
}

/**
 * A plain copy of an encrypted database, for a backup that must restore on any laptop (the key
 * stays on this one): SQLite's VACUUM INTO writes a consistent copy while the app keeps writing,
 * encrypted with the same key, which is then removed from the copy.
 */
export function writePlainCopy(db: SqliteDatabase, target: string, key: DatabaseKey): void {
  db.prepare('VACUUM INTO ?').run(target);
  const copy = loadSqlite();
  const c = new copy(target, { fileMustExist: true });
  try {
    if (!isPlainDatabase(target)) {
      applyDatabaseKey(c, key);
      c.pragma("rekey = ''");
    }
  } finally {
    c.close();
  }
}
