import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
// bridge.ts, not the contract's index: main should not load zod and every schema just for two names.
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type RawOutcome } from '../../shared/contract/bridge.ts';
import type { CoreEvent } from '../../shared/contract/index.ts';
import type { Logger } from '../core/logger.ts';
import { parseInvokePayload } from './invoke-payload.ts';
import { failed } from './outcomes.ts';
import { originOf, type OriginPolicy } from './trust.ts';

export interface IpcDeps {
  /** The main window (the parent of dialogs). */
  getWindow: () => BrowserWindow | null;
  /** Every window of ours that may call the core: the main window and the projector window. */
  getWindows: () => BrowserWindow[];
  policy: OriginPolicy;
  /** Always called with 'ui' access: the renderer can never reach 'local' methods. */
  callUi: (method: string, input: unknown) => Promise<RawOutcome>;
  log: Logger;
}

const forbidden = (): RawOutcome =>
  failed('FORBIDDEN', 'Yêu cầu không đến từ cửa sổ của ứng dụng.', 'The request did not come from the app window.');

/** Why a message must be refused, or null when it comes from our window's own top-level page. */
export function senderProblem(event: IpcMainInvokeEvent, deps: IpcDeps): string | null {
  const live = deps.getWindows().filter((w) => !w.isDestroyed());
  if (live.length === 0) return 'no window';
  const win = live.find((w) => w.webContents.id === event.sender.id);
  if (!win) return 'foreign webContents';
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return 'frame gone';
  const main = win.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'not the main frame';
  }
  if (!deps.policy.isTrusted(frame.url)) return 'untrusted origin';
  return null;
}

/** The one IPC entry point. Never throws across IPC: every refusal is a RawOutcome the UI can show. */
export function registerInvokeHandler(deps: IpcDeps): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, payload: unknown): Promise<RawOutcome> => {
    const problem = senderProblem(event, deps);
    if (problem) {
      deps.log.warn({ reason: problem, origin: originOf(event.senderFrame?.url ?? '') }, 'ipc call rejected');
      return forbidden();
    }
    const parsed = parseInvokePayload(payload);
    if (!parsed) {
      deps.log.warn({ reason: 'malformed payload' }, 'ipc call rejected');
      return failed('INVALID_INPUT', 'Yêu cầu không đúng định dạng.', 'Malformed request.');
    }
    try {
      return await deps.callUi(parsed.method, parsed.input);
    } catch (err) {
      deps.log.error({ err, method: parsed.method }, 'ipc call failed');
      return failed('INTERNAL', 'Đã xảy ra lỗi không mong muốn.', 'An unexpected error occurred.');
    }
  });
}

/** Push events go only to our windows, and only while they still show one of our pages. */
export function forwardEvent(windows: readonly BrowserWindow[], policy: OriginPolicy, event: CoreEvent): void {
  for (const win of windows) {
    if (win.isDestroyed()) continue;
    const contents = win.webContents;
    if (contents.isDestroyed() || !policy.isTrusted(contents.getURL())) continue;
    contents.send(IPC_EVENT_CHANNEL, event);
  }
}
