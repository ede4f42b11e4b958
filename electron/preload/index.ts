/**
 * The whole surface the page gets: `window.bridge.invoke`, `subscribe`, and the file hand-over
 * (`upload`, `saveFile`, `openFile`, `readFile`), and the projector window. No ipcRenderer,
 * no channel names, no Electron event objects cross into the page (they would hand it `sender`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNEL,
  IPC_FILE_CHANNEL,
  IPC_INVOKE_CHANNEL,
  IPC_WINDOW_CHANNEL,
  type PreloadBridge,
  type RawOutcome,
} from '../../shared/contract/bridge.ts';
import type { CoreEvent } from '../../shared/contract/events.ts';

function failure(code: 'INVALID_INPUT' | 'TRANSPORT', vi: string, en: string): RawOutcome {
  return { ok: false, error: { code, message: { vi, en } } };
}

async function fileOp(request: unknown): Promise<RawOutcome> {
  try {
    return (await ipcRenderer.invoke(IPC_FILE_CHANNEL, request)) as RawOutcome;
  } catch (err) {
    const name = err instanceof Error ? err.message : String(err);
    return failure('TRANSPORT', 'Không chuyển được tệp.', `The file could not be handed over: ${name}`);
  }
}

const bridge: PreloadBridge = {
  upload: (fileName, bytes) => fileOp({ op: 'upload', fileName, bytes }),
  saveFile: (target) => fileOp({ op: 'save', target }),
  openFile: (target, options) => fileOp({ op: 'open', target, confirmed: options?.confirmed === true }),
  readFile: (target) => fileOp({ op: 'read', target }),
  async openProjector(meetingId) {
    try {
      return (await ipcRenderer.invoke(IPC_WINDOW_CHANNEL, { op: 'projector', meetingId })) as RawOutcome;
    } catch (err) {
      const name = err instanceof Error ? err.message : String(err);
      return failure('TRANSPORT', 'Không mở được cửa sổ màn hình chiếu.', `The projector window could not be opened: ${name}`);
    }
  },
  async invoke(method, input) {
    if (typeof method !== 'string') {
      return failure('INVALID_INPUT', 'Tên chức năng không hợp lệ.', 'The method name must be a string.');
    }
    try {
      return (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { method, input })) as RawOutcome;
    } catch (err) {
      // Reached only when the input cannot be cloned or the main process is gone.
      const name = err instanceof Error ? err.message : String(err);
      return failure('TRANSPORT', 'Không gửi được yêu cầu tới ứng dụng.', `The request could not be sent: ${name}`);
    }
  },
  subscribe(listener) {
    if (typeof listener !== 'function') throw new TypeError('subscribe(listener): listener must be a function');
    const onEvent = (_event: IpcRendererEvent, message: CoreEvent) => listener(message);
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
