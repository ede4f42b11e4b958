import type { Migration } from '../migration.ts';

/**
 * Lấy ý kiến bằng văn bản (written opinions, issue 15). One set of tables serves both laptops:
 * the secretariat's requests ('local') with the answers members sent back, and a member's
 * received requests ('received') with the member's own answers.
 *
 * A received request names its committee and its recipients by id and keeps their names as the
 * file gave them: the member's directory need not hold them (no foreign key to committees or
 * people). Its documents are real rows of the document store (the file carries them), so
 * `opinion_documents` does reference `documents`.
 *
 * `opinion_replies` holds the answers in force per member: a newer answers file (higher
 * `sequence`, signed by the member) replaces the row and its answers; the audit log keeps that it
 * happened. `late` is decided once, at import, from the signed time against the deadline.
 */
export const writtenOpinions: Migration = {
  version: 14,
  name: 'written-opinions',
  sql: `
    CREATE TABLE opinion_requests (
      id                 TEXT PRIMARY KEY,
      origin             TEXT NOT NULL CHECK (origin IN ('local', 'received')),
      committee_id       TEXT NOT NULL,
      committee_name     TEXT NOT NULL,
      title              TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      body               TEXT,
      deadline           TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      -- A received request: the secretariat key that signed it, and the request file imported last.
      signer_key         TEXT,
      signer_fingerprint TEXT,
      signer_label       TEXT,
      file_sha256        TEXT,
      -- A received request: how many answers files this laptop signed (the next one carries this + 1).
      answers_sequence   INTEGER NOT NULL DEFAULT 0 CHECK (answers_sequence >= 0),
      created_by         TEXT,
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      CHECK ((origin = 'received') = (signer_key IS NOT NULL AND signer_fingerprint IS NOT NULL AND file_sha256 IS NOT NULL)),
      CHECK (origin = 'received' OR answers_sequence = 0)
    ) STRICT;
    CREATE INDEX opinion_requests_committee ON opinion_requests (committee_id, created_at);

    CREATE TABLE opinion_questions (
      id         TEXT PRIMARY KEY,
      request_id TEXT NOT NULL REFERENCES opinion_requests (id) ON DELETE CASCADE,
      position   INTEGER NOT NULL CHECK (position >= 0),
      text       TEXT NOT NULL CHECK (length(text) >= 1),
      UNIQUE (request_id, position)
    ) STRICT;

    CREATE TABLE opinion_recipients (
      request_id     TEXT NOT NULL REFERENCES opinion_requests (id) ON DELETE CASCADE,
      person_id      TEXT NOT NULL,
      full_name      TEXT NOT NULL,
      position_title TEXT,
      ordinal        INTEGER NOT NULL CHECK (ordinal >= 0),
      PRIMARY KEY (request_id, person_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE opinion_documents (
      request_id  TEXT NOT NULL REFERENCES opinion_requests (id) ON DELETE CASCADE,
      document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
      position    INTEGER NOT NULL CHECK (position >= 0),
      PRIMARY KEY (request_id, document_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX opinion_documents_document ON opinion_documents (document_id);

    -- A member's own answers to a received request, sent with the next answers file.
    CREATE TABLE opinion_own_answers (
      request_id  TEXT NOT NULL REFERENCES opinion_requests (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL REFERENCES opinion_questions (id) ON DELETE CASCADE,
      choice      TEXT NOT NULL CHECK (choice IN ('agree', 'disagree', 'other')),
      text        TEXT,
      answered_at TEXT NOT NULL,
      PRIMARY KEY (request_id, question_id),
      CHECK (choice <> 'other' OR text IS NOT NULL)
    ) STRICT, WITHOUT ROWID;

    -- The secretariat: the answers file in force per member of a request made here.
    CREATE TABLE opinion_replies (
      id                 TEXT PRIMARY KEY,
      request_id         TEXT NOT NULL REFERENCES opinion_requests (id) ON DELETE CASCADE,
      person_id          TEXT NOT NULL,
      person_name        TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      sequence           INTEGER NOT NULL CHECK (sequence >= 1),
      signed_at          TEXT NOT NULL,
      file_sha256        TEXT NOT NULL,
      late               INTEGER NOT NULL CHECK (late IN (0, 1)),
      imported_by        TEXT,
      imported_at        TEXT NOT NULL,
      UNIQUE (request_id, person_id),
      FOREIGN KEY (request_id, person_id) REFERENCES opinion_recipients (request_id, person_id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE opinion_reply_answers (
      reply_id    TEXT NOT NULL REFERENCES opinion_replies (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL REFERENCES opinion_questions (id) ON DELETE CASCADE,
      choice      TEXT NOT NULL CHECK (choice IN ('agree', 'disagree', 'other')),
      text        TEXT,
      PRIMARY KEY (reply_id, question_id),
      CHECK (choice <> 'other' OR text IS NOT NULL)
    ) STRICT, WITHOUT ROWID;

    -- Each đôn đốc: who had not answered then (a JSON array of person ids).
    CREATE TABLE opinion_reminders (
      id          TEXT PRIMARY KEY,
      request_id  TEXT NOT NULL REFERENCES opinion_requests (id) ON DELETE CASCADE,
      person_ids  TEXT NOT NULL CHECK (json_valid(person_ids) AND json_type(person_ids) = 'array'),
      reminded_by TEXT,
      reminded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX opinion_reminders_request ON opinion_reminders (request_id, reminded_at);
  `,
};
