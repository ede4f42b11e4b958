import { v7 as uuidv7 } from 'uuid';
import type { SqliteDatabase } from '../runtime.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string;
  detail?: Record<string, unknown>;
}

/** Records a change; call inside the transaction that makes the change so both land or neither. */
export function createAuditLog(db: SqliteDatabase) {
  const insert = db.prepare(
    'INSERT INTO audit_log (id, at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    record(entry: AuditEntry, at = new Date()): void {
      insert.run(
        // uuid keeps v7 ids strictly increasing within a millisecond only when it picks the time
        // itself; ids ordered like the changes they record matter more than the id's timestamp.
        uuidv7(),
        at.toISOString(),
        entry.action,
        entry.entity,
        entry.entityId ?? null,
        entry.detail === undefined ? null : JSON.stringify(entry.detail),
      );
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
