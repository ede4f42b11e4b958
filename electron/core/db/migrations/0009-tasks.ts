import type { Migration } from '../migration.ts';

/**
 * Chỉ đạo điều hành: tasks (nhiệm vụ) from conclusions, documents or given directly; their
 * coordinating units, history (progress, completion, returns, reminders), extension requests, and
 * the administrator's changes to the working calendar.
 *
 * Dates a person decides (ngày giao, hạn, ngày hoàn thành) are calendar dates in Việt Nam
 * (`YYYY-MM-DD`), so the timeliness buckets compare strings and never depend on a clock zone.
 * `judged_by` is the deadline timeliness is judged against: the first one, or the date of an
 * extension asked in time and approved; `due_date` is the one in force.
 */
export const tasks: Migration = {
  version: 9,
  name: 'tasks',
  sql: `
    CREATE TABLE tasks (
      id               TEXT PRIMARY KEY,
      content          TEXT NOT NULL,
      expected_result  TEXT,
      source_kind      TEXT NOT NULL CHECK (source_kind IN ('direct', 'conclusion', 'document')),
      meeting_id       TEXT REFERENCES meetings (id) ON DELETE SET NULL,
      agenda_item_id   TEXT,
      conclusion_id    TEXT UNIQUE,
      document_id      TEXT REFERENCES documents (id) ON DELETE SET NULL,
      committee_id     TEXT REFERENCES committees (id) ON DELETE SET NULL,
      lead_unit_id     TEXT NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      person_in_charge TEXT,
      supervisor_id    TEXT REFERENCES people (id) ON DELETE SET NULL,
      assigned_on      TEXT NOT NULL,
      deadline_kind    TEXT NOT NULL CHECK (deadline_kind IN ('date', 'working_days', 'ongoing')),
      working_days     INTEGER,
      review           TEXT CHECK (review IN ('week', 'month', 'quarter', 'year')),
      original_deadline TEXT,
      due_date         TEXT,
      judged_by        TEXT,
      urgency          TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
      classification   TEXT NOT NULL CHECK (classification IN ('normal', 'confidential', 'secret', 'top_secret')),
      status           TEXT NOT NULL CHECK (status IN ('assigned', 'in_progress', 'done_requested', 'done', 'returned', 'paused', 'cancelled')),
      percent          INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
      completed_on     TEXT,
      status_reason    TEXT,
      tags             TEXT NOT NULL DEFAULT '[]',
      search_key       TEXT NOT NULL DEFAULT '',
      version          INTEGER NOT NULL DEFAULT 1,
      created_at       TEXT NOT NULL,
      created_by       TEXT,
      updated_at       TEXT NOT NULL,
      CHECK ((deadline_kind = 'ongoing') = (due_date IS NULL)),
      CHECK (due_date IS NULL OR due_date >= assigned_on),
      CHECK ((deadline_kind = 'working_days') = (working_days IS NOT NULL)),
      CHECK (status NOT IN ('done_requested', 'done') OR completed_on IS NOT NULL)
    ) STRICT;
    -- Every column the timeliness buckets read, so the dashboard's counts and the list's keys come
    -- from this narrow index instead of the wide rows (30,000 tasks: 3.6 MB against 28 MB).
    CREATE INDEX tasks_timeliness ON tasks (lead_unit_id, status, assigned_on, completed_on, judged_by, due_date, created_at);
    CREATE INDEX tasks_meeting ON tasks (meeting_id);
    CREATE INDEX tasks_committee ON tasks (committee_id, status);

    CREATE TABLE task_coordinators (
      task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      unit_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      PRIMARY KEY (task_id, unit_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX task_coordinators_unit ON task_coordinators (unit_id);

    CREATE TABLE task_events (
      id         TEXT PRIMARY KEY,
      task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      kind       TEXT NOT NULL,
      at         TEXT NOT NULL,
      actor_id   TEXT,
      actor_name TEXT,
      percent    INTEGER,
      text       TEXT,
      documents  TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE INDEX task_events_task ON task_events (task_id, at);

    CREATE TABLE task_extensions (
      id           TEXT PRIMARY KEY,
      task_id      TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      requested_at TEXT NOT NULL,
      requested_on TEXT NOT NULL,
      from_date    TEXT,
      to_date      TEXT NOT NULL,
      reason       TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
      decided_at   TEXT,
      decided_by   TEXT,
      note         TEXT
    ) STRICT;
    CREATE INDEX task_extensions_task ON task_extensions (task_id);
    CREATE INDEX task_extensions_pending ON task_extensions (status) WHERE status = 'pending';

    CREATE TABLE calendar_days (
      date       TEXT PRIMARY KEY,
      kind       TEXT NOT NULL CHECK (kind IN ('off', 'work')),
      note       TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT
    ) STRICT, WITHOUT ROWID;
  `,
};
