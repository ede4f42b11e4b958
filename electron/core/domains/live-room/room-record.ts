import type { LiveRoomHostStatus, LiveRoomVoteResult, MeetingRoomRecord } from '../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import type { CountedBallot, RoomEvent, StoredBallot } from '../room/room-state.ts';

/**
 * The host's record of its rooms (migration 13): a room row while it is open, each event written
 * before it is sent, each counted ballot (a secret one without its choice). What the minutes and the
 * next meeting pack take from a room is read back from here, not from memory.
 */
export interface ClosedVote {
  roomId: string;
  voteId: string;
  itemId: string | null;
  title: string;
  secret: boolean;
  closedAt: string;
  result: LiveRoomVoteResult;
}

export function createRoomRecord(db: SqliteDatabase) {
  const insertRoom = db.prepare('INSERT INTO live_rooms (id, meeting_id, host, port, fingerprint, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO live_room_events (room_id, seq, at, type, body) VALUES (?, ?, ?, ?, ?)');
  const upsertBallot = db.prepare(
    `INSERT INTO live_room_ballots (room_id, vote_id, person_id, seq, secret, choice, text, signature, public_key, cast_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (vote_id, person_id) DO UPDATE SET seq = excluded.seq, choice = excluded.choice, text = excluded.text,
       signature = excluded.signature, public_key = excluded.public_key, cast_at = excluded.cast_at`,
  );
  const endRoom = db.prepare('UPDATE live_rooms SET closed_at = ?, end_kind = ? WHERE id = ? AND closed_at IS NULL');
  const endAllOpen = db.prepare("UPDATE live_rooms SET closed_at = ?, end_kind = 'interrupted' WHERE closed_at IS NULL");
  const reopenRoom = db.prepare("UPDATE live_rooms SET closed_at = NULL, end_kind = NULL WHERE id = ? AND end_kind = 'interrupted'");
  const lastRoom = db.prepare('SELECT id AS roomId, host, port, end_kind AS endKind FROM live_rooms WHERE meeting_id = ? ORDER BY opened_at DESC, id DESC LIMIT 1');
  const roomEvents = db.prepare('SELECT body FROM live_room_events WHERE room_id = ? ORDER BY seq').pluck();
  const roomBallots = db.prepare('SELECT vote_id AS voteId, person_id AS personId, seq, choice, text FROM live_room_ballots WHERE room_id = ?');
  const earlierRooms = db.prepare(
    `SELECT r.id AS roomId, r.host, r.port, r.opened_at AS openedAt, r.closed_at AS closedAt, r.end_kind AS endKind,
            (SELECT count(*) FROM live_room_events e WHERE e.room_id = r.id AND e.type = 'vote-closed') AS votes,
            (SELECT count(*) FROM live_room_events e WHERE e.room_id = r.id AND e.type = 'vote-opened')
              - (SELECT count(*) FROM live_room_events e WHERE e.room_id = r.id AND e.type = 'vote-closed') AS unfinished
       FROM live_rooms r WHERE r.meeting_id = ? AND r.closed_at IS NOT NULL ORDER BY r.opened_at DESC`,
  );
  const speechEvents = db.prepare(
    `SELECT e.type, e.at, e.body FROM live_room_events e JOIN live_rooms r ON r.id = e.room_id
      WHERE r.meeting_id = ? AND e.type IN ('floor-requested', 'speech-ended') ORDER BY r.opened_at, e.seq`,
  );
  const voteEvents = db.prepare(
    `SELECT e.room_id AS roomId, e.type, e.at, e.body FROM live_room_events e JOIN live_rooms r ON r.id = e.room_id
      WHERE r.meeting_id = ? AND e.type IN ('vote-opened', 'vote-closed') ORDER BY r.opened_at, e.seq`,
  );

  return {
    open(row: { roomId: string; meetingId: string; host: string; port: number; fingerprint: string; at: string; by: string | null }): void {
      insertRoom.run(row.roomId, row.meetingId, row.host, row.port, row.fingerprint, row.at, row.by);
    },
    event(roomId: string, event: RoomEvent): void {
      insertEvent.run(roomId, event.seq, event.at, event.type, JSON.stringify(event));
    },
    ballot(roomId: string, b: CountedBallot, at: string): void {
      upsertBallot.run(roomId, b.voteId, b.personId, b.seq, b.secret ? 1 : 0, b.choice, b.text, b.signature, b.publicKey, at);
    },
    close(roomId: string, at: string, kind: 'closed' | 'interrupted'): void {
      endRoom.run(at, kind, roomId);
    },
    /** An interrupted room taken up again: open once more under its id. */
    reopen(roomId: string): void {
      if (reopenRoom.run(roomId).changes !== 1) throw new Error(`room ${roomId} is not interrupted`);
    },
    last(meetingId: string): { roomId: string; host: string; port: number; endKind: 'closed' | 'interrupted' | null } | undefined {
      return lastRoom.get(meetingId) as { roomId: string; host: string; port: number; endKind: 'closed' | 'interrupted' | null } | undefined;
    },
    events: (roomId: string): RoomEvent[] => (roomEvents.all(roomId) as string[]).map((body) => JSON.parse(body) as RoomEvent),
    ballots: (roomId: string): StoredBallot[] => roomBallots.all(roomId) as StoredBallot[],
    /** At start: a room still open was left by a process that stopped; it is over. */
    interruptAll(at: string): number {
      return endAllOpen.run(at).changes;
    },
    earlier(meetingId: string): LiveRoomHostStatus['earlier'] {
      return earlierRooms.all(meetingId) as LiveRoomHostStatus['earlier'];
    },
    /** Every vote a room of this meeting closed, in the order they closed, with its motion and item. */
    closedVotes(meetingId: string): ClosedVote[] {
      const opened = new Map<string, { itemId: string | null; title: string; secret: boolean }>();
      const out: ClosedVote[] = [];
      for (const row of voteEvents.all(meetingId) as { roomId: string; type: string; at: string; body: string }[]) {
        const e = JSON.parse(row.body) as RoomEvent;
        if (e.type === 'vote-opened') opened.set(e.voteId, { itemId: e.itemId, title: e.title, secret: e.secret });
        else if (e.type === 'vote-closed') {
          const o = opened.get(e.result.voteId);
          if (o) out.push({ roomId: row.roomId, voteId: e.result.voteId, ...o, closedAt: row.at, result: e.result });
        }
      }
      return out;
    },
    /** The meeting's votes with their results and the speeches with their lengths, as the pack carries them; null when no room ran. */
    meetingRecord(meetingId: string): Omit<MeetingRoomRecord, 'source'> | null {
      const votes = this.closedVotes(meetingId).map((v) => ({
        voteId: v.voteId,
        itemId: v.itemId,
        title: v.title,
        secret: v.secret,
        closedAt: v.closedAt,
        eligible: v.result.eligible,
        present: v.result.present,
        agree: v.result.tally.agree,
        disagree: v.result.tally.disagree,
        other: v.result.tally.other,
        needed: v.result.tally.needed,
        passed: v.result.tally.passed,
        named: v.result.named ? v.result.named.map(({ personId, choice }) => ({ personId, choice })) : null,
      }));
      const requests = new Map<string, { personId: string; itemId: string | null; kind: 'speak' | 'question' }>();
      const speeches: MeetingRoomRecord['speeches'] = [];
      for (const row of speechEvents.all(meetingId) as { type: string; at: string; body: string }[]) {
        const e = JSON.parse(row.body) as RoomEvent;
        if (e.type === 'floor-requested') requests.set(e.requestId, { personId: e.personId, itemId: e.itemId, kind: e.kind });
        else if (e.type === 'speech-ended') {
          const r = requests.get(e.requestId);
          if (r) speeches.push({ ...r, seconds: e.seconds, at: row.at });
        }
      }
      return votes.length || speeches.length ? { votes, speeches } : null;
    },
  };
}

export type RoomRecord = ReturnType<typeof createRoomRecord>;
