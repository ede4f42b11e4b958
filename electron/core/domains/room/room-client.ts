import type { TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { BallotChoice } from '../../../../shared/room/tally.ts';
import { CoreError } from '../../errors.ts';
import type { SigningIdentity } from '../directory/index.ts';
import { signBallot } from './ballot.ts';
import { answerChallenge } from './join.ts';
import type { RoomServerMessage } from './room-service.ts';
import type { FloorKind, RoomEvent, RoomState } from './room-state.ts';

/**
 * A member's laptop in the room: connects to the host, accepts exactly the certificate whose
 * fingerprint the meeting pack gave (no CA, no prompt), proves who it is by signing the challenge,
 * then follows the events and sends ballots and requests for the floor.
 */
export interface RoomClientOptions {
  url: string;
  fingerprint: string;
  identity: Pick<SigningIdentity, 'publicKey' | 'sign'>;
  /** The last event seen before a reconnect: the host sends what followed. */
  since?: number;
  onEvent?(event: RoomEvent): void;
  /** The connection ended; 4010 means the host closed the room (no use reconnecting). */
  onClose?(code: number): void;
  timeoutMs?: number;
}

export interface RoomClient {
  /** Who the host knows this laptop's key as. */
  personId: string;
  snapshot: ReturnType<RoomState['snapshot']>;
  missed: RoomEvent[];
  /** The number of the last event this client has seen. */
  seq(): number;
  /** Resolves once the host counted it: whether it replaced an earlier ballot, and the event that counted it. */
  vote(voteId: string, choice: BallotChoice, options?: { text?: string | null; seq?: number }): Promise<{ replaced: boolean; seq: number }>;
  requestFloor(input: { itemId: string | null; kind: FloorKind; addressee?: string | null }): Promise<{ requestId: string }>;
  withdrawFloor(requestId: string): Promise<void>;
  /** What the host's screen shows now (after a burst of events, one request instead of replaying them). */
  state(): Promise<ReturnType<RoomState['snapshot']>>;
  close(): void;
}

const unreachable = (detail: string) =>
  new CoreError('TRANSPORT', { vi: `Không kết nối được phòng họp (${detail}).`, en: `Cannot reach the meeting room (${detail}).` });

export function connectRoom(options: RoomClientOptions): Promise<RoomClient> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The certificate is judged by its pin below, not by a CA: the room's is self-signed by design.
  const ws = new WebSocket(options.url, { rejectUnauthorized: false, handshakeTimeout: timeoutMs, maxPayload: 8 * 1024 * 1024 });
  let roomId = '';
  let seen = options.since ?? 0;
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const ballotSeq = new Map<string, number>();

  const request = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ ...message, id }));
    });

  return new Promise<RoomClient>((resolve, reject) => {
    const fail = (e: Error) => {
      reject(e);
      ws.terminate();
    };
    const timer = setTimeout(() => fail(unreachable('quá thời gian chờ')), timeoutMs);
    ws.on('upgrade', (res) => {
      const cert = (res.socket as TLSSocket).getPeerCertificate();
      if (!cert || cert.fingerprint256 !== options.fingerprint) {
        fail(
          new CoreError('FORBIDDEN', {
            vi: 'Máy chủ trì không đúng chứng chỉ của phòng họp này (khác dấu vân tay trong gói tài liệu). Không kết nối.',
            en: 'The host’s certificate is not this room’s (its fingerprint differs from the pack’s). Not connecting.',
          }),
        );
      }
    });
    ws.on('error', (e) => fail(unreachable(e.message)));
    ws.on('close', (code: number) => {
      clearTimeout(timer);
      for (const w of waiting.values()) w.reject(unreachable('mất kết nối'));
      waiting.clear();
      options.onClose?.(code);
    });
    ws.on('message', (data) => {
      let m: RoomServerMessage;
      try {
        m = JSON.parse(data.toString()) as RoomServerMessage;
      } catch {
        return;
      }
      if (m.t === 'challenge') {
        roomId = m.roomId;
        const response = answerChallenge(options.identity, { roomId, fingerprint: options.fingerprint }, m.challenge);
        request<Extract<RoomServerMessage, { t: 'joined' }>>({ t: 'join', response, since: seen }).then(
          (joined) => {
            clearTimeout(timer);
            for (const e of joined.missed) seen = Math.max(seen, e.seq);
            seen = Math.max(seen, joined.snapshot.seq);
            resolve({
              personId: joined.personId,
              snapshot: joined.snapshot,
              missed: joined.missed,
              seq: () => seen,
              vote: (voteId, choice, o = {}) => {
                const seq = o.seq ?? (ballotSeq.get(voteId) ?? 0) + 1;
                ballotSeq.set(voteId, seq);
                const ballot = signBallot(options.identity, { roomId, voteId, personId: joined.personId, choice, text: o.text ?? null, seq });
                return request({ t: 'ballot', ballot });
              },
              requestFloor: (input) => request({ t: 'floor', itemId: input.itemId, kind: input.kind, addressee: input.addressee ?? null }),
              withdrawFloor: (requestId) => request({ t: 'withdraw', requestId }),
              state: () => request({ t: 'state' }),
              close: () => ws.close(),
            });
          },
          (e: Error) => fail(e),
        );
        return;
      }
      if (m.t === 'event') {
        seen = Math.max(seen, m.event.seq);
        options.onEvent?.(m.event);
        return;
      }
      if (m.t === 'joined' || m.t === 'ok' || m.t === 'error') {
        const w = m.id === null ? undefined : waiting.get(m.id);
        if (!w || m.id === null) return;
        waiting.delete(m.id);
        if (m.t === 'error') w.reject(new CoreError(m.error.code, m.error.message, m.error.details));
        else w.resolve(m.t === 'ok' ? m.result : m);
      }
    });
  });
}

