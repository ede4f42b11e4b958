import { describe, expect, it } from 'vitest';
import { secretRecord, tally, type BallotChoice, type TallyInput } from '../../shared/room/tally.ts';

/** `n` ballots of `choice`. */
const votes = (n: number, choice: BallotChoice) => Array.from({ length: n }, () => ({ choice }));

describe('tallying a vote of the committee (issue 15)', () => {
  it('more than half of those present: 4 of 7 passes, 3 of 7 (or 3 of 6) does not', () => {
    expect(tally({ rule: 'majority_present', eligible: 15, present: 7, ballots: [...votes(4, 'agree'), ...votes(3, 'disagree')] })).toMatchObject({
      agree: 4,
      disagree: 3,
      base: 7,
      needed: 4,
      passed: true,
    });
    expect(tally({ rule: 'majority_present', eligible: 15, present: 7, ballots: [...votes(3, 'agree'), ...votes(4, 'other')] }).passed).toBe(false);
    expect(tally({ rule: 'majority_present', eligible: 15, present: 6, ballots: votes(3, 'agree') }).needed).toBe(4);
  });

  it('members present who do not vote count as not agreeing; "ý kiến khác" is not a yes', () => {
    const t = tally({ rule: 'majority_present', eligible: 15, present: 9, ballots: [...votes(4, 'agree'), ...votes(1, 'disagree'), ...votes(2, 'other')] });
    expect(t).toMatchObject({ agree: 4, disagree: 1, other: 2, notVoting: 2, needed: 5, passed: false });
  });

  it('more than half of all members counts the absent: 8 of 15 passes with 9 present, 7 does not', () => {
    expect(tally({ rule: 'majority_all', eligible: 15, present: 9, ballots: votes(8, 'agree') })).toMatchObject({ base: 15, needed: 8, passed: true });
    expect(tally({ rule: 'majority_all', eligible: 15, present: 9, ballots: [...votes(7, 'agree'), ...votes(2, 'disagree')] }).passed).toBe(false);
  });

  it('two thirds of all members is rounded up to a whole member: 10 of 15, 7 of 10, 8 of 12', () => {
    expect(tally({ rule: 'two_thirds_all', eligible: 15, present: 15, ballots: votes(10, 'agree') })).toMatchObject({ needed: 10, passed: true });
    expect(tally({ rule: 'two_thirds_all', eligible: 15, present: 15, ballots: votes(9, 'agree') }).passed).toBe(false);
    expect(tally({ rule: 'two_thirds_all', eligible: 10, present: 10, ballots: votes(7, 'agree') }).needed).toBe(7);
    expect(tally({ rule: 'two_thirds_all', eligible: 12, present: 12, ballots: votes(8, 'agree') }).passed).toBe(true);
  });

  it('an exact tie does not pass, unless the working rules give it to the chair’s side and the chair voted yes', () => {
    const tie = (chair: BallotChoice, tieBreak: TallyInput['tieBreak']) =>
      tally({
        rule: 'majority_present',
        eligible: 15,
        present: 8,
        tieBreak,
        ballots: [{ choice: chair, byChair: true }, ...votes(3, chair), ...votes(4, chair === 'agree' ? 'disagree' : 'agree')],
      });
    expect(tie('agree', 'none')).toMatchObject({ agree: 4, passed: false, decidedByChair: false });
    expect(tie('agree', 'chair')).toMatchObject({ agree: 4, passed: true, decidedByChair: true });
    expect(tie('disagree', 'chair')).toMatchObject({ agree: 4, passed: false, decidedByChair: true });
    // A secret ballot does not say which ballot is the chair's: its tie stays a tie.
    expect(tally({ rule: 'majority_present', eligible: 15, present: 8, tieBreak: 'chair', ballots: [...votes(4, 'agree'), ...votes(4, 'disagree')] })).toMatchObject({
      passed: false,
      decidedByChair: false,
    });
    // Two thirds has no tie to break.
    expect(tally({ rule: 'two_thirds_all', eligible: 6, present: 6, tieBreak: 'chair', ballots: [{ choice: 'agree', byChair: true }, ...votes(2, 'agree'), ...votes(3, 'disagree')] }).passed).toBe(false);
  });

  it('nobody present passes nothing; counts that cannot be are refused', () => {
    expect(tally({ rule: 'majority_present', eligible: 15, present: 0, ballots: [] })).toMatchObject({ passed: false, base: 0, notVoting: 0 });
    expect(() => tally({ rule: 'majority_present', eligible: 5, present: 6, ballots: [] })).toThrow(RangeError);
    expect(() => tally({ rule: 'majority_present', eligible: 5, present: 2, ballots: votes(3, 'agree') })).toThrow(RangeError);
    expect(() => tally({ rule: 'majority_all', eligible: 5, present: 2.5, ballots: [] })).toThrow(RangeError);
    expect(() => tally({ rule: 'majority_all', eligible: 5, present: 5, ballots: [{ choice: 'agree', byChair: true }, { choice: 'agree', byChair: true }] })).toThrow(RangeError);
  });
});

describe('the record a secret ballot keeps (issue 15)', () => {
  it('says who voted and how many chose what, and nothing that ties a voter to a choice', () => {
    const ballots = [
      { voterId: 'c-voter', choice: 'agree' as const },
      { voterId: 'a-voter', choice: 'other' as const, text: 'Đề nghị bổ sung nguồn vốn' },
      { voterId: 'b-voter', choice: 'disagree' as const },
    ];
    const record = secretRecord(ballots);
    expect(record).toEqual({ voters: ['a-voter', 'b-voter', 'c-voter'], counts: { agree: 1, disagree: 1, other: 1 }, otherTexts: ['Đề nghị bổ sung nguồn vốn'] });
    // The same ballots cast in another order leave the very same record.
    expect(secretRecord([...ballots].reverse())).toEqual(record);
    expect(() => secretRecord([...ballots, { voterId: 'a-voter', choice: 'agree' }])).toThrow(RangeError);
  });
});
