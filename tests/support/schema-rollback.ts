import type BetterSqlite3 from 'better-sqlite3';

/**
 * The tables each migration created, newest last. A test that rebuilds an older database drops
 * what came after the version it stands for, so a later migration does not break it.
 */
const tablesCreatedBy: Record<number, readonly string[]> = {
  5: ['key_trust'],
  6: ['minutes', 'minutes_revisions', 'minutes_conclusions'],
  7: ['notices'],
  8: ['minutes_revision_texts'],
  9: ['tasks', 'task_coordinators', 'task_events', 'task_extensions', 'calendar_days'],
  10: ['sync_outbox', 'sync_remote', 'sync_conflicts', 'sync_files', 'sync_publications', 'sync_state'],
  11: ['action_plans', 'plan_groups', 'plan_targets', 'target_goals', 'target_actuals', 'plan_tasks'],
  12: ['committee_vote_rules'],
  13: ['live_rooms', 'live_room_events', 'live_room_ballots', 'live_room_seen', 'live_room_records', 'live_room_pins'],
  14: ['opinion_requests', 'opinion_questions', 'opinion_recipients', 'opinion_documents', 'opinion_own_answers', 'opinion_replies', 'opinion_reply_answers', 'opinion_reminders'],
};

/** Drops the tables of every migration after `version` (children first) and sets the version. */
export function dropTablesAfter(db: BetterSqlite3.Database, version: number): void {
  const versions = Object.keys(tablesCreatedBy).map(Number).filter((v) => v > version).sort((a, b) => b - a);
  for (const v of versions) {
    for (const table of [...tablesCreatedBy[v]!].reverse()) db.exec(`DROP TABLE ${table}`);
  }
  db.pragma(`user_version = ${version}`);
}
