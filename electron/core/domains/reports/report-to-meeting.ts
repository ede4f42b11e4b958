import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ReportAttachResult } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { safeFileName } from '../../files/safe-file-name.ts';
import type { ImportIntoMeeting } from '../minutes/minutes-exports.ts';

/**
 * Stores a report's PDF as a document of a meeting through the document store's own import (so it
 * is fsynced, indexed for search, versioned and packed like any document the secretariat adds), and
 * records in the audit log which report, period and bytes went where.
 */
export async function storeReportInMeeting(
  ctx: ServiceContext,
  importIntoMeeting: ImportIntoMeeting,
  input: { pdf: Buffer; fileName: string; meetingId: string; agendaItemId?: string; detail: Record<string, unknown> },
): Promise<ReportAttachResult> {
  const dir = join(ctx.paths.tmp, uuidv7());
  mkdirSync(dir, { recursive: true });
  try {
    const file = join(dir, safeFileName(input.fileName));
    writeFileSync(file, input.pdf);
    const result = await importIntoMeeting({ paths: [file], meetingId: input.meetingId, agendaItemId: input.agendaItemId });
    const first = result.results[0]!;
    if (!first.ok) throw new CoreError(first.error.code, first.error.message);
    ctx.audit.record({
      action: 'reports.attach',
      entity: 'report',
      entityId: first.document.id,
      detail: { ...input.detail, meetingId: input.meetingId, agendaItemId: input.agendaItemId ?? null, documentId: first.document.id },
    });
    ctx.events.emit('data.changed', { area: 'meetings', id: input.meetingId });
    return { documentId: first.document.id, fileName: first.document.fileName, duplicate: first.duplicate };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
