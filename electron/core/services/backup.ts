import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupContents, BackupResult, RestoreResult } from '../../../shared/contract/index.ts';
import type { DataPaths } from '../context.ts';
import { databaseBlobNames, markRestore } from '../domains/documents/kept-backups.ts';
import { CoreError } from '../errors.ts';
import { blobFile, blobKeyOf } from '../files/blob-file.ts';
import { commitFile } from '../fs/durable.ts';
import { openSqlite, writePlainCopy, type DatabaseKey } from '../db/database-cipher.ts';
import { inspectDatabase } from '../db/inspect-database.ts';
import type { SqliteDatabase } from '../runtime.ts';
import { backupKind, DATABASE_ENTRY, keyFileName, type BackupManifest } from './backup-format.ts';
import { openBackupArchive, verifyBackupArchive, type OpenedBackup } from './read-backup-archive.ts';
import { hasKeyFile, keepReplacedDatabase, placeBlob, placeKey } from './restore-files.ts';
import { backupInvalid, sha256File, verifyBackupFile } from './verify-backup.ts';
import { writeBackupArchive } from './write-backup-archive.ts';

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
function assertNoOtherConnection(file: string, key: DatabaseKey): void {
  const probe = openSqlite(file, { timeout: 0, fileMustExist: true }, key);
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
  } catch (e) {
    throw new CoreError(
      'DB_BUSY',
      {
        vi: 'Dữ liệu đang được mở bởi ứng dụng Nghị Sự hoặc một lệnh khác. Hãy đóng ứng dụng rồi khôi phục lại; cơ sở dữ liệu không bị thay đổi.',
        en: 'The data is open in the Nghị Sự app or another command. Close the app and restore again; the database was not changed.',
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

function contentsOf(manifest: BackupManifest): BackupContents {
  return {
    format: 'archive',
    documentFiles: manifest.blobs.length,
    documentBytes: manifest.blobs.reduce((n, b) => n + b.size, 0),
    missingDocumentFiles: manifest.missingBlobs.length,
    signingKey: manifest.keys.length > 0,
  };
}

/** The profile's id in a database file, or null before the first-run profile exists. */
function profileIdOf(file: string): string | null {
  const db = openSqlite(file, { readonly: true, fileMustExist: true }, null);
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'profile'").get();
    return hasTable ? ((db.prepare('SELECT id FROM profile LIMIT 1').pluck().get() as string | undefined) ?? null) : null;
  } finally {
    db.close();
  }
}

/** The profile's key files in keys/: `<profile id>.<suffix>`, whatever the suffix of the key's format. */
function keyFilesOf(paths: DataPaths, profileId: string): { name: string; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(paths.keys);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(`${profileId}.`) && keyFileName.safeParse(name).success)
    .map((name) => ({ name, file: join(paths.keys, name) }))
    .filter((key) => statSync(key.file).isFile());
}

export interface BackupDeps {
  databaseFile: string;
  paths: DataPaths;
  appVersion: string;
  latestSchemaVersion: number;
  getDb: () => SqliteDatabase;
  /** The live database's key: backups are written plain (see writePlainCopy), kept copies encrypted. */
  databaseKey: DatabaseKey;
  /** Close the live database, run `swap`, and reopen (migrating if needed). Returns the new schema version. */
  reopenAround: (swap: () => Promise<void>) => Promise<number>;
}

/**
 * Backup: one archive holding the database (SQLite's online backup, consistent while the app keeps
 * writing), every document file it names and the profile's signing key, verified entry by entry
 * before it gets its final name. Restore: the backup's files go into the store and keys/ first,
 * then the database is swapped; the replaced database is kept in backups/ so the restore can be
 * undone, and the store's sweep keeps every file a kept database names.
 */
export function createBackupService(deps: BackupDeps) {
  const { paths } = deps;

  async function backupTo(target: string, overwrite: boolean, withKey: boolean): Promise<BackupResult> {
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
    const databaseCopy = tempBeside(`${file}.db`);
    const tmp = tempBeside(file);
    try {
      writePlainCopy(deps.getDb(), databaseCopy, deps.databaseKey);
      const { schemaVersion } = verifyBackupFile(databaseCopy, deps.latestSchemaVersion);
      const profileId = profileIdOf(databaseCopy);
      const written = await writeBackupArchive(tmp, {
        databaseCopy,
        schemaVersion,
        appVersion: deps.appVersion,
        paths,
        blobKey: blobKeyOf(deps.databaseKey),
        blobNames: databaseBlobNames(databaseCopy, null),
        keyFiles: withKey && profileId !== null ? keyFilesOf(paths, profileId) : [],
        now: new Date(),
      });
      // Read back from the disk, not trusted from memory: what gets the name is what was proven.
      const manifest = await verifyBackupArchive(tmp);
      if (JSON.stringify(manifest) !== JSON.stringify(written)) throw new Error('the manifest read back differs from the one written');
      commitFile(tmp, file, dirname(file));
      return { file, bytes: statSync(file).size, schemaVersion, sha256: await sha256File(file), contents: contentsOf(manifest) };
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw ioError(`Sao lưu vào "${file}" thất bại: ${(e as Error).message}`, `Backup to "${file}" failed: ${(e as Error).message}`, e);
    } finally {
      // Read-only connections to the WAL-mode copy leave -wal/-shm beside it.
      for (const f of [databaseCopy, `${databaseCopy}-wal`, `${databaseCopy}-shm`, tmp]) rmSync(f, { force: true });
    }
  }

  function opensWithKey(file: string): boolean {
    try {
      inspectDatabase(file, deps.latestSchemaVersion, deps.databaseKey);
      return true;
    } catch {
      return false;
    }
  }

  /** Open and check what a restore needs before anything changes; the database is copied out to `staged`. */
  async function prepare(source: string, staged: string): Promise<{ schemaVersion: number; archive: OpenedBackup | null }> {
    let kind: ReturnType<typeof backupKind>;
    try {
      kind = backupKind(source);
    } catch (e) {
      throw backupInvalid(source, 'không đọc được tệp', 'the file cannot be read', e);
    }
    // A copy a restore kept is encrypted with this folder's key: it has no plain header to go by.
    if (kind === null && opensWithKey(source)) kind = 'database';
    if (kind === null) throw backupInvalid(source, 'không phải cơ sở dữ liệu hay bản sao lưu Nghị Sự', 'neither a Nghị Sự database nor a Nghị Sự backup');
    if (kind === 'database') {
      const { schemaVersion } = verifyBackupFile(source, deps.latestSchemaVersion, source, deps.databaseKey);
      try {
        copyFileSync(source, staged);
      } catch (e) {
        throw ioError(`Không đọc được "${source}".`, `Cannot read "${source}".`, e);
      }
      return { schemaVersion, archive: null };
    }
    const archive = await openBackupArchive(source);
    try {
      await archive.copyEntry(DATABASE_ENTRY, archive.manifest.database, staged);
      const { schemaVersion } = verifyBackupFile(staged, deps.latestSchemaVersion, source);
      return { schemaVersion, archive };
    } catch (e) {
      archive.close();
      throw e;
    }
  }

  async function restore(input: { file: string }): Promise<RestoreResult> {
    const source = resolve(input.file);
    if (source === resolve(deps.databaseFile)) {
      throw ioError('Tệp khôi phục chính là cơ sở dữ liệu đang dùng.', 'The restore file is the live database itself.');
    }
    const staged = tempBeside(deps.databaseFile);
    const startedAt = new Date();
    const previousCopy = join(paths.backups, `before-restore-${stamp(startedAt)}.db`);
    const documentFiles = { written: 0, alreadyStored: 0, missing: 0 };
    const keysWritten: string[] = [];
    try {
      const { archive } = await prepare(source, staged);
      try {
        const contents: BackupContents = archive
          ? contentsOf(archive.manifest)
          : { format: 'database', documentFiles: 0, documentBytes: 0, missingDocumentFiles: 0, signingKey: false };
        const schemaVersion = await deps.reopenAround(async () => {
          assertNoOtherConnection(deps.databaseFile, deps.databaseKey);
          // Before any file is written: the sweep keeps every file written since this instant,
          // so an app started meanwhile cannot take them away before the database names them.
          markRestore(paths, startedAt);
          if (archive) {
            for (const blob of archive.manifest.blobs) {
              if ((await placeBlob(archive, { paths, key: blobKeyOf(deps.databaseKey) }, blob)) === 'written') documentFiles.written++;
              else documentFiles.alreadyStored++;
            }
            for (const key of archive.manifest.keys) {
              const written = await placeKey(archive, paths, key);
              if (written) keysWritten.push(written);
            }
            // Copying many files takes time: prove again that nobody opened the data meanwhile.
            assertNoOtherConnection(deps.databaseFile, deps.databaseKey);
          }
          keepReplacedDatabase(deps.databaseFile, previousCopy, deps.databaseKey);
          for (const suffix of ['-wal', '-shm']) rmSync(deps.databaseFile + suffix, { force: true });
          commitFile(staged, deps.databaseFile, dirname(deps.databaseFile));
        });
        const used = deps.getDb().prepare('SELECT DISTINCT blob_sha256 FROM documents').pluck().all() as string[];
        documentFiles.missing = used.filter((sha) => blobFile(paths, sha) === null).length;
        const profileId = (deps.getDb().prepare('SELECT id FROM profile LIMIT 1').pluck().get() as string | undefined) ?? null;
        const signingKey: RestoreResult['signingKey'] =
          profileId === null ? 'no-profile' : keysWritten.some((k) => basename(k).startsWith(`${profileId}.`)) ? 'written' : hasKeyFile(paths, profileId) ? 'present' : 'missing';
        return { file: source, schemaVersion, previousCopy, contents, documentFiles, signingKey };
      } finally {
        archive?.close();
      }
    } catch (e) {
      // The database was not swapped: a key it never named must not linger as an unexplained secret.
      if (!existsSync(previousCopy)) for (const key of keysWritten) rmSync(key, { force: true });
      throw e;
    } finally {
      for (const f of [staged, `${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });
    }
  }

  return {
    create(input: { file: string; overwrite?: boolean | undefined; signingKey?: boolean | undefined }): Promise<BackupResult> {
      return backupTo(input.file, input.overwrite ?? false, input.signingKey ?? true);
    },
    restore,
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
