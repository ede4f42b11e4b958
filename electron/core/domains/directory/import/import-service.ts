import type {
  ExportedFile,
  DirectoryImportKind,
  DirectoryImportPreview,
  DirectoryImportResult,
  MethodInput,
} from '../../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../../context.ts';
import { releaseUpload, stagedFile } from '../../../files/staging.ts';
import { createHeldPreviews } from '../../../services/held-previews.ts';
import type { ChangeWriter } from '../changes.ts';
import { organizationStatements } from '../organizations.ts';
import { personSearchKey, personStatements } from '../people.ts';
import { searchKey } from '../search.ts';
import { countActions, readSnapshot, type PlannedRow } from './plan.ts';
import { parentsFirst, planOrganizations, type OrganizationOp } from './plan-organizations.ts';
import { planPeople, type PersonOp } from './plan-people.ts';
import { readSpreadsheet } from './read-spreadsheet.ts';
import { locateTable, type ImportTable } from './table.ts';
import { writeImportTemplate } from './template.ts';

interface HeldPreview {
  kind: DirectoryImportKind;
  fileName: string;
  table: ImportTable;
}

function plan(kind: DirectoryImportKind, table: ImportTable, snapshot: ReturnType<typeof readSnapshot>): PlannedRow<OrganizationOp | PersonOp>[] {
  return kind === 'people' ? planPeople(table.records, snapshot) : planOrganizations(table.records, snapshot);
}

/**
 * Spreadsheet import in two steps. The preview reads the file and plans every row without writing
 * anything; the parsed rows wait in memory. Commit plans them again against the directory as it is
 * then, inside one transaction, and writes exactly the rows without problems — or nothing at all.
 */
export function createImportService(ctx: ServiceContext, change: ChangeWriter) {
  const previews = createHeldPreviews<HeldPreview>(ctx.now);
  const orgs = organizationStatements(ctx.db);
  const people = personStatements(ctx.db);

  function write(kind: DirectoryImportKind, op: OrganizationOp | PersonOp, now: string, createdBy: string | null): void {
    if (kind === 'organizations') {
      const { id, fields, type } = op as OrganizationOp;
      const row = { ...fields, id, searchKey: searchKey(fields.name, fields.shortName, fields.organCode), now };
      if (type === 'create') orgs.insert.run({ ...row, createdBy });
      else orgs.update.run(row);
    } else {
      const { id, fields, type } = op as PersonOp;
      const row = { ...fields, id, searchKey: personSearchKey(fields), now };
      if (type === 'create') people.insert.run({ ...row, createdBy });
      else people.update.run(row);
    }
  }

  return {
    async preview(input: MethodInput<'directory.importPreview'>): Promise<DirectoryImportPreview> {
      const file = stagedFile(ctx.paths, input.upload);
      const { fileName } = input.upload;
      let table: ImportTable;
      try {
        table = locateTable(await readSpreadsheet(file, fileName), input.kind, fileName);
      } finally {
        releaseUpload(ctx.paths, input.upload);
      }
      const rows = plan(input.kind, table, readSnapshot(ctx.db));
      const { previewId, expiresAt } = previews.hold({ kind: input.kind, fileName, table });
      return {
        previewId,
        kind: input.kind,
        fileName,
        sheetName: table.sheetName,
        columns: table.columns,
        rows: rows.map(({ op: _op, ...row }) => row),
        counts: countActions(rows),
        expiresAt,
      };
    },

    commit(input: MethodInput<'directory.importCommit'>): DirectoryImportResult {
      const preview = previews.get(input.previewId);
      const result = change('directory', (audit) => {
        const rows = plan(preview.kind, preview.table, readSnapshot(ctx.db));
        const counts = countActions(rows);
        const ops = rows.flatMap((r) => (r.op ? [r.op] : []));
        const ordered = preview.kind === 'organizations' ? parentsFirst(ops as OrganizationOp[]) : ops;
        const now = ctx.now().toISOString();
        const createdBy = ctx.actorId();
        for (const op of ordered) write(preview.kind, op, now, createdBy);
        const result: DirectoryImportResult = {
          kind: preview.kind,
          created: counts.create,
          updated: counts.update,
          unchanged: counts.unchanged,
          skipped: counts.skip,
        };
        audit({
          action: 'directory.import',
          entity: preview.kind === 'people' ? 'person' : 'organization',
          detail: { fileName: preview.fileName, ...result },
        });
        return result;
      });
      previews.drop(input.previewId);
      return result;
    },

    cancel(input: MethodInput<'directory.importCancel'>): { previewId: string } {
      // Cancelling twice, or after expiry, leaves the same outcome: nothing imported.
      previews.drop(input.previewId);
      return { previewId: input.previewId };
    },

    template(input: MethodInput<'directory.importTemplate'>): Promise<ExportedFile> {
      return writeImportTemplate(ctx.paths, input.kind);
    },

    close(): void {
      previews.clear();
    },
  };
}
