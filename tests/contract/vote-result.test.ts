import { describe, expect, it } from 'vitest';
import { voteResult, voteResultText } from '../../shared/minutes/vote-result.ts';

describe('the result a minutes vote states (issue 15)', () => {
  it('under the rule chosen, from the members present at the vote', () => {
    expect(voteResultText({ agree: 6, disagree: 3, other: 2, rule: 'majority_present', members: 15, present: 11 })).toBe(
      'Có mặt 11/15 thành viên. Kết quả: thông qua (6 đồng ý; cần 6 — quá nửa số thành viên có mặt).',
    );
    expect(voteResultText({ agree: 7, disagree: 3, other: 1, rule: 'majority_all', members: 15, present: 11 })).toBe(
      'Có mặt 11/15 thành viên. Kết quả: không thông qua (7 đồng ý; cần 8 — quá nửa tổng số thành viên).',
    );
    expect(voteResultText({ agree: 10, disagree: 0, other: 0, rule: 'two_thirds_all', members: 15, present: 12 }, 'en')).toBe(
      '12 of 15 members present. Result: passed (10 in favour; 10 needed — at least two thirds of all members).',
    );
  });

  it('none for a vote that records counts only (as minutes written before did); "impossible" for counts that cannot be', () => {
    expect(voteResult({ agree: 7, disagree: 1, other: 2 })).toEqual({ kind: 'none' });
    expect(voteResult({ agree: 7, disagree: 1, other: 2, rule: 'majority_present', members: 15, present: null })).toEqual({ kind: 'none' });
    expect(voteResult({ agree: 7, disagree: 4, other: 2, rule: 'majority_present', members: 15, present: 11 })).toEqual({ kind: 'impossible', voted: 13, present: 11, members: 15 });
    expect(voteResult({ agree: 1, disagree: 0, other: 0, rule: 'majority_all', members: 9, present: 10 }).kind).toBe('impossible');
    expect(voteResultText({ agree: 7, disagree: 4, other: 2, rule: 'majority_present', members: 15, present: 11 })).toBeNull();
  });

  it('an exact tie goes to the chair’s side only when the chair’s vote is recorded (the committee’s rules allow it)', () => {
    const tie = { agree: 3, disagree: 3, other: 0, rule: 'majority_present' as const, members: 9, present: 6 };
    expect(voteResult(tie)).toMatchObject({ kind: 'result', tie: true, tally: { passed: false, decidedByChair: false } });
    expect(voteResultText({ ...tie, chairChoice: 'agree' })).toBe(
      'Có mặt 6/9 thành viên. Kết quả: thông qua (3 đồng ý; cần 4 — quá nửa số thành viên có mặt; số phiếu ngang nhau, theo ý kiến của người chủ trì).',
    );
    expect(voteResultText({ ...tie, chairChoice: 'disagree' })).toContain('không thông qua (3 đồng ý; cần 4');
    // Recorded once, it plays no part when the counts are no longer a tie.
    expect(voteResultText({ ...tie, agree: 4, disagree: 2, chairChoice: 'disagree' })).toBe(
      'Có mặt 6/9 thành viên. Kết quả: thông qua (4 đồng ý; cần 4 — quá nửa số thành viên có mặt).',
    );
  });
});
