import type { FileTarget } from '../../../shared/contract/bridge.ts';
import type { DataPaths } from '../context.ts';
import { blobFile } from './blob-file.ts';
import { exportFile } from './exports.ts';
import { safeFileName } from './safe-file-name.ts';

/** Resolve what a UI asked to save or open to a file inside the data folder, or null. */
export function resolveFileTarget(paths: DataPaths, target: unknown): { file: string; fileName: string } | null {
  const t = target as Partial<FileTarget> | null;
  if (!t || typeof t !== 'object' || typeof t.fileName !== 'string') return null;
  if (t.kind === 'export' && typeof t.exportId === 'string') {
    const found = exportFile(paths, t.exportId);
    return found ? { file: found.file, fileName: found.fileName } : null;
  }
  if (t.kind === 'blob' && typeof t.sha256 === 'string') {
    const file = blobFile(paths, t.sha256);
    return file ? { file, fileName: safeFileName(t.fileName) } : null;
  }
  return null;
}
