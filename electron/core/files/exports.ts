import { createWriteStream, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import type { ExportedFile } from '../../../shared/contract/index.ts';
import type { DataPaths } from '../context.ts';
import { fsyncDir, fsyncFile } from '../fs/durable.ts';
import { makeFilePrivate, makePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-modes.ts';
import { safeFileName } from './safe-file-name.ts';

/**
 * A file the core produced for the user: written under exports/<exportId>/<name> and handed over by
 * the host (the browser host serves it; Electron offers a save dialog). Exports are short-lived and
 * swept at start.
 */
export async function writeExport(
  paths: DataPaths,
  fileName: string,
  mime: string,
  content: Uint8Array | string | Readable | ((file: string) => Promise<void>),
): Promise<ExportedFile> {
  const exportId = uuidv7();
  const dir = join(paths.exports, exportId);
  const name = safeFileName(fileName);
  const file = join(dir, name);
  makePrivateDir(dir);
  try {
    if (typeof content === 'function') await content(file);
    else if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(file, content, { mode: PRIVATE_FILE_MODE });
    else await pipeline(content, createWriteStream(file, { mode: PRIVATE_FILE_MODE }));
    // A writer callback (XLSX, pdfkit) creates the file with its own default mode.
    makeFilePrivate(file);
    fsyncFile(file);
    fsyncDir(dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { exportId, fileName: name, mime, bytes: statSync(file).size };
}

/** The file of an export, or null when the id is unknown (ids are UUIDs; anything else is refused). */
export function exportFile(paths: DataPaths, exportId: string): { file: string; fileName: string } | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(exportId)) return null;
  const dir = join(paths.exports, exportId);
  try {
    const [name] = readdirSync(dir);
    return name ? { file: join(dir, name), fileName: name } : null;
  } catch {
    return null;
  }
}

/** Remove exports older than `maxAgeMs` (default a day): they were handed over or abandoned. */
export function sweepExports(paths: DataPaths, now = Date.now(), maxAgeMs = 24 * 3600_000): void {
  let entries: string[];
  try {
    entries = readdirSync(paths.exports);
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = join(paths.exports, entry);
    try {
      if (now - statSync(dir).mtimeMs > maxAgeMs) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process may be sweeping too; a leftover is retried next start.
    }
  }
}
