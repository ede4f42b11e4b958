import type { FileTarget, RawOutcome, ReleaseClassified } from '../../../shared/contract/index.ts';

/** What a host asks the core (`documents.handOver`) before a stored file leaves the app's control. */
export interface HandOverRequest {
  sha256: string;
  channel: 'open' | 'save';
  releaseClassified?: ReleaseClassified;
  check?: boolean;
}

/** The core's answer, however the host reaches it (in process, or the core's utility process). */
export type HandOverGate = (request: HandOverRequest) => Promise<RawOutcome>;

/**
 * The question for a target, or null when there is none to ask: an export was released when the core
 * made it (classified exports need a release there), while a stored document's bytes were never
 * released. The release rides on the target as the page sent it; the core validates it.
 */
export function handOverRequest(target: unknown, channel: 'open' | 'save', check = false): HandOverRequest | null {
  const t = target as Partial<FileTarget> | null;
  if (!t || t.kind !== 'blob' || typeof t.sha256 !== 'string') return null;
  const request: HandOverRequest = { sha256: t.sha256, channel, check };
  if (t.releaseClassified !== undefined) request.releaseClassified = t.releaseClassified;
  return request;
}
