import type { ErrorPayload } from './errors.ts';
import type { CoreEvent } from './events.ts';
import type { MethodInput, MethodName, MethodOutput } from './methods.ts';

/**
 * What the preload script exposes as `window.bridge` in Electron. It returns the raw outcome rather
 * than throwing, because errors lose their fields when they cross contextBridge.
 */
export type RawOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload };

export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<RawOutcome>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

/** The typed client every renderer screen uses, whichever host is underneath. */
export interface Bridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export const IPC_INVOKE_CHANNEL = 'nghisu:invoke';
export const IPC_EVENT_CHANNEL = 'nghisu:event';
