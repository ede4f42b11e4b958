import type { Migration } from '../migration.ts';

/**
 * Minutes (biên bản): one per meeting, the Lexical JSON the editor saves, its revisions and the
 * conclusions read out of it. Conclusions are an index rebuilt on every save; their ids are the ids
 * of the conclusion nodes, so they stay the same across edits (tasks point at them).
 */
export const minutes: Migration = {
  version: 6,
  name: 'minutes',
  sql: `
    CREATE TABLE minutes (
      id               TEXT PRIMARY KEY,
      meeting_id       TEXT NOT NULL UNIQUE REFERENCES meetings (id) ON DELETE CASCADE,
      content          TEXT NOT NULL,
      content_sha256   TEXT NOT NULL,
      version          INTEGER NOT NULL,
      status           TEXT NOT NULL CHECK (status IN ('draft', 'final')),
      finalized_at     TEXT,
      finalized_by     TEXT,
      finalized_by_name TEXT,
      final_sha256     TEXT,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      updated_by       TEXT,
      updated_by_name  TEXT,
      CHECK ((status = 'final') = (final_sha256 IS NOT NULL))
    ) STRICT;

    CREATE TABLE minutes_revisions (
      minutes_id     TEXT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
      revision       INTEGER NOT NULL,
      kind           TEXT NOT NULL CHECK (kind IN ('prefill', 'edit', 'refresh', 'restore', 'finalize', 'reopen')),
      content        TEXT NOT NULL,
      content_sha256 TEXT NOT NULL,
      author_id      TEXT,
      author_name    TEXT,
      started_at     TEXT NOT NULL,
      saved_at       TEXT NOT NULL,
      note           TEXT,
      PRIMARY KEY (minutes_id, revision)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE minutes_conclusions (
      id                    TEXT PRIMARY KEY,
      minutes_id            TEXT NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
      meeting_id            TEXT NOT NULL,
      agenda_item_id        TEXT,
      ordinal               INTEGER NOT NULL,
      text                  TEXT NOT NULL,
      lead_unit_id          TEXT,
      coordinating_unit_ids TEXT NOT NULL DEFAULT '[]',
      deadline              TEXT
    ) STRICT;
    CREATE INDEX minutes_conclusions_meeting ON minutes_conclusions (meeting_id, ordinal);
  `,
};
