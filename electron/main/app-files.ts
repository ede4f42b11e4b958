import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_PROTOCOL } from '../../shared/app.ts';

/**
 * The page may only load what the app ships. 'unsafe-inline' for styles is the one concession:
 * antd's CSS-in-JS injects <style> elements at run time (see docs/adr/0002-electron-security.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  // pdf.js character maps and standard fonts are fetched as binary.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps app://nghisu/<path> to a file under rootDir. Decoding happens before the containment check,
 * so `%2e%2e%2f` and `..%5c` (a backslash, a separator on Windows) cannot climb out of the folder.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): ResolvedAppFile {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_PROTOCOL}:` || url.host.toLowerCase() !== APP_HOST) return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400 };
  const relative = pathname.replace(/^[/\\]+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative === '' ? 'index.html' : relative);
  if (!file.startsWith(root + sep)) return { ok: false, status: 403 };
  return { ok: true, file };
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // The files change only with an app update; revalidating keeps an upgraded app from
    // running yesterday's cached script.
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * The app:// protocol handler, free of Electron so it can be tested in plain Node. Only GET and HEAD
 * of existing regular files; no directory listings, no fallbacks to index.html (the renderer uses
 * hash routing, so every real page is /index.html).
 */
export function createAppFileHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const resolved = resolveAppFile(rootDir, request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found');
    try {
      const info = await stat(resolved.file);
      if (!info.isFile()) return plain(404, 'Not Found');
      const headers = securityHeaders(mimeTypeOf(resolved.file));
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = await readFile(resolved.file);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { status: 200, headers });
    } catch {
      return plain(404, 'Not Found');
    }
  };
}
