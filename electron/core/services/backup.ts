import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupResult, RestoreResult } from '../../../shared/contract/index.ts';
import { CoreError } from '../errors.ts';
import { commitFile } from '../fs/durable.ts';
import type { SqliteDatabase } from '../runtime.ts';
import { sha256File, verifyBackupFile } from './verify-backup.ts';

function ioError(vi: string, en: string, cause?: unknown): CoreError {
  return new CoreError('IO_ERROR', { vi, en }, undefined, { cause });
}

function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.partial`);
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
  reopenAround: (swap: () => void) => number;
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
      // Keep what is being replaced, so a restore of the wrong file can itself be undone.
      const previous = await backupTo(join(deps.dataDir, 'backups', `before-restore-${stamp(new Date())}.db`), false);
      const staged = tempBeside(deps.databaseFile);
      try {
        copyFileSync(source, staged);
      } catch (e) {
        rmSync(staged, { force: true });
        throw ioError(`Không đọc được "${source}".`, `Cannot read "${source}".`, e);
      }
      const schemaVersion = deps.reopenAround(() => {
        for (const suffix of ['-wal', '-shm']) rmSync(deps.databaseFile + suffix, { force: true });
        commitFile(staged, deps.databaseFile, dirname(deps.databaseFile));
      });
      return { file: source, schemaVersion, previousCopy: previous.file };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
