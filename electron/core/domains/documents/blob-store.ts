import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { encryptingStream } from '../../files/blob-cipher.ts';
import { blobKeyOf, blobPathOf } from '../../files/blob-file.ts';
import { fsyncDir } from '../../fs/durable.ts';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../fs/private-modes.ts';
import { keptBackupBlobs, type KeptBackupBlobs } from './kept-backups.ts';

/** A copy of a source file in the blob folder, hashed and flushed, not yet in its final place. */
export interface TempBlob {
  tmp: string;
  sha256: string;
  size: number;
}

/**
 * Temp files carry the writer's pid so the start-up sweep of another process (the CLI while the
 * app runs) never removes a copy still being written: only files of dead processes go.
 */
export const TMP_PREFIX = 'tmp-';

/**
 * Stream `source` into blobs/tmp-<pid>-<uuid>, encrypted (files/blob-cipher.ts), while hashing its
 * plain bytes, then fsync. The hash (the blob's name) and the size are those of the plain content.
 */
export async function copyToTemp(ctx: Pick<ServiceContext, 'paths' | 'databaseKey'>, source: string | Readable, signal?: AbortSignal): Promise<TempBlob> {
  makePrivateDir(ctx.paths.blobs);
  const tmp = join(ctx.paths.blobs, `${TMP_PREFIX}${process.pid}-${uuidv7()}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      typeof source === 'string' ? createReadStream(source, { highWaterMark: 1024 * 1024 }) : source,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      encryptingStream(blobKeyOf(ctx.databaseKey)),
      createWriteStream(tmp, { mode: PRIVATE_FILE_MODE }),
      { signal },
    );
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { tmp, sha256: hash.digest('hex'), size };
}

/**
 * Put a flushed temp copy at blobs/<2 hex>/<62 hex>, or drop it when those bytes are stored
 * already. Synchronous, and meant to run inside the write transaction that records the blob, so
 * no other process can remove the file between this and the commit.
 */
export function placeTempBlob(ctx: Pick<ServiceContext, 'paths'>, blob: TempBlob): string {
  const dest = blobPathOf(ctx.paths, blob.sha256);
  if (existsSync(dest)) {
    rmSync(blob.tmp, { force: true });
    return dest;
  }
  const dir = dirname(dest);
  if (!existsSync(dir)) {
    makePrivateDir(dir);
    fsyncDir(ctx.paths.blobs);
  }
  renameSync(blob.tmp, dest);
  fsyncDir(dir);
  return dest;
}

/** Record a placed blob; call in the same transaction as placeTempBlob. */
export function createBlobRows(ctx: ServiceContext) {
  const insert = ctx.db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)');
  const users = ctx.db.prepare('SELECT count(*) FROM documents WHERE blob_sha256 = ?').pluck();
  const remove = ctx.db.prepare('DELETE FROM blobs WHERE sha256 = ?');
  // Kept databases change only by a restore, which rebuilds these services: read them once.
  let kept: KeptBackupBlobs | undefined;
  const neededByKeptBackup = (sha256: string) => {
    kept ??= keptBackupBlobs(ctx.paths, ctx.databaseKey);
    return kept.unreadable.length > 0 || kept.names.has(sha256);
  };
  return {
    record(sha256: string, size: number): void {
      insert.run(sha256, size, ctx.now().toISOString());
    },
    /**
     * Forget a blob no document uses any more and delete its file, under the write lock so an
     * import of the same bytes in another process cannot slip in between. A crash after the unlink
     * leaves the row without its file, which the next import of those bytes simply rewrites. The
     * file stays when a database kept by a restore names it: undoing that restore needs it.
     */
    collect(sha256: string): void {
      ctx.db
        .transaction(() => {
          if ((users.get(sha256) as number) > 0) return;
          remove.run(sha256);
          if (!neededByKeptBackup(sha256)) rmSync(blobPathOf(ctx.paths, sha256), { force: true });
        })
        .immediate();
    },
  };
}

export type BlobRows = ReturnType<typeof createBlobRows>;

/**
 * For other domains (meeting packs): store a file's bytes, verified against `expectedSha256`
 * when given, and record the blob. Returns once the file is durable and recorded.
 */
export async function storeBlobFromFile(
  ctx: ServiceContext,
  rows: BlobRows,
  file: string,
  expectedSha256?: string,
): Promise<{ sha256: string; size: number }> {
  const blob = await copyToTemp(ctx, file);
  try {
    if (expectedSha256 !== undefined && blob.sha256 !== expectedSha256.toLowerCase()) {
      throw new CoreError('FILE_INVALID', {
        vi: 'Nội dung tệp không khớp mã băm SHA-256 đã ghi; tệp có thể đã bị hỏng hoặc bị sửa.',
        en: 'The file does not match its recorded SHA-256; it may be damaged or altered.',
      });
    }
    ctx.db
      .transaction(() => {
        placeTempBlob(ctx, blob);
        rows.record(blob.sha256, blob.size);
      })
      .immediate();
    return { sha256: blob.sha256, size: blob.size };
  } finally {
    rmSync(blob.tmp, { force: true });
  }
}
