import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../../context.ts';
import { encryptingStream, HEADER_BYTES, isEncryptedHead } from '../../files/blob-cipher.ts';
import { blobKeyOf } from '../../files/blob-file.ts';
import { fsyncDir, fsyncFile, writePrivateFile } from '../../fs/durable.ts';
import { PRIVATE_FILE_MODE } from '../../fs/private-modes.ts';
import { TMP_PREFIX } from './blob-store.ts';

const HEX2 = /^[0-9a-f]{2}$/;
/** Written once a pass found every stored file encrypted (the sweep and backups ignore dot files). */
export const ALL_ENCRYPTED = '.all-encrypted';
const HEX62 = /^[0-9a-f]{62}$/;

export interface EncryptionPassResult {
  encrypted: number;
  /** Plain files whose bytes no longer match their name: left as they are (a restore brings them back). */
  damaged: number;
}

async function isPlainFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    return !isEncryptedHead(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Encrypt, in place, the document files an older version stored in the clear (ADR 0014). One file
 * at a time, in the background after the start: each is encrypted into a temp file beside it while
 * its plain bytes are hashed against its name, flushed, and renamed over the plain file under the
 * write lock (so a document deleted meanwhile is not brought back). Killed at any instant, a file
 * is either still plain or encrypted and whole; readers take both. The plain file's time is kept,
 * so the start-up sweep's "written since the last restore" rule sees the file it saw before.
 */
export async function encryptPlainBlobs(ctx: ServiceContext, signal: AbortSignal): Promise<EncryptionPassResult> {
  const result: EncryptionPassResult = { encrypted: 0, damaged: 0 };
  // Every writer encrypts, so once a whole pass has left nothing plain, later starts need no walk.
  if (existsSync(join(ctx.paths.blobs, ALL_ENCRYPTED))) return result;
  let dirs: string[];
  try {
    dirs = readdirSync(ctx.paths.blobs).filter((d) => HEX2.test(d));
  } catch {
    return result;
  }
  let failed = 0;
  const key = blobKeyOf(ctx.databaseKey);
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(join(ctx.paths.blobs, dir)).filter((n) => HEX62.test(n));
    } catch {
      failed++;
      continue;
    }
    for (const name of names) {
      if (signal.aborted) return result;
      const file = join(ctx.paths.blobs, dir, name);
      try {
        if (!(await isPlainFile(file))) continue;
      } catch {
        // Gone meanwhile (a document deleted) or unreadable: the next start looks again.
        if (existsSync(file)) failed++;
        continue;
      }
      const tmp = join(ctx.paths.blobs, `${TMP_PREFIX}${process.pid}-${uuidv7()}`);
      try {
        const { mtime, atime } = statSync(file);
        const hash = createHash('sha256');
        await pipeline(
          createReadStream(file, { highWaterMark: 1 << 20 }),
          new Transform({
            transform(chunk: Buffer, _enc, done) {
              hash.update(chunk);
              done(null, chunk);
            },
          }),
          encryptingStream(key),
          createWriteStream(tmp, { mode: PRIVATE_FILE_MODE }),
          { signal },
        );
        if (hash.digest('hex') !== dir + name) {
          result.damaged++;
          ctx.log.warn({ sha256: dir + name }, 'document store: a stored file does not match its name; left as it is');
          continue;
        }
        utimesSync(tmp, atime, mtime);
        fsyncFile(tmp);
        const swapped = swapUnderLock(ctx, tmp, file);
        if (swapped) {
          fsyncDir(join(ctx.paths.blobs, dir));
          result.encrypted++;
        }
      } catch (e) {
        if (signal.aborted) return result;
        failed++;
        ctx.log.warn({ err: e }, 'document store: a stored file could not be encrypted; it stays readable and is tried at the next start');
      } finally {
        rmSync(tmp, { force: true });
      }
      // Leave the thread to the user's work between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!signal.aborted && failed === 0 && result.damaged === 0) writePrivateFile(ctx.paths.blobs, ALL_ENCRYPTED, `${ctx.now().toISOString()}\n`);
  return result;
}

/**
 * Replace the plain file by its encrypted copy, unless the document was deleted meanwhile (its file
 * goes under this same lock). Another process that encrypted it first wrote the same plain bytes.
 */
function swapUnderLock(ctx: ServiceContext, tmp: string, file: string): boolean {
  return ctx.db
    .transaction(() => {
      if (!existsSync(file)) return false;
      renameSync(tmp, file);
      return true;
    })
    .immediate();
}
