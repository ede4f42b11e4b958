import type { Migration } from '../migration.ts';

/**
 * Members' reading: annotations on documents (geometry in PDF page space, JSON), the last reading
 * position per document, which older versions' notes were carried to a newer version, and the
 * annotation files imported (XFDF, members' signed shared notes).
 */
export const annotations: Migration = {
  version: 3,
  name: 'annotations',
  sql: `
    CREATE TABLE annotations (
      rid           INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      -- RESTRICT: deleting a document must never take someone's notes with it silently.
      document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
      page_index    INTEGER NOT NULL CHECK (page_index >= 0),
      kind          TEXT NOT NULL CHECK (kind IN ('highlight', 'underline', 'strikeout', 'ink', 'note',
                                                  'freetext', 'rectangle', 'ellipse', 'arrow')),
      geometry      TEXT NOT NULL CHECK (json_valid(geometry)),
      color         TEXT NOT NULL,
      thickness     REAL NOT NULL,
      opacity       REAL NOT NULL,
      contents      TEXT,
      quoted_text   TEXT,
      font_size     REAL,
      shared        INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
      author_id     TEXT,                   -- the profile id that wrote it (a member's, for imported notes)
      author_name   TEXT NOT NULL,
      origin        TEXT NOT NULL CHECK (origin IN ('local', 'xfdf', 'shared-import', 'carried')),
      import_id     TEXT REFERENCES annotation_imports (id) ON DELETE SET NULL,
      placement     TEXT NOT NULL DEFAULT 'placed' CHECK (placement IN ('placed', 'unplaced')),
      carried_from  TEXT,
      revision      INTEGER NOT NULL DEFAULT 1,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      deleted_at    TEXT                    -- kept so undo can bring a deleted note back
    ) STRICT;
    CREATE INDEX annotations_document ON annotations (document_id, page_index) WHERE deleted_at IS NULL;
    CREATE INDEX annotations_carried ON annotations (carried_from) WHERE carried_from IS NOT NULL;

    CREATE TABLE annotation_imports (
      id                 TEXT PRIMARY KEY,
      kind               TEXT NOT NULL CHECK (kind IN ('xfdf', 'shared')),
      document_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
      author_id          TEXT,
      author_name        TEXT NOT NULL,
      signer_fingerprint TEXT,              -- shared files only
      file_sha256        TEXT NOT NULL,
      annotation_count   INTEGER NOT NULL,
      imported_by        TEXT,
      imported_at        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX annotation_imports_document ON annotation_imports (document_id);

    -- Done-markers: the notes of from_document were carried to to_document (its newer version).
    CREATE TABLE annotation_carries (
      from_document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      to_document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      placed           INTEGER NOT NULL,
      unplaced         INTEGER NOT NULL,
      carried_at       TEXT NOT NULL,
      PRIMARY KEY (from_document_id, to_document_id)
    ) STRICT;

    CREATE TABLE reading_positions (
      document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      page_index  INTEGER NOT NULL CHECK (page_index >= 0),
      offset      REAL NOT NULL,
      zoom        TEXT NOT NULL,            -- 'page-width', 'page-fit' or a percentage
      rotation    INTEGER NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
      updated_at  TEXT NOT NULL
    ) STRICT;
  `,
};
