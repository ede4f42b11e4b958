import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CoreError } from '../errors.ts';
import { fsyncFile } from '../fs/durable.ts';
import { blobEntry, DATABASE_ENTRY, keyEntry, MANIFEST, MANIFEST_MAX_BYTES, manifestSchema, type BackupManifest } from './backup-format.ts';
import { backupInvalid } from './verify-backup.ts';
import { encryptingStream, type BlobKey } from '../files/blob-cipher.ts';

export interface OpenedBackup {
  file: string;
  manifest: BackupManifest;
  /**
   * Stream one listed entry to `target` (created with `mode`), or only read it when target is
   * null, checking its size and SHA-256 against the manifest; throws BACKUP_INVALID on a mismatch.
   * With `encryptWith`, the target is written as an encrypted document file (files/blob-cipher.ts).
   */
  copyEntry(name: string, expected: { size: number; sha256: string }, target: string | null, mode?: number, encryptWith?: BlobKey): Promise<void>;
  close(): void;
}

const damaged = (file: string, cause?: unknown) =>
  backupInvalid(file, 'tệp bị cắt cụt hoặc hỏng khi sao chép', 'the file is truncated or was damaged in copying', cause);

const mismatch = (file: string, name: string, cause?: unknown) =>
  backupInvalid(file, `nội dung "${name}" không khớp mã SHA-256 đã ghi (tệp bị hỏng hoặc bị sửa)`, `"${name}" does not match its recorded SHA-256 (damaged or altered)`, cause);

async function entryStream(file: string, zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (e) {
    throw damaged(file, e);
  }
}

/**
 * Open a backup archive and read its manifest; nothing is trusted until copyEntry has checked it.
 * Entries the manifest does not list are never read.
 */
export async function openBackupArchive(file: string): Promise<OpenedBackup> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true });
  } catch (e) {
    throw damaged(file, e);
  }
  try {
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        if (entries.has(entry.fileName)) throw backupInvalid(file, `tệp "${entry.fileName}" có hai lần`, `"${entry.fileName}" appears twice`);
        entries.set(entry.fileName, entry);
      }
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw damaged(file, e);
    }
    const manifestEntry = entries.get(MANIFEST);
    if (!manifestEntry || manifestEntry.uncompressedSize > MANIFEST_MAX_BYTES) throw damaged(file);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of await entryStream(file, zip, manifestEntry)) chunks.push(chunk as Buffer);
    } catch (e) {
      if (e instanceof CoreError) throw e;
      throw damaged(file, e);
    }
    let parsed;
    try {
      parsed = manifestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch (e) {
      throw damaged(file, e);
    }
    if (!parsed.success) {
      throw backupInvalid(file, 'mục lục (manifest.json) sai định dạng hoặc của phiên bản mới hơn', 'its manifest is malformed or from a newer version');
    }
    const manifest = parsed.data;

    return {
      file,
      manifest,
      async copyEntry(name, expected, target, mode = 0o600, encryptWith) {
        const entry = entries.get(name);
        if (!entry) throw backupInvalid(file, `thiếu "${name}" (bị cắt cụt?)`, `"${name}" is missing (truncated?)`);
        if (entry.uncompressedSize !== expected.size) throw mismatch(file, name);
        const hash = createHash('sha256');
        let size = 0;
        const through = new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        });
        const sink =
          target === null
            ? new Writable({ write: (_chunk, _enc, done) => done() })
            : createWriteStream(target, { flags: 'wx', mode });
        try {
          const source = await entryStream(file, zip, entry);
          await (encryptWith ? pipeline(source, through, encryptingStream(encryptWith), sink) : pipeline(source, through, sink));
        } catch (e) {
          if (e instanceof CoreError) throw e;
          throw mismatch(file, name, e);
        }
        if (size !== expected.size || hash.digest('hex') !== expected.sha256) throw mismatch(file, name);
        if (target !== null) fsyncFile(target);
      },
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** Read every entry the manifest lists and check it: the proof a backup is whole before it is named. */
export async function verifyBackupArchive(file: string): Promise<BackupManifest> {
  const backup = await openBackupArchive(file);
  try {
    const { manifest } = backup;
    await backup.copyEntry(DATABASE_ENTRY, manifest.database, null);
    for (const blob of manifest.blobs) await backup.copyEntry(blobEntry(blob.sha256), blob, null);
    for (const key of manifest.keys) await backup.copyEntry(keyEntry(key.name), key, null);
    return manifest;
  } finally {
    backup.close();
  }
}
