import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { DataPaths } from '../context.ts';
import type { StoredFile } from '../files/blob-cipher.ts';
import { openBlob, type BlobKey } from '../files/blob-file.ts';
import { fsyncFile } from '../fs/durable.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, blobEntry, DATABASE_ENTRY, keyEntry, MANIFEST, type BackupManifest } from './backup-format.ts';
import { sha256File } from './verify-backup.ts';

export interface ArchiveSources {
  /** A verified copy of the database (SQLite's online backup), outside the data folder's store. */
  databaseCopy: string;
  schemaVersion: number;
  appVersion: string;
  paths: DataPaths;
  /** Opens the stored (encrypted) document files; the archive holds them plain, as it holds the database. */
  blobKey: BlobKey;
  /** Every blob the copy names. */
  blobNames: string[];
  /** Key files to carry: their name in keys/ and where they are. */
  keyFiles: { name: string; file: string }[];
  now: Date;
}

/** Hash what passes through. */
function hashing(hash: ReturnType<typeof createHash>, count: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      count.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

/**
 * Stream the archive into `target` (created 0600: it holds every document and maybe the signing
 * key) and fsync it. One blob file is open at a time, so 40,000 documents need no more than one
 * descriptor; each is hashed on the way, and one whose bytes no longer match its name (a damaged
 * store) is listed as missing rather than carried as if it were good. The manifest goes last, so
 * it can say what was found.
 */
export async function writeBackupArchive(target: string, src: ArchiveSources): Promise<BackupManifest> {
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  // Surfaced by the `await written` below; without this an early failure would be unhandled meanwhile.
  written.catch(() => undefined);

  let manifest: BackupManifest;
  try {
    const database = { size: statSync(src.databaseCopy).size, sha256: await sha256File(src.databaseCopy) };
    zip.addFile(src.databaseCopy, DATABASE_ENTRY, { compress: true, mtime: src.now });

    const blobs: BackupManifest['blobs'] = [];
    const missingBlobs: string[] = [];
    for (const sha256 of src.blobNames) {
      let stored: StoredFile | null;
      try {
        stored = await openBlob({ paths: src.paths, key: src.blobKey }, sha256);
      } catch {
        stored = null;
      }
      if (!stored) {
        missingBlobs.push(sha256);
        continue;
      }
      const size = stored.size;
      const hash = createHash('sha256');
      const count = { bytes: 0 };
      const through = hashing(hash, count);
      // A damaged chunk fails its tag mid-stream: the entry then ends short (no size is promised to yazl,
      // so the archive stays whole), the hash below disagrees and the file is listed as missing; the
      // manifest never names the short entry, so nothing ever reads it.
      const source = stored.stream();
      source.on('error', () => through.end());
      zip.addReadStream(source.pipe(through), blobEntry(sha256), { compress: false, mtime: src.now });
      // A failed write (a full USB stick) ends the output early and yazl stops reading: do not wait forever.
      await Promise.race([
        finished(through),
        written.then(() => {
          throw new Error('the archive ended before the document files were written');
        }),
      ]);
      if (count.bytes === size && hash.digest('hex') === sha256) blobs.push({ sha256, size });
      else missingBlobs.push(sha256);
    }

    const keys: BackupManifest['keys'] = [];
    for (const key of src.keyFiles) {
      const bytes = readFileSync(key.file);
      keys.push({ name: key.name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      zip.addBuffer(bytes, keyEntry(key.name), { mode: 0o100600, mtime: src.now });
    }

    manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: src.now.toISOString(),
      appVersion: src.appVersion,
      schemaVersion: src.schemaVersion,
      database,
      blobs,
      missingBlobs,
      keys,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), MANIFEST, { mtime: src.now });
    zip.end();
    await written;
  } catch (e) {
    (zip.outputStream as Readable).destroy();
    await written.catch(() => undefined);
    throw e;
  }
  fsyncFile(target);
  return manifest;
}
