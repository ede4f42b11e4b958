import type { Migration } from '../migration.ts';

/**
 * The audit log becomes a hash chain. `seq` numbers entries from 1 with no gaps; each entry's `hash`
 * covers its own fields and `prev_hash`, the hash of the entry before. Rows written before this
 * migration get their `seq` here (ids are UUIDv7, written in order) and are sealed by the core at
 * start (SQLite has no SHA-256), which the partial index finds without a scan.
 */
export const auditChain: Migration = {
  version: 4,
  name: 'audit-chain',
  sql: `
    ALTER TABLE audit_log ADD COLUMN seq INTEGER;
    ALTER TABLE audit_log ADD COLUMN actor_id TEXT;     -- profile id of who did it; null for the app itself
    ALTER TABLE audit_log ADD COLUMN actor_name TEXT;   -- as the profile read then
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    UPDATE audit_log SET seq = ranked.n
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM audit_log) AS ranked
      WHERE ranked.id = audit_log.id;
    CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
    CREATE INDEX audit_log_unsealed ON audit_log (seq) WHERE hash IS NULL;
  `,
};
