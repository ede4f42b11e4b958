import {
  isErrorPayload,
  type CoreEvent,
  type LocalizedText,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type RequestEnvelope,
} from '../../../shared/contract/index.ts';
import type { AppBridge, ConnectionState } from './AppBridge.ts';
import { BridgeError } from './BridgeError.ts';
import { checkOpen, downloadInBrowser, fetchFileBytes, fileUrl, uploadOverHttp } from './httpFiles.ts';
import { transportMessages } from './transportMessages.ts';

export interface SocketBridgeOptions {
  /** Full ws:// URL including the token, or null when there is no token and no point in trying. */
  url: string | null;
  /** The page's origin and the session token, for file uploads and downloads over HTTP. */
  http?: { origin: string; token: string };
  /** How long a call made while disconnected waits for the socket to open. */
  connectWaitMs?: number;
  /** How long an in-flight call waits for its response. */
  requestTimeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: BridgeError): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Waiting {
  send(): void;
  fail(message: LocalizedText): void;
}

/**
 * Bridge over the browser host's WebSocket. Calls made while the socket is down wait for the next
 * connection (briefly); calls in flight when it drops fail at once, because the core may or may not
 * have applied them and only the user can decide whether to retry.
 */
export function createSocketBridge(options: SocketBridgeOptions): AppBridge {
  const connectWaitMs = options.connectWaitMs ?? 10_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const backoffBaseMs = options.backoffBaseMs ?? 250;
  const backoffMaxMs = options.backoffMaxMs ?? 10_000;

  const eventListeners = new Set<(event: CoreEvent) => void>();
  const stateListeners = new Set<() => void>();
  const pending = new Map<number, Pending>();
  let waiting: Waiting[] = [];
  let socket: WebSocket | null = null;
  let state: ConnectionState = options.url ? 'connecting' : 'idle';
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener();
  }

  function connect(): void {
    if (!options.url || socket) return;
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    setState('connecting');
    const ws = new WebSocket(options.url);
    socket = ws;
    ws.addEventListener('open', () => {
      setState('open');
      const ready = waiting;
      waiting = [];
      for (const w of ready) w.send();
    });
    ws.addEventListener('message', (message) => handleMessage(message.data));
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      failAll(transportMessages.droppedBeforeReply, transportMessages.unreachable);
      setState('closed');
      scheduleReconnect();
    });
  }

  function scheduleReconnect(): void {
    // Full jitter keeps many windows from hammering a restarting core in lockstep.
    const ceiling = Math.min(backoffMaxMs, backoffBaseMs * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, Math.random() * ceiling);
  }

  function failAll(inFlight: LocalizedText, queued: LocalizedText): void {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(BridgeError.transport(inFlight));
    }
    const stranded = waiting;
    waiting = [];
    for (const w of stranded) w.fail(queued);
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      console.warn('bridge: ignored a frame that is not JSON');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    // Only a frame from the core proves the connection works; a socket that opens and drops at once
    // (a core crashing on start) must keep backing off.
    attempt = 0;
    const m = message as Record<string, unknown>;
    if (m['type'] === 'event' && typeof m['event'] === 'string') {
      const event = { event: m['event'], payload: m['payload'] } as CoreEvent;
      for (const listener of eventListeners) listener(event);
      return;
    }
    if (m['type'] !== 'response' || typeof m['id'] !== 'number') return;
    const p = pending.get(m['id']);
    if (!p) return;
    pending.delete(m['id']);
    clearTimeout(p.timer);
    if (m['ok'] === true) p.resolve(m['result']);
    else if (isErrorPayload(m['error'])) p.reject(new BridgeError(m['error']));
    else p.reject(BridgeError.transport(transportMessages.malformedReply));
  }

  function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    if (!options.url) return Promise.reject(BridgeError.transport(transportMessages.noToken));
    return new Promise<MethodOutput<M>>((resolve, reject) => {
      const id = nextId++;
      const send = (): void => {
        const envelope: RequestEnvelope = { type: 'request', id, method, input };
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(BridgeError.transport(transportMessages.timedOut));
        }, requestTimeoutMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        try {
          socket?.send(JSON.stringify(envelope));
        } catch (cause) {
          clearTimeout(timer);
          pending.delete(id);
          reject(BridgeError.transport(transportMessages.unreachable, String(cause)));
        }
      };
      if (state === 'open') {
        send();
        return;
      }
      const waiter: Waiting = {
        send: () => {
          clearTimeout(giveUp);
          send();
        },
        fail: (message) => {
          clearTimeout(giveUp);
          reject(BridgeError.transport(message));
        },
      };
      const giveUp = setTimeout(() => {
        waiting = waiting.filter((w) => w !== waiter);
        reject(BridgeError.transport(transportMessages.unreachable));
      }, connectWaitMs);
      waiting.push(waiter);
      // A call is a reason to try now rather than wait out the backoff.
      connect();
    });
  }

  connect();

  return {
    invoke,
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    connectionState: () => state,
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    async upload(file, uploadOptions) {
      if (!options.http) throw BridgeError.transport(transportMessages.noToken);
      return uploadOverHttp(options.http.origin, options.http.token, file, uploadOptions);
    },
    async saveFile(target) {
      if (!options.http) throw BridgeError.transport(transportMessages.noToken);
      // A download cannot report a refusal back to the page: ask first (a classified document needs its release).
      await checkOpen(fileUrl(options.http.origin, options.http.token, target, { open: false, check: true }));
      downloadInBrowser(fileUrl(options.http.origin, options.http.token, target), target.fileName);
    },
    async openFile(target, openOptions) {
      if (!options.http) throw BridgeError.transport(transportMessages.noToken);
      const confirmed = openOptions?.confirmed === true;
      // The host applies the desktop app's rules; ask it first so a refusal or a question reaches the page.
      const answer = await checkOpen(fileUrl(options.http.origin, options.http.token, target, { open: true, confirmed, check: true }));
      if (!answer) throw BridgeError.transport(transportMessages.unreachable, 'no open answer');
      if (answer.status === 'opened') window.open(fileUrl(options.http.origin, options.http.token, target, { open: true, confirmed }), '_blank', 'noopener');
      return answer;
    },
    async readFile(target) {
      if (!options.http) throw BridgeError.transport(transportMessages.noToken);
      return fetchFileBytes(fileUrl(options.http.origin, options.http.token, target, { open: false, read: true }));
    },
    async openProjector(meetingId) {
      if (!options.http) throw BridgeError.transport(transportMessages.noToken);
      // A new tab is a new page: it takes the token from its first URL, as this one did.
      window.open(`${options.http.origin}/?token=${encodeURIComponent(options.http.token)}#/projector/${encodeURIComponent(meetingId)}`, '_blank', 'noopener');
    },
  };
}
