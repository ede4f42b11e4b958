import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does to one request on its way between a laptop and the hub. */
export type Fault =
  | { kind: 'drop-request' }
  | { kind: 'drop-response' }
  | { kind: 'duplicate' }
  /** Forwarded, then the previous request sent to the hub again after it: an old packet arriving late. */
  | { kind: 'reorder' }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset-mid-body' }
  | { kind: 'status'; status: number; retryAfter?: number }
  /** The hub's answer replaced: hostile or broken hubs. */
  | { kind: 'answer'; status: number; body: string | Buffer; contentType?: string }
  /** The first answer ever given to a request on this path, given again: a feed that goes backwards. */
  | { kind: 'stale-answer' };

interface Rule {
  path: RegExp;
  fault: Fault;
  times: number;
}

interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

interface HubAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') out[k] = v;
  return out;
}

/**
 * A fault-injecting HTTP proxy in front of the hub: per request (matched by path) it drops,
 * duplicates, reorders, delays, cuts, or answers for the hub. Everything else passes through.
 * `onRequest` lets a test act at the moment a request arrives (e.g. kill the laptop's process).
 */
export async function startFaultProxy(target: string) {
  const rules: Rule[] = [];
  const seen: Array<{ method: string; path: string; fault: Fault['kind'] | null }> = [];
  let previous: Captured | null = null;
  const firstAnswers = new Map<string, HubAnswer>();
  let onRequest: ((path: string) => void) | null = null;
  let down = false;
  const sockets = new Set<Socket>();

  function forward(c: Captured): Promise<HubAnswer> {
    return new Promise((resolve, reject) => {
      const url = new URL(c.path, target);
      const out = httpRequest(url, { method: c.method, headers: { ...c.headers, 'content-length': String(c.body.length) } }, (res) => {
        readBody(res).then((body) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && k !== 'connection' && k !== 'transfer-encoding' && k !== 'keep-alive') headers[k] = v;
          resolve({ status: res.statusCode ?? 502, headers, body });
        }, reject);
      });
      out.on('error', reject);
      out.end(c.body);
    });
  }

  function reply(res: ServerResponse, a: HubAnswer): void {
    res.writeHead(a.status, { ...a.headers, 'content-length': String(a.body.length) });
    res.end(a.body);
  }

  function take(path: string): Fault | null {
    const rule = rules.find((r) => r.path.test(path) && r.times > 0);
    if (!rule) return null;
    rule.times -= 1;
    return rule.fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const captured: Captured = { method: req.method ?? 'GET', path: req.url ?? '/', headers: headersOf(req), body: await readBody(req) };
    const fault = take(captured.path);
    seen.push({ method: captured.method, path: captured.path, fault: fault?.kind ?? null });
    onRequest?.(captured.path);
    if (down) {
      req.socket.destroy();
      return;
    }
    const last = previous;
    previous = captured;
    switch (fault?.kind) {
      case 'drop-request':
        req.socket.destroy();
        return;
      case 'drop-response':
        await forward(captured);
        req.socket.destroy();
        return;
      case 'duplicate': {
        await forward(captured);
        reply(res, await forward(captured));
        return;
      }
      case 'reorder': {
        const answer = await forward(captured);
        if (last) await forward(last);
        reply(res, answer);
        return;
      }
      case 'delay':
        await new Promise((r) => setTimeout(r, fault.ms));
        reply(res, await forward(captured));
        return;
      case 'reset-mid-body': {
        const answer = await forward(captured);
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
        res.write(answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2))));
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      case 'status': {
        const body = Buffer.from(JSON.stringify({ type: 'about:blank', title: `Injected ${fault.status}`, status: fault.status }));
        const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        reply(res, { status: fault.status, headers, body });
        return;
      }
      case 'stale-answer': {
        const key = captured.path.split('?')[0]!;
        const old = firstAnswers.get(key);
        reply(res, old ?? (await forward(captured)));
        return;
      }
      case 'answer':
        await forward(captured);
        reply(res, { status: fault.status, headers: { 'content-type': fault.contentType ?? 'application/json' }, body: Buffer.isBuffer(fault.body) ? fault.body : Buffer.from(fault.body) });
        return;
      default: {
        const answer = await forward(captured);
        const key = captured.path.split('?')[0]!;
        if (!firstAnswers.has(key) && answer.status === 200 && answer.body.includes('"position"')) firstAnswers.set(key, answer);
        reply(res, answer);
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else req.socket.destroy();
    });
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    seen,
    /** The next `times` requests whose path matches get `fault`. */
    inject(path: RegExp, fault: Fault, times = 1): void {
      rules.push({ path, fault, times });
    },
    /** Faults not yet used (a test checks every injected fault really happened). */
    unused(): number {
      return rules.reduce((n, r) => n + r.times, 0);
    },
    clear(): void {
      rules.length = 0;
    },
    /** Every connection refused-like (reset at once), as when the laptop is offline. */
    setDown(value: boolean): void {
      down = value;
    },
    onRequest(fn: ((path: string) => void) | null): void {
      onRequest = fn;
    },
    async close(): Promise<void> {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
