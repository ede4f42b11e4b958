import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from './private-modes.ts';

/** Flush a file's contents to the disk. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flush a directory entry (a rename or create) to the disk. Windows cannot open directories; NTFS journals renames. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make `tmp` durable, then atomically put it at `dest` and make the rename durable too. */
export function commitFile(tmp: string, dest: string, dir: string): void {
  fsyncFile(tmp);
  renameSync(tmp, dest);
  fsyncDir(dir);
}

/** Write a secret file (a key, a sealed secret) readable by its owner only, whole or not at all. */
export function writePrivateFile(dir: string, name: string, bytes: Buffer | string): void {
  const dest = join(dir, name);
  const tmp = `${dest}.tmp`;
  writeFileSync(tmp, bytes, { mode: PRIVATE_FILE_MODE });
  commitFile(tmp, dest, dir);
}
