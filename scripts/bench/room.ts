/**
 * Live-room figures, on loopback, with 60 simulated members' laptops (each its own TLS connection and
 * signing key) against the host's room service:
 *   room.vote_roundtrip.p95_ms  a member sends a signed ballot → the count that includes it is on
 *                               every member's laptop (all 60 voting at once, 10 votes)
 *   room.follow_page_ms         the presenter turns a page → every member's laptop has it (p95 of 50)
 *   room.idle_host_cpu_pct      the process holding the host and the 60 idle members, over 5 s, in
 *                               percent of one core (the host's share is at most this)
 */
import { silentLogger } from '../../electron/core/logger.ts';
import { connectRoom, type RoomClient } from '../../electron/core/domains/room/room-client.ts';
import { makeRoomCertificate } from '../../electron/core/domains/room/room-certificate.ts';
import { openRoomService } from '../../electron/core/domains/room/room-service.ts';
import { simulatedMembers, simulatedRoom } from '../../tests/support/simulated-room.ts';
import { percentile, type Figure } from './stats.ts';

type Add = (name: string, value: number, unit: string, budget: number | null, kind: Figure['kind']) => void;

const MEMBERS = 60;
const VOTES = 10;
const TURNS = 50;

export async function measureRoom(add: Add, log: (line: string) => void): Promise<void> {
  log('  phòng họp: 60 thành viên trên loopback…');
  const members = simulatedMembers(MEMBERS);
  const { state, item, personOf } = simulatedRoom(members);
  const service = await openRoomService({
    state,
    certificate: await makeRoomCertificate(new Date()),
    host: '127.0.0.1',
    personOf,
    isParticipant: () => true,
    log: silentLogger(),
    limits: { connectionsPerAddress: MEMBERS + 5 },
  });
  // When each client received each event (by sequence number).
  const arrivals: Map<number, number>[] = members.map(() => new Map());
  const clients: RoomClient[] = [];
  try {
    for (const [i, m] of members.entries()) {
      clients.push(
        await connectRoom({
          url: service.url,
          fingerprint: service.fingerprint,
          identity: m.key,
          onEvent: (e) => arrivals[i]!.set(e.seq, performance.now()),
        }),
      );
    }
    const everyoneHas = async (seq: number) => {
      while (!arrivals.every((a) => a.has(seq))) await new Promise((r) => setTimeout(r, 1));
      return Math.max(...arrivals.map((a) => a.get(seq)!));
    };

    const roundtrips: number[] = [];
    for (let v = 0; v < VOTES; v++) {
      state.openVote({ itemId: item.id, title: `Biểu quyết ${v + 1}`, secret: v % 2 === 1 });
      service.flush();
      const opened = state.seq();
      await everyoneHas(opened);
      const voteId = state.snapshot().votes.at(-1)!.voteId;
      const sent = await Promise.all(
        clients.map(async (c, i) => {
          const at = performance.now();
          const { seq } = await c.vote(voteId, i % 3 === 0 ? 'disagree' : 'agree');
          return { at, seq };
        }),
      );
      for (const s of sent) roundtrips.push((await everyoneHas(s.seq)) - s.at);
      state.closeVote(voteId);
      service.flush();
      await everyoneHas(state.seq());
    }
    add('room.vote_roundtrip.p95_ms', percentile(roundtrips, 95), 'ms', 150, 'max');

    const turns: number[] = [];
    for (let page = 1; page <= TURNS; page++) {
      const at = performance.now();
      state.setCurrent({ itemId: item.id, documentId: item.id, page });
      service.flush();
      turns.push((await everyoneHas(state.seq())) - at);
    }
    add('room.follow_page_ms', percentile(turns, 95), 'ms', 200, 'max');

    const cpu = process.cpuUsage();
    const wall = performance.now();
    await new Promise((r) => setTimeout(r, 5000));
    const used = process.cpuUsage(cpu);
    add('room.idle_host_cpu_pct', ((used.user + used.system) / 1000 / (performance.now() - wall)) * 100, '%', 2, 'max');
  } finally {
    for (const c of clients) c.close();
    await service.close();
  }
}
