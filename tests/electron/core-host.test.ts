import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Runs the real utility-process entry in plain Node, with a stand-in for Electron's process.parentPort,
 * over a real core and SQLite file: what main would see, minus Electron.
 */
class FakeParentPort extends EventEmitter {
  readonly posted: Array<Record<string, unknown>> = [];
  postMessage(message: unknown): void {
    // The real port structured-clones; so does this, so nothing uncloneable slips through.
    const m = structuredClone(message) as Record<string, unknown>;
    this.posted.push(m);
    this.emit('posted');
    if (m['type'] === 'vault') setImmediate(() => this.send(keychain(m)));
  }
  send(data: unknown): void {
    this.emit('message', { data, ports: [] });
  }
  async next(predicate: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (let i = 0; i < 500; i++) {
      const found = this.posted.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching message; got ${JSON.stringify(this.posted)}`);
  }
}

/** Main's answer with the OS keychain (safeStorage), stood in for by a marked, reversible wrapping. */
function keychain(m: Record<string, unknown>): unknown {
  const data = String(m['data']);
  if (m['op'] === 'seal') return { type: 'vault-result', id: m['id'], ok: true, data: Buffer.from(`sealed:${data}`).toString('base64') };
  const text = Buffer.from(data, 'base64').toString();
  return text.startsWith('sealed:') ? { type: 'vault-result', id: m['id'], ok: true, data: text.slice(7) } : { type: 'vault-result', id: m['id'], ok: false, data: 'not sealed here' };
}

const dirs: string[] = [];
const originalArgv = process.argv;
let port: FakeParentPort;
let exit: ReturnType<typeof vi.spyOn>;

async function startHost(args: string[]): Promise<void> {
  port = new FakeParentPort();
  Object.defineProperty(process, 'parentPort', { value: port, configurable: true });
  process.argv = [process.execPath, 'core-host.js', ...args];
  vi.resetModules();
  await import('../../electron/utility/core-host.ts');
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nghisu-core-host-'));
  dirs.push(dir);
  return dir;
}

const request = (id: number, method: string, input: unknown, access: 'ui' | 'local' = 'ui') => ({
  type: 'request',
  access,
  request: { type: 'request', id, method, input },
});

beforeEach(() => {
  exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
});
afterEach(() => {
  exit.mockRestore();
  process.argv = originalArgv;
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('core-host', () => {
  it('opens the core, answers requests with the access main attached, pushes events, shuts down', async () => {
    const dataDir = tempDir();
    await startHost(['--data-dir', dataDir, '--app-version', '9.9.9']);
    await port.next((m) => m['type'] === 'ready');
    // The database key went to the keychain main offers; no plain copy of it was left in keys/.
    expect(port.posted.filter((m) => m['type'] === 'vault').map((m) => m['op'])).toEqual(['seal']);
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['database.key.sealed']);

    port.send(request(1, 'app.info', {}));
    const info = await port.next((m) => m['type'] === 'response' && m['id'] === 1);
    expect(info).toMatchObject({ ok: true, result: { version: '9.9.9', dataDir } });

    port.send(request(2, 'backup.create', { file: join(dataDir, 'b.db') }, 'ui'));
    expect(await port.next((m) => m['id'] === 2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    port.send(request(3, 'settings.set', { key: 'documents.issuingPlace', value: 'Sa Pa' }));
    expect(await port.next((m) => m['id'] === 3)).toMatchObject({ ok: true });
    expect(await port.next((m) => m['type'] === 'event')).toMatchObject({
      type: 'event',
      event: 'settings.changed',
      payload: { key: 'documents.issuingPlace', settings: { 'documents.issuingPlace': 'Sa Pa' } },
    });

    port.send(request(4, 'no.such.method', {}));
    expect(await port.next((m) => m['id'] === 4)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    port.send({ type: 'request', access: 'root', request: { type: 'request', id: 5, method: 'app.info', input: {} } });
    port.send('junk');

    port.send({ type: 'shutdown' });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(port.posted.some((m) => m['id'] === 5)).toBe(false);
  });

  it('reports a core that cannot open as startup-failed with a Vietnamese message, and stays up', async () => {
    const notADir = join(tempDir(), 'file');
    writeFileSync(notADir, 'x');
    await startHost(['--data-dir', notADir, '--app-version', '1.0.0']);
    const failed = await port.next((m) => m['type'] === 'startup-failed');
    expect(failed).toMatchObject({ error: { code: expect.any(String), message: { vi: expect.any(String), en: expect.any(String) } } });
    expect(exit).not.toHaveBeenCalled();

    port.send(request(1, 'app.info', {}));
    expect(await port.next((m) => m['id'] === 1)).toMatchObject({ ok: false, error: { code: 'CORE_CLOSED' } });
  });

  it('refuses to start without a data folder', async () => {
    await startHost([]);
    expect(await port.next((m) => m['type'] === 'startup-failed')).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});
