import { createWriteStream, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { UploadRef } from '../../../shared/contract/index.ts';
import type { DataPaths } from '../context.ts';
import { CoreError } from '../errors.ts';
import { fsyncFile } from '../fs/durable.ts';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-modes.ts';

/**
 * Uploads: a UI host streams a file the user chose into staging/<uploadId>, then passes the
 * UploadRef to a core method. Core methods only ever read staging files by id, so a renderer can
 * never make the core read an arbitrary path.
 */
/**
 * All uploads waiting in staging together, so that a page sending file after file (each under the
 * per-file limit) cannot fill the disk: twice the largest single upload.
 */
export const MAX_STAGED_BYTES = 4 * 1024 * 1024 * 1024;

function stagedBytes(paths: DataPaths): number {
  let total = 0;
  for (const name of readdirSync(paths.staging)) {
    try {
      total += statSync(join(paths.staging, name)).size;
    } catch {
      // Taken by a method meanwhile.
    }
  }
  return total;
}

export async function stageUpload(
  paths: DataPaths,
  body: Readable,
  maxBytes: number,
  maxStagedBytes = MAX_STAGED_BYTES,
): Promise<{ uploadId: string; bytes: number }> {
  makePrivateDir(paths.staging);
  const uploadId = uuidv7();
  const file = join(paths.staging, uploadId);
  const room = maxStagedBytes - stagedBytes(paths);
  let bytes = 0;
  const out = createWriteStream(file, { mode: PRIVATE_FILE_MODE });
  try {
    await pipeline(
      body,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          if (bytes > maxBytes) throw new CoreError('FILE_INVALID', { vi: 'Tệp quá lớn.', en: 'The file is too large.' });
          if (bytes > room) {
            throw new CoreError(
              'FILE_INVALID',
              {
                vi: `Các tệp tải lên đang chờ xử lý đã chiếm quá ${Math.round(maxStagedBytes / 1024 ** 3)} GB. Hãy hoàn tất hoặc huỷ các lần nhập đang dở, rồi tải lại tệp này.`,
                en: `Uploads waiting to be used already take more than ${Math.round(maxStagedBytes / 1024 ** 3)} GB. Finish or cancel the imports in progress, then upload this file again.`,
              },
              { limit: 'stagedBytes', max: maxStagedBytes },
            );
          }
          yield chunk;
        }
      },
      out,
    );
    fsyncFile(file);
  } catch (e) {
    // A refusal can come before the file's asynchronous open has finished: remove it only once the
    // stream has closed, or the open would create it again after the removal.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    rmSync(file, { force: true });
    throw e;
  }
  return { uploadId, bytes };
}

/** The staged file of an upload; NOT_FOUND when it is gone (already used, swept, or never made). */
export function stagedFile(paths: DataPaths, ref: UploadRef): string {
  const file = join(paths.staging, ref.uploadId.toLowerCase());
  try {
    if (statSync(file).isFile()) return file;
  } catch {
    // fall through
  }
  throw new CoreError('NOT_FOUND', {
    vi: `Không còn tệp tải lên "${ref.fileName}". Hãy chọn lại tệp.`,
    en: `The upload "${ref.fileName}" is gone. Choose the file again.`,
  });
}

/** Forget an upload once a method has taken its content. */
export function releaseUpload(paths: DataPaths, ref: UploadRef): void {
  rmSync(join(paths.staging, ref.uploadId.toLowerCase()), { force: true });
}

/** Remove uploads older than `maxAgeMs` (default a day) that no method took. */
export function sweepStaging(paths: DataPaths, now = Date.now(), maxAgeMs = 24 * 3600_000): void {
  let entries: string[];
  try {
    entries = readdirSync(paths.staging);
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = join(paths.staging, entry);
    try {
      if (now - statSync(file).mtimeMs > maxAgeMs) rmSync(file, { force: true });
    } catch {
      // ignore: retried next start
    }
  }
}
