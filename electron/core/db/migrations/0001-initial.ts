import type { Migration } from '../migration.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL,           -- JSON, validated against the setting's schema on read and write
      updated_at TEXT NOT NULL            -- UTC ISO-8601
    ) STRICT;

    -- Who changed what and when: a secretariat must be able to account for every change.
    CREATE TABLE audit_log (
      id        TEXT PRIMARY KEY,         -- UUIDv7, sortable by time
      at        TEXT NOT NULL,            -- UTC ISO-8601
      action    TEXT NOT NULL,
      entity    TEXT NOT NULL,
      entity_id TEXT,
      detail    TEXT                      -- JSON; never secrets or document contents
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
  `,
};
