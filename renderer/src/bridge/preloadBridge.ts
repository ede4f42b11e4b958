import {
  isErrorPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type OpenFileResult,
  type PreloadBridge,
  type RawOutcome,
  type UploadResult,
} from '../../../shared/contract/index.ts';
import type { AppBridge } from './AppBridge.ts';
import { BridgeError } from './BridgeError.ts';
import { transportMessages } from './transportMessages.ts';

/**
 * Wraps Electron's `window.bridge`. The preload reports failures as values because thrown errors
 * lose their fields when they cross contextBridge; this turns them back into BridgeError. IPC has no
 * connection to lose, so the connection state is always open.
 */
async function safely(call: () => Promise<RawOutcome>): Promise<RawOutcome> {
  try {
    return await call();
  } catch (cause) {
    throw BridgeError.transport(transportMessages.unreachable, String(cause));
  }
}

function unwrap(outcome: RawOutcome): unknown {
  if (outcome.ok) return outcome.result;
  throw isErrorPayload(outcome.error) ? new BridgeError(outcome.error) : BridgeError.transport(transportMessages.malformedReply);
}

export function createPreloadBridge(raw: PreloadBridge): AppBridge {
  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      let outcome: RawOutcome;
      try {
        outcome = await raw.invoke(method, input);
      } catch (cause) {
        throw BridgeError.transport(transportMessages.unreachable, String(cause));
      }
      if (outcome.ok) return outcome.result as MethodOutput<M>;
      throw isErrorPayload(outcome.error)
        ? new BridgeError(outcome.error)
        : BridgeError.transport(transportMessages.malformedReply);
    },
    subscribe: (listener) => raw.subscribe(listener),
    async upload(file, options) {
      if (options?.signal?.aborted) throw new BridgeError({ code: 'CANCELLED', message: transportMessages.uploadCancelled });
      const bytes = await file.arrayBuffer();
      options?.onProgress?.(0, file.size);
      const result = unwrap(await safely(() => raw.upload(file.name, bytes))) as UploadResult;
      options?.onProgress?.(file.size, file.size);
      return result;
    },
    async saveFile(target) {
      unwrap(await safely(() => raw.saveFile(target)));
    },
    async openFile(target, options) {
      return unwrap(await safely(() => raw.openFile(target, options))) as OpenFileResult;
    },
    async readFile(target) {
      const bytes = unwrap(await safely(() => raw.readFile(target)));
      if (!(bytes instanceof ArrayBuffer)) throw BridgeError.transport(transportMessages.malformedReply);
      return bytes;
    },
    async openProjector(meetingId) {
      unwrap(await safely(() => raw.openProjector(meetingId)));
    },
    connectionState: () => 'open',
    onConnectionChange: () => () => {},
  };
}
