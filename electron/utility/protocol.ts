import type {
  Access,
  ErrorPayload,
  EventEnvelope,
  RequestEnvelope,
  ResponseEnvelope,
} from '../../shared/contract/index.ts';

/**
 * Messages between Electron main and the core's utility process. Main attaches the access level;
 * the request itself is the same envelope every other host sends, validated by the core.
 */
export type MainToHost =
  | { type: 'request'; access: Access; request: RequestEnvelope }
  | { type: 'shutdown' }
  /**
   * Main hands stored documents to the window and the OS (main/file-handover.ts) and reads them with
   * the document files' key; the answer is a response whose result is the key in base64, or null
   * while the data is locked or not open.
   */
  | { type: 'blob-access'; id: number }
  /** The keychain's answer: base64 of the sealed bytes (seal) or the secret (open). */
  | { type: 'vault-result'; id: number; ok: boolean; data: string };

/** The core asks main to seal or open a secret with the OS keychain (safeStorage lives in main only). */
export type VaultRequest = { type: 'vault'; id: number; op: 'seal' | 'open'; data: string };

export type HostToMain =
  | { type: 'ready' }
  | { type: 'startup-failed'; error: ErrorPayload }
  | VaultRequest
  | ResponseEnvelope
  | EventEnvelope;

/** Command-line options main passes to the utility process. */
export const HOST_OPTION_DATA_DIR = 'data-dir';
export const HOST_OPTION_APP_VERSION = 'app-version';

export function isMainToHost(value: unknown): value is MainToHost {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v['type'] === 'shutdown') return true;
  if (v['type'] === 'blob-access') return typeof v['id'] === 'number';
  if (v['type'] === 'vault-result') return typeof v['id'] === 'number' && typeof v['ok'] === 'boolean' && typeof v['data'] === 'string';
  return (
    v['type'] === 'request' &&
    (v['access'] === 'ui' || v['access'] === 'local') &&
    typeof v['request'] === 'object' &&
    v['request'] !== null
  );
}

export function isHostToMain(value: unknown): value is HostToMain {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v['type']) {
    case 'ready':
      return true;
    case 'vault':
      return typeof v['id'] === 'number' && (v['op'] === 'seal' || v['op'] === 'open') && typeof v['data'] === 'string';
    case 'startup-failed':
      return typeof v['error'] === 'object' && v['error'] !== null;
    case 'response':
      return (typeof v['id'] === 'number' || typeof v['id'] === 'string') && typeof v['ok'] === 'boolean';
    case 'event':
      return typeof v['event'] === 'string';
    default:
      return false;
  }
}
