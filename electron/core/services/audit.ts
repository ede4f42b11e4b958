import { v7 as uuidv7 } from 'uuid';
import type { SqliteDatabase } from '../runtime.ts';
import { auditHash, GENESIS_HASH, type ChainedFields } from './audit-hash.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string;
  detail?: Record<string, unknown>;
}

interface Actor {
  id: string;
  name: string;
}

/**
 * Records a change; call inside the transaction that makes the change so both land or neither. Each
 * entry is chained to the one before (see audit-hash.ts); the unique index on `seq` makes two writers
 * that read the same head fail rather than fork the chain.
 */
export function createAuditLog(db: SqliteDatabase) {
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, id, at, action, entity, entity_id, detail, actor_id, actor_name, prev_hash, hash)
     VALUES (@seq, @id, @at, @action, @entity, @entity_id, @detail, @actor_id, @actor_name, @prev_hash, @hash)`,
  );
  const head = db.prepare('SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1');
  const profile = db.prepare(`SELECT id, full_name || CASE WHEN position <> '' THEN ', ' || position ELSE '' END AS name FROM profile LIMIT 1`);

  function append(fields: Omit<ChainedFields, 'seq' | 'prev_hash'>): void {
    const last = head.get() as { seq: number; hash: string | null } | undefined;
    const chained: ChainedFields = { ...fields, seq: (last?.seq ?? 0) + 1, prev_hash: last?.hash ?? GENESIS_HASH };
    insert.run({ ...chained, hash: auditHash(chained) });
  }

  return {
    record(entry: AuditEntry, at = new Date()): void {
      const actor = profile.get() as Actor | undefined;
      const fields = {
        // uuid keeps v7 ids strictly increasing within a millisecond only when it picks the time
        // itself; ids ordered like the changes they record matter more than the id's timestamp.
        id: uuidv7(),
        at: at.toISOString(),
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId ?? null,
        detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
        actor_id: actor?.id ?? null,
        actor_name: actor?.name ?? null,
      };
      if (db.inTransaction) append(fields);
      else db.transaction(append).immediate(fields);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;

/**
 * Entries written before the chain existed (migration 0004 numbered them) are sealed once, in order,
 * so the chain covers the whole log from its first entry.
 */
export function sealUnchainedEntries(db: SqliteDatabase): number {
  const pending = db.prepare('SELECT 1 FROM audit_log WHERE hash IS NULL LIMIT 1').pluck();
  if (!pending.get()) return 0;
  return db
    .transaction(() => {
      const rows = db
        .prepare('SELECT seq, id, at, action, entity, entity_id, detail, actor_id, actor_name FROM audit_log WHERE seq IS NOT NULL ORDER BY seq')
        .all() as Omit<ChainedFields, 'prev_hash'>[];
      const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ? AND hash IS NULL');
      const stored = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
      let prev = GENESIS_HASH;
      let sealed = 0;
      for (const row of rows) {
        const existing = stored.get(row.seq) as string | null;
        if (existing) {
          prev = existing;
          continue;
        }
        const hash = auditHash({ ...row, prev_hash: prev });
        sealed += update.run(prev, hash, row.seq).changes;
        prev = hash;
      }
      return sealed;
    })
    .immediate();
}
