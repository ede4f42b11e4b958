import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupResult, RestoreResult } from '../../../shared/contract/index.ts';
import { CoreError } from '../errors.ts';
import { commitFile, fsyncFile } from '../fs/durable.ts';
import { loadSqlite, type SqliteDatabase } from '../runtime.ts';
import { sha256File, verifyBackupFile } from './verify-backup.ts';

function ioError(vi: string, en: string, cause?: unknown): CoreError {
  return new CoreError('IO_ERROR', { vi, en }, undefined, { cause });
}

function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
}

/**
 * Replacing the file under another process that has it open (the desktop app while an administrator
 * runs `nghisu restore`) would corrupt what that process sees. An exclusive lock can only be taken
 * when no other connection holds the database.
 */
function assertNoOtherConnection(file: string): void {
  const probe = new (loadSqlite())(file, { timeout: 0, fileMustExist: true });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (e) {
    throw new CoreError(
      'DB_BUSY',
      {
        vi: 'Dữ liệu đang được mở bởi ứng dụng Nghị Sự hoặc một lệnh khác. Hãy đóng ứng dụng rồi khôi phục lại; không có gì bị thay đổi.',
        en: 'The data is open in the Nghị Sự app or another command. Close the app and restore again; nothing was changed.',
      },
      undefined,
      { cause: e },
    );
  } finally {
    probe.close();
  }
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export interface BackupDeps {
  databaseFile: string;
  dataDir: string;
  latestSchemaVersion: number;
  getDb: () => SqliteDatabase;
  /** Close the live database, run `swap`, and reopen (migrating if needed). Returns the new schema version. */
  reopenAround: (swap: () => void) => Promise<number>;
}

/**
 * Online backup through SQLite's backup API (consistent while the app keeps writing), verified by
 * opening the copy before it is given its final name; restore keeps the replaced database.
 */
export function createBackupService(deps: BackupDeps) {
  async function backupTo(target: string, overwrite: boolean): Promise<BackupResult> {
    const file = resolve(target);
    if (file === resolve(deps.databaseFile)) {
      throw ioError('Không thể sao lưu đè lên chính cơ sở dữ liệu đang dùng.', 'Cannot back up onto the live database.');
    }
    if (!overwrite && existsSync(file)) {
      throw ioError(`Tệp "${file}" đã tồn tại. Chọn tên khác hoặc dùng --force để ghi đè.`, `"${file}" already exists. Choose another name or use --force.`);
    }
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (e) {
      throw ioError(`Không tạo được thư mục cho "${file}".`, `Cannot create the folder for "${file}".`, e);
    }
    const tmp = tempBeside(file);
    try {
      await deps.getDb().backup(tmp);
      const { schemaVersion, bytes } = verifyBackupFile(tmp, deps.latestSchemaVersion);
      commitFile(tmp, file, dirname(file));
      return { file, bytes, schemaVersion, sha256: await sha256File(file) };
    } catch (e) {
      rmSync(tmp, { force: true });
      if (e instanceof CoreError) throw e;
      throw ioError(`Sao lưu vào "${file}" thất bại: ${(e as Error).message}`, `Backup to "${file}" failed: ${(e as Error).message}`, e);
    }
  }

  return {
    create(input: { file: string; overwrite?: boolean | undefined }): Promise<BackupResult> {
      return backupTo(input.file, input.overwrite ?? false);
    },

    async restore(input: { file: string }): Promise<RestoreResult> {
      const source = resolve(input.file);
      if (source === resolve(deps.databaseFile)) {
        throw ioError('Tệp khôi phục chính là cơ sở dữ liệu đang dùng.', 'The restore file is the live database itself.');
      }
      verifyBackupFile(source, deps.latestSchemaVersion);
      const staged = tempBeside(deps.databaseFile);
      try {
        copyFileSync(source, staged);
      } catch (e) {
        rmSync(staged, { force: true });
        throw ioError(`Không đọc được "${source}".`, `Cannot read "${source}".`, e);
      }
      // Keep what is being replaced, so a restore of the wrong file can itself be undone.
      const previousCopy = join(deps.dataDir, 'backups', `before-restore-${stamp(new Date())}.db`);
      try {
        const schemaVersion = await deps.reopenAround(() => {
          assertNoOtherConnection(deps.databaseFile);
          // Our connection is closed and was the only one, so the file alone is the whole database.
          mkdirSync(dirname(previousCopy), { recursive: true });
          copyFileSync(deps.databaseFile, previousCopy);
          fsyncFile(previousCopy);
          for (const suffix of ['-wal', '-shm']) rmSync(deps.databaseFile + suffix, { force: true });
          commitFile(staged, deps.databaseFile, dirname(deps.databaseFile));
        });
        return { file: source, schemaVersion, previousCopy };
      } finally {
        rmSync(staged, { force: true });
      }
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
