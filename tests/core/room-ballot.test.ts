import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { checkBallot, signBallot, type BallotCheck } from '../../electron/core/domains/room/ballot.ts';
import { CoreError } from '../../electron/core/errors.ts';
import { memberKey } from '../support/member-key.ts';

const roomId = uuidv7();
const voteId = uuidv7();
const dao = { id: uuidv7(), key: memberKey() };
const binh = { id: uuidv7(), key: memberKey() };
const guest = { id: uuidv7(), key: memberKey() };

/** The host's view: Đào and Bình are voters, each key trusted as its holder's own. */
function host(over: Partial<BallotCheck> = {}): BallotCheck {
  const owners = new Map([
    [dao.key.publicKey, dao.id],
    [binh.key.publicKey, binh.id],
    [guest.key.publicKey, guest.id],
  ]);
  return { roomId, vote: { id: voteId, closed: false, voters: new Set([dao.id, binh.id]) }, personOf: (k) => owners.get(k) ?? null, lastSeq: 0, ...over };
}

function reason(fn: () => unknown): { code: string; reason: string; vi: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CoreError) return { code: e.code, reason: (e.details as { reason: string }).reason, vi: e.payload.message.vi };
    throw e;
  }
  throw new Error('the ballot was accepted');
}

describe('signed ballots in the live room (issue 15)', () => {
  it('a member’s own signed ballot is counted; a later change replaces it', () => {
    const first = signBallot(dao.key, { roomId, voteId, personId: dao.id, choice: 'agree', text: null, seq: 1 });
    expect(checkBallot(first, host())).toMatchObject({ choice: 'agree', replaces: false });
    const second = signBallot(dao.key, { roomId, voteId, personId: dao.id, choice: 'other', text: '  Đề nghị lùi thời hạn  ', seq: 2 });
    expect(second.text).toBe('Đề nghị lùi thời hạn');
    expect(checkBallot(second, host({ lastSeq: 1 }))).toMatchObject({ choice: 'other', replaces: true });
  });

  it('a changed choice, another room or vote, or someone else’s key is refused as forged', () => {
    const ballot = signBallot(dao.key, { roomId, voteId, personId: dao.id, choice: 'agree', text: null, seq: 1 });
    expect(reason(() => checkBallot({ ...ballot, choice: 'disagree' }, host()))).toMatchObject({ code: 'FORBIDDEN', reason: 'signature' });
    expect(reason(() => checkBallot({ ...ballot, voteId: uuidv7() }, host()))).toMatchObject({ code: 'FORBIDDEN', reason: 'signature' });
    expect(reason(() => checkBallot(ballot, host({ roomId: uuidv7() })))).toMatchObject({ reason: 'signature' });
    // Bình signs a ballot in Đào's name with his own key: valid signature, wrong owner.
    const inHerName = signBallot(binh.key, { roomId, voteId, personId: dao.id, choice: 'disagree', text: null, seq: 5 });
    expect(reason(() => checkBallot(inHerName, host()))).toMatchObject({ code: 'FORBIDDEN', reason: 'not-own-key' });
    // A key the host does not trust at all.
    const stranger = memberKey();
    expect(reason(() => checkBallot(signBallot(stranger, { roomId, voteId, personId: dao.id, choice: 'agree', text: null, seq: 1 }), host()))).toMatchObject({
      reason: 'not-own-key',
    });
  });

  it('a guest without a vote, a closed or unknown vote and a replayed older ballot are refused with the reason in Vietnamese', () => {
    const fromGuest = signBallot(guest.key, { roomId, voteId, personId: guest.id, choice: 'agree', text: null, seq: 1 });
    expect(reason(() => checkBallot(fromGuest, host()))).toMatchObject({ code: 'FORBIDDEN', reason: 'not-a-voter' });
    const ballot = signBallot(dao.key, { roomId, voteId, personId: dao.id, choice: 'agree', text: null, seq: 3 });
    const closed = reason(() => checkBallot(ballot, host({ vote: { id: voteId, closed: true, voters: new Set([dao.id]) } })));
    expect(closed).toMatchObject({ code: 'INVALID_STATE', reason: 'closed' });
    expect(closed.vi).toContain('Biểu quyết đã kết thúc');
    expect(reason(() => checkBallot(ballot, host({ vote: null })))).toMatchObject({ reason: 'unknown-vote' });
    expect(reason(() => checkBallot(ballot, host({ lastSeq: 3 })))).toMatchObject({ code: 'CONFLICT', reason: 'replayed' });
  });

  it('anything not a ballot is refused before any signature is checked', () => {
    for (const bad of [null, 'phiếu', { roomId }, { ...signBallot(dao.key, { roomId, voteId, personId: dao.id, choice: 'agree', text: null, seq: 1 }), extra: 1 }]) {
      expect(reason(() => checkBallot(bad, host()))).toMatchObject({ code: 'INVALID_INPUT', reason: 'malformed' });
    }
    const huge = { ...signBallot(dao.key, { roomId, voteId, personId: dao.id, choice: 'other', text: 'x', seq: 1 }), text: 'x'.repeat(2001) };
    expect(reason(() => checkBallot(huge, host()))).toMatchObject({ reason: 'malformed' });
  });
});
