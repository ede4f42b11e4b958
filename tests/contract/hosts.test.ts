import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RequestEnvelope, ResponseEnvelope, ServerMessage } from '../../shared/contract/index.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { startWebHost, type WebHost } from '../../electron/web/server.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The same sequence of calls, valid and invalid, sent through every host. */
const script: Array<Omit<RequestEnvelope, 'type' | 'id'>> = [
  { method: 'settings.getAll', input: {} },
  { method: 'settings.set', input: { key: 'ui.language', value: 'en' } },
  { method: 'settings.set', input: { key: 'ui.theme', value: 'dark' } },
  { method: 'settings.set', input: { key: 'updates.url', value: 'ftp://x' } },
  { method: 'settings.set', input: { key: 'nope', value: 1 } },
  { method: 'settings.getAll', input: { extra: true } },
  { method: 'no.such.method', input: {} },
  { method: 'backup.create', input: { file: '/tmp/nghisu-should-not-exist.db' } },
  { method: 'settings.getAll', input: {} },
];

function connect(host: WebHost, opts: { token?: string; origin?: string; hostHeader?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${opts.token ?? host.token}`, {
    origin: opts.origin ?? host.origin,
    headers: opts.hostHeader ? { host: opts.hostHeader } : {},
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function callOverSocket(ws: WebSocket, message: unknown, id: RequestEnvelope['id']): Promise<ResponseEnvelope> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as ServerMessage;
      if (msg.type === 'response' && msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

function httpGet(port: number, path: string, hostHeader = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: hostHeader } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hosts', () => {
  let staticDir: string;
  let host: WebHost;
  beforeEach(async () => {
    staticDir = join(tempDir(), 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Nghị Sự</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startWebHost({ dataDir: tempDir(), staticDir });
  });
  afterEach(async () => {
    await host.close();
  });

  it('give the same results and errors in-process and over the WebSocket', async () => {
    const inProcess: Core = await createCore({ dataDir: tempDir() });
    const ws = await connect(host);
    let id = 1;
    for (const step of script) {
      const envelope = { type: 'request' as const, id: id++, ...step };
      const viaCore = await inProcess.dispatch(envelope, 'ui');
      const viaSocket = await callOverSocket(ws, envelope, envelope.id);
      expect(viaSocket, step.method).toEqual(viaCore);
    }
    ws.close();
    await inProcess.close();
  });

  it('answers malformed frames with a typed error instead of dropping the connection', async () => {
    const ws = await connect(host);
    const response = await callOverSocket(ws, '{not json', 0);
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const next = await callOverSocket(ws, { type: 'request', id: 9, method: 'settings.getAll', input: {} }, 9);
    expect(next.ok).toBe(true);
    ws.close();
  });

  it('pushes core events to connected clients', async () => {
    const ws = await connect(host);
    const event = new Promise<ServerMessage>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString()) as ServerMessage;
        if (msg.type === 'event') resolve(msg);
      });
    });
    await host.core.call('settings.set', { key: 'ui.theme', value: 'dark' });
    expect(await event).toMatchObject({ type: 'event', event: 'settings.changed', payload: { key: 'ui.theme' } });
    ws.close();
  });

  it('refuses a wrong token, a foreign origin and a foreign Host header', async () => {
    await expect(connect(host, { token: 'x'.repeat(43) })).rejects.toThrow('HTTP 401');
    await expect(connect(host, { token: '' })).rejects.toThrow('HTTP 401');
    await expect(connect(host, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect(host, { origin: `http://127.0.0.1:${host.port + 1}` })).rejects.toThrow('HTTP 403');
    await expect(connect(host, { hostHeader: `attacker.example:${host.port}` })).rejects.toThrow('HTTP 421');
  });

  it('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const index = await httpGet(host.port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('Nghị Sự');
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await httpGet(host.port, '/assets/app.js')).status).toBe(200);
    for (const path of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%00']) {
      expect((await httpGet(host.port, path)).status, path).toBe(404);
    }
    expect((await httpGet(host.port, '/', 'evil.example')).status).toBe(421);
  });

  it('binds to loopback only', () => {
    expect(host.address).toBe('127.0.0.1');
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(43);
  });
});
