import { isErrorPayload, type FileTarget, type OpenFileResult, type UploadResult } from '../../../shared/contract/index.ts';
import type { UploadOptions } from './AppBridge.ts';
import { BridgeError } from './BridgeError.ts';
import { transportMessages } from './transportMessages.ts';

/**
 * Where the browser host serves a file; the token rides in the URL because links and viewers fetch it.
 * `read` is the app's own reader, `open` asks for the open rules (inline=1), neither is a download;
 * `confirmed` carries the user's yes, `check` only asks; a classified document's release rides along.
 */
export function fileUrl(
  origin: string,
  token: string,
  target: FileTarget,
  open: { open: boolean; read?: boolean; confirmed?: boolean; check?: boolean } = { open: false },
): string {
  const key = target.kind === 'export' ? target.exportId : target.sha256;
  const query = new URLSearchParams({ token });
  if (open.read) query.set('read', '1');
  if (target.kind === 'blob' && target.releaseClassified) query.set('release', target.releaseClassified.reason);
  if (open.open) query.set('inline', '1');
  if (open.confirmed) query.set('confirmed', '1');
  if (open.check) query.set('check', '1');
  return `${origin}/files/${target.kind}/${encodeURIComponent(key)}/${encodeURIComponent(target.fileName)}?${query}`;
}

/**
 * Upload over HTTP rather than the WebSocket: files are far larger than a socket frame, and
 * XMLHttpRequest reports upload progress and can be aborted.
 */
export function uploadOverHttp(origin: string, token: string, file: File, options: UploadOptions = {}): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${origin}/files/upload`);
    xhr.setRequestHeader('X-Nghisu-Token', token);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(BridgeError.transport(transportMessages.uploadFailed));
    xhr.onabort = () => reject(new BridgeError({ code: 'CANCELLED', message: transportMessages.uploadCancelled }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const outcome = body as { ok?: boolean; result?: UploadResult; error?: unknown } | undefined;
      if (outcome?.ok && outcome.result) resolve(outcome.result);
      else if (isErrorPayload(outcome?.error)) reject(new BridgeError(outcome.error));
      else reject(BridgeError.transport(transportMessages.uploadFailed, `HTTP ${xhr.status}`));
    };
    if (options.signal) {
      if (options.signal.aborted) return xhr.abort();
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

/** Save through the browser's own download, keeping the exact (Vietnamese) file name. */
export function downloadInBrowser(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** GET a stored file's bytes (the reader needs them in memory for pdf.js); errors keep the host's message. */
export async function fetchFileBytes(url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (cause) {
    throw BridgeError.transport(transportMessages.unreachable, String(cause));
  }
  if (response.ok) return response.arrayBuffer();
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: unknown } | undefined)?.error;
  if (isErrorPayload(error)) throw new BridgeError(error);
  throw BridgeError.transport(transportMessages.unreachable, `HTTP ${response.status}`);
}

/** The host's answer to "may this file be opened (or saved)?"; a refusal rejects with the host's BridgeError. */
export async function checkOpen(url: string): Promise<OpenFileResult | null> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store' });
  } catch (cause) {
    throw BridgeError.transport(transportMessages.unreachable, String(cause));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const outcome = body as { ok?: boolean; result?: OpenFileResult | null; error?: unknown } | undefined;
  if (response.ok && outcome?.ok && outcome.result !== undefined) return outcome.result;
  if (isErrorPayload(outcome?.error)) throw new BridgeError(outcome.error);
  throw BridgeError.transport(transportMessages.unreachable, `HTTP ${response.status}`);
}
