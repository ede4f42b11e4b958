import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventEnvelope, ResponseEnvelope } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../core/index.ts';
import { handleDownload, handleUpload } from './file-routes.ts';
import { readStaticFile } from './static-files.ts';

export interface WebHostOptions {
  /** Static folder with the built renderer (out/renderer). */
  staticDir: string;
  /** Either a core to serve, or a data folder to open one on (then the host owns and closes it). */
  core?: Core;
  dataDir?: string;
  appVersion?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The address actually bound: always 127.0.0.1. */
  address: string;
  core: Core;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // antd writes its component styles at run time (CSS-in-JS); scripts stay 'self' only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function sameSecret(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The browser host: the built renderer and the core's handler map over one WebSocket, on loopback
 * only, behind a random token. It is for the end-to-end tests and `npm run dev:web`; the Host and
 * Origin checks stop other web pages (and DNS-rebinding tricks) from talking to it.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const ownsCore = !options.core;
  let core: Core;
  if (options.core) core = options.core;
  else if (options.dataDir) core = await createCore({ dataDir: options.dataDir, appVersion: options.appVersion ?? '0.0.0', sync: { auto: true }, awaitPassphrase: true });
  else throw new Error('startWebHost needs a core or a dataDir');
  const token = randomBytes(32).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/files/')) return serveFiles(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = url.pathname;
    const file = await readStaticFile(options.staticDir, path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy(port),
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /**
   * File hand-over. Uploads must come from our own page (Origin) with the token in a header, so
   * another site cannot post files; downloads carry the token in the URL because a plain link or
   * the PDF reader fetches them.
   */
  async function serveFiles(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/files/upload') {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end();
        return;
      }
      if (!allowedOrigins().has(req.headers.origin ?? '')) {
        res.writeHead(403).end();
        return;
      }
      if (!sameSecret(String(req.headers['x-nghisu-token'] ?? ''), token)) {
        res.writeHead(401).end();
        return;
      }
      return handleUpload(req, res, core.paths);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!sameSecret(url.searchParams.get('token'), token)) {
      res.writeHead(401).end();
      return;
    }
    return handleDownload(req, res, core.paths, core.blobAccess(), url, (input) => core.dispatch({ type: 'request', id: 0, method: 'documents.handOver', input }, 'ui'));
  }

  const server = createServer((req, res) => {
    serveHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/bridge') return refuseUpgrade(socket, 404, 'Not Found');
    if (!allowedHosts().has(req.headers.host ?? '')) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!allowedOrigins().has(req.headers.origin ?? '')) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!sameSecret(url.searchParams.get('token'), token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      void (async () => {
        let request: unknown;
        try {
          request = isBinary ? undefined : JSON.parse(data.toString());
        } catch {
          request = undefined;
        }
        const response: ResponseEnvelope = await core.dispatch(request, 'ui');
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
      })();
    });
  });

  const unsubscribe = core.subscribe((event) => {
    const message = JSON.stringify({ type: 'event', ...event } satisfies EventEnvelope);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    address: bound.address,
    core,
    async close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsCore) await core.close();
    },
  };
}
