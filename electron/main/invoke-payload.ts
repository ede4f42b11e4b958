export interface InvokePayload {
  method: string;
  input: unknown;
}

const MAX_METHOD_LENGTH = 128;

/**
 * The only shape the preload sends: `{ method, input }`. Anything else means the page is not
 * talking through our preload, so it is refused before it reaches the core.
 */
export function parseInvokePayload(payload: unknown): InvokePayload | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const proto: unknown = Object.getPrototypeOf(payload);
  if (proto !== Object.prototype && proto !== null) return null;
  const keys = Object.keys(payload);
  if (keys.some((k) => k !== 'method' && k !== 'input')) return null;
  const { method, input } = payload as Record<string, unknown>;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) return null;
  return { method, input };
}
