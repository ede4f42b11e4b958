import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { CommitteeRole, ImportResult, MeetingDetail, MethodInput, MinutesExportInput, MinutesView } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writeExport } from '../../files/exports.ts';
import { fileSlug } from '../../files/file-slug.ts';
import { safeFileName } from '../../files/safe-file-name.ts';
import { refuseOverwrite, writeUserFile } from '../../files/user-file.ts';
import type * as DocxWriter from '../../official-docs/official-docx.ts';
import type * as PdfWriter from '../../official-docs/official-pdf.ts';
import type { OfficialDocument } from '../../official-docs/official-text.ts';
import type { UnitNameOf } from './exports/body-blocks.ts';
import { minutesDocument } from './exports/minutes-document.ts';
import { noticeDocument } from './exports/notice-document.ts';

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

// Loaded on first use and kept: resolving the import again on every export costs more than a page.
let docxWriter: Promise<typeof DocxWriter> | undefined;
let pdfWriter: Promise<typeof PdfWriter> | undefined;

interface Current {
  meeting: MeetingDetail;
  minutes: MinutesView;
}

/**
 * The Biên bản and the Thông báo kết luận as files: one model per document (exports/), written by
 * the official-docs kit to DOCX or PDF. The writers load on first use, so starting the core does
 * not pay for docx and pdfkit. Every export is audited with the hash of the bytes handed out, so
 * a printed copy can be matched to what the app produced.
 */
/** How the documents domain takes a file into the library and the meeting (its own import, audited there). */
export type ImportIntoMeeting = (input: { paths: string[]; meetingId: string }) => Promise<ImportResult>;

export function createMinutesExports(ctx: ServiceContext, current: (meetingId: string) => Current, importIntoMeeting: ImportIntoMeeting) {
  const unitRow = ctx.db.prepare('SELECT name FROM organizations WHERE id = ?');
  const chairRole = ctx.db.prepare('SELECT role FROM committee_members WHERE committee_id = ? AND person_id = ?');
  const unitName: UnitNameOf = (id) => (unitRow.get(id) as { name: string } | undefined)?.name ?? null;

  function model(input: MinutesExportInput, { meeting, minutes }: Current): OfficialDocument {
    const final = minutes.status === 'final';
    if (input.document === 'minutes') return minutesDocument({ meeting, content: minutes.content, final, unitName });
    if (minutes.conclusions.length === 0) {
      throw new CoreError('INVALID_STATE', {
        vi: 'Biên bản chưa có kết luận nào nên chưa thể ra Thông báo kết luận. Hãy thêm kết luận vào biên bản trước.',
        en: 'The minutes have no conclusions yet, so there is no conclusion notice to issue. Add conclusions first.',
      });
    }
    const role = meeting.chair ? ((chairRole.get(meeting.committee.id, meeting.chair.id) as { role: CommitteeRole } | undefined)?.role ?? null) : null;
    return noticeDocument({
      meeting,
      conclusions: minutes.conclusions,
      chairRole: role,
      final,
      issuedAt: ctx.now(),
      place: ctx.setting('documents.issuingPlace'),
      unitName,
      options: input.notice ?? {},
    });
  }

  /** The file's bytes, its hash, and the meeting and minutes it was made from (read once per export). */
  async function render(input: MinutesExportInput, found = current(input.meetingId)): Promise<{ bytes: Buffer; final: boolean; sha256: string; found: Current }> {
    const doc = model(input, found);
    const bytes =
      input.format === 'docx'
        ? await (await (docxWriter ??= import('../../official-docs/official-docx.ts'))).officialDocumentDocx(doc)
        : await (await (pdfWriter ??= import('../../official-docs/official-pdf.ts'))).officialDocumentPdf(doc);
    return { bytes, final: found.minutes.status === 'final', sha256: createHash('sha256').update(bytes).digest('hex'), found };
  }

  function audit(input: MinutesExportInput, minutesId: string, sha256: string, final: boolean): void {
    ctx.audit.record({
      action: 'minutes.export',
      entity: 'minutes',
      entityId: minutesId,
      detail: { meetingId: input.meetingId, document: input.document, format: input.format, final, sha256 },
    });
  }

  const fileName = (input: MinutesExportInput, meeting: MeetingDetail, final: boolean) =>
    `${input.document === 'minutes' ? 'bien-ban' : 'thong-bao-ket-luan'}-${fileSlug(meeting.title)}${final ? '' : '-du-thao'}.${input.format}`;

  return {
    'minutes.export': async (input: MethodInput<'minutes.export'>) => {
      const { bytes, final, sha256, found } = await render(input);
      const file = await writeExport(ctx.paths, fileName(input, found.meeting, final), MIME[input.format], bytes);
      audit(input, found.minutes.id, sha256, final);
      return { ...file, sha256, final };
    },
    'minutes.attachToMeeting': async (input: MethodInput<'minutes.attachToMeeting'>) => {
      const found = current(input.meetingId);
      if (found.minutes.status !== 'final') {
        throw new CoreError('INVALID_STATE', {
          vi: 'Chỉ biên bản đã hoàn tất mới đưa vào tài liệu cuộc họp. Hãy hoàn tất biên bản trước.',
          en: 'Only finalized minutes go into the meeting’s documents. Finalize the minutes first.',
        });
      }
      const { bytes, sha256 } = await render({ ...input, format: 'pdf' }, found);
      const fileName = safeFileName(`${input.document === 'minutes' ? 'Biên bản' : 'Thông báo kết luận'} - ${found.meeting.title}.pdf`);
      const dir = join(ctx.paths.tmp, uuidv7());
      mkdirSync(dir, { recursive: true });
      try {
        const file = join(dir, fileName);
        writeFileSync(file, bytes);
        const result = await importIntoMeeting({ paths: [file], meetingId: input.meetingId });
        const first = result.results[0]!;
        if (!first.ok) throw new CoreError(first.error.code, first.error.message);
        ctx.audit.record({
          action: 'minutes.attach',
          entity: 'minutes',
          entityId: found.minutes.id,
          detail: { meetingId: input.meetingId, document: input.document, documentId: first.document.id, sha256 },
        });
        return { documentId: first.document.id, fileName: first.document.fileName, duplicate: first.duplicate };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    'minutes.exportFile': async ({ file, overwrite, ...input }: MethodInput<'minutes.exportFile'>) => {
      refuseOverwrite(file, overwrite);
      const { bytes, final, sha256, found } = await render(input);
      const size = writeUserFile(file, overwrite, bytes);
      audit(input, found.minutes.id, sha256, final);
      return { file, bytes: size, sha256, final };
    },
  };
}
