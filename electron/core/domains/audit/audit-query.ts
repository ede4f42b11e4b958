import type { AuditActor, AuditEntryView, AuditFilter } from '../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import type { ChainedFields } from '../../services/audit-hash.ts';

/** A stored entry as read back; `prev_hash` is only needed to verify. */
type EntryRow = Omit<ChainedFields, 'prev_hash'> & { hash: string | null };

/** The first instant of a calendar day in Vietnam (UTC+7 all year: no daylight saving). */
function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

function nextDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + 24 * 3600_000).toISOString();
}

function parseDetail(detail: string | null): Record<string, unknown> | null {
  if (detail === null) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { text: detail };
  }
}

function toView(r: EntryRow): AuditEntryView {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: parseDetail(r.detail),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    hash: r.hash ?? '',
  };
}

/** WHERE clause and parameters for a filter; every condition has an index (at, actor_id). */
function where(filter: AuditFilter | undefined): { sql: string; params: Record<string, string> } {
  const parts: string[] = ['seq IS NOT NULL'];
  const params: Record<string, string> = {};
  if (filter?.from) {
    parts.push('at >= @from');
    params.from = dayStart(filter.from);
  }
  if (filter?.to) {
    parts.push('at < @to');
    params.to = nextDayStart(filter.to);
  }
  if (filter?.actorId) {
    parts.push('actor_id = @actorId');
    params.actorId = filter.actorId;
  }
  if (filter?.action) {
    parts.push("(action = @action OR action LIKE @actionPrefix ESCAPE '\\')");
    params.action = filter.action;
    params.actionPrefix = `${filter.action.replace(/[\\%_]/g, '\\$&')}.%`;
  }
  return { sql: parts.join(' AND '), params };
}

export function createAuditQueries(db: SqliteDatabase) {
  return {
    page(filter: AuditFilter | undefined, limit: number, offset: number): { items: AuditEntryView[]; total: number } {
      const w = where(filter);
      const total = db.prepare(`SELECT count(*) FROM audit_log WHERE ${w.sql}`).pluck().get(w.params) as number;
      const rows = db
        .prepare(`SELECT * FROM audit_log WHERE ${w.sql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
        .all({ ...w.params, limit, offset }) as EntryRow[];
      return { items: rows.map(toView), total };
    },

    /** Oldest first, for an export read from start to end. */
    *all(filter: AuditFilter | undefined): Generator<AuditEntryView> {
      const w = where(filter);
      for (const row of db.prepare(`SELECT * FROM audit_log WHERE ${w.sql} ORDER BY seq`).iterate(w.params) as IterableIterator<EntryRow>) {
        yield toView(row);
      }
    },

    actors(): AuditActor[] {
      return (
        db
          .prepare(
            `SELECT actor_id AS id, (SELECT actor_name FROM audit_log l2 WHERE l2.actor_id = l.actor_id ORDER BY seq DESC LIMIT 1) AS name, count(*) AS entries
             FROM audit_log l WHERE actor_id IS NOT NULL GROUP BY actor_id ORDER BY name COLLATE NOCASE`,
          )
          .all() as AuditActor[]
      ).map((a) => ({ ...a, name: a.name ?? a.id }));
    },
  };
}
