import { closeSync, fsyncSync, openSync, renameSync } from 'node:fs';

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
