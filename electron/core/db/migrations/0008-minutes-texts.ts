import type { Migration } from '../migration.ts';

/**
 * Keeps the minutes' text out of the way of a keystroke's save. SQLite stores a row's columns in
 * order and a 100 kB text spills onto overflow pages, so a column read after the text walks every
 * one of them: the save's state read and the revision it extends each paid for the whole text.
 * The minutes row now ends with its text, and a revision's text lives in a table of its own,
 * written once when the revision is sealed; the revision row the save updates is a few hundred bytes.
 */
export const minutesTexts: Migration = {
  version: 8,
  name: 'minutes-texts',
  sql: `
    ALTER TABLE minutes RENAME COLUMN content TO content_before_0008;
    ALTER TABLE minutes ADD COLUMN content TEXT NOT NULL DEFAULT '';
    UPDATE minutes SET content = content_before_0008;
    ALTER TABLE minutes DROP COLUMN content_before_0008;

    CREATE TABLE minutes_revision_texts (
      minutes_id TEXT NOT NULL,
      revision   INTEGER NOT NULL,
      content    TEXT NOT NULL,
      UNIQUE (minutes_id, revision),
      FOREIGN KEY (minutes_id, revision) REFERENCES minutes_revisions (minutes_id, revision) ON DELETE CASCADE
    ) STRICT;
    INSERT INTO minutes_revision_texts (minutes_id, revision, content) SELECT minutes_id, revision, content FROM minutes_revisions;
    ALTER TABLE minutes_revisions DROP COLUMN content;
  `,
};
