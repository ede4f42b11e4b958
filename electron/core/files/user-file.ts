import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { CoreError } from '../errors.ts';
import { commitFile } from '../fs/durable.ts';

/** Refuses to replace a file the user already has unless they said so (checked before slow work too). */
export function refuseOverwrite(file: string, overwrite: boolean | undefined): void {
  if (existsSync(file) && !overwrite) {
    throw new CoreError('CONFLICT', {
      vi: `Tệp "${file}" đã tồn tại. Dùng --force để ghi đè.`,
      en: `"${file}" already exists. Use --force to overwrite it.`,
    });
  }
}

/**
 * Writes `content` to a path the user chose (CLI): a temp file beside it, fsync, rename, so a crash
 * or a full disk leaves either the old file or the whole new one, never half of it. Returns the size.
 */
export function writeUserFile(file: string, overwrite: boolean | undefined, content: Uint8Array | string): number {
  refuseOverwrite(file, overwrite);
  const dir = dirname(file);
  const tmp = join(dir, `.${uuidv7()}.tmp`);
  try {
    writeFileSync(tmp, content);
    commitFile(tmp, file, dir);
    return statSync(file).size;
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CoreError('IO_ERROR', { vi: `Không ghi được tệp "${file}".`, en: `Cannot write "${file}".` }, undefined, { cause: e });
  }
}
