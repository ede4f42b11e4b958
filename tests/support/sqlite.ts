import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

const Sqlite = createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;

/**
 * The data folder's database key as the core keeps it on a host without a keychain (keys/database.key,
 * hex), made the same way when a test builds a database before any core ran on the folder.
 */
export function folderKey(dataDir: string): Buffer {
  const file = join(dataDir, 'keys', 'database.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

function isEncrypted(file: string): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') !== 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function isEmptyOrMissing(file: string): boolean {
  return !existsSync(file) || statSync(file).size === 0;
}

/** The data folder a database file belongs to: its own folder, or the one above backups/. */
function dataDirOf(file: string): string {
  const dir = dirname(file);
  return basename(dir) === 'backups' ? dirname(dir) : dir;
}

/**
 * Direct SQLite access for assertions, independent of the code under test: an encrypted file is
 * opened with its folder's key, given to SQLCipher's format by hand rather than through the core.
 */
export const Database = function Database(file: string, options?: BetterSqlite3.Options) {
  // A database whose first commit is still in its WAL is empty on disk, yet encrypted.
  const encrypted = isEncrypted(file) || (isEmptyOrMissing(file) && existsSync(join(dataDirOf(file), 'keys', 'database.key')));
  const db = new Sqlite(file, options);
  if (encrypted) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${folderKey(dataDirOf(file)).toString('hex')}'"`);
  }
  return db;
} as unknown as typeof BetterSqlite3;

/** A plain copy of a data folder's database, as backups were made before archives (and before encryption). */
export function plainCopy(dataDir: string, target: string): void {
  const live = new Database(join(dataDir, 'nghisu.db'), { readonly: true });
  try {
    live.prepare('VACUUM INTO ?').run(target);
  } finally {
    live.close();
  }
  if (!isEncrypted(target)) return;
  const copy = new Sqlite(target);
  try {
    copy.pragma("cipher = 'sqlcipher'");
    copy.pragma('legacy = 4');
    copy.pragma(`key = "x'${folderKey(dataDir).toString('hex')}'"`);
    copy.pragma("rekey = ''");
  } finally {
    copy.close();
  }
}

/** A database file as written on the disk: plain SQLite, or unreadable without the key. */
export function isPlainSqliteFile(file: string): boolean {
  return !isEncrypted(file);
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
  } finally {
    db.close();
  }
}
