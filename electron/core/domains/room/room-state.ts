import { v7 as uuidv7 } from 'uuid';
import type { FloorKind, LiveRoomFloorRequest, LiveRoomVoteResult as VoteResult } from '../../../../shared/contract/index.ts';
import { secretRecord, tally, type BallotChoice, type PassRule } from '../../../../shared/room/tally.ts';
import { CoreError } from '../../errors.ts';
import { checkBallot } from './ballot.ts';

/**
 * The live room as its host keeps it (ADR 0013): the one authority on what is current, who is in,
 * who speaks and how a vote went. Every change is an event with the next sequence number; a member's
 * screen is the events applied in order, and one that reconnects asks for those after the last it saw.
 * No transport here: the room service feeds it what arrives and sends out what it returns.
 */

export interface RoomSetup {
  roomId: string;
  items: ReadonlyArray<{ id: string; title: string; plannedMinutes: number | null }>;
  participants: ReadonlyArray<{ personId: string; name: string; votes: boolean; chair: boolean }>;
  rule: PassRule;
  tieToChair: boolean;
  /** The directory person this exact key is trusted for, or null. */
  personOf(publicKey: string): string | null;
  now(): Date;
  /**
   * Keeps an event before anyone is sent it (the host's database). Throwing refuses the change: the
   * event is not in the log and no member hears of it.
   */
  record?(event: RoomEvent): void;
  /** Keeps a counted ballot: a named one whole; a secret one only as "this member voted". */
  recordBallot?(ballot: CountedBallot): void;
  /**
   * A room resumed after its host stopped (ADR 0013): its events so far, replayed as they were, and
   * the ballots on disk. A named ballot counts again as it was; a secret one was kept without its
   * choice, so the voter is asked to send it again (`recast`) — their laptop does it by itself.
   */
  history?: { events: readonly RoomEvent[]; ballots: readonly StoredBallot[] };
}

export interface StoredBallot {
  voteId: string;
  personId: string;
  seq: number;
  /** Null for a secret ballot. */
  choice: BallotChoice | null;
  text: string | null;
}

export interface CountedBallot {
  voteId: string;
  personId: string;
  seq: number;
  secret: boolean;
  /** Null for a secret ballot: its choice never leaves the host's memory. */
  choice: BallotChoice | null;
  text: string | null;
  signature: string | null;
  publicKey: string | null;
}

/** The contract's shapes: what the host keeps is what every screen is sent. */
export type { FloorKind, LiveRoomVoteResult as VoteResult } from '../../../../shared/contract/index.ts';
type FloorRequest = LiveRoomFloorRequest;

type EventBody =
  /** `delegate`: the name of who came instead (ủy quyền), checked in for the member. */
  | { type: 'checked-in'; personId: string; delegate?: string }
  | { type: 'current'; itemId: string | null; documentId: string | null; page: number | null }
  | { type: 'floor-requested'; requestId: string; personId: string; itemId: string | null; kind: FloorKind; addressee: string | null }
  | { type: 'floor-withdrawn'; requestId: string }
  | { type: 'speakers-ordered'; order: string[] }
  | { type: 'floor-given'; requestId: string }
  | { type: 'speech-ended'; requestId: string; seconds: number }
  | { type: 'vote-opened'; voteId: string; itemId: string | null; title: string; secret: boolean; rule: PassRule; closesAt: string | null; voters: string[] }
  /** How many have voted: never who chose what before the vote closes. */
  | { type: 'ballots-counted'; voteId: string; voted: number }
  | { type: 'vote-closed'; result: VoteResult };

export type RoomEvent = EventBody & { seq: number; at: string };

interface Vote {
  voteId: string;
  itemId: string | null;
  title: string;
  secret: boolean;
  closesAt: Date | null;
  voters: Set<string>;
  /** Counted ballots by voter. For a secret ballot this lives only in memory and is dropped at closing. */
  ballots: Map<string, { seq: number; choice: BallotChoice; text: string | null }>;
  /** Secret ballots lost when the host stopped, by voter, until each is sent again. */
  recast: Set<string>;
  result: VoteResult | null;
}

const MAX_TITLE = 500;

function refuse(code: 'INVALID_INPUT' | 'INVALID_STATE' | 'NOT_FOUND', vi: string, en: string): CoreError {
  return new CoreError(code, { vi, en });
}

export function createRoomState(setup: RoomSetup) {
  const events: RoomEvent[] = [];
  const participants = new Map(setup.participants.map((p) => [p.personId, p]));
  const items = new Set(setup.items.map((i) => i.id));
  const checkedIn = new Set<string>();
  const delegates = new Map<string, string>();
  let current: { itemId: string | null; documentId: string | null; page: number | null; since: string } = { itemId: null, documentId: null, page: null, since: setup.now().toISOString() };
  const floor = new Map<string, FloorRequest>();
  let order: string[] = [];
  let speaking: string | null = null;
  const votes = new Map<string, Vote>();

  /**
   * What an event does to the room. The one place each change is made, for a change made now (emit)
   * and for one replayed after the host stopped, so a resumed room is the room it was.
   */
  function apply(e: RoomEvent): void {
    switch (e.type) {
      case 'checked-in':
        checkedIn.add(e.personId);
        if (e.delegate) delegates.set(e.personId, e.delegate);
        break;
      case 'current':
        current = { itemId: e.itemId, documentId: e.documentId, page: e.page, since: e.itemId === current.itemId ? current.since : e.at };
        break;
      case 'floor-requested':
        floor.set(e.requestId, { requestId: e.requestId, personId: e.personId, itemId: e.itemId, kind: e.kind, addressee: e.addressee, requestedAt: e.at, givenAt: null, endedAt: null });
        order.push(e.requestId);
        break;
      case 'floor-withdrawn':
        floor.delete(e.requestId);
        order = order.filter((id) => id !== e.requestId);
        break;
      case 'speakers-ordered': {
        const ordered = new Set(e.order);
        order = [...order.filter((id) => !ordered.has(id)), ...e.order];
        break;
      }
      case 'floor-given': {
        const r = floor.get(e.requestId);
        if (r) r.givenAt = e.at;
        speaking = e.requestId;
        break;
      }
      case 'speech-ended': {
        const r = floor.get(e.requestId);
        if (r) r.endedAt = e.at;
        speaking = null;
        break;
      }
      case 'vote-opened':
        votes.set(e.voteId, { voteId: e.voteId, itemId: e.itemId, title: e.title, secret: e.secret, closesAt: e.closesAt ? new Date(e.closesAt) : null, voters: new Set(e.voters), ballots: new Map(), recast: new Set(), result: null });
        break;
      case 'vote-closed': {
        const v = votes.get(e.result.voteId);
        if (!v) break;
        v.result = e.result;
        // Nothing of voter → choice outlives a secret vote.
        if (v.secret) v.ballots.clear();
        break;
      }
      case 'ballots-counted':
        // The ballots themselves are counted by castBallot: a secret one's choice is in no event.
        break;
    }
    events.push(e);
  }

  /** Records a change, then makes it: when recording throws, the room is as it was and no one hears of it. */
  function emit(body: EventBody, at = setup.now().toISOString()): RoomEvent {
    const event = { ...body, seq: events.length + 1, at } as RoomEvent;
    setup.record?.(event);
    apply(event);
    return event;
  }

  /** The events of a room resumed after its host stopped, applied as they happened; nothing is recorded again. */
  function replay(history: NonNullable<RoomSetup['history']>): void {
    for (const e of history.events) {
      if (e.seq !== events.length + 1) throw new Error(`room ${setup.roomId}: event ${e.seq} out of order`);
      apply(e);
    }
    for (const b of history.ballots) {
      const v = votes.get(b.voteId);
      if (!v || v.result) continue;
      if (v.secret || b.choice === null) v.recast.add(b.personId);
      else v.ballots.set(b.personId, { seq: b.seq, choice: b.choice, text: b.text });
      checkedIn.add(b.personId);
    }
  }
  if (setup.history) replay(setup.history);

  function participant(personId: string) {
    const p = participants.get(personId);
    if (!p) throw refuse('NOT_FOUND', 'Người này không có trong danh sách dự họp.', 'This person is not among the participants.');
    return p;
  }

  function item(itemId: string | null): string | null {
    if (itemId !== null && !items.has(itemId)) throw refuse('NOT_FOUND', 'Không có nội dung này trong chương trình họp.', 'No such agenda item.');
    return itemId;
  }

  function vote(voteId: string): Vote {
    const v = votes.get(voteId);
    if (!v) throw refuse('NOT_FOUND', 'Không có cuộc biểu quyết này.', 'No such vote.');
    return v;
  }

  function closeVote(v: Vote): VoteResult {
    if (v.result) return v.result;
    const chair = setup.participants.find((p) => p.chair)?.personId;
    const ballots = [...v.ballots.entries()];
    const present = [...v.voters].filter((id) => checkedIn.has(id) || v.ballots.has(id)).length;
    const counted = tally({
      rule: setup.rule,
      eligible: v.voters.size,
      present,
      ballots: ballots.map(([personId, b]) => ({ choice: b.choice, byChair: !v.secret && personId === chair })),
      tieBreak: setup.tieToChair && !v.secret ? 'chair' : 'none',
    });
    let result: VoteResult;
    if (v.secret) {
      const record = secretRecord(ballots.map(([voterId, b]) => ({ voterId, choice: b.choice, text: b.text })));
      result = { voteId: v.voteId, eligible: v.voters.size, present, tally: counted, named: null, secret: { voters: record.voters, otherTexts: record.otherTexts } };
    } else {
      const named = ballots.map(([personId, b]) => ({ personId, choice: b.choice, text: b.text })).sort((a, b) => a.personId.localeCompare(b.personId));
      result = { voteId: v.voteId, eligible: v.voters.size, present, tally: counted, named, secret: null };
    }
    emit({ type: 'vote-closed', result });
    return result;
  }

  /** Votes whose deadline has passed are closed before anything else is decided. */
  function closeDue(): VoteResult[] {
    const now = setup.now().getTime();
    const closed: VoteResult[] = [];
    for (const v of votes.values()) if (!v.result && v.closesAt && v.closesAt.getTime() <= now) closed.push(closeVote(v));
    return closed;
  }

  return {
    roomId: setup.roomId,

    checkIn(personId: string, delegate: string | null = null): RoomEvent | null {
      participant(personId);
      if (checkedIn.has(personId)) return null;
      return emit(delegate ? { type: 'checked-in', personId, delegate } : { type: 'checked-in', personId });
    },

    /** The item, document and page being presented (members who follow move with it). */
    setCurrent(input: { itemId: string | null; documentId?: string | null; page?: number | null }): RoomEvent {
      const page = input.page ?? null;
      if (page !== null && (!Number.isInteger(page) || page < 1 || page > 100_000)) {
        throw refuse('INVALID_INPUT', 'Số trang không hợp lệ.', 'Invalid page number.');
      }
      const itemId = item(input.itemId);
      return emit({ type: 'current', itemId, documentId: input.documentId ?? null, page });
    },

    requestFloor(personId: string, input: { itemId: string | null; kind: FloorKind; addressee?: string | null }): RoomEvent {
      participant(personId);
      const itemId = item(input.itemId);
      const pending = [...floor.values()].find((r) => r.personId === personId && r.itemId === itemId && r.kind === input.kind && r.endedAt === null);
      if (pending) throw refuse('INVALID_STATE', 'Đã đăng ký phát biểu nội dung này; đang chờ đến lượt.', 'Already registered to speak on this item; waiting for the turn.');
      return emit({ type: 'floor-requested', requestId: uuidv7(), personId, itemId, kind: input.kind, addressee: input.addressee ?? null });
    },

    withdrawFloor(personId: string, requestId: string): RoomEvent {
      const r = floor.get(requestId);
      if (!r || r.personId !== personId || r.givenAt !== null) throw refuse('INVALID_STATE', 'Không rút được đăng ký này.', 'This request cannot be withdrawn.');
      return emit({ type: 'floor-withdrawn', requestId });
    },

    /** The chair's order of those waiting; every waiting request must be named once. */
    orderSpeakers(requestIds: string[]): RoomEvent {
      const waiting = order.filter((id) => floor.get(id)?.givenAt === null);
      if (requestIds.length !== waiting.length || new Set(requestIds).size !== requestIds.length || !requestIds.every((id) => waiting.includes(id))) {
        throw refuse('INVALID_INPUT', 'Thứ tự phát biểu phải gồm đúng những người đang chờ.', 'The order must list exactly those waiting.');
      }
      return emit({ type: 'speakers-ordered', order: requestIds });
    },

    /** Give the floor (the speaking timer starts); whoever was speaking stops first. */
    giveFloor(requestId: string): RoomEvent[] {
      const r = floor.get(requestId);
      if (!r || r.givenAt !== null) throw refuse('INVALID_STATE', 'Đăng ký này không còn chờ.', 'This request is not waiting.');
      const out: RoomEvent[] = [];
      if (speaking) out.push(this.endSpeech());
      out.push(emit({ type: 'floor-given', requestId }));
      return out;
    },

    endSpeech(): RoomEvent {
      const r = speaking ? floor.get(speaking) : undefined;
      if (!r || r.givenAt === null) throw refuse('INVALID_STATE', 'Không có ai đang phát biểu.', 'No one is speaking.');
      const endedAt = setup.now().toISOString();
      const seconds = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(r.givenAt)) / 1000));
      return emit({ type: 'speech-ended', requestId: r.requestId, seconds }, endedAt);
    },

    openVote(input: { itemId: string | null; title: string; secret: boolean; closesAt?: Date | null }): RoomEvent {
      const title = input.title.trim();
      if (!title || title.length > MAX_TITLE) throw refuse('INVALID_INPUT', 'Nội dung biểu quyết phải có và không quá 500 ký tự.', 'The motion needs a title of at most 500 characters.');
      if (input.closesAt && input.closesAt.getTime() <= setup.now().getTime()) {
        throw refuse('INVALID_INPUT', 'Hạn biểu quyết phải ở sau thời điểm hiện tại.', 'The deadline must be in the future.');
      }
      const itemId = item(input.itemId);
      const voters = setup.participants.filter((p) => p.votes).map((p) => p.personId);
      if (voters.length === 0) throw refuse('INVALID_STATE', 'Cuộc họp không có thành viên nào có quyền biểu quyết.', 'No participant has a vote.');
      return emit({ type: 'vote-opened', voteId: uuidv7(), itemId, title, secret: input.secret, rule: setup.rule, closesAt: input.closesAt?.toISOString() ?? null, voters });
    },

    /**
     * A signed ballot from a member's laptop: checked (ballot.ts), counted once per voter, a newer one
     * replacing the older. Throws with the reason when it is not counted; nothing changes then.
     */
    castBallot(input: unknown): { event: RoomEvent; replaced: boolean } {
      closeDue();
      const voteId = (input as { voteId?: unknown } | null)?.voteId;
      const v = typeof voteId === 'string' ? votes.get(voteId) : undefined;
      const personId = (input as { personId?: unknown } | null)?.personId;
      const last = v && typeof personId === 'string' ? (v.ballots.get(personId)?.seq ?? 0) : 0;
      const { ballot, replaces } = checkBallot(input, {
        roomId: setup.roomId,
        vote: v ? { id: v.voteId, closed: v.result !== null, voters: v.voters } : null,
        personOf: setup.personOf,
        lastSeq: last,
      });
      setup.recordBallot?.(
        v!.secret
          ? { voteId: v!.voteId, personId: ballot.personId, seq: ballot.seq, secret: true, choice: null, text: null, signature: null, publicKey: null }
          : { voteId: v!.voteId, personId: ballot.personId, seq: ballot.seq, secret: false, choice: ballot.choice, text: ballot.text, signature: ballot.signature, publicKey: ballot.publicKey },
      );
      v!.ballots.set(ballot.personId, { seq: ballot.seq, choice: ballot.choice, text: ballot.text });
      v!.recast.delete(ballot.personId);
      // A ballot is a sign of presence: a member who votes is counted present.
      checkedIn.add(ballot.personId);
      return { event: emit({ type: 'ballots-counted', voteId: v!.voteId, voted: v!.ballots.size }), replaced: replaces };
    },

    closeVote(voteId: string): VoteResult {
      closeDue();
      return closeVote(vote(voteId));
    },

    closeDue,

    /** The number of the last event. */
    seq: () => events.length,

    /** Events after `seq`, for a screen catching up; the whole log from 0. */
    since(seq: number): RoomEvent[] {
      return events.slice(Math.max(0, Math.min(seq, events.length)));
    },

    /** What a screen shows now. */
    snapshot() {
      const present = [...checkedIn];
      const eligible = setup.participants.filter((p) => p.votes);
      return {
        roomId: setup.roomId,
        seq: events.length,
        items: setup.items,
        participants: setup.participants.map(({ personId, name, votes: hasVote, chair }) => ({ personId, name, votes: hasVote, chair, delegate: delegates.get(personId) ?? null })),
        rule: setup.rule,
        current,
        checkedIn: present,
        quorum: { eligible: eligible.length, present: eligible.filter((p) => checkedIn.has(p.personId)).length },
        speaking,
        speaker: speaking ? { ...floor.get(speaking)! } : null,
        waiting: order.filter((id) => floor.get(id)?.givenAt === null).map((id) => floor.get(id)!),
        votes: [...votes.values()].map((v) => ({
          voteId: v.voteId,
          itemId: v.itemId,
          title: v.title,
          secret: v.secret,
          closesAt: v.closesAt?.toISOString() ?? null,
          voted: v.result ? v.result.tally.agree + v.result.tally.disagree + v.result.tally.other : v.ballots.size,
          result: v.result,
          ...(v.recast.size && !v.result ? { recast: [...v.recast] } : {}),
        })),
      };
    },
  };
}

export type RoomState = ReturnType<typeof createRoomState>;
