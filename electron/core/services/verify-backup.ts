import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { CoreError } from '../errors.ts';
import { openSqlite, type DatabaseKey } from '../db/database-cipher.ts';
import { APPLICATION_ID } from '../db/identity.ts';
import { inspectDatabase } from '../db/inspect-database.ts';

export function backupInvalid(file: string, reasonVi: string, reasonEn: string, cause?: unknown): CoreError {
  return new CoreError(
    'BACKUP_INVALID',
    {
      vi: `"${file}" không phải bản sao lưu hợp lệ của Nghị Sự: ${reasonVi}. Không có gì bị thay đổi.`,
      en: `"${file}" is not a valid Nghị Sự backup: ${reasonEn}. Nothing was changed.`,
    },
    { file },
    { cause },
  );
}

/**
 * A backup is valid when it is a whole, uncorrupted Nghị Sự database this build can read:
 * right application id, a known schema, and a full `integrity_check`.
 */
export function verifyBackupFile(
  file: string,
  latestSchemaVersion: number,
  /** The name the user knows, when `file` is a copy taken out of an archive. */
  shownAs = file,
  /** Opens a database this data folder encrypted (a copy a restore kept); backups are plain. */
  key: DatabaseKey | null = null,
): { schemaVersion: number; bytes: number } {
  const invalid = (reasonVi: string, reasonEn: string, cause?: unknown) => backupInvalid(shownAs, reasonVi, reasonEn, cause);
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch (e) {
    throw invalid('không đọc được tệp', 'the file cannot be read', e);
  }
  if (bytes === 0) throw invalid('tệp rỗng', 'the file is empty');
  let facts;
  try {
    facts = inspectDatabase(file, latestSchemaVersion, key);
  } catch (e) {
    if (e instanceof CoreError && e.code === 'DB_TOO_NEW') {
      throw invalid('được tạo bởi phiên bản mới hơn', 'it was made by a newer version', e);
    }
    throw invalid('tệp hỏng hoặc không phải cơ sở dữ liệu Nghị Sự', 'damaged or not a Nghị Sự database', e);
  }
  const db = openSqlite(file, { readonly: true, fileMustExist: true }, key);
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID || facts.schemaVersion < 1) {
      throw invalid('không phải cơ sở dữ liệu Nghị Sự', 'not a Nghị Sự database');
    }
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw invalid('kiểm tra toàn vẹn thất bại', 'integrity check failed');
    }
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw invalid('kiểm tra toàn vẹn thất bại', 'integrity check failed', e);
  } finally {
    db.close();
  }
  return { schemaVersion: facts.schemaVersion, bytes };
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
