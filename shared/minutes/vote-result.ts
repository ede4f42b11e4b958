import { passRuleLabels, tallyCounts, type PassRule, type Tally } from '../room/tally.ts';

/** The parts of a minutes vote the result needs (the ns-vote node's fields). */
export interface VoteRecord {
  agree: number;
  disagree: number;
  other: number;
  /** How the result is decided and what it is taken of; unset in a vote that states its counts only. */
  rule?: PassRule | undefined;
  members?: number | null | undefined;
  present?: number | null | undefined;
  /** Recorded only where the committee's rules give an exact tie to the chair's side. */
  chairChoice?: 'agree' | 'disagree' | null | undefined;
}

export type VoteResult =
  | { kind: 'none' }
  | { kind: 'result'; tally: Tally; rule: PassRule; members: number; present: number; tie: boolean }
  | { kind: 'impossible'; voted: number; present: number; members: number };

/**
 * The result of a vote as the minutes record it: none until a rule and the members present are
 * given; "impossible" when the counts cannot be (more votes than members present, more present than
 * members), which the secretary is told to check rather than shown a wrong verdict.
 */
export function voteResult(v: VoteRecord): VoteResult {
  if (!v.rule || v.members == null || v.present == null) return { kind: 'none' };
  const voted = v.agree + v.disagree + v.other;
  if (v.present > v.members || voted > v.present) return { kind: 'impossible', voted, present: v.present, members: v.members };
  const tally = tallyCounts({
    rule: v.rule,
    eligible: v.members,
    present: v.present,
    agree: v.agree,
    disagree: v.disagree,
    other: v.other,
    chairChoice: v.chairChoice ?? null,
  });
  const tie = v.rule !== 'two_thirds_all' && tally.base > 0 && tally.agree * 2 === tally.base;
  return { kind: 'result', tally, rule: v.rule, members: v.members, present: v.present, tie };
}

/**
 * The sentence the minutes print under the tally, e.g. "Có mặt 11/15 thành viên. Kết quả: thông qua
 * (7 đồng ý; cần 6 — quá nửa số thành viên có mặt)." Null when there is no result to state.
 */
export function voteResultText(v: VoteRecord, lang: 'vi' | 'en' = 'vi'): string | null {
  const r = voteResult(v);
  if (r.kind !== 'result') return null;
  const { tally, members, present } = r;
  const rule = passRuleLabels[r.rule][lang];
  const ruleLower = lang === 'vi' ? rule.charAt(0).toLocaleLowerCase('vi') + rule.slice(1) : rule.charAt(0).toLowerCase() + rule.slice(1);
  if (lang === 'vi') {
    const verdict = tally.passed ? 'thông qua' : 'không thông qua';
    const tie = tally.decidedByChair ? '; số phiếu ngang nhau, theo ý kiến của người chủ trì' : '';
    return `Có mặt ${present}/${members} thành viên. Kết quả: ${verdict} (${tally.agree} đồng ý; cần ${tally.needed} — ${ruleLower}${tie}).`;
  }
  const verdict = tally.passed ? 'passed' : 'not passed';
  const tie = tally.decidedByChair ? '; an exact tie, decided by the chair’s side' : '';
  return `${present} of ${members} members present. Result: ${verdict} (${tally.agree} in favour; ${tally.needed} needed — ${ruleLower}${tie}).`;
}
