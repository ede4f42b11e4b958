import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { dialog, ipcMain, shell } from 'electron';
import { IPC_FILE_CHANNEL, MAX_UPLOAD_BYTES, type RawOutcome } from '../../shared/contract/bridge.ts';
import type { DataPaths } from '../core/context.ts';
import { resolveFileTarget } from '../core/files/file-target.ts';
import { safeFileName } from '../core/files/safe-file-name.ts';
import { stageUpload } from '../core/files/staging.ts';
import { senderProblem, type IpcDeps } from './ipc.ts';
import { failed } from './outcomes.ts';

type FileRequest =
  | { op: 'upload'; fileName: string; bytes: ArrayBuffer }
  | { op: 'save'; target: unknown }
  | { op: 'open'; target: unknown }
  | { op: 'read'; target: unknown };

function parse(payload: unknown): FileRequest | null {
  const p = payload as Record<string, unknown> | null;
  if (!p || typeof p !== 'object') return null;
  if (p['op'] === 'upload' && typeof p['fileName'] === 'string' && p['bytes'] instanceof ArrayBuffer) {
    return { op: 'upload', fileName: p['fileName'], bytes: p['bytes'] };
  }
  if ((p['op'] === 'save' || p['op'] === 'open' || p['op'] === 'read') && 'target' in p) return { op: p['op'], target: p['target'] };
  return null;
}

const notFound = (): RawOutcome => failed('NOT_FOUND', 'Không tìm thấy tệp.', 'File not found.');

/**
 * Files between the window and the data folder. The renderer never names a path: uploads arrive as
 * bytes and are staged by id; saves and opens name an export id or a SHA-256 that must resolve inside
 * the data folder; the user picks the destination in a native dialog.
 */
export function registerFileHandover(deps: Pick<IpcDeps, 'getWindow' | 'policy' | 'log'> & { paths: DataPaths }): void {
  ipcMain.handle(IPC_FILE_CHANNEL, async (event, payload: unknown): Promise<RawOutcome> => {
    const problem = senderProblem(event, { ...deps, callUi: async () => notFound() });
    if (problem) {
      deps.log.warn({ reason: problem }, 'file hand-over rejected');
      return failed('FORBIDDEN', 'Yêu cầu không đến từ cửa sổ của ứng dụng.', 'The request did not come from the app window.');
    }
    const request = parse(payload);
    if (!request) return failed('INVALID_INPUT', 'Yêu cầu không đúng định dạng.', 'Malformed request.');
    try {
      if (request.op === 'upload') {
        const fileName = safeFileName(request.fileName, '');
        if (!fileName) return failed('INVALID_INPUT', 'Thiếu tên tệp tải lên.', 'The upload has no file name.');
        if (request.bytes.byteLength > MAX_UPLOAD_BYTES) return failed('FILE_INVALID', 'Tệp quá lớn.', 'The file is too large.');
        const staged = await stageUpload(deps.paths, Readable.from([Buffer.from(request.bytes)]), MAX_UPLOAD_BYTES);
        return { ok: true, result: { uploadId: staged.uploadId, fileName, bytes: staged.bytes } };
      }
      const found = resolveFileTarget(deps.paths, request.target);
      if (!found) return notFound();
      if (request.op === 'read') {
        // Structured clone carries the ArrayBuffer to the window; a Buffer's pooled backing store would not.
        const bytes = await readFile(found.file);
        return { ok: true, result: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
      }
      if (request.op === 'save') {
        const win = deps.getWindow();
        const options = { defaultPath: found.fileName };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { ok: true, result: null };
        await copyFile(found.file, choice.filePath);
        return { ok: true, result: choice.filePath };
      }
      // A private copy per open: the system's program may edit or lock it; the stored file stays intact.
      const dir = await mkdtemp(join(tmpdir(), 'nghisu-open-'));
      await mkdir(dir, { recursive: true });
      const copy = join(dir, found.fileName);
      await copyFile(found.file, copy);
      const error = await shell.openPath(copy);
      return error ? failed('IO_ERROR', `Không mở được tệp: ${error}`, `The file could not be opened: ${error}`) : { ok: true, result: copy };
    } catch (err) {
      deps.log.error({ err, op: request.op }, 'file hand-over failed');
      return failed('IO_ERROR', 'Không chuyển được tệp.', 'The file could not be handed over.');
    }
  });
}
