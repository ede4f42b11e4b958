import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPaths } from '../context.ts';

/**
 * The data folder holds classified documents: only the profile's own OS account may read it.
 * Modes mean nothing on Windows (ACLs of the user profile folder protect it there), so these are no-ops.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

/** mkdir -p with 0700 for every folder it creates. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** chmod 0600 a file some library created with its own default mode (SQLite, an export writer). */
export function makeFilePrivate(file: string): void {
  if (posix) chmodSync(file, PRIVATE_FILE_MODE);
}

/** Tighten one entry without following symlinks (a link could point anywhere on the disk). */
function tighten(path: string): 'dir' | 'file' | null {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(path, PRIVATE_DIR_MODE);
    return 'dir';
  }
  if (stat.isFile()) {
    if ((stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & PRIVATE_FILE_MODE);
    return 'file';
  }
  return null;
}

function tightenTree(dir: string, filesToo: boolean): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (!filesToo && !lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    if (tighten(path) === 'dir') tightenTree(path, filesToo);
  }
}

/**
 * At start: create the data folder's standard folders 0700 and tighten what an older version left
 * readable to others: every entry of the data folder, and everything inside our own small folders.
 * Blob files are not visited one by one (tens of thousands on a ten-year profile, and start-up has a
 * budget), nor is the inside of folders other programs own (Electron's `chromium/` session data,
 * written while we start): a 0700 folder already keeps other accounts out of all it holds.
 */
export function preparePrivateDataFolder(paths: DataPaths): void {
  makePrivateDir(paths.dataDir);
  for (const dir of [paths.blobs, paths.staging, paths.exports, paths.tmp]) makePrivateDir(dir);
  if (!posix) return;
  const ours = new Set([paths.staging, paths.exports, paths.keys, paths.tmp, join(paths.dataDir, 'logs'), join(paths.dataDir, 'backups')]);
  tighten(paths.dataDir);
  for (const entry of readdirSync(paths.dataDir)) {
    const path = join(paths.dataDir, entry);
    if (tighten(path) !== 'dir') continue;
    if (ours.has(path)) tightenTree(path, true);
    else if (path === paths.blobs) tightenTree(path, false);
  }
}
