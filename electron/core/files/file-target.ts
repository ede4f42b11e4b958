import type { FileTarget } from '../../../shared/contract/bridge.ts';
import type { DataPaths } from '../context.ts';
import { locked, openPlainFile, openStoredFile, type StoredFile } from './blob-cipher.ts';
import { blobFile, type BlobAccess } from './blob-file.ts';
import { exportFile } from './exports.ts';
import { safeFileName } from './safe-file-name.ts';

/** A file a UI asked to save or open, found inside the data folder: its name and its plain bytes. */
export interface FoundFile {
  fileName: string;
  open(): Promise<StoredFile>;
}

/**
 * Resolve what a UI asked to save or open to a file inside the data folder, or null. A stored
 * document needs `blobs` (null while the data is locked: LOCKED is thrown).
 */
export function resolveFileTarget(paths: DataPaths, blobs: BlobAccess | null, target: unknown): FoundFile | null {
  const t = target as Partial<FileTarget> | null;
  if (!t || typeof t !== 'object' || typeof t.fileName !== 'string') return null;
  if (t.kind === 'export' && typeof t.exportId === 'string') {
    const found = exportFile(paths, t.exportId);
    return found ? { fileName: found.fileName, open: () => openPlainFile(found.file) } : null;
  }
  if (t.kind === 'blob' && typeof t.sha256 === 'string') {
    const file = blobFile(paths, t.sha256);
    if (!file) return null;
    if (!blobs) throw locked();
    return { fileName: safeFileName(t.fileName), open: () => openStoredFile(file, blobs.key) };
  }
  return null;
}

/** The whole plain content of a found file. */
export async function readFound(found: FoundFile): Promise<Buffer> {
  const stored = await found.open();
  try {
    return await stored.readAll();
  } finally {
    await stored.close();
  }
}
