import type { Migration } from '../migration.ts';

/**
 * The Thông báo kết luận as its own document: one per meeting, generated from the minutes'
 * conclusions and edited before issue. Its text is Lexical JSON like the minutes'; number, Nơi
 * nhận and signer are columns, because the export and the issue check read them.
 */
export const notices: Migration = {
  version: 7,
  name: 'notices',
  sql: `
    CREATE TABLE notices (
      id              TEXT PRIMARY KEY,
      meeting_id      TEXT NOT NULL UNIQUE REFERENCES meetings (id) ON DELETE CASCADE,
      content         TEXT NOT NULL,
      number          TEXT,
      recipients      TEXT NOT NULL DEFAULT '[]',
      signer_titles   TEXT NOT NULL,
      signer_name     TEXT,
      version         INTEGER NOT NULL,
      status          TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
      issued_at       TEXT,
      issued_by       TEXT,
      issued_by_name  TEXT,
      issued_sha256   TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      updated_by      TEXT,
      updated_by_name TEXT,
      CHECK ((status = 'issued') = (issued_sha256 IS NOT NULL)),
      CHECK (status = 'draft' OR number IS NOT NULL)
    ) STRICT;
  `,
};
