import { connect } from 'node:tls';
import { v7 as uuidv7 } from 'uuid';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/logger.ts';
import { answerChallenge } from '../../electron/core/domains/room/join.ts';
import { connectRoom, type RoomClient } from '../../electron/core/domains/room/room-client.ts';
import { makeRoomCertificate, type RoomCertificate } from '../../electron/core/domains/room/room-certificate.ts';
import { openRoomService, type RoomService } from '../../electron/core/domains/room/room-service.ts';
import type { RoomEvent, RoomState } from '../../electron/core/domains/room/room-state.ts';
import { memberKey } from '../support/member-key.ts';
import { simulatedMembers, simulatedRoom } from '../support/simulated-room.ts';
import { failure } from '../support/core-failure.ts';

const MEMBERS = 60;
const members = simulatedMembers(MEMBERS);
const outsider = { personId: uuidv7(), key: memberKey() };
let item: ReturnType<typeof simulatedRoom>['item'];

let certificate: RoomCertificate;
let state: RoomState;
let service: RoomService;
const open: RoomClient[] = [];

beforeAll(async () => {
  certificate = await makeRoomCertificate(new Date());
  const room = simulatedRoom(members, [outsider]);
  ({ state, item } = room);
  service = await openRoomService({
    state,
    certificate,
    host: '127.0.0.1',
    personOf: room.personOf,
    isParticipant: (p) => members.some((m) => m.personId === p),
    log: silentLogger(),
    // Every simulated laptop shares the loopback address here.
    limits: { connectionsPerAddress: 100, connections: 80 },
  });
});

afterAll(async () => {
  for (const c of open) c.close();
  await service.close();
});

async function join(m: (typeof members)[number], onEvent?: (e: RoomEvent) => void, since?: number): Promise<RoomClient> {
  const client = await connectRoom({ url: service.url, fingerprint: service.fingerprint, identity: m.key, onEvent, ...(since !== undefined ? { since } : {}) });
  open.push(client);
  return client;
}

const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

describe('the live room on loopback (issue 15)', () => {
  it('never listens on every interface', async () => {
    const e = await failure(openRoomService({ state, certificate, host: '0.0.0.0', personOf: () => null, isParticipant: () => false, log: silentLogger() }));
    expect(e.payload.message.vi).toContain('địa chỉ mạng cụ thể');
  });

  it('a member joins by the pinned certificate and a signed challenge; a look-alike host and a non-participant are refused', async () => {
    const seen: RoomEvent[] = [];
    const chair = await join(members[0]!, (e) => seen.push(e));
    expect(chair.snapshot.checkedIn).toContain(members[0]!.personId);
    const wrongPin = await failure(connectRoom({ url: service.url, fingerprint: 'AB:'.repeat(31) + 'AB', identity: members[1]!.key }));
    expect(wrongPin.code).toBe('FORBIDDEN');
    expect(wrongPin.payload.message.vi).toContain('dấu vân tay');
    const stranger = await failure(connectRoom({ url: service.url, fingerprint: service.fingerprint, identity: outsider.key }));
    expect(stranger.payload.message.vi).toContain('danh sách dự họp');
    // A key the secretariat never trusted.
    const unknown = await failure(connectRoom({ url: service.url, fingerprint: service.fingerprint, identity: memberKey() }));
    expect(unknown.payload.message.vi).toContain('chưa được Văn phòng tin cậy');
    const member = await join(members[1]!);
    await until(() => seen.some((e) => e.type === 'checked-in' && e.personId === members[1]!.personId), 'the check-in to reach the chair');
    expect(member.snapshot.quorum.present).toBe(2);
  });

  it('the presenter’s page reaches members; one who drops off catches up from the last event it saw', async () => {
    const pages: number[] = [];
    const follower = await join(members[4]!, (e) => {
      if (e.type === 'current' && e.page !== null) pages.push(e.page);
    });
    state.setCurrent({ itemId: item.id, documentId: uuidv7(), page: 3 });
    service.flush();
    await until(() => pages.includes(3), 'page 3');
    const lastSeen = follower.seq();
    follower.close();
    state.setCurrent({ itemId: item.id, page: 7 });
    state.setCurrent({ itemId: item.id, page: 8 });
    service.flush();
    const back = await join(members[4]!, undefined, lastSeen);
    expect(back.missed.filter((e) => e.type === 'current').map((e) => (e as { page: number }).page)).toEqual([7, 8]);
    expect(back.snapshot.current.page).toBe(8);
  });

  it('a request for the floor reaches the chair', async () => {
    const seen: RoomEvent[] = [];
    await join(members[5]!, (e) => seen.push(e));
    const member = await join(members[6]!);
    const { requestId } = await member.requestFloor({ itemId: item.id, kind: 'question', addressee: 'Sở Tài chính' });
    await until(() => seen.some((e) => e.type === 'floor-requested' && e.requestId === requestId), 'the request');
    expect((await failure(member.requestFloor({ itemId: item.id, kind: 'question' }))).code).toBe('INVALID_STATE');
  });

  it('sixty members vote at once: each counted once, the result on every laptop; a ballot after the close is refused', async () => {
    const clients: RoomClient[] = [];
    const results = new Map<string, number>();
    for (const m of members) {
      clients.push(
        await join(m, (e) => {
          if (e.type === 'vote-closed') results.set(m.personId, e.result.tally.agree);
        }),
      );
    }
    state.openVote({ itemId: item.id, title: item.title, secret: false });
    service.flush();
    await until(() => clients.every((c) => c.snapshot.votes.length > 0 || c.seq() >= state.seq()), 'the vote to reach everyone');
    const voteId = state.snapshot().votes.at(-1)!.voteId;
    const answers = await Promise.all(clients.map((c, i) => c.vote(voteId, i % 4 === 0 ? 'disagree' : 'agree')));
    expect(answers.every((a) => (a as { replaced: boolean }).replaced === false)).toBe(true);
    // One member sends two ballots at once with the same number: one stands.
    const twice = await Promise.allSettled([clients[1]!.vote(voteId, 'disagree', { seq: 5 }), clients[1]!.vote(voteId, 'agree', { seq: 5 })]);
    expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // The chair changes their mind: replaced, not added.
    expect(await clients[0]!.vote(voteId, 'agree')).toMatchObject({ replaced: true });
    const result = state.closeVote(voteId);
    service.flush();
    expect(result.tally.agree + result.tally.disagree).toBe(MEMBERS);
    await until(() => results.size === MEMBERS, 'the result on every laptop');
    expect(new Set(results.values())).toEqual(new Set([result.tally.agree]));
    const late = await failure(clients[2]!.vote(voteId, 'disagree'));
    expect(late.payload.message.vi).toContain('đã kết thúc');
  }, 30_000);

  it('a 10 MB message, junk before joining and a flood of connections are cut off while the room serves on', async () => {
    const raw = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(service.url, { rejectUnauthorized: false });
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    const big = await raw();
    const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.send('x'.repeat(10 * 1024 * 1024));
    expect(await closed).toBe(1009);

    const junk = await raw();
    const answers: string[] = [];
    junk.on('message', (d) => answers.push(d.toString()));
    const junkClosed = new Promise<number>((resolve) => junk.once('close', (code) => resolve(code)));
    junk.send(JSON.stringify({ t: 'ballot', id: 1, ballot: {} }));
    expect(await junkClosed).toBe(4003);
    expect(answers.some((a) => a.includes('"FORBIDDEN"'))).toBe(true);

    // Over the room's cap of 80 connections: the extra ones are refused at the door.
    const flood = await Promise.allSettled(Array.from({ length: 40 }, () => raw()));
    expect(flood.some((r) => r.status === 'rejected')).toBe(true);
    for (const r of flood) if (r.status === 'fulfilled') r.value.terminate();
    await until(() => service.connections() < 80, 'the flood to go');
    // A member still gets in and is served.
    const member = await join(members[7]!);
    expect(member.snapshot.roomId).toBe(state.roomId);
  });

  it('a member whose laptop stops reading is cut off once its backlog passes the limit; the others are served on', async () => {
    const own = simulatedRoom(members);
    const small = await openRoomService({
      state: own.state,
      certificate,
      host: '127.0.0.1',
      personOf: own.personOf,
      isParticipant: (p) => members.some((m) => m.personId === p),
      log: silentLogger(),
      limits: { connectionsPerAddress: 10, backlogBytes: 64 * 1024 },
    });
    try {
      const pages: number[] = [];
      const reader = await connectRoom({
        url: small.url,
        fingerprint: small.fingerprint,
        identity: members[2]!.key,
        onEvent: (e) => {
          if (e.type === 'current' && e.page !== null) pages.push(e.page);
        },
      });
      open.push(reader);
      // A joined member whose laptop asks for the room's state again and again and never reads the answers.
      const stalled = new WebSocket(small.url, { rejectUnauthorized: false });
      const challenge = await new Promise<string>((resolve, reject) => {
        stalled.once('message', (d) => resolve((JSON.parse(d.toString()) as { challenge: string }).challenge));
        stalled.once('error', reject);
      });
      const joined = new Promise<void>((resolve) => stalled.once('message', () => resolve()));
      stalled.send(JSON.stringify({ t: 'join', id: 1, response: answerChallenge(members[3]!.key, { roomId: own.state.roomId, fingerprint: small.fingerprint }, challenge) }));
      await joined;
      expect(small.connections()).toBe(2);
      stalled.pause();
      for (let i = 0; i < 4000 && small.connections() === 2; i++) {
        stalled.send(JSON.stringify({ t: 'state', id: i + 2 }));
        if (i % 200 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      await until(() => small.connections() === 1, 'the stalled laptop to be cut off');
      stalled.terminate();
      // The member who reads still follows the presenter.
      own.state.setCurrent({ itemId: own.item.id, documentId: uuidv7(), page: 12 });
      small.flush();
      await until(() => pages.includes(12), 'page 12 on the reading laptop');
    } finally {
      await small.close();
    }
  });

  it('a port another program holds, or an address the laptop does not have, is refused with the reason', async () => {
    const own = simulatedRoom(members);
    const options = { state: own.state, certificate, personOf: own.personOf, isParticipant: () => true, log: silentLogger() };
    const busy = Number(new URL(service.url).port);
    const taken = await openRoomService({ ...options, host: '127.0.0.1', port: busy }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(taken).toMatchObject({ code: 'IO_ERROR', payload: { message: { vi: expect.stringContaining('đang được chương trình khác dùng') } } });
    const gone = await openRoomService({ ...options, host: '192.0.2.77', port: 0 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(gone).toMatchObject({ code: 'IO_ERROR', payload: { message: { vi: expect.stringContaining('không còn địa chỉ 192.0.2.77') } } });
  });

  it('serves TLS 1.3 with the room’s own certificate', async () => {
    const fingerprint = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(service.url);
      const socket = connect({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false }, () => {
        expect(socket.getProtocol()).toBe('TLSv1.3');
        resolve(socket.getPeerCertificate().fingerprint256);
        socket.end();
      });
      socket.once('error', reject);
    });
    expect(fingerprint).toBe(certificate.fingerprint);
  });
});
