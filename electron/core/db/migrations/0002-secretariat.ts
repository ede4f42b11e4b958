import type { Migration } from '../migration.ts';

/**
 * The secretariat's data: directory, profile, meetings, agendas, participants, the document store
 * and its search index, meeting packs. Times are UTC ISO-8601; calendar dates are `YYYY-MM-DD` in
 * Asia/Ho_Chi_Minh. Ids are UUIDv7 made here, so rows keep their ids when a pack carries them to
 * another laptop.
 */
export const secretariat: Migration = {
  version: 2,
  name: 'secretariat',
  sql: `
    -- The person using this install. One row; the private signing key lives in a file, never here.
    CREATE TABLE profile (
      id              TEXT PRIMARY KEY,
      full_name       TEXT NOT NULL,
      position        TEXT NOT NULL,
      organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
      unit_name       TEXT NOT NULL,        -- as typed, so the profile reads right before the directory exists
      work_role       TEXT NOT NULL CHECK (work_role IN ('secretariat', 'member')),
      public_key      TEXT NOT NULL,        -- Ed25519, raw 32 bytes, base64
      key_fingerprint TEXT NOT NULL,        -- first 16 bytes of SHA-256(public key), hex in groups
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE organizations (
      id         TEXT PRIMARY KEY,
      organ_code TEXT UNIQUE,               -- mã định danh, e.g. 000.00.00.H41
      name       TEXT NOT NULL,
      short_name TEXT,
      parent_id  TEXT REFERENCES organizations (id) ON DELETE RESTRICT,
      search_key TEXT NOT NULL DEFAULT '',  -- name and short name folded (no diacritics, đ→d, lower case)
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX organizations_parent ON organizations (parent_id);

    CREATE TABLE people (
      id              TEXT PRIMARY KEY,
      full_name       TEXT NOT NULL,
      position        TEXT,                 -- chức vụ
      organization_id TEXT REFERENCES organizations (id) ON DELETE RESTRICT,
      email           TEXT,
      phone           TEXT,
      search_key      TEXT NOT NULL DEFAULT '',  -- full name, position, e-mail folded like organizations.search_key
      created_by      TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX people_organization ON people (organization_id);

    CREATE TABLE committees (
      id             TEXT PRIMARY KEY,
      name           TEXT NOT NULL,
      short_name     TEXT,
      quorum_percent INTEGER NOT NULL DEFAULT 50 CHECK (quorum_percent BETWEEN 1 AND 100),
      created_by     TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE committee_members (
      id              TEXT PRIMARY KEY,
      committee_id    TEXT NOT NULL REFERENCES committees (id) ON DELETE CASCADE,
      person_id       TEXT REFERENCES people (id) ON DELETE RESTRICT,
      organization_id TEXT REFERENCES organizations (id) ON DELETE RESTRICT,
      role            TEXT NOT NULL CHECK (role IN ('head', 'deputy', 'member', 'secretary', 'standing_agency')),
      position        INTEGER NOT NULL,
      CHECK ((person_id IS NULL) <> (organization_id IS NULL))
    ) STRICT;
    CREATE INDEX committee_members_committee ON committee_members (committee_id, position);
    CREATE UNIQUE INDEX committee_members_person ON committee_members (committee_id, person_id) WHERE person_id IS NOT NULL;
    CREATE UNIQUE INDEX committee_members_org ON committee_members (committee_id, organization_id) WHERE organization_id IS NOT NULL;

    CREATE TABLE rooms (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      location   TEXT,
      capacity   INTEGER CHECK (capacity IS NULL OR capacity > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Editable lists: meeting kinds and document types. The code is the stable key rows refer to.
    CREATE TABLE catalog_items (
      catalog  TEXT NOT NULL CHECK (catalog IN ('meeting_kind', 'document_type')),
      code     TEXT NOT NULL,
      label    TEXT NOT NULL,
      position INTEGER NOT NULL,
      builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
      PRIMARY KEY (catalog, code)
    ) STRICT;
    INSERT INTO catalog_items (catalog, code, label, position, builtin) VALUES
      ('meeting_kind', 'regular', 'Thường kỳ', 1, 1),
      ('meeting_kind', 'thematic', 'Chuyên đề', 2, 1),
      ('meeting_kind', 'extraordinary', 'Đột xuất', 3, 1),
      ('document_type', 'NQ', 'Nghị quyết', 1, 1),
      ('document_type', 'QĐ', 'Quyết định', 2, 1),
      ('document_type', 'CT', 'Chỉ thị', 3, 1),
      ('document_type', 'KL', 'Kết luận', 4, 1),
      ('document_type', 'TB', 'Thông báo', 5, 1),
      ('document_type', 'KH', 'Kế hoạch', 6, 1),
      ('document_type', 'ĐA', 'Đề án', 7, 1),
      ('document_type', 'BC', 'Báo cáo', 8, 1),
      ('document_type', 'TTr', 'Tờ trình', 9, 1),
      ('document_type', 'BB', 'Biên bản', 10, 1),
      ('document_type', 'CV', 'Công văn', 11, 1),
      ('document_type', 'GM', 'Giấy mời', 12, 1),
      ('document_type', 'DT', 'Dự thảo', 13, 1),
      ('document_type', 'KHAC', 'Khác', 99, 1);

    CREATE TABLE meetings (
      id                  TEXT PRIMARY KEY,
      committee_id        TEXT NOT NULL REFERENCES committees (id) ON DELETE RESTRICT,
      kind_code           TEXT NOT NULL,
      title               TEXT NOT NULL,
      search_key          TEXT NOT NULL DEFAULT '',    -- title folded (no diacritics, đ→d, lower case); '' = not yet folded
      starts_at           TEXT NOT NULL,
      ends_at             TEXT NOT NULL CHECK (ends_at > starts_at),
      room_id             TEXT REFERENCES rooms (id) ON DELETE SET NULL,
      online              INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
      chair_person_id     TEXT REFERENCES people (id) ON DELETE SET NULL,
      secretary_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
      chairing_org_id     TEXT REFERENCES organizations (id) ON DELETE SET NULL,
      classification      TEXT NOT NULL DEFAULT 'normal'
                          CHECK (classification IN ('normal', 'confidential', 'secret', 'top_secret')),
      status              TEXT NOT NULL DEFAULT 'draft'
                          CHECK (status IN ('draft', 'published', 'in_progress', 'ended', 'archived')),
      description         TEXT,
      revision            INTEGER NOT NULL DEFAULT 0,  -- bumped by every change after publishing
      origin              TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'pack')),
      pack_revision       INTEGER,                     -- on a member's laptop: the revision of the pack imported
      cloned_from_id      TEXT,
      created_by          TEXT,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meetings_starts ON meetings (starts_at);
    CREATE INDEX meetings_status_starts ON meetings (status, starts_at);
    CREATE INDEX meetings_committee_starts ON meetings (committee_id, starts_at);
    CREATE INDEX meetings_chair_starts ON meetings (chair_person_id, starts_at);
    CREATE INDEX meetings_room_starts ON meetings (room_id, starts_at);
    CREATE INDEX meetings_chairing_org_starts ON meetings (chairing_org_id, starts_at);

    CREATE TABLE meeting_bridge_points (
      id         TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      name       TEXT NOT NULL,
      location   TEXT,
      position   INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX meeting_bridge_points_meeting ON meeting_bridge_points (meeting_id, position);

    -- What changed in a meeting after it was published, so members see "changed since your pack".
    CREATE TABLE meeting_changes (
      id         TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      revision   INTEGER NOT NULL,
      at         TEXT NOT NULL,
      by         TEXT,
      summary    TEXT NOT NULL             -- JSON: [{ field, before, after }] or a described action
    ) STRICT;
    CREATE INDEX meeting_changes_meeting ON meeting_changes (meeting_id, revision);

    CREATE TABLE agenda_items (
      id                  TEXT PRIMARY KEY,
      meeting_id          TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      parent_id           TEXT REFERENCES agenda_items (id) ON DELETE CASCADE,
      position            INTEGER NOT NULL,           -- among siblings
      title               TEXT NOT NULL,
      description         TEXT,
      presenter_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
      presenter_org_id    TEXT REFERENCES organizations (id) ON DELETE SET NULL,
      preparing_org_id    TEXT REFERENCES organizations (id) ON DELETE SET NULL,
      duration_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
      outcome             TEXT,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, parent_id, position);

    CREATE TABLE participants (
      id                  TEXT PRIMARY KEY,
      meeting_id          TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      person_id           TEXT REFERENCES people (id) ON DELETE RESTRICT,
      organization_id     TEXT REFERENCES organizations (id) ON DELETE RESTRICT,
      role                TEXT NOT NULL CHECK (role IN ('chair', 'member', 'guest', 'secretary')),
      position            INTEGER NOT NULL,
      rsvp                TEXT NOT NULL DEFAULT 'invited'
                          CHECK (rsvp IN ('invited', 'confirmed', 'declined', 'delegated')),
      rsvp_reason         TEXT,
      rsvp_delegate_id    TEXT REFERENCES people (id) ON DELETE SET NULL,
      rsvp_delegate_name  TEXT,
      attendance          TEXT CHECK (attendance IN ('present', 'late', 'absent', 'delegated')),
      absence_reason      TEXT,
      attendance_delegate TEXT,             -- who came instead (ủy quyền), as written on the day
      attendance_at       TEXT,
      CHECK ((person_id IS NULL) <> (organization_id IS NULL))
    ) STRICT;
    CREATE INDEX participants_meeting ON participants (meeting_id, position);
    CREATE UNIQUE INDEX participants_person ON participants (meeting_id, person_id) WHERE person_id IS NOT NULL;
    CREATE UNIQUE INDEX participants_org ON participants (meeting_id, organization_id) WHERE organization_id IS NOT NULL;

    -- Content-addressed files: the bytes live at blobs/<first two hex>/<rest>, named by SHA-256.
    CREATE TABLE blobs (
      sha256    TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size      INTEGER NOT NULL,
      stored_at TEXT NOT NULL
    ) STRICT;

    -- rid is the stable integer key the full-text index needs; id is the portable UUID.
    CREATE TABLE documents (
      rid                 INTEGER PRIMARY KEY,
      id                  TEXT NOT NULL UNIQUE,
      blob_sha256         TEXT NOT NULL REFERENCES blobs (sha256) ON DELETE RESTRICT,
      file_name           TEXT NOT NULL,
      kind                TEXT NOT NULL CHECK (kind IN ('pdf', 'attachment')),
      mime                TEXT NOT NULL,
      page_count          INTEGER,
      number              TEXT,             -- số
      notation            TEXT,             -- ký hiệu
      issue_date          TEXT,             -- YYYY-MM-DD
      issuer              TEXT,
      summary             TEXT,             -- trích yếu
      type_code           TEXT,
      classification      TEXT NOT NULL DEFAULT 'normal'
                          CHECK (classification IN ('normal', 'confidential', 'secret', 'top_secret')),
      urgency             TEXT NOT NULL DEFAULT 'normal'
                          CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
      previous_version_id TEXT REFERENCES documents (id) ON DELETE SET NULL,
      text_status         TEXT NOT NULL DEFAULT 'none' CHECK (text_status IN ('none', 'indexed', 'failed')),
      created_by          TEXT,
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_created ON documents (created_at);
    CREATE INDEX documents_issue_date ON documents (issue_date);
    CREATE INDEX documents_blob ON documents (blob_sha256);
    CREATE INDEX documents_previous ON documents (previous_version_id);

    CREATE TABLE document_pages (
      rid         INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      page_no     INTEGER NOT NULL,
      text        TEXT NOT NULL,
      UNIQUE (document_id, page_no)
    ) STRICT;

    -- Both indexes hold text with đ/Đ folded to d/D (unicode61 treats đ as a letter of its own);
    -- snippets are cut from the original text by the search service. The last word of a query is a
    -- prefix (results while typing); prefix indexes keep that fast for short, common syllables.
    CREATE VIRTUAL TABLE document_pages_fts USING fts5 (
      text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5 (
      title, summary, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
    );

    -- A document placed in a meeting, optionally under an agenda item. Replacing it with a newer
    -- version repoints document_id; the old document stays in the library.
    CREATE TABLE meeting_documents (
      id             TEXT PRIMARY KEY,
      meeting_id     TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      agenda_item_id TEXT REFERENCES agenda_items (id) ON DELETE CASCADE,
      document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
      position       INTEGER NOT NULL,
      attached_by    TEXT,
      attached_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meeting_documents_meeting ON meeting_documents (meeting_id, agenda_item_id, position);
    CREATE INDEX meeting_documents_document ON meeting_documents (document_id);

    -- Public keys of secretariats whose packs this member has chosen to trust.
    CREATE TABLE trusted_keys (
      fingerprint TEXT PRIMARY KEY,
      public_key  TEXT NOT NULL UNIQUE,
      label       TEXT NOT NULL,
      accepted_at TEXT NOT NULL
    ) STRICT;

    -- Every pack imported, so the next import can say what changed since.
    CREATE TABLE pack_imports (
      id           TEXT PRIMARY KEY,
      meeting_id   TEXT NOT NULL,
      revision     INTEGER NOT NULL,
      signer       TEXT NOT NULL,           -- key fingerprint
      manifest_sha TEXT NOT NULL,
      imported_at  TEXT NOT NULL,
      summary      TEXT NOT NULL            -- JSON: what changed against the previous pack
    ) STRICT;
    CREATE INDEX pack_imports_meeting ON pack_imports (meeting_id, imported_at);
  `,
};
