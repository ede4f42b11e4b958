import type { Bridge } from '../../../shared/contract/index.ts';

/** `idle` means no connection will be attempted (e.g. no access token). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'idle';

/** The shared Bridge plus what the shell needs to tell the user the core went away. */
export interface AppBridge extends Bridge {
  connectionState(): ConnectionState;
  onConnectionChange(listener: () => void): () => void;
}
