import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent, ErrorPayload } from '../../shared/contract/index.ts';
import { silentLogger } from '../../electron/core/logger.ts';
import { CoreProcess, CoreStartError, type ChildProcessLike } from '../../electron/main/core-process.ts';
import type { MainToHost } from '../../electron/utility/protocol.ts';

/** Stands in for Electron's UtilityProcess: records what main posts, lets the test answer. */
class FakeChild extends EventEmitter implements ChildProcessLike {
  readonly sent: MainToHost[] = [];
  killed = false;
  refuseClone = false;
  postMessage(message: MainToHost): void {
    if (this.refuseClone && message.type === 'request') throw new DOMException('could not be cloned', 'DataCloneError');
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  reply(message: unknown): void {
    this.emit('message', message);
  }
  exit(code: number): void {
    this.emit('exit', code);
  }
  requests() {
    return this.sent.flatMap((m) => (m.type === 'request' ? [m] : []));
  }
}

let children: FakeChild[];
let events: CoreEvent[];
let fatal: ErrorPayload[];
let now: number;

function makeCore(overrides: Partial<ConstructorParameters<typeof CoreProcess>[0]> = {}) {
  return new CoreProcess({
    spawn: () => {
      const c = new FakeChild();
      children.push(c);
      return c;
    },
    log: silentLogger(),
    onEvent: (e) => events.push(e),
    onFatal: (e) => fatal.push(e),
    requestTimeoutMs: 1_000,
    restartDelayMs: 100,
    restartWindowMs: 60_000,
    shutdownTimeoutMs: 500,
    now: () => now,
    ...overrides,
  });
}

const latest = () => children[children.length - 1]!;

async function started() {
  const core = makeCore();
  const ready = core.start();
  latest().reply({ type: 'ready' });
  await ready;
  return core;
}

beforeEach(() => {
  vi.useFakeTimers();
  children = [];
  events = [];
  fatal = [];
  now = 0;
});
afterEach(() => vi.useRealTimers());

describe('CoreProcess', () => {
  it('sends requests with the access level main chose and resolves with the answer', async () => {
    const core = await started();
    const call = core.call('app.info', {}, 'ui');
    const [request] = latest().requests();
    expect(request).toMatchObject({ type: 'request', access: 'ui', request: { type: 'request', method: 'app.info', input: {} } });
    latest().reply({ type: 'response', id: request!.request.id, ok: true, result: { version: '0.1.0' } });
    await expect(call).resolves.toEqual({ ok: true, result: { version: '0.1.0' } });
  });

  it('asks the core for the document files\' key, and gets none while the data is locked or the core is gone', async () => {
    const core = await started();
    const key = Buffer.alloc(32, 7);
    const asked = core.blobKey();
    const message = latest().sent.at(-1)!;
    expect(message).toMatchObject({ type: 'blob-access' });
    latest().reply({ type: 'response', id: (message as { id: number }).id, ok: true, result: key.toString('base64') });
    expect((await asked)?.equals(key)).toBe(true);
    const locked = core.blobKey();
    latest().reply({ type: 'response', id: (latest().sent.at(-1) as { id: number }).id, ok: true, result: null });
    expect(await locked).toBeNull();
    const stopping = core.stop();
    latest().exit(0);
    await stopping;
    expect(await core.blobKey()).toBeNull();
  });

  it('passes error answers through unchanged', async () => {
    const core = await started();
    const call = core.call('backup.create', { file: '/x' }, 'ui');
    const error = { code: 'FORBIDDEN', message: { vi: 'Không được', en: 'No' } };
    latest().reply({ type: 'response', id: latest().requests()[0]!.request.id, ok: false, error });
    await expect(call).resolves.toEqual({ ok: false, error });
  });

  it('queues calls made before the core is ready', async () => {
    const core = makeCore();
    const ready = core.start();
    const call = core.call('settings.getAll', {}, 'ui');
    expect(latest().requests()).toHaveLength(0);
    latest().reply({ type: 'ready' });
    await ready;
    const [request] = latest().requests();
    latest().reply({ type: 'response', id: request!.request.id, ok: true, result: 1 });
    await expect(call).resolves.toEqual({ ok: true, result: 1 });
  });

  it('a call queued while the core starts waits for the start however long, then gets its own timeout', async () => {
    const core = makeCore();
    const ready = core.start();
    const call = core.call('settings.getAll', {}, 'ui');
    // The first start after an update: minutes of encrypting and migrating the data.
    vi.advanceTimersByTime(10_000);
    latest().reply({ type: 'ready' });
    await ready;
    expect(latest().requests()).toHaveLength(1);
    vi.advanceTimersByTime(999);
    latest().reply({ type: 'response', id: latest().requests()[0]!.request.id, ok: true, result: 1 });
    await expect(call).resolves.toEqual({ ok: true, result: 1 });

    const unanswered = core.call('app.info', {}, 'ui');
    vi.advanceTimersByTime(1_000);
    await expect(unanswered).resolves.toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });

  it('forwards events without the envelope type', async () => {
    await started();
    latest().reply({ type: 'event', event: 'settings.changed', payload: { key: 'ui.theme', settings: {} } });
    expect(events).toEqual([{ event: 'settings.changed', payload: { key: 'ui.theme', settings: {} } }]);
  });

  it('times out a call the core never answers, and ignores the late answer', async () => {
    const core = await started();
    const call = core.call('app.info', {}, 'ui');
    vi.advanceTimersByTime(1_000);
    const outcome = await call;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    latest().reply({ type: 'response', id: latest().requests()[0]!.request.id, ok: true, result: 1 });
  });

  it('answers INVALID_INPUT when the input cannot be cloned', async () => {
    const core = await started();
    latest().refuseClone = true;
    await expect(core.call('app.info', {}, 'ui')).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('rejects start with the core\'s own error when it refuses the database', async () => {
    const core = makeCore();
    const ready = core.start();
    const error = { code: 'DB_TOO_NEW', message: { vi: 'CSDL mới hơn ứng dụng', en: 'Database is newer' } };
    latest().reply({ type: 'startup-failed', error });
    await expect(ready).rejects.toBeInstanceOf(CoreStartError);
    await expect(ready).rejects.toMatchObject({ payload: error });
    expect(latest().killed).toBe(true);
    expect(fatal).toEqual([]);
  });

  it('rejects start when the process dies before it is ready', async () => {
    const core = makeCore();
    const ready = core.start();
    latest().exit(1);
    await expect(ready).rejects.toMatchObject({ payload: { code: 'TRANSPORT' } });
  });

  it('fails calls in flight with TRANSPORT when the process dies, then restarts it once', async () => {
    const core = await started();
    const call = core.call('settings.set', { key: 'ui.theme', value: 'dark' }, 'ui');
    latest().exit(139);
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    expect(core.state).toBe('restarting');

    // A call during the restart waits for the new process.
    const waiting = core.call('app.info', {}, 'ui');
    vi.advanceTimersByTime(100);
    expect(children).toHaveLength(2);
    latest().reply({ type: 'ready' });
    const [request] = latest().requests();
    latest().reply({ type: 'response', id: request!.request.id, ok: true, result: 'again' });
    await expect(waiting).resolves.toEqual({ ok: true, result: 'again' });
    expect(fatal).toEqual([]);
  });

  it('gives up with a fatal error when it dies again soon after the restart', async () => {
    const core = await started();
    latest().exit(139);
    vi.advanceTimersByTime(100);
    latest().reply({ type: 'ready' });
    now += 5_000;
    latest().exit(139);
    expect(core.state).toBe('failed');
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.code).toBe('TRANSPORT');
    expect(fatal[0]!.message.vi).toMatch(/dừng đột ngột/);
    await expect(core.call('app.info', {}, 'ui')).resolves.toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });

  it('restarts again after a long stable run', async () => {
    await started();
    latest().exit(139);
    vi.advanceTimersByTime(100);
    latest().reply({ type: 'ready' });
    now += 60_000;
    latest().exit(139);
    vi.advanceTimersByTime(100);
    expect(children).toHaveLength(3);
    expect(fatal).toEqual([]);
  });

  it('reports a fatal error when the restarted process refuses to open the database', async () => {
    await started();
    latest().exit(139);
    vi.advanceTimersByTime(100);
    latest().reply({ type: 'startup-failed', error: { code: 'DB_CORRUPT', message: { vi: 'hỏng', en: 'corrupt' } } });
    expect(fatal.map((f) => f.code)).toEqual(['DB_CORRUPT']);
  });

  it('stops gracefully: asks for shutdown, resolves on exit, no restart', async () => {
    const core = await started();
    const stopping = core.stop();
    expect(latest().sent.at(-1)).toEqual({ type: 'shutdown' });
    latest().exit(0);
    await stopping;
    expect(core.state).toBe('stopped');
    vi.advanceTimersByTime(10_000);
    expect(children).toHaveLength(1);
    await expect(core.call('app.info', {}, 'ui')).resolves.toMatchObject({ ok: false });
  });

  it('kills a core that does not exit in time, and never hangs the quit', async () => {
    const core = await started();
    const stopping = core.stop();
    vi.advanceTimersByTime(500);
    expect(latest().killed).toBe(true);
    vi.advanceTimersByTime(500);
    await stopping;
    expect(core.state).toBe('stopped');
  });

  it('ignores malformed messages from the process', async () => {
    const core = await started();
    latest().reply('garbage');
    latest().reply({ type: 'response' });
    latest().reply(null);
    expect(core.state).toBe('ready');
  });

  it("seals and opens the sync secret with main's keychain for the core, and says so when there is none", async () => {
    const vault = { seal: (text: string) => Buffer.from(`sealed:${text}`).toString('base64'), open: (b64: string) => Buffer.from(b64, 'base64').toString().replace(/^sealed:/, '') };
    const core = makeCore({ vault });
    const ready = core.start();
    latest().reply({ type: 'ready' });
    await ready;
    latest().reply({ type: 'vault', id: 1, op: 'seal', data: 'bí mật' });
    const sealed = latest().sent.find((m) => m.type === 'vault-result');
    expect(sealed).toEqual({ type: 'vault-result', id: 1, ok: true, data: Buffer.from('sealed:bí mật').toString('base64') });
    latest().reply({ type: 'vault', id: 2, op: 'open', data: Buffer.from('sealed:bí mật').toString('base64') });
    expect(latest().sent.at(-1)).toEqual({ type: 'vault-result', id: 2, ok: true, data: 'bí mật' });

    const bare = await started();
    latest().reply({ type: 'vault', id: 7, op: 'seal', data: 'x' });
    expect(latest().sent.at(-1)).toMatchObject({ type: 'vault-result', id: 7, ok: false });
    expect(bare.state).toBe('ready');
  });
});
