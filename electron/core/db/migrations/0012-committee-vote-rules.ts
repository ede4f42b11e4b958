import type { Migration } from '../migration.ts';

/**
 * How a committee decides a vote, from its working rules (quy chế làm việc): more than half of the
 * members present, more than half of all members, or at least two thirds of all members; and whether
 * an exact tie goes to the side the chair voted for. A table of its own rather than columns of
 * `committees`: a committee without a row decides by the default (more than half of those present,
 * no tie-break), and the table can be dropped whole.
 */
export const committeeVoteRules: Migration = {
  version: 12,
  name: 'committee-vote-rules',
  sql: `
    CREATE TABLE committee_vote_rules (
      committee_id TEXT PRIMARY KEY REFERENCES committees (id) ON DELETE CASCADE,
      pass_rule    TEXT NOT NULL CHECK (pass_rule IN ('majority_present', 'majority_all', 'two_thirds_all')),
      tie_to_chair INTEGER NOT NULL DEFAULT 0 CHECK (tie_to_chair IN (0, 1))
    ) STRICT;
  `,
};
