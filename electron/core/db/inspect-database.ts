import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { CoreError } from '../errors.ts';
import { openSqlite, type DatabaseKey } from './database-cipher.ts';
import { APPLICATION_ID, hasSqliteHeader } from './identity.ts';

export interface DatabaseFacts {
  exists: boolean;
  schemaVersion: number;
}

/** SQLite's result codes that mean "this is not a usable database file". */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_IOERR_SHORT_READ']);

function corrupt(file: string, reason: string, cause?: unknown): CoreError {
  return new CoreError(
    'DB_CORRUPT',
    {
      vi: `Tệp dữ liệu "${file}" bị hỏng hoặc không phải cơ sở dữ liệu của Nghị Sự (${reason}). Tệp được giữ nguyên, không sửa đổi. Hãy khôi phục từ bản sao lưu (nghisu restore) hoặc liên hệ quản trị viên.`,
      en: `The data file "${file}" is damaged or is not a Nghị Sự database (${reason}). It was left untouched. Restore a backup (nghisu restore) or contact your administrator.`,
    },
    { file, reason },
    { cause },
  );
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Look at a database file without writing a byte to it: opening read-write would switch the
 * journal mode and could "repair" a file that must instead be refused and kept for investigation.
 */
export function inspectDatabase(file: string, latestSchemaVersion: number, key: DatabaseKey | null = null): DatabaseFacts {
  try {
    return inspectOnce(file, latestSchemaVersion, key);
  } catch (e) {
    // A process killed mid-write leaves a hot WAL or journal, which a read-only connection may not
    // replay. Replaying it is SQLite's own crash recovery (the last commit whole, nothing half), not
    // a repair: let a read-write connection do it, then look again.
    if (!((e as { code?: string }).code ?? '').startsWith('SQLITE_READONLY')) throw e;
    recoverAfterCrash(file, key);
    return inspectOnce(file, latestSchemaVersion, key);
  }
}

function recoverAfterCrash(file: string, key: DatabaseKey | null): void {
  let db;
  try {
    db = openSqlite(file, { fileMustExist: true }, key);
    db.pragma('user_version', { simple: true });
  } catch (e) {
    throw corrupt(file, (e as { code?: string }).code ?? 'cannot recover', e);
  } finally {
    db?.close();
  }
}

function inspectOnce(file: string, latestSchemaVersion: number, key: DatabaseKey | null): DatabaseFacts {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, schemaVersion: 0 };
    throw e;
  }
  if (size === 0) return { exists: true, schemaVersion: 0 };
  // An encrypted file has no plain header; whether the key opens it is learnt by reading it.
  if (!hasSqliteHeader(readHead(file)) && key === null) throw corrupt(file, 'no SQLite header');

  // A read-only connection to a WAL-mode file still creates the -wal and -shm files beside it;
  // those it created are removed afterwards, so a refused file is left exactly as it was found.
  const sidecars = ['-wal', '-shm'].map((s) => file + s).filter((f) => !existsSync(f));
  const removeSidecars = () => {
    for (const f of sidecars) if (existsSync(f) && (!f.endsWith('-wal') || statSync(f).size === 0)) rmSync(f, { force: true });
  };
  let db;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
  } catch (e) {
    removeSidecars();
    throw corrupt(file, (e as { code?: string }).code ?? 'cannot open', e);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    // Reading the schema touches every page of sqlite_master: a damaged file fails here.
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== APPLICATION_ID && !(appId === 0 && tables.n === 0 && version === 0)) {
      throw corrupt(file, `application_id ${appId}`);
    }
    if (version > latestSchemaVersion) {
      throw new CoreError(
        'DB_TOO_NEW',
        {
          vi: `Dữ liệu được tạo bởi phiên bản Nghị Sự mới hơn (lược đồ ${version}, bản này chỉ hiểu đến ${latestSchemaVersion}). Hãy cập nhật ứng dụng; dữ liệu được giữ nguyên.`,
          en: `This data was written by a newer Nghị Sự (schema ${version}; this build knows up to ${latestSchemaVersion}). Update the app; the data was left untouched.`,
        },
        { file, schemaVersion: version, latestSchemaVersion },
      );
    }
    return { exists: true, schemaVersion: version };
  } catch (e) {
    if (e instanceof CoreError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' && !hasSqliteHeader(readHead(file))) throw corrupt(file, 'cannot be decrypted with this data folder’s key', e);
    if (CORRUPTION_CODES.has(code) || code.startsWith('SQLITE_CORRUPT')) throw corrupt(file, code, e);
    throw e;
  } finally {
    db.close();
    removeSidecars();
  }
}
