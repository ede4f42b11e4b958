import type { DiscoveredRoom, LiveRoomMemberStatus, LiveRoomSnapshot, LocalizedText, MethodInput, SeenRoom } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { DirectoryDomain } from '../directory/index.ts';
import { connectRoom, type RoomClient } from '../room/room-client.ts';
import type { RoomEvent } from '../room/room-state.ts';
import { discoverRooms } from './room-discovery.ts';

/**
 * This laptop in someone else's room, as a member: joined with the profile key, following the
 * host's events, keeping its own ballots until the host has counted them. When the network drops,
 * it tries again on its own, catches up from the last event it saw and sends a ballot made meanwhile
 * — which the host refuses, clearly, if the vote closed in between.
 */
interface Session {
  url: string;
  /** The meeting joined from (its pack's pin), when known. */
  meetingId: string | null;
  fingerprint: string;
  client: RoomClient | null;
  personId: string | null;
  snapshot: LiveRoomSnapshot | null;
  seen: number;
  connection: LiveRoomMemberStatus['connection'];
  problem: LocalizedText | null;
  ballots: LiveRoomMemberStatus['ballots'];
  /** The highest number this laptop signed per vote: a change of mind must be numbered higher. */
  ballotSeq: Map<string, number>;
  retry: NodeJS.Timeout | null;
  attempts: number;
}

const RETRY_MS = [500, 1000, 2000, 4000, 8000];
const DISCOVERY_MS = 2000;
/** The close code of a room the host closed (room-service.ts). */
const ROOM_CLOSED = 4010;

function lost(): CoreError {
  return new CoreError('TRANSPORT', {
    vi: 'Đang mất kết nối với phòng họp; máy đang thử kết nối lại.',
    en: 'The connection to the room is lost; reconnecting.',
  });
}

export function createMemberSession(ctx: ServiceContext, deps: { directory: Pick<DirectoryDomain, 'signer'> }) {
  let session: Session | null = null;
  const pinOf = ctx.db.prepare('SELECT fingerprint FROM live_room_pins WHERE meeting_id = ?').pluck();
  const meetingOfPin = ctx.db.prepare('SELECT m.id, m.title FROM live_room_pins p JOIN meetings m ON m.id = p.meeting_id WHERE p.fingerprint = ? ORDER BY p.received_at DESC LIMIT 1');
  const keepSeen = ctx.db.prepare(
    `INSERT INTO live_room_seen (room_id, url, meeting_id, snapshot, seen_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET url = excluded.url, meeting_id = coalesce(excluded.meeting_id, live_room_seen.meeting_id), snapshot = excluded.snapshot, seen_at = excluded.seen_at`,
  );
  const seenRows = ctx.db.prepare(
    'SELECT room_id, url, meeting_id, snapshot, seen_at FROM live_room_seen WHERE ? IS NULL OR meeting_id = ? ORDER BY seen_at DESC LIMIT 20',
  );

  /** What the member saw stays on the laptop: the room's last state, written as it changes. */
  function keep(s: Session): void {
    if (!s.snapshot) return;
    try {
      keepSeen.run(s.snapshot.roomId, s.url, s.meetingId, JSON.stringify(s.snapshot), ctx.now().toISOString());
    } catch (e) {
      // Seeing the room matters more than remembering it: a full disk must not cut the member off.
      ctx.log.warn({ err: e }, 'room state not kept');
    }
  }

  /** The fingerprint typed, else the one the meeting's signed pack carried. */
  function pinned(meetingId: string | undefined): string | null {
    return meetingId ? ((pinOf.get(meetingId) as string | undefined) ?? null) : null;
  }
  let refreshing = false;
  let refreshAgain = false;

  function status(): LiveRoomMemberStatus {
    const s = session;
    return {
      joined: Boolean(s),
      connection: s ? s.connection : 'left',
      url: s?.url ?? null,
      fingerprint: s?.fingerprint ?? null,
      personId: s?.personId ?? null,
      snapshot: s?.snapshot ?? null,
      ballots: s ? { ...s.ballots } : {},
      problem: s?.problem ?? null,
    };
  }

  function changed(): void {
    ctx.events.emit('liveRoom.changed', { role: 'member', meetingId: null, seq: session?.seen ?? 0 });
  }

  /** One snapshot request at a time; events arriving meanwhile ask for one more after it. */
  async function refresh(s: Session): Promise<void> {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    try {
      do {
        refreshAgain = false;
        if (!s.client || session !== s) return;
        const snapshot = (await s.client.state()) as LiveRoomSnapshot;
        // Left (or the core closed) while the answer travelled: nothing more to show or keep.
        if (session !== s) return;
        s.snapshot = snapshot;
        keep(s);
        changed();
      } while (refreshAgain);
    } catch {
      // The connection dropped mid-request: the reconnect brings a fresh snapshot.
    } finally {
      refreshing = false;
    }
  }

  function onEvent(s: Session, event: RoomEvent): void {
    s.seen = Math.max(s.seen, event.seq);
    if (event.type === 'vote-closed') {
      const mine = s.ballots[event.result.voteId];
      if (mine?.state === 'sending') {
        s.ballots[event.result.voteId] = {
          ...mine,
          state: 'refused',
          error: { vi: 'Biểu quyết đã kết thúc trước khi phiếu của bạn đến máy chủ trì; phiếu không được tính.', en: 'The vote closed before your ballot reached the host; it was not counted.' },
        };
      }
    }
    void refresh(s);
  }

  async function send(s: Session, voteId: string): Promise<void> {
    const b = s.ballots[voteId];
    if (!b || !s.client) return;
    const seq = (s.ballotSeq.get(voteId) ?? 0) + 1;
    s.ballotSeq.set(voteId, seq);
    try {
      await s.client.vote(voteId, b.choice, { text: b.text, seq });
      s.ballots[voteId] = { ...b, state: 'counted', error: null };
    } catch (e) {
      if (e instanceof CoreError && e.code === 'TRANSPORT') return; // kept as 'sending': sent again once back
      const last = e instanceof CoreError ? (e.details as { reason?: string; lastSeq?: number } | undefined) : undefined;
      if (last?.reason === 'replayed' && typeof last.lastSeq === 'number' && seq <= last.lastSeq) {
        // This laptop restarted since it last voted here and numbered from 1 again: sign once more above the host's.
        s.ballotSeq.set(voteId, last.lastSeq);
        return send(s, voteId);
      }
      s.ballots[voteId] = { ...b, state: 'refused', error: e instanceof CoreError ? e.text : { vi: 'Phiếu không được tính.', en: 'The ballot was not counted.' } };
    } finally {
      changed();
    }
  }

  async function connect(s: Session): Promise<void> {
    const identity = deps.directory.signer.current();
    // Set once connected; a connection that fails before then is no session's client.
    let client: RoomClient | null = null;
    client = await connectRoom({
      url: s.url,
      fingerprint: s.fingerprint,
      identity,
      since: s.seen,
      onEvent: (event) => {
        if (session === s) onEvent(s, event);
      },
      onClose: (code) => {
        if (session !== s || !client || s.client !== client) return;
        s.client = null;
        if (code === ROOM_CLOSED) {
          s.connection = 'left';
          s.problem = { vi: 'Chủ trì đã đóng phòng họp.', en: 'The host closed the room.' };
          changed();
          return;
        }
        s.connection = 'reconnecting';
        s.problem = { vi: 'Mất kết nối với máy chủ trì; đang kết nối lại…', en: 'Lost the connection to the host; reconnecting…' };
        changed();
        scheduleRetry(s);
      },
    });
    if (session !== s) {
      client.close();
      return;
    }
    s.client = client;
    s.personId = client.personId;
    s.seen = Math.max(s.seen, client.seq());
    s.snapshot = client.snapshot as LiveRoomSnapshot;
    keep(s);
    s.connection = 'connected';
    s.problem = null;
    s.attempts = 0;
    for (const e of client.missed) onEvent(s, e as RoomEvent);
    // Ballots made while cut off go now; a vote that closed meanwhile refuses them with its reason. A
    // secret ballot the host lost when it stopped (the room resumed asks this member again) goes again.
    for (const [voteId, b] of Object.entries(s.ballots)) {
      const vote = s.snapshot.votes.find((v) => v.voteId === voteId);
      const lost = b.state === 'counted' && !vote?.result && (vote?.recast?.includes(client.personId) ?? false);
      if (b.state !== 'sending' && !lost) continue;
      if (vote?.result) {
        s.ballots[voteId] = {
          ...b,
          state: 'refused',
          error: { vi: 'Biểu quyết đã kết thúc trong lúc mất kết nối; phiếu không được tính.', en: 'The vote closed while the connection was lost; the ballot was not counted.' },
        };
      } else await send(s, voteId);
    }
    changed();
  }

  function scheduleRetry(s: Session): void {
    if (s.retry || session !== s) return;
    const delay = RETRY_MS[Math.min(s.attempts, RETRY_MS.length - 1)]!;
    s.attempts++;
    s.retry = setTimeout(() => {
      s.retry = null;
      if (session !== s) return;
      connect(s).catch((e: unknown) => {
        if (session !== s) return;
        s.problem = e instanceof CoreError ? e.text : { vi: 'Không kết nối lại được phòng họp.', en: 'Cannot reconnect to the room.' };
        changed();
        // A refusal (not a participant, wrong certificate) will not heal by retrying; a network error may.
        if (!(e instanceof CoreError) || e.code === 'TRANSPORT') scheduleRetry(s);
        else s.connection = 'left';
      });
    }, delay);
    s.retry.unref();
  }

  function leave(): void {
    const s = session;
    session = null;
    if (!s) return;
    if (s.retry) clearTimeout(s.retry);
    s.client?.close();
  }

  function joined(): Session {
    if (!session) throw new CoreError('INVALID_STATE', { vi: 'Máy này chưa vào phòng họp nào.', en: 'This laptop has not joined a room.' });
    return session;
  }

  return {
    status,

    pinned: ({ meetingId }: MethodInput<'liveRoom.pinned'>) => ({ fingerprint: pinned(meetingId) }),

    /** A couple of seconds listening on every network of the laptop. */
    async discover(): Promise<DiscoveredRoom[]> {
      const found = await discoverRooms(DISCOVERY_MS, ctx.log);
      return found.map((r) => ({ ...r, meeting: (meetingOfPin.get(r.fingerprint) as { id: string; title: string } | undefined) ?? null }));
    },

    seen: ({ meetingId }: MethodInput<'liveRoom.seen'>): SeenRoom[] =>
      (seenRows.all(meetingId ?? null, meetingId ?? null) as { room_id: string; url: string; meeting_id: string | null; snapshot: string; seen_at: string }[]).map((r) => ({
        roomId: r.room_id,
        url: r.url,
        meetingId: r.meeting_id,
        seenAt: r.seen_at,
        snapshot: JSON.parse(r.snapshot) as LiveRoomSnapshot,
      })),

    async join(input: MethodInput<'liveRoom.join'>): Promise<LiveRoomMemberStatus> {
      const { url } = input;
      const fingerprint = input.fingerprint ?? pinned(input.meetingId);
      if (!fingerprint) {
        throw new CoreError('INVALID_INPUT', {
          vi: 'Gói tài liệu của cuộc họp này không có dấu vân tay phòng họp; hãy nhập dấu vân tay hiển thị trên máy chủ trì.',
          en: 'This meeting’s pack carries no room fingerprint; type the fingerprint the host shows.',
        });
      }
      if (session && session.url === url && session.fingerprint === fingerprint && session.connection === 'connected') return status();
      leave();
      const s: Session = { url, meetingId: input.meetingId ?? null, fingerprint, client: null, personId: null, snapshot: null, seen: 0, connection: 'reconnecting', problem: null, ballots: {}, ballotSeq: new Map(), retry: null, attempts: 0 };
      session = s;
      try {
        await connect(s);
      } catch (e) {
        if (session === s) session = null;
        throw e;
      }
      ctx.log.info({ url }, 'joined a live room');
      return status();
    },

    leave(): LiveRoomMemberStatus {
      leave();
      changed();
      return status();
    },

    async vote({ voteId, choice, text }: MethodInput<'liveRoom.vote'>): Promise<LiveRoomMemberStatus> {
      const s = joined();
      if (choice === 'other' && !text) {
        throw new CoreError('INVALID_INPUT', { vi: 'Hãy ghi ý kiến khác của bạn.', en: 'Write your other opinion.' });
      }
      s.ballots[voteId] = { choice, text: choice === 'other' ? (text ?? null) : null, state: 'sending', error: null };
      changed();
      if (s.client) await send(s, voteId);
      return status();
    },

    async requestFloor({ itemId, kind, addressee }: MethodInput<'liveRoom.requestFloor'>) {
      const s = joined();
      if (!s.client) throw lost();
      const { requestId } = await s.client.requestFloor({ itemId, kind, addressee });
      return { ...status(), requestId };
    },

    async withdrawFloor({ requestId }: MethodInput<'liveRoom.withdrawFloor'>): Promise<LiveRoomMemberStatus> {
      const s = joined();
      if (!s.client) throw lost();
      await s.client.withdrawFloor(requestId);
      return status();
    },

    close: leave,
  };
}

export type MemberSession = ReturnType<typeof createMemberSession>;
