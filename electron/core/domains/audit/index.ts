import type { AuditFilter, auditMethods, MethodInput } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import { writeExport } from '../../files/exports.ts';
import { refuseOverwrite, writeUserFile } from '../../files/user-file.ts';
import type { Domain } from '../domain.ts';
import { createAuditQueries } from './audit-query.ts';
import { auditXlsx } from './audit-xlsx.ts';
import { verifyAuditChain } from './verify-chain.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The audit log read back: list and filter, verify the hash chain, export for an inspector. */
export function createAuditDomain(ctx: ServiceContext) {
  const queries = createAuditQueries(ctx.db);
  const actorName = ctx.db.prepare('SELECT actor_name FROM audit_log WHERE actor_id = ? ORDER BY seq DESC LIMIT 1').pluck();
  const profileName = ctx.db.prepare('SELECT full_name FROM profile LIMIT 1').pluck();

  /** Builds the workbook; the export itself is a recorded act, written after the file is made. */
  async function workbook(filter: AuditFilter | undefined) {
    const verification = verifyAuditChain(ctx.db, ctx.now());
    const built = await auditXlsx(queries.all(filter), {
      filter,
      actorName: filter?.actorId ? ((actorName.get(filter.actorId) as string | undefined) ?? filter.actorId) : null,
      verification,
      exportedBy: (profileName.get() as string | undefined) ?? null,
      exportedAt: ctx.now(),
    });
    return { ...built, verification };
  }

  function recordExport(filter: AuditFilter | undefined, rows: number): void {
    ctx.audit.record({ action: 'audit.export', entity: 'audit_log', detail: { filter: filter ?? {}, rows } });
  }

  const handlers: DomainHandlers<typeof auditMethods> = {
    'audit.list': ({ filter, limit, offset }: MethodInput<'audit.list'>) => queries.page(filter, limit ?? 100, offset ?? 0),
    'audit.actors': () => queries.actors(),
    'audit.verify': () => verifyAuditChain(ctx.db, ctx.now()),
    'audit.export': async ({ filter }: MethodInput<'audit.export'>) => {
      const { buffer, rows } = await workbook(filter);
      const day = ctx.now().toISOString().slice(0, 10);
      const file = await writeExport(ctx.paths, `nhat-ky-hoat-dong-${day}.xlsx`, XLSX_MIME, buffer);
      recordExport(filter, rows);
      return file;
    },
    'audit.exportFile': async ({ filter, file, overwrite }: MethodInput<'audit.exportFile'>) => {
      refuseOverwrite(file, overwrite);
      const { buffer, rows, verification } = await workbook(filter);
      const bytes = writeUserFile(file, overwrite, buffer);
      recordExport(filter, rows);
      return { file, entries: rows, bytes, verification };
    },
  };
  return { handlers } satisfies Domain;
}
