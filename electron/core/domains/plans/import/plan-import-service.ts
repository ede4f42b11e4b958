import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportedFile, PlanImportFileResult, PlanImportPreview, PlanImportResult, PlansInput } from '../../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../../context.ts';
import { CoreError } from '../../../errors.ts';
import { releaseUpload, stagedFile } from '../../../files/staging.ts';
import { createHeldPreviews } from '../../../services/held-previews.ts';
import { readSpreadsheet } from '../../directory/import/read-spreadsheet.ts';
import { locatePlanTable, type PlanTable } from './locate-plan-table.ts';
import { countPlanRows, planRows, type PlannedPlanRow } from './plan-rows.ts';
import { readPlanSnapshot, type PlanSnapshot } from './plan-snapshot.ts';
import { writePlanTemplate } from './template.ts';
import { writePlan } from './write-plan.ts';

interface ImportTarget {
  committeeId: string | null;
  planId: string | null;
}

interface HeldPreview extends ImportTarget {
  fileName: string;
  table: PlanTable;
}

type PreviewBody = Omit<PlanImportPreview, 'previewId' | 'expiresAt'>;

function previewBody(fileName: string, table: PlanTable, target: ImportTarget, snapshot: PlanSnapshot, rows: PlannedPlanRow[]): PreviewBody {
  const plan = snapshot.plan;
  return {
    fileName,
    sheetName: table.sheetName,
    title: plan?.title ?? table.title,
    planId: plan?.id ?? null,
    committeeId: plan ? plan.committeeId : target.committeeId,
    periods: table.periods,
    yearFrom: plan?.yearFrom ?? table.yearFrom,
    yearTo: plan?.yearTo ?? table.yearTo,
    rows: rows.map(({ op: _op, ...row }) => row),
    counts: countPlanRows(rows),
  };
}

/**
 * A plan of targets imported from a spreadsheet, in two steps like the staff-list import. The
 * preview reads the file and plans every row without writing anything; the parsed table waits in
 * memory. Commit plans it again against the database as it is then, inside one transaction, and
 * writes the plan with exactly the rows without problems.
 */
export function createPlanImport(ctx: ServiceContext) {
  const previews = createHeldPreviews<HeldPreview>(ctx.now);

  function target(input: { committeeId?: string | undefined; planId?: string | undefined }): ImportTarget {
    return { committeeId: input.committeeId ?? null, planId: input.planId ?? null };
  }

  /** Plans the rows against the database as it is now and writes them, in one transaction. */
  function commitTable(fileName: string, table: PlanTable, into: ImportTarget, title: string | null): PlanImportResult {
    return ctx.db
      .transaction(() => {
        const snapshot = readPlanSnapshot(ctx.db, into);
        const rows = planRows(table, snapshot);
        return writePlan(ctx, { table, rows, snapshot, fileName, committeeId: into.committeeId, title });
      })
      .immediate();
  }

  return {
    async preview(input: PlansInput<'plans.importPreview'>): Promise<PlanImportPreview> {
      const into = target(input);
      const { fileName } = input.upload;
      let table: PlanTable;
      try {
        const file = stagedFile(ctx.paths, input.upload);
        readPlanSnapshot(ctx.db, into);
        table = locatePlanTable(await readSpreadsheet(file, fileName), fileName);
      } finally {
        releaseUpload(ctx.paths, input.upload);
      }
      const snapshot = readPlanSnapshot(ctx.db, into);
      const rows = planRows(table, snapshot);
      const { previewId, expiresAt } = previews.hold({ ...into, fileName, table });
      return { previewId, ...previewBody(fileName, table, into, snapshot, rows), expiresAt };
    },

    commit(input: PlansInput<'plans.importCommit'>): PlanImportResult {
      const preview = previews.get(input.previewId);
      const result = commitTable(preview.fileName, preview.table, preview, input.title ?? null);
      previews.drop(input.previewId);
      return result;
    },

    cancel(input: PlansInput<'plans.importCancel'>): { previewId: string } {
      // Cancelling twice, or after expiry, leaves the same outcome: nothing imported.
      previews.drop(input.previewId);
      return { previewId: input.previewId };
    },

    template(): Promise<ExportedFile> {
      return writePlanTemplate(ctx.paths);
    },

    /** The CLI's import: writes only when every row can be imported, so nothing is half-imported unseen. */
    async importFile(input: PlansInput<'plans.importFile'>): Promise<PlanImportFileResult> {
      const into = target(input);
      const fileName = basename(input.file);
      const stat = statSync(input.file, { throwIfNoEntry: false });
      if (!stat) throw new CoreError('NOT_FOUND', { vi: `Không tìm thấy tệp "${input.file}".`, en: `File not found: "${input.file}".` });
      if (!stat.isFile()) throw new CoreError('FILE_INVALID', { vi: `"${input.file}" không phải là một tệp.`, en: `"${input.file}" is not a file.` });
      readPlanSnapshot(ctx.db, into);
      const table = locatePlanTable(await readSpreadsheet(input.file, fileName), fileName);
      const snapshot = readPlanSnapshot(ctx.db, into);
      const rows = planRows(table, snapshot);
      const preview = previewBody(fileName, table, into, snapshot, rows);
      if (input.title && !snapshot.plan) preview.title = input.title;
      const blocked = rows.some((r) => r.issues.length > 0);
      if (input.dryRun || blocked) return { preview, result: null };
      return { preview, result: commitTable(fileName, table, into, input.title ?? null) };
    },

    close(): void {
      previews.clear();
    },
  };
}
