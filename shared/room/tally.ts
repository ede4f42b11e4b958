/**
 * Counting a vote (biểu quyết) of a Ban Chỉ đạo, shared by the room's host (which decides) and every
 * screen that shows the result, so the chair's laptop, the members' and the projector never disagree.
 */

export const ballotChoices = ['agree', 'disagree', 'other'] as const;
/** Đồng ý / không đồng ý / ý kiến khác (with its text). */
export type BallotChoice = (typeof ballotChoices)[number];

/**
 * When a motion passes, as a committee's working rules (quy chế làm việc) set it:
 *   majority_present  quá nửa số thành viên có mặt
 *   majority_all      quá nửa tổng số thành viên
 *   two_thirds_all    ít nhất hai phần ba tổng số thành viên
 */
export const passRules = ['majority_present', 'majority_all', 'two_thirds_all'] as const;
export type PassRule = (typeof passRules)[number];

export const passRuleLabels: Record<PassRule, { vi: string; en: string }> = {
  majority_present: { vi: 'Quá nửa số thành viên có mặt', en: 'More than half of the members present' },
  majority_all: { vi: 'Quá nửa tổng số thành viên', en: 'More than half of all members' },
  two_thirds_all: { vi: 'Ít nhất hai phần ba tổng số thành viên', en: 'At least two thirds of all members' },
};

export interface TallyInput {
  rule: PassRule;
  /** Members with a right to vote in this meeting (a delegate votes in place of the member they stand for). */
  eligible: number;
  /** Of those, checked in when the vote closed. */
  present: number;
  /**
   * The ballots, one per voter. `byChair` marks the chair's own ballot; a secret ballot never says it,
   * so its tie cannot be decided by the chair.
   */
  ballots: ReadonlyArray<{ choice: BallotChoice; byChair?: boolean }>;
  /**
   * 'chair': an exact tie under a majority rule follows the side the chair voted for, as many
   * committees' working rules say ("trường hợp ý kiến ngang nhau thì theo ý kiến của Trưởng ban").
   */
  tieBreak?: 'chair' | 'none';
}

export interface Tally {
  agree: number;
  disagree: number;
  other: number;
  /** Present members who did not vote: they count as not agreeing, since the rule counts members, not votes. */
  notVoting: number;
  /** The number the rule is taken of: members present, or all members. */
  base: number;
  /** Votes for needed to pass. */
  needed: number;
  passed: boolean;
  /** Whether the chair's side decided an exact tie. */
  decidedByChair: boolean;
}

function neededFor(rule: PassRule, base: number): number {
  // "Quá nửa" is strictly more than half; "hai phần ba" is at least two thirds, rounded up to a whole member.
  return rule === 'two_thirds_all' ? Math.ceil((2 * base) / 3) : Math.floor(base / 2) + 1;
}

/** Counts as a vote's record states them (typed in the minutes, or counted by the room). */
export interface VoteCounts {
  rule: PassRule;
  eligible: number;
  present: number;
  agree: number;
  disagree: number;
  other: number;
  /** The chair's choice, when the ballot was named and the working rules give a tie to the chair's side. */
  chairChoice?: BallotChoice | null;
}

const whole = (n: number) => Number.isInteger(n) && n >= 0;

/** Applies the rule to counts. Throws RangeError on counts that cannot be (more votes than members present). */
export function tallyCounts(v: VoteCounts): Tally {
  const { rule, eligible, present, agree, disagree, other } = v;
  if (![eligible, present, agree, disagree, other].every(whole) || present > eligible) {
    throw new RangeError(`present (${present}) must be a whole number between 0 and the eligible members (${eligible})`);
  }
  const voted = agree + disagree + other;
  if (voted > present) throw new RangeError(`${voted} votes from ${present} members present`);
  const base = rule === 'majority_present' ? present : eligible;
  const needed = neededFor(rule, base);
  let passed = base > 0 && agree >= needed;
  let decidedByChair = false;
  const tie = rule !== 'two_thirds_all' && base > 0 && agree * 2 === base;
  if (tie && v.chairChoice) {
    passed = v.chairChoice === 'agree';
    decidedByChair = true;
  }
  return { agree, disagree, other, notVoting: present - voted, base, needed, passed, decidedByChair };
}

/** Counts the ballots and applies the rule. Throws RangeError on counts that cannot be (more ballots than members present). */
export function tally(input: TallyInput): Tally {
  const { ballots } = input;
  if (ballots.filter((b) => b.byChair).length > 1) throw new RangeError('more than one ballot marked as the chair’s');
  const count = (choice: BallotChoice) => ballots.filter((b) => b.choice === choice).length;
  const chair = input.tieBreak === 'chair' ? ballots.find((b) => b.byChair) : undefined;
  return tallyCounts({
    rule: input.rule,
    eligible: input.eligible,
    present: input.present,
    agree: count('agree'),
    disagree: count('disagree'),
    other: count('other'),
    chairChoice: chair?.choice ?? null,
  });
}

/**
 * What a secret ballot keeps once it closes: who voted (sorted, so not even the order in which they
 * voted lines up with anything) and the counts. No structure here can tie a voter to a choice.
 */
export function secretRecord(ballots: ReadonlyArray<{ voterId: string; choice: BallotChoice; text?: string | null }>): {
  voters: string[];
  counts: Record<BallotChoice, number>;
  /** The "ý kiến khác" texts, sorted: read out without their authors. */
  otherTexts: string[];
} {
  const voters = [...new Set(ballots.map((b) => b.voterId))].sort();
  if (voters.length !== ballots.length) throw new RangeError('one voter, one ballot');
  const counts = { agree: 0, disagree: 0, other: 0 };
  for (const b of ballots) counts[b.choice] += 1;
  const otherTexts = ballots.flatMap((b) => (b.choice === 'other' && b.text ? [b.text] : [])).sort((a, b) => a.localeCompare(b, 'vi'));
  return { voters, counts, otherTexts };
}
