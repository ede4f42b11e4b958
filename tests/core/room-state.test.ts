import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { signBallot } from '../../electron/core/domains/room/ballot.ts';
import { answerChallenge, checkJoin, newChallenge, type JoinCheck } from '../../electron/core/domains/room/join.ts';
import { createRoomState, type RoomEvent, type RoomSetup, type StoredBallot } from '../../electron/core/domains/room/room-state.ts';
import { CoreError } from '../../electron/core/errors.ts';
import type { BallotChoice } from '../../shared/room/tally.ts';
import { memberKey } from '../support/member-key.ts';

type Member = { personId: string; name: string; votes: boolean; chair: boolean; key: ReturnType<typeof memberKey> };
const member = (name: string, over: Partial<Member> = {}): Member => ({ personId: uuidv7(), name, votes: true, chair: false, key: memberKey(), ...over });

function failure(fn: () => unknown): { code: string; reason?: string; vi: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CoreError) return { code: e.code, reason: (e.details as { reason?: string } | undefined)?.reason, vi: e.payload.message.vi };
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A room for a committee meeting: a chair, members, a guest without a vote; a clock the test moves. */
function room(members: Member[], over: Partial<RoomSetup> = {}) {
  let now = Date.parse('2026-12-07T08:00:00+07:00');
  const owners = new Map(members.map((m) => [m.key.publicKey, m.personId]));
  const items = [
    { id: uuidv7(), title: 'Báo cáo tình hình thực hiện nhiệm vụ tuần', plannedMinutes: 20 },
    { id: uuidv7(), title: 'Dự thảo kế hoạch đầu tư công năm 2027', plannedMinutes: 30 },
  ];
  const state = createRoomState({
    roomId: uuidv7(),
    items,
    participants: members.map(({ personId, name, votes, chair }) => ({ personId, name, votes, chair })),
    rule: 'majority_present',
    tieToChair: false,
    personOf: (k) => owners.get(k) ?? null,
    now: () => new Date(now),
    ...over,
  });
  const vote = (m: Member, voteId: string, choice: BallotChoice, seq = 1, text: string | null = null) =>
    state.castBallot(signBallot(m.key, { roomId: state.roomId, voteId, personId: m.personId, choice, text, seq }));
  return { state, items, vote, tick: (seconds: number) => (now += seconds * 1000) };
}

describe('joining the live room (issue 15)', () => {
  const dao = member('Lê Thị Đào');
  const binh = member('Trần Văn Bình');
  const roomId = uuidv7();
  const fingerprint = 'a'.repeat(64);

  function host(issued: Set<string>, over: Partial<JoinCheck> = {}): JoinCheck {
    const owners = new Map([
      [dao.key.publicKey, dao.personId],
      [binh.key.publicKey, binh.personId],
    ]);
    return {
      roomId,
      fingerprint,
      takeChallenge: (c) => issued.delete(c),
      personOf: (k) => owners.get(k) ?? null,
      isParticipant: (p) => p === dao.personId,
      ...over,
    };
  }

  it('lets a participant in by signing the challenge with the key the secretariat trusts, once per challenge', () => {
    const challenge = newChallenge();
    const issued = new Set([challenge]);
    const answer = answerChallenge(dao.key, { roomId, fingerprint }, challenge);
    expect(checkJoin(answer, host(issued))).toEqual({ personId: dao.personId, publicKey: dao.key.publicKey });
    expect(failure(() => checkJoin(answer, host(issued))).reason).toBe('challenge');
  });

  it('refuses a signature for another room or host, a key no one trusted, a non-participant and junk', () => {
    const fresh = () => {
      const c = newChallenge();
      return { c, issued: new Set([c]) };
    };
    let t = fresh();
    expect(failure(() => checkJoin(answerChallenge(dao.key, { roomId: uuidv7(), fingerprint }, t.c), host(t.issued))).reason).toBe('signature');
    t = fresh();
    expect(failure(() => checkJoin(answerChallenge(dao.key, { roomId, fingerprint: 'b'.repeat(64) }, t.c), host(t.issued))).reason).toBe('signature');
    t = fresh();
    // A key nobody trusted: the signature is good, but it is no member's.
    expect(failure(() => checkJoin(answerChallenge(member('Người lạ').key, { roomId, fingerprint }, t.c), host(t.issued))).reason).toBe('unknown-key');
    t = fresh();
    const refused = failure(() => checkJoin(answerChallenge(binh.key, { roomId, fingerprint }, t.c), host(t.issued)));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'not-a-participant' });
    expect(refused.vi).toContain('danh sách dự họp');
    expect(failure(() => checkJoin({ challenge: 'x'.repeat(10_000) }, host(new Set()))).code).toBe('INVALID_INPUT');
  });
});

describe('the room as its host keeps it (issue 15)', () => {
  it('numbers every change, so a screen that lost the network catches up from the last event it saw', () => {
    const chair = member('Nguyễn Văn An', { chair: true });
    const dao = member('Lê Thị Đào');
    const { state, items } = room([chair, dao]);
    state.checkIn(chair.personId);
    expect(state.checkIn(chair.personId)).toBeNull();
    state.setCurrent({ itemId: items[0]!.id, documentId: uuidv7(), page: 1 });
    const seen = state.snapshot().seq;
    state.setCurrent({ itemId: items[0]!.id, documentId: null, page: 4 });
    state.checkIn(dao.personId);
    const missed = state.since(seen);
    expect(missed.map((e) => [e.seq, e.type])).toEqual([
      [3, 'current'],
      [4, 'checked-in'],
    ]);
    expect(missed[0]).toMatchObject({ page: 4 });
    expect(state.snapshot()).toMatchObject({ seq: 4, quorum: { eligible: 2, present: 2 }, current: { itemId: items[0]!.id, page: 4 } });
    expect(failure(() => state.setCurrent({ itemId: uuidv7() })).code).toBe('NOT_FOUND');
    expect(failure(() => state.setCurrent({ itemId: null, page: 0 })).code).toBe('INVALID_INPUT');
    expect(failure(() => state.checkIn(uuidv7())).code).toBe('NOT_FOUND');
  });

  it('keeps the speakers: requests, the chair’s order, the floor with its timer, questions to a presenter', () => {
    const chair = member('Nguyễn Văn An', { chair: true });
    const dao = member('Lê Thị Đào');
    const binh = member('Trần Văn Bình');
    const { state, items, tick } = room([chair, dao, binh]);
    const item = items[1]!.id;
    const a = state.requestFloor(dao.personId, { itemId: item, kind: 'speak' });
    expect(failure(() => state.requestFloor(dao.personId, { itemId: item, kind: 'speak' })).code).toBe('INVALID_STATE');
    const b = state.requestFloor(binh.personId, { itemId: item, kind: 'question', addressee: 'Sở Kế hoạch và Đầu tư' });
    if (a.type !== 'floor-requested' || b.type !== 'floor-requested') throw new Error('expected requests');
    expect(b.addressee).toBe('Sở Kế hoạch và Đầu tư');
    state.orderSpeakers([b.requestId, a.requestId]);
    expect(state.snapshot().waiting.map((w) => w.personId)).toEqual([binh.personId, dao.personId]);
    expect(failure(() => state.orderSpeakers([a.requestId])).code).toBe('INVALID_INPUT');
    state.giveFloor(b.requestId);
    tick(95);
    // Giving the floor to the next ends the current speech, with its length.
    const next = state.giveFloor(a.requestId);
    expect(next.map((e) => e.type)).toEqual(['speech-ended', 'floor-given']);
    expect(next[0]).toMatchObject({ requestId: b.requestId, seconds: 95 });
    tick(40);
    expect(state.endSpeech()).toMatchObject({ type: 'speech-ended', requestId: a.requestId, seconds: 40 });
    expect(failure(() => state.endSpeech()).code).toBe('INVALID_STATE');
    expect(failure(() => state.withdrawFloor(dao.personId, a.requestId)).code).toBe('INVALID_STATE');
  });

  it('counts one signed ballot per member: a change of mind replaces it, a replay or a copy never counts twice', () => {
    const chair = member('Nguyễn Văn An', { chair: true });
    const dao = member('Lê Thị Đào');
    const binh = member('Trần Văn Bình');
    const guest = member('Phạm Khách Mời', { votes: false });
    const { state, items, vote } = room([chair, dao, binh, guest]);
    for (const m of [chair, dao, binh]) state.checkIn(m.personId);
    const opened = state.openVote({ itemId: items[1]!.id, title: 'Thông qua dự thảo kế hoạch đầu tư công năm 2027', secret: false });
    if (opened.type !== 'vote-opened') throw new Error('expected a vote');
    const { voteId } = opened;
    expect(opened.voters.sort()).toEqual([chair.personId, dao.personId, binh.personId].sort());

    expect(vote(dao, voteId, 'disagree').replaced).toBe(false);
    expect(vote(dao, voteId, 'agree', 2).replaced).toBe(true);
    expect(failure(() => vote(dao, voteId, 'disagree', 1)).reason).toBe('replayed');
    expect(failure(() => vote(dao, voteId, 'disagree', 2)).reason).toBe('replayed');
    expect(failure(() => vote(guest, voteId, 'agree')).reason).toBe('not-a-voter');
    const forged = { ...signBallot(binh.key, { roomId: state.roomId, voteId, personId: binh.personId, choice: 'agree', text: null, seq: 1 }), choice: 'disagree' };
    expect(failure(() => state.castBallot(forged)).reason).toBe('signature');
    vote(binh, voteId, 'other', 1, 'Đề nghị bổ sung danh mục dự án chuyển tiếp');
    // Before it closes, screens learn how many voted, never who chose what.
    expect(state.since(0).filter((e) => e.type === 'ballots-counted').map((e) => (e as { voted: number }).voted)).toEqual([1, 1, 2]);
    expect(JSON.stringify(state.since(0))).not.toContain('"choice"');

    const result = state.closeVote(voteId);
    expect(result.tally).toMatchObject({ agree: 1, disagree: 0, other: 1, notVoting: 1, base: 3, needed: 2, passed: false });
    expect(result.named).toContainEqual({ personId: binh.personId, choice: 'other', text: 'Đề nghị bổ sung danh mục dự án chuyển tiếp' });
    expect(result.named).toHaveLength(2);
    // A ballot made while cut off and sent after the close is refused, and says so.
    const late = failure(() => vote(chair, voteId, 'agree'));
    expect(late).toMatchObject({ code: 'INVALID_STATE', reason: 'closed' });
    expect(late.vi).toContain('đã kết thúc');
    expect(state.closeVote(voteId)).toBe(result);
  });

  it('on a tie, the chair’s side decides a named ballot where the rules say so, never a secret one', () => {
    const chair = member('Nguyễn Văn An', { chair: true });
    const others = [member('Lê Thị Đào'), member('Trần Văn Bình'), member('Hoàng Minh Châu')];
    for (const secret of [false, true]) {
      const { state, vote } = room([chair, ...others], { tieToChair: true });
      const opened = state.openVote({ itemId: null, title: 'Điều chỉnh thời gian họp thường kỳ', secret });
      const voteId = (opened as { voteId: string }).voteId;
      vote(chair, voteId, 'agree');
      vote(others[0]!, voteId, 'agree');
      vote(others[1]!, voteId, 'disagree');
      vote(others[2]!, voteId, 'disagree');
      expect(state.closeVote(voteId).tally, secret ? 'secret' : 'named').toMatchObject({ agree: 2, passed: !secret, decidedByChair: !secret });
    }
  });

  it('a secret ballot keeps who voted but nothing that ties a voter to a choice', () => {
    const members = Array.from({ length: 5 }, (_, i) => member(`Thành viên ${i + 1}`, { chair: i === 0 }));
    const { state, vote } = room(members);
    const voteId = (state.openVote({ itemId: null, title: 'Giới thiệu nhân sự', secret: true }) as { voteId: string }).voteId;
    vote(members[0]!, voteId, 'agree');
    vote(members[1]!, voteId, 'disagree');
    vote(members[1]!, voteId, 'agree', 2);
    vote(members[2]!, voteId, 'other', 1, 'Cần thêm thời gian xem xét hồ sơ');
    vote(members[3]!, voteId, 'agree');
    const result = state.closeVote(voteId);
    expect(result.named).toBeNull();
    expect(result.secret).toEqual({ voters: [members[0]!, members[1]!, members[2]!, members[3]!].map((m) => m.personId).sort(), otherTexts: ['Cần thêm thời gian xem xét hồ sơ'] });
    expect(result.tally).toMatchObject({ agree: 3, disagree: 0, other: 1, base: 4, passed: true });
    expect(result).toMatchObject({ eligible: 5, present: 4 });
    const everything = JSON.stringify({ events: state.since(0), snapshot: state.snapshot() });
    expect(everything).not.toContain('"choice"');
    expect(everything).not.toContain('"personId":"' + members[2]!.personId + '","choice"');
  });

  it('closes a vote at its deadline: a ballot after it is refused, and the result goes out once', () => {
    const members = [member('Nguyễn Văn An', { chair: true }), member('Lê Thị Đào')];
    const { state, vote, tick } = room(members);
    expect(failure(() => state.openVote({ itemId: null, title: 'Quá hạn', secret: false, closesAt: new Date(Date.parse('2026-12-07T07:00:00+07:00')) })).code).toBe('INVALID_INPUT');
    const voteId = (state.openVote({ itemId: null, title: 'Thông qua biên bản phiên trước', secret: false, closesAt: new Date(Date.parse('2026-12-07T08:05:00+07:00')) }) as { voteId: string }).voteId;
    vote(members[0]!, voteId, 'agree');
    tick(301);
    expect(failure(() => vote(members[1]!, voteId, 'agree')).reason).toBe('closed');
    expect(state.since(0).filter((e) => e.type === 'vote-closed')).toHaveLength(1);
    expect(state.closeDue()).toEqual([]);
  });

  it('sixty members voting at once are each counted exactly once', () => {
    const members = Array.from({ length: 60 }, (_, i) => member(`Thành viên ${i + 1}`, { chair: i === 0 }));
    const { state, vote } = room(members);
    for (const m of members) state.checkIn(m.personId);
    const voteId = (state.openVote({ itemId: null, title: 'Thông qua chương trình công tác năm 2027', secret: false }) as { voteId: string }).voteId;
    members.forEach((m, i) => vote(m, voteId, i % 4 === 0 ? 'disagree' : 'agree'));
    // The same ballots arriving again (a client retrying after a dropped connection) change nothing.
    for (const m of members.slice(0, 10)) expect(failure(() => vote(m, voteId, 'agree')).reason).toBe('replayed');
    const result = state.closeVote(voteId);
    expect(result.tally).toMatchObject({ agree: 45, disagree: 15, other: 0, notVoting: 0, needed: 31, passed: true });
    expect(result.named).toHaveLength(60);
  });
});

describe('a room taken up again after its host stopped (issue 15)', () => {
  it('replays its events and the ballots on disk: the same room, named ballots counted, secret voters asked to send theirs again', () => {
    const chair = member('Nguyễn Văn An', { chair: true });
    const dao = member('Lê Thị Đào');
    const binh = member('Trần Văn Bình');
    const events: RoomEvent[] = [];
    const disk = new Map<string, StoredBallot>();
    const first = room([chair, dao, binh], {
      record: (e) => events.push(e),
      recordBallot: (b) => disk.set(`${b.voteId}/${b.personId}`, { voteId: b.voteId, personId: b.personId, seq: b.seq, choice: b.choice, text: b.text }),
    });
    const item = first.items[1]!.id;
    first.state.checkIn(chair.personId);
    first.state.checkIn(binh.personId, 'Phạm Văn Dự');
    first.state.setCurrent({ itemId: item, documentId: uuidv7(), page: 5 });
    const asked = first.state.requestFloor(binh.personId, { itemId: item, kind: 'speak' });
    if (asked.type !== 'floor-requested') throw new Error('expected a request');
    first.state.giveFloor(asked.requestId);
    const waiting = first.state.requestFloor(dao.personId, { itemId: item, kind: 'question', addressee: 'Sở Tài chính' });
    const named = (first.state.openVote({ itemId: item, title: 'Thông qua kế hoạch đầu tư công năm 2027', secret: false }) as { voteId: string }).voteId;
    const secret = (first.state.openVote({ itemId: null, title: 'Giới thiệu nhân sự', secret: true }) as { voteId: string }).voteId;
    first.vote(dao, named, 'disagree');
    first.vote(dao, named, 'agree', 2);
    first.vote(binh, named, 'other', 1, 'Cần thêm số liệu');
    first.vote(dao, secret, 'disagree');
    const before = first.state.snapshot();

    // The host stopped; what it had written is all the new one gets.
    const again = room([chair, dao, binh], { roomId: first.state.roomId, items: first.items, history: { events, ballots: [...disk.values()] } });
    const after = again.state.snapshot();
    expect(after).toMatchObject({ roomId: before.roomId, seq: before.seq, current: before.current, checkedIn: before.checkedIn, speaking: before.speaking, speaker: before.speaker, waiting: before.waiting });
    expect(after.participants.find((p) => p.personId === binh.personId)?.delegate).toBe('Phạm Văn Dự');
    expect(after.waiting.map((r) => r.requestId)).toEqual([(waiting as { requestId: string }).requestId]);
    const [n, s] = after.votes;
    expect(n).toMatchObject({ voteId: named, voted: 2, result: null });
    expect(n!.recast).toBeUndefined();
    expect(s).toMatchObject({ voteId: secret, voted: 0, recast: [dao.personId] });

    // The next change is numbered after the last one kept; a named ballot changes only above its number.
    expect(again.state.setCurrent({ itemId: item, page: 6 }).seq).toBe(before.seq + 1);
    expect(() => again.vote(dao, named, 'disagree', 2)).toThrow();
    again.vote(dao, secret, 'disagree');
    expect(again.state.snapshot().votes[1]).toMatchObject({ voted: 1 });
    expect(again.state.snapshot().votes[1]!.recast).toBeUndefined();
    expect(again.state.closeVote(named).named).toEqual(
      [
        { personId: dao.personId, choice: 'agree', text: null },
        { personId: binh.personId, choice: 'other', text: 'Cần thêm số liệu' },
      ].sort((a, b) => a.personId.localeCompare(b.personId)),
    );
    expect(again.state.closeVote(secret)).toMatchObject({ tally: { disagree: 1 }, secret: { voters: [dao.personId] } });
  });
});

describe('a change the host cannot write down (issue 15)', () => {
  it('is refused whole: the room stays as it was, the log has no gap, and the same change goes through once the disk is back', () => {
    const chair = member('Nguyễn Văn An', { chair: true });
    const dao = member('Lê Thị Đào');
    let diskFull = false;
    const written: RoomEvent[] = [];
    const { state, items } = room([chair, dao], {
      record: (e) => {
        if (diskFull) throw new Error('SQLITE_FULL');
        written.push(e);
      },
    });
    state.checkIn(chair.personId);
    const asked = state.requestFloor(dao.personId, { itemId: items[0]!.id, kind: 'speak' });
    if (asked.type !== 'floor-requested') throw new Error('expected a request');
    const before = state.snapshot();

    diskFull = true;
    expect(() => state.checkIn(dao.personId)).toThrow('SQLITE_FULL');
    expect(() => state.setCurrent({ itemId: items[1]!.id, page: 3 })).toThrow('SQLITE_FULL');
    expect(() => state.requestFloor(chair.personId, { itemId: items[0]!.id, kind: 'speak' })).toThrow('SQLITE_FULL');
    expect(() => state.giveFloor(asked.requestId)).toThrow('SQLITE_FULL');
    expect(() => state.withdrawFloor(dao.personId, asked.requestId)).toThrow('SQLITE_FULL');
    expect(() => state.openVote({ itemId: null, title: 'Thông qua chương trình', secret: false })).toThrow('SQLITE_FULL');
    expect(state.snapshot()).toEqual(before);

    diskFull = false;
    expect(state.checkIn(dao.personId)).toMatchObject({ seq: before.seq + 1 });
    state.giveFloor(asked.requestId);
    const vote = (state.openVote({ itemId: null, title: 'Thông qua chương trình', secret: false }) as { voteId: string }).voteId;
    diskFull = true;
    expect(() => state.closeVote(vote)).toThrow('SQLITE_FULL');
    expect(() => state.endSpeech()).toThrow('SQLITE_FULL');
    expect(state.snapshot().votes[0]!.result).toBeNull();
    expect(state.snapshot().speaking).toBe(asked.requestId);
    diskFull = false;
    expect(state.closeVote(vote).voteId).toBe(vote);
    expect(written.map((e) => e.seq)).toEqual(written.map((_, i) => i + 1));
  });
});
