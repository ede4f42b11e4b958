import type { Migration } from '../migration.ts';

/**
 * Action plans (kế hoạch / chương trình hành động) with their targets (chỉ tiêu), for the reporting
 * subsystem. A plan is a tree of groups holding targets; a target has a goal per period (year
 * "2026", quarter "2026-Q1", month "2026-03") and the values its owning unit reported.
 *
 * `target_actuals` is append-only history: a correction is a new row, and the value "as of" a date is
 * the newest row reported by then, so a report made today for last quarter shows what was known at
 * its cut-off. Thresholds are percentages of attainment: at or above `met_percent` a target is đạt,
 * at or above `near_percent` gần đạt, below it không đạt.
 *
 * `plan_tasks` puts tasks (nhiệm vụ) in the tree beside the targets: a link row, not a column of
 * `tasks`, so the tasks table, its sync and its history stay as they were, and a task belongs to at
 * most one group of one plan (the primary key). Deleting the task or the group drops the link.
 */
export const plans: Migration = {
  version: 11,
  name: 'plans',
  sql: `
    CREATE TABLE action_plans (
      id           TEXT PRIMARY KEY,
      committee_id TEXT REFERENCES committees (id),
      title        TEXT NOT NULL,
      code         TEXT,
      year_from    INTEGER NOT NULL,
      year_to      INTEGER NOT NULL CHECK (year_to >= year_from),
      near_percent REAL NOT NULL DEFAULT 80 CHECK (near_percent > 0),
      met_percent  REAL NOT NULL DEFAULT 100 CHECK (met_percent >= near_percent),
      source_file  TEXT,
      created_at   TEXT NOT NULL,
      created_by   TEXT,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX action_plans_committee ON action_plans (committee_id);

    CREATE TABLE plan_groups (
      id        TEXT PRIMARY KEY,
      plan_id   TEXT NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
      parent_id TEXT REFERENCES plan_groups (id) ON DELETE CASCADE,
      code      TEXT,
      title     TEXT NOT NULL,
      position  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX plan_groups_plan ON plan_groups (plan_id, position);

    CREATE TABLE plan_targets (
      id           TEXT PRIMARY KEY,
      plan_id      TEXT NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
      group_id     TEXT REFERENCES plan_groups (id) ON DELETE SET NULL,
      code         TEXT,
      name         TEXT NOT NULL,
      measure      TEXT NOT NULL,
      owner_org_id TEXT REFERENCES organizations (id),
      direction    TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
      source       TEXT,
      position     INTEGER NOT NULL,
      search_key   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX plan_targets_plan ON plan_targets (plan_id, position);
    CREATE INDEX plan_targets_owner ON plan_targets (owner_org_id);

    CREATE TABLE target_goals (
      target_id TEXT NOT NULL REFERENCES plan_targets (id) ON DELETE CASCADE,
      period    TEXT NOT NULL,
      value     REAL NOT NULL,
      PRIMARY KEY (target_id, period)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE target_actuals (
      id                   TEXT PRIMARY KEY,
      target_id            TEXT NOT NULL REFERENCES plan_targets (id) ON DELETE CASCADE,
      period               TEXT NOT NULL,
      value                REAL NOT NULL,
      note                 TEXT,
      evidence_document_id TEXT REFERENCES documents (id),
      reported_at          TEXT NOT NULL,
      -- The profile that reported and its name and position as they were then (a later rename does
      -- not rewrite history), like task events.
      reported_by          TEXT,
      reporter_name        TEXT
    ) STRICT;
    CREATE INDEX target_actuals_period ON target_actuals (target_id, period, reported_at);

    CREATE TABLE plan_tasks (
      task_id   TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
      group_id  TEXT NOT NULL REFERENCES plan_groups (id) ON DELETE CASCADE,
      linked_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX plan_tasks_group ON plan_tasks (group_id);
  `,
};
