import {
  isErrorPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type PreloadBridge,
  type RawOutcome,
} from '../../../shared/contract/index.ts';
import type { AppBridge } from './AppBridge.ts';
import { BridgeError } from './BridgeError.ts';
import { transportMessages } from './transportMessages.ts';

/**
 * Wraps Electron's `window.bridge`. The preload reports failures as values because thrown errors
 * lose their fields when they cross contextBridge; this turns them back into BridgeError. IPC has no
 * connection to lose, so the connection state is always open.
 */
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
    connectionState: () => 'open',
    onConnectionChange: () => () => {},
  };
}
