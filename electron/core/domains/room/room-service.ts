import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import type { ErrorPayload } from '../../../../shared/contract/index.ts';
import { CoreError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { checkJoin, newChallenge } from './join.ts';
import type { RoomCertificate } from './room-certificate.ts';
import type { RoomEvent, RoomState } from './room-state.ts';

/**
 * The room on the LAN (ADR 0013): HTTPS + WebSocket on the one address the host picked, only while
 * the room is open. A connection gets a challenge; until it has joined (signed the challenge with its
 * member's trusted key) it may send nothing else. A joined member gets the state and every event
 * from the one it last saw, and may ask for the floor and vote. Everyone else is served on: a
 * message too big, a client that stops reading, too many connections are each cut off alone.
 */
export interface RoomServiceOptions {
  state: RoomState;
  certificate: RoomCertificate;
  /** The address to listen on: one interface, never all of them. */
  host: string;
  port?: number;
  personOf(publicKey: string): string | null;
  isParticipant(personId: string): boolean;
  /** The delegate's name when this key is a delegate's (ủy quyền) standing for the member personOf names. */
  delegateOf?(publicKey: string): string | null;
  log: Logger;
  limits?: Partial<RoomLimits>;
}

export interface RoomLimits {
  messageBytes: number;
  connections: number;
  connectionsPerAddress: number;
  /** A client whose unsent data grows past this has stopped reading: it is cut off. */
  backlogBytes: number;
  joinTimeoutMs: number;
}

const DEFAULT_LIMITS: RoomLimits = { messageBytes: 64 * 1024, connections: 300, connectionsPerAddress: 4, backlogBytes: 4 * 1024 * 1024, joinTimeoutMs: 15_000 };

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('join'), id: z.number().int(), response: z.unknown(), since: z.number().int().min(0).optional() }).strict(),
  z.object({ t: z.literal('ballot'), id: z.number().int(), ballot: z.unknown() }).strict(),
  z.object({ t: z.literal('floor'), id: z.number().int(), itemId: z.string().nullable(), kind: z.enum(['speak', 'question']), addressee: z.string().max(200).nullable().optional() }).strict(),
  z.object({ t: z.literal('withdraw'), id: z.number().int(), requestId: z.string() }).strict(),
  z.object({ t: z.literal('state'), id: z.number().int() }).strict(),
]);

export type RoomServerMessage =
  | { t: 'challenge'; roomId: string; challenge: string }
  | { t: 'joined'; id: number; personId: string; snapshot: ReturnType<RoomState['snapshot']>; missed: RoomEvent[] }
  | { t: 'event'; event: RoomEvent }
  | { t: 'ok'; id: number; result?: unknown }
  | { t: 'error'; id: number | null; error: ErrorPayload };

const invalid: ErrorPayload = { code: 'INVALID_INPUT', message: { vi: 'Thông điệp không đúng định dạng.', en: 'Malformed message.' } };
const notJoined: ErrorPayload = { code: 'FORBIDDEN', message: { vi: 'Cần vào phòng họp trước.', en: 'Join the room first.' } };

function payloadOf(e: unknown): ErrorPayload {
  if (e instanceof CoreError) return e.payload;
  return { code: 'INTERNAL', message: { vi: 'Máy chủ trì không xử lý được yêu cầu.', en: 'The host could not handle the request.' } };
}

export interface RoomService {
  url: string;
  fingerprint: string;
  /** Send what the host changed (current item, check-ins, votes opened or closed) to every joined member. */
  flush(): void;
  connections(): number;
  close(): Promise<void>;
}

export async function openRoomService(options: RoomServiceOptions): Promise<RoomService> {
  if (ANY_ADDRESS.has(options.host)) {
    throw new CoreError('INVALID_INPUT', {
      vi: 'Hãy chọn một địa chỉ mạng cụ thể cho phòng họp; không mở trên mọi giao diện mạng.',
      en: 'Choose one network address for the room; it never listens on every interface.',
    });
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { state, log } = options;
  const server: Server = createServer({ key: options.certificate.keyPem, cert: options.certificate.certPem, minVersion: 'TLSv1.3' }, (_req, res) => {
    // Only the WebSocket is served; a browser pointed at the address is told what this is.
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Nghị Sự — phòng họp');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.messageBytes });
  const joined = new Map<WebSocket, string>();
  const perAddress = new Map<string, number>();
  let total = 0;

  const send = (ws: WebSocket, message: RoomServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.backlogBytes) {
      log.warn('room: a client that stopped reading was cut off');
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(message));
  };

  server.on('upgrade', (req, socket, head) => {
    const address = req.socket.remoteAddress ?? '?';
    if (total >= limits.connections || (perAddress.get(address) ?? 0) >= limits.connectionsPerAddress) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    total++;
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    socket.once('close', () => {
      total--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    wss.handleUpgrade(req, socket, head, (ws) => welcome(ws));
  });

  function welcome(ws: WebSocket): void {
    const challenge = newChallenge();
    let outstanding: string | null = challenge;
    const timer = setTimeout(() => {
      if (!joined.has(ws)) ws.close(4001, 'join timeout');
    }, limits.joinTimeoutMs);
    ws.on('close', () => {
      clearTimeout(timer);
      joined.delete(ws);
    });
    ws.on('error', () => ws.terminate());
    send(ws, { t: 'challenge', roomId: state.roomId, challenge });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      let id: number | null = null;
      try {
        if (isBinary) throw new CoreError(invalid.code, invalid.message);
        const raw = JSON.parse(data.toString()) as unknown;
        const parsed = clientMessage.safeParse(raw);
        if (!parsed.success) throw new CoreError(invalid.code, invalid.message);
        const m = parsed.data;
        id = m.id;
        if (m.t === 'join') {
          const { personId, publicKey } = checkJoin(m.response, {
            roomId: state.roomId,
            fingerprint: options.certificate.fingerprint,
            takeChallenge: (c) => {
              const ok = c === outstanding;
              outstanding = null;
              return ok;
            },
            personOf: options.personOf,
            isParticipant: options.isParticipant,
          });
          // Those already in hear of the check-in first; the newcomer's state includes it.
          state.checkIn(personId, options.delegateOf?.(publicKey) ?? null);
          flush();
          joined.set(ws, personId);
          send(ws, { t: 'joined', id: m.id, personId, snapshot: state.snapshot(), missed: state.since(m.since ?? 0) });
          return;
        }
        const personId = joined.get(ws);
        if (!personId) {
          send(ws, { t: 'error', id, error: notJoined });
          ws.close(4003, 'not joined');
          return;
        }
        if (m.t === 'ballot') {
          const ballot = m.ballot as { personId?: unknown };
          if (ballot && typeof ballot === 'object' && ballot.personId !== personId) {
            throw new CoreError('FORBIDDEN', { vi: 'Chỉ được gửi phiếu của chính mình.', en: 'Only your own ballot can be sent.' });
          }
          const { replaced, event } = state.castBallot(m.ballot);
          send(ws, { t: 'ok', id: m.id, result: { replaced, seq: event.seq } });
        } else if (m.t === 'floor') {
          const event = state.requestFloor(personId, { itemId: m.itemId, kind: m.kind, addressee: m.addressee ?? null });
          send(ws, { t: 'ok', id: m.id, result: { requestId: (event as { requestId: string }).requestId } });
        } else if (m.t === 'withdraw') {
          state.withdrawFloor(personId, m.requestId);
          send(ws, { t: 'ok', id: m.id });
        } else {
          send(ws, { t: 'ok', id: m.id, result: state.snapshot() });
        }
      } catch (e) {
        if (!(e instanceof CoreError)) log.warn({ err: e }, 'room: a message failed');
        send(ws, { t: 'error', id, error: payloadOf(e) });
      } finally {
        // Whatever the message changed (and a deadline that passed meanwhile) goes to everyone.
        flush();
      }
    });
  }

  /** Every event not yet sent, to every joined member, in order. */
  let sentUpTo = state.seq();
  function flush(): void {
    for (const event of state.since(sentUpTo)) {
      for (const ws of joined.keys()) send(ws, { t: 'event', event });
    }
    sentUpTo = state.seq();
  }
  // A vote with a deadline closes on time even when no ballot arrives.
  const deadlines = setInterval(() => {
    state.closeDue();
    flush();
  }, 1000);
  deadlines.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    clearInterval(deadlines);
    // A port another program holds, or an address this laptop no longer has (it moved networks).
    const code = (e as NodeJS.ErrnoException).code;
    const where = `${options.host}:${options.port ?? 0}`;
    if (code === 'EADDRINUSE') {
      throw new CoreError('IO_ERROR', { vi: `Cổng ${options.port} trên ${options.host} đang được chương trình khác dùng; hãy chọn cổng khác hoặc mở phòng họp mới.`, en: `Port ${options.port} on ${options.host} is in use; choose another port or open a new room.` });
    }
    if (code === 'EADDRNOTAVAIL') {
      throw new CoreError('IO_ERROR', { vi: `Máy này không còn địa chỉ ${options.host} (đã đổi mạng?); hãy mở phòng họp mới trên mạng hiện có.`, en: `This laptop no longer has the address ${options.host} (moved networks?); open a new room on a current network.` });
    }
    throw new CoreError('IO_ERROR', { vi: `Không mở được phòng họp trên ${where}.`, en: `Could not open the room on ${where}.` });
  }
  const { port } = server.address() as AddressInfo;
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `wss://${hostPart}:${port}/`,
    fingerprint: options.certificate.fingerprint,
    flush,
    connections: () => total,
    async close() {
      clearInterval(deadlines);
      // Members are told the room closed (code 4010), so their laptops stop trying to reconnect.
      for (const ws of joined.keys()) ws.close(4010, 'room closed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const ws of wss.clients) ws.terminate();
      for (const ws of joined.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
