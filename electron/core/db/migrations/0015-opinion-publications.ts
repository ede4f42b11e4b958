import type { Migration } from '../migration.ts';

/**
 * Written opinions through the hub (issue 15): a publication is now a meeting's pack or notice
 * (names its meeting) or an opinion request or answers (names the request). SQLite cannot change a
 * CHECK in place, so the table is rebuilt with the rows it held; nothing references it.
 */
export const opinionPublications: Migration = {
  version: 15,
  name: 'opinion-publications',
  sql: `
    CREATE TABLE sync_publications_v15 (
      id          TEXT PRIMARY KEY,
      direction   TEXT NOT NULL CHECK (direction IN ('out', 'in')),
      kind        TEXT NOT NULL CHECK (kind IN ('meeting_pack', 'conclusion_notice', 'opinion_request', 'opinion_answers')),
      meeting_id  TEXT,
      request_id  TEXT,
      title       TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      payload     TEXT NOT NULL,
      state       TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'rejected', 'imported', 'waiting', 'refused')),
      message     TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      CHECK (CASE WHEN kind IN ('opinion_request', 'opinion_answers') THEN request_id IS NOT NULL AND meeting_id IS NULL
                  ELSE meeting_id IS NOT NULL AND request_id IS NULL END)
    ) STRICT;
    INSERT INTO sync_publications_v15 (id, direction, kind, meeting_id, title, sha256, file_name, payload, state, message, created_at, updated_at)
      SELECT id, direction, kind, meeting_id, title, sha256, file_name, payload, state, message, created_at, updated_at FROM sync_publications;
    DROP TABLE sync_publications;
    ALTER TABLE sync_publications_v15 RENAME TO sync_publications;
    CREATE INDEX sync_publications_state ON sync_publications (direction, state);
    CREATE INDEX sync_publications_request ON sync_publications (request_id, kind) WHERE request_id IS NOT NULL;
  `,
};
