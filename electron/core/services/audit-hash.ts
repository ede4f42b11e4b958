import { createHash } from 'node:crypto';

/** What an audit entry's hash covers: every stored field but the hash itself. */
export interface ChainedFields {
  seq: number;
  id: string;
  at: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
  actor_id: string | null;
  actor_name: string | null;
  prev_hash: string;
}

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over a JSON array of the fields in a fixed order: unambiguous (no separator can be forged
 * inside a field) and the same in any language that re-checks an exported log.
 */
export function auditHash(f: ChainedFields): string {
  const canonical = JSON.stringify([f.seq, f.id, f.at, f.action, f.entity, f.entity_id, f.detail, f.actor_id, f.actor_name, f.prev_hash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
