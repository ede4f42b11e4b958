import type { DataArea } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { AuditEntry } from '../../services/audit.ts';

/**
 * Every directory change goes through here: the rows and their audit entry in one immediate
 * transaction, then one `data.changed` so every open screen refreshes. The event waits for the
 * commit, so a client that reloads on it always reads the new rows.
 */
export function createChangeWriter(ctx: ServiceContext) {
  return function change<T>(area: DataArea, work: (audit: (entry: AuditEntry) => void) => T, idOf?: (result: T) => string | undefined): T {
    const result = ctx.db
      .transaction(() => work((entry) => ctx.audit.record(entry, ctx.now())))
      .immediate();
    const id = idOf?.(result);
    ctx.events.emit('data.changed', id === undefined ? { area } : { area, id });
    return result;
  };
}

export type ChangeWriter = ReturnType<typeof createChangeWriter>;
