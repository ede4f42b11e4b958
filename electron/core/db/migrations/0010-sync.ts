import type { Migration } from '../migration.ts';

/**
 * Liên thông with the provincial operations system: the outbox every change that must travel is
 * written to in the same transaction as the change, what the hub last said about each shared task,
 * the conflicts waiting for a person, and the feed cursor. Credentials are never here (the OS
 * keychain, or a 0600 file for the command line).
 *
 * `tasks.assigner_unit` is the mã định danh of the unit that gave a task received from the hub
 * (null for tasks given on this laptop); `tasks.source_label` describes where such a task came from.
 */
export const sync: Migration = {
  version: 10,
  name: 'sync',
  sql: `
    ALTER TABLE tasks ADD COLUMN assigner_unit TEXT;
    ALTER TABLE tasks ADD COLUMN source_label TEXT;

    -- AUTOINCREMENT: a sequence number is never reused, even after the rows before it are sent and
    -- deleted, so the hub's per-installation sequence only grows.
    CREATE TABLE sync_outbox (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id      TEXT NOT NULL UNIQUE,
      type       TEXT NOT NULL CHECK (type IN ('assignment', 'event')),
      task_id    TEXT NOT NULL,
      event_id   TEXT,
      payload    TEXT NOT NULL,
      created_at TEXT NOT NULL,
      state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'conflict', 'rejected')),
      attempts   INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      CHECK ((type = 'event') = (event_id IS NOT NULL))
    ) STRICT;
    CREATE INDEX sync_outbox_task ON sync_outbox (task_id, seq);
    CREATE INDEX sync_outbox_state ON sync_outbox (state, seq);

    CREATE TABLE sync_remote (
      task_id        TEXT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
      assigner_unit  TEXT NOT NULL,
      version        INTEGER NOT NULL,
      fields_version INTEGER NOT NULL,
      position       INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sync_conflicts (
      id          TEXT PRIMARY KEY,
      task_id     TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      op_seq      INTEGER NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('fields', 'event')),
      status      INTEGER NOT NULL,
      message     TEXT NOT NULL,
      local       TEXT NOT NULL,
      remote      TEXT,
      detected_at TEXT NOT NULL,
      resolved_at TEXT,
      resolution  TEXT CHECK (resolution IN ('mine', 'theirs'))
    ) STRICT;
    CREATE INDEX sync_conflicts_open ON sync_conflicts (task_id) WHERE resolved_at IS NULL;

    -- Files the hub is known to hold, so an evidence PDF is uploaded once.
    CREATE TABLE sync_files (
      sha256      TEXT PRIMARY KEY,
      uploaded_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Meeting packs and notices published through the hub ('out', from the secretariat) or
    -- received from it ('in'); the files themselves are in <data>/sync-files/<sha256>.
    CREATE TABLE sync_publications (
      id          TEXT PRIMARY KEY,
      direction   TEXT NOT NULL CHECK (direction IN ('out', 'in')),
      kind        TEXT NOT NULL CHECK (kind IN ('meeting_pack', 'conclusion_notice')),
      meeting_id  TEXT NOT NULL,
      title       TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      payload     TEXT NOT NULL,
      state       TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'rejected', 'imported', 'waiting', 'refused')),
      message     TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sync_publications_state ON sync_publications (direction, state);

    CREATE TABLE sync_state (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
