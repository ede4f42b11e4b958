import type { Access, CoreEvent, ErrorPayload, RawOutcome } from '../../shared/contract/index.ts';
import type { Logger } from '../core/logger.ts';
import { isHostToMain, type HostToMain, type MainToHost } from '../utility/protocol.ts';
import { coreStopped, coreTimedOut, coreUnavailable, errorPayload, failed } from './outcomes.ts';

/** The part of Electron's UtilityProcess this module uses, so it can be driven by a fake in tests. */
export interface ChildProcessLike {
  postMessage(message: MainToHost): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface CoreProcessOptions {
  spawn: () => ChildProcessLike;
  log: Logger;
  onEvent: (event: CoreEvent) => void;
  /** The core stopped for good (crashed again after its one restart, or could not restart). */
  onFatal: (error: ErrorPayload) => void;
  requestTimeoutMs?: number;
  restartDelayMs?: number;
  /** A crash this long after the last restart earns a new restart; sooner means it is not transient. */
  restartWindowMs?: number;
  shutdownTimeoutMs?: number;
  now?: () => number;
  /** The OS keychain (Electron's safeStorage), which only main may use; base64 of sealed bytes. */
  vault?: { seal(text: string): string; open(sealedBase64: string): string };
}

/** Thrown by start() when the core refuses to open (database too new, corrupt, unsupported runtime…). */
export class CoreStartError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(`${payload.code}: ${payload.message.en}`);
    this.name = 'CoreStartError';
    this.payload = payload;
  }
}

type State = 'idle' | 'starting' | 'ready' | 'restarting' | 'stopping' | 'stopped' | 'failed';

interface Pending {
  method: string;
  message: MainToHost;
  sent: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  resolve: (outcome: RawOutcome) => void;
}

const crashedPayload = (code: number): ErrorPayload =>
  errorPayload(
    'TRANSPORT',
    `Phần xử lý dữ liệu của Nghị Sự đã dừng đột ngột (mã ${code}) và không khởi động lại được. ` +
      'Dữ liệu đã lưu vẫn được giữ nguyên. Ứng dụng sẽ đóng lại; hãy mở lại. Nếu lỗi lặp lại, ' +
      'hãy liên hệ bộ phận CNTT và gửi kèm thư mục "logs" trong thư mục dữ liệu.',
    `The Nghị Sự data engine stopped unexpectedly (code ${code}) and could not be restarted. Saved data is ` +
      'intact. The app will close; please open it again. If this keeps happening, contact IT with the "logs" folder.',
  );

/**
 * Runs the core in a utility process so SQLite never blocks the window. Calls made while the process
 * starts or restarts wait (bounded by the request timeout); calls in flight when it dies fail with
 * TRANSPORT, because main cannot know whether they were applied.
 */
export class CoreProcess {
  readonly #opts: Required<Omit<CoreProcessOptions, 'now' | 'vault'>> & Pick<CoreProcessOptions, 'vault'> & { now: () => number };
  #state: State = 'idle';
  #child: ChildProcessLike | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #startWaiter: { resolve: () => void; reject: (err: CoreStartError) => void } | undefined;
  #stopWaiters: Array<() => void> = [];
  #lastRestartAt: number | undefined;
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #killTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: CoreProcessOptions) {
    this.#opts = {
      requestTimeoutMs: 60_000,
      restartDelayMs: 1_000,
      restartWindowMs: 10 * 60_000,
      shutdownTimeoutMs: 5_000,
      now: Date.now,
      ...options,
    };
  }

  get state(): State {
    return this.#state;
  }

  /** Resolves once the core has opened the database; rejects with CoreStartError otherwise. */
  start(): Promise<void> {
    if (this.#state !== 'idle') return Promise.reject(new Error(`core process already ${this.#state}`));
    return new Promise((resolve, reject) => {
      this.#startWaiter = { resolve, reject };
      this.#spawn();
    });
  }

  call(method: string, input: unknown, access: Access): Promise<RawOutcome> {
    if (this.#state !== 'starting' && this.#state !== 'ready' && this.#state !== 'restarting') {
      return Promise.resolve(coreUnavailable());
    }
    const id = this.#nextId++;
    const message: MainToHost = { type: 'request', access, request: { type: 'request', id, method, input } };
    return new Promise((resolve) => {
      // The clock runs from when the core gets the call: a call queued while it starts waits for the
      // start, which may take minutes (the first start after an update encrypts and migrates the
      // data) and ends the wait itself if it fails.
      this.#pending.set(id, { method, message, sent: false, timer: undefined, resolve });
      if (this.#state === 'ready') this.#post(id);
    });
  }

  /** The document files' key, or null while the data is locked, not open, or the core is down. */
  async blobKey(): Promise<Buffer | null> {
    if (this.#state !== 'starting' && this.#state !== 'ready' && this.#state !== 'restarting') return null;
    const id = this.#nextId++;
    const outcome = await new Promise<RawOutcome>((resolve) => {
      this.#pending.set(id, { method: 'blob-access', message: { type: 'blob-access', id }, sent: false, timer: undefined, resolve });
      if (this.#state === 'ready') this.#post(id);
    });
    return outcome.ok && typeof outcome.result === 'string' ? Buffer.from(outcome.result, 'base64') : null;
  }

  /** Asks the core to close its database, then kills the process if it does not exit in time. */
  stop(): Promise<void> {
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    const child = this.#child;
    if (!child) {
      this.#state = 'stopped';
      this.#failAllPending(coreUnavailable());
      return Promise.resolve();
    }
    const wasStopping = this.#state === 'stopping';
    this.#state = 'stopping';
    const done = new Promise<void>((resolve) => this.#stopWaiters.push(resolve));
    if (!wasStopping) {
      try {
        child.postMessage({ type: 'shutdown' });
      } catch {
        child.kill();
      }
      this.#killTimer = setTimeout(() => {
        this.#opts.log.warn('core did not exit in time; killing it');
        child.kill();
        // If even the kill produces no exit event, do not hold the app's quit hostage.
        this.#killTimer = setTimeout(() => this.#onExit(child, -1), this.#opts.shutdownTimeoutMs);
      }, this.#opts.shutdownTimeoutMs);
    }
    return done;
  }

  #spawn(): void {
    this.#state = 'starting';
    let child: ChildProcessLike;
    try {
      child = this.#opts.spawn();
    } catch (err) {
      this.#opts.log.error({ err }, 'could not start the core process');
      this.#giveUp(crashedPayload(-1));
      return;
    }
    this.#child = child;
    child.on('message', (message) => {
      if (this.#child === child) this.#onMessage(message);
    });
    child.on('exit', (code) => this.#onExit(child, code));
  }

  #onMessage(raw: unknown): void {
    if (!isHostToMain(raw)) {
      this.#opts.log.warn('ignored a malformed message from the core process');
      return;
    }
    const message: HostToMain = raw;
    switch (message.type) {
      case 'ready': {
        if (this.#state !== 'starting') return;
        this.#state = 'ready';
        this.#opts.log.info('core ready');
        this.#startWaiter?.resolve();
        this.#startWaiter = undefined;
        for (const [id, p] of this.#pending) if (!p.sent) this.#post(id);
        return;
      }
      case 'startup-failed': {
        this.#opts.log.error({ code: message.error.code }, 'core refused to start');
        this.#giveUp(message.error);
        this.#child?.kill();
        return;
      }
      case 'response': {
        const id = typeof message.id === 'number' ? message.id : Number.NaN;
        const p = this.#pending.get(id);
        if (!p) return; // timed out earlier; the late answer has nobody to go to
        this.#pending.delete(id);
        clearTimeout(p.timer);
        p.resolve(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
        return;
      }
      case 'event': {
        const { type: _type, ...event } = message;
        this.#opts.onEvent(event as CoreEvent);
        return;
      }
      case 'vault': {
        let answer: MainToHost;
        try {
          const vault = this.#opts.vault;
          if (!vault) throw new Error('the OS keychain is not available');
          answer = { type: 'vault-result', id: message.id, ok: true, data: message.op === 'seal' ? vault.seal(message.data) : vault.open(message.data) };
        } catch (err) {
          answer = { type: 'vault-result', id: message.id, ok: false, data: (err as Error).message };
        }
        this.#child?.postMessage(answer);
        return;
      }
    }
  }

  #onExit(child: ChildProcessLike, code: number): void {
    if (this.#child !== child) return;
    this.#child = undefined;
    if (this.#killTimer) clearTimeout(this.#killTimer);
    this.#killTimer = undefined;
    this.#failAllPending(coreStopped());
    const state = this.#state;
    if (state === 'stopping') {
      this.#state = 'stopped';
      this.#opts.log.info({ code }, 'core process exited');
      for (const resolve of this.#stopWaiters.splice(0)) resolve();
      return;
    }
    if (state === 'failed' || state === 'stopped') return;
    this.#opts.log.error({ code, state }, 'core process exited unexpectedly');
    const now = this.#opts.now();
    const restartedRecently =
      this.#lastRestartAt !== undefined && now - this.#lastRestartAt < this.#opts.restartWindowMs;
    if (state === 'ready' && !restartedRecently) {
      this.#lastRestartAt = now;
      this.#state = 'restarting';
      this.#opts.log.warn({ delayMs: this.#opts.restartDelayMs }, 'restarting the core process');
      this.#restartTimer = setTimeout(() => {
        this.#restartTimer = undefined;
        if (this.#state === 'restarting') this.#spawn();
      }, this.#opts.restartDelayMs);
      return;
    }
    this.#giveUp(crashedPayload(code));
  }

  /** Ends the process for good: a first start rejects, a later one reports a fatal error. */
  #giveUp(error: ErrorPayload): void {
    this.#state = 'failed';
    this.#failAllPending({ ok: false, error });
    const waiter = this.#startWaiter;
    this.#startWaiter = undefined;
    if (waiter) waiter.reject(new CoreStartError(error));
    else this.#opts.onFatal(error);
  }

  #post(id: number): void {
    const p = this.#pending.get(id);
    const child = this.#child;
    if (!p || !child) return;
    try {
      child.postMessage(p.message);
      p.sent = true;
      p.timer = setTimeout(() => {
        if (!this.#pending.delete(id)) return;
        this.#opts.log.warn({ method: p.method, id }, 'core request timed out');
        p.resolve(coreTimedOut());
      }, this.#opts.requestTimeoutMs);
    } catch (err) {
      // Structured clone refused the input (a function, a DOM object…): the caller's fault, not the core's.
      this.#pending.delete(id);
      clearTimeout(p.timer);
      this.#opts.log.warn({ method: p.method, err: (err as Error).name }, 'request could not be sent to the core');
      p.resolve(
        failed(
          'INVALID_INPUT',
          'Dữ liệu gửi đi có kiểu không hỗ trợ.',
          'The request contains values that cannot be sent.',
        ),
      );
    }
  }

  #failAllPending(outcome: RawOutcome): void {
    for (const p of this.#pending.values()) {
      clearTimeout(p.timer);
      p.resolve(outcome);
    }
    this.#pending.clear();
  }
}
