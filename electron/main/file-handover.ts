import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { dialog, ipcMain, shell } from 'electron';
import { IPC_FILE_CHANNEL, MAX_UPLOAD_BYTES, type OpenFileResult, type RawOutcome } from '../../shared/contract/bridge.ts';
import type { DataPaths } from '../core/context.ts';
import { CoreError } from '../core/errors.ts';
import { readFound, resolveFileTarget } from '../core/files/file-target.ts';
import { handOverRequest, type HandOverGate } from '../core/files/hand-over-gate.ts';
import { makeOpenCopy, openCopiesRoot, planOpen, readForSniffing, saveFoundCopy, sweepOpenCopies } from '../core/files/open-policy.ts';
import { safeFileName } from '../core/files/safe-file-name.ts';
import { stageUpload } from '../core/files/staging.ts';
import { senderProblem, type IpcDeps } from './ipc.ts';
import { failed } from './outcomes.ts';

type FileRequest =
  | { op: 'upload'; fileName: string; bytes: ArrayBuffer }
  | { op: 'save'; target: unknown }
  | { op: 'open'; target: unknown; confirmed: boolean }
  | { op: 'read'; target: unknown };

function parse(payload: unknown): FileRequest | null {
  const p = payload as Record<string, unknown> | null;
  if (!p || typeof p !== 'object') return null;
  if (p['op'] === 'upload' && typeof p['fileName'] === 'string' && p['bytes'] instanceof ArrayBuffer) {
    return { op: 'upload', fileName: p['fileName'], bytes: p['bytes'] };
  }
  if (p['op'] === 'open' && 'target' in p) return { op: 'open', target: p['target'], confirmed: p['confirmed'] === true };
  if ((p['op'] === 'save' || p['op'] === 'read') && 'target' in p) return { op: p['op'], target: p['target'] };
  return null;
}

const notFound = (): RawOutcome => failed('NOT_FOUND', 'Không tìm thấy tệp.', 'File not found.');

/**
 * Files between the window and the data folder. The renderer never names a path: uploads arrive as
 * bytes and are staged by id; saves and opens name an export id or a SHA-256 that must resolve inside
 * the data folder; the user picks the destination in a native dialog. Opens follow
 * core/files/open-policy.ts: the stored bytes choose the extension, programs are refused, and the
 * temp copies are deleted at quit and at the next start (the caller runs the returned `sweep`). A
 * stored document is saved or opened only after the core's `gate` says so: classified content needs
 * the user's release, which the core records in the audit log.
 */
export function registerFileHandover(
  deps: Pick<IpcDeps, 'getWindow' | 'getWindows' | 'policy' | 'log'> & { paths: DataPaths; gate: HandOverGate; blobKey: () => Promise<Buffer | null> },
): { sweep(): Promise<void> } {
  const copies = openCopiesRoot(tmpdir(), deps.paths.dataDir);
  const sweep = async () => {
    const { removed, kept } = await sweepOpenCopies(copies);
    if (removed || kept) deps.log.info({ removed, kept }, 'open copies swept');
  };
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
      const key = await deps.blobKey();
      const found = resolveFileTarget(deps.paths, key ? { paths: deps.paths, key } : null, request.target);
      if (!found) return notFound();
      if (request.op === 'read') {
        // Structured clone carries the ArrayBuffer to the window; a Buffer's pooled backing store would not.
        const bytes = await readFound(found);
        return { ok: true, result: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
      }
      // The core records a release only for a file that really goes: a save asks before the dialog
      // (no place is chosen for a refused file) and is recorded once a place is chosen; an open is
      // asked after the open rules, whose question about the file's type comes first.
      const ask = async (check: boolean): Promise<RawOutcome | null> => {
        const question = handOverRequest(request.target, request.op === 'save' ? 'save' : 'open', check);
        if (!question) return null;
        const answer = await deps.gate(question);
        return answer.ok ? null : answer;
      };
      if (request.op === 'save') {
        const refused = await ask(true);
        if (refused) return refused;
        const win = deps.getWindow();
        const options = { defaultPath: found.fileName };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { ok: true, result: null };
        const withdrawn = await ask(false);
        if (withdrawn) return withdrawn;
        await saveFoundCopy(found, choice.filePath);
        return { ok: true, result: choice.filePath };
      }
      const plan = planOpen(await readForSniffing(found), found.fileName, request.confirmed);
      if (plan.status === 'needs-confirmation') return { ok: true, result: plan satisfies OpenFileResult };
      const refused = await ask(false);
      if (refused) return refused;
      const copy = await makeOpenCopy(copies, found, plan.fileName);
      const error = await shell.openPath(copy);
      if (error) return failed('IO_ERROR', `Không mở được tệp: ${error}`, `The file could not be opened: ${error}`);
      return { ok: true, result: { status: 'opened', fileName: plan.fileName } satisfies OpenFileResult };
    } catch (err) {
      if (err instanceof CoreError) return { ok: false, error: err.payload };
      deps.log.error({ err, op: request.op }, 'file hand-over failed');
      return failed('IO_ERROR', 'Không chuyển được tệp.', 'The file could not be handed over.');
    }
  });
  return { sweep };
}
