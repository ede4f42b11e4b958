import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ImportResult, MeetingDetail, MethodInput, MinutesExportInput, MinutesView } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writeExport } from '../../files/exports.ts';
import { fileSlug } from '../../files/file-slug.ts';
import { safeFileName } from '../../files/safe-file-name.ts';
import { refuseOverwrite, writeUserFile } from '../../files/user-file.ts';
import type * as DocxWriter from '../../official-docs/official-docx.ts';
import type * as PdfWriter from '../../official-docs/official-pdf.ts';
import type { OfficialDocument } from '../../official-docs/official-text.ts';
import { minutesDocument } from './exports/minutes-document.ts';
import { defaultNoticeRecipients, noticeContent, noticeDocument, noticeSigner, recipientLines, type NoticeParts } from './exports/notice-document.ts';
import { fieldsOf, type NoticeRow } from './notice/notice-store.ts';
import type { OfficialFacts } from './official-facts.ts';

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
  /** The notice as the secretariat edited it, when one was generated. */
  notice: NoticeRow | undefined;
}

/**
 * The Biên bản and the Thông báo kết luận as files: one model per document (exports/), written by
 * the official-docs kit to DOCX or PDF. The writers load on first use, so starting the core does
 * not pay for docx and pdfkit. Every export is audited with the hash of the bytes handed out, so
 * a printed copy can be matched to what the app produced.
 */
/** How the documents domain takes a file into the library and the meeting (its own import, audited there). */
export type ImportIntoMeeting = (input: { paths: string[]; meetingId: string; agendaItemId?: string }) => Promise<ImportResult>;

export function createMinutesExports(ctx: ServiceContext, current: (meetingId: string) => Current, importIntoMeeting: ImportIntoMeeting, facts: OfficialFacts) {
  /** The notice as stored, or, before one was generated, as it would be generated now. */
  function noticeParts({ meeting, minutes, notice }: Current): NoticeParts {
    if (notice) {
      const f = fieldsOf(notice);
      return { ...f, recipientLines: recipientLines(f.recipients) };
    }
    if (minutes.conclusions.length === 0) {
      throw new CoreError('INVALID_STATE', {
        vi: 'Biên bản chưa có kết luận nào nên chưa thể ra Thông báo kết luận. Hãy thêm kết luận vào biên bản trước.',
        en: 'The minutes have no conclusions yet, so there is no conclusion notice to issue. Add conclusions first.',
      });
    }
    return {
      content: noticeContent({ meeting, conclusions: minutes.conclusions, unitName: facts.unitName }),
      number: null,
      recipientLines: recipientLines(defaultNoticeRecipients(minutes.conclusions)),
      ...noticeSigner(meeting, facts.chairRole(meeting)),
    };
  }

  /** Final means: the minutes finalized, or for a generated notice, the notice issued. */
  function isFinal(input: Pick<MinutesExportInput, 'document'>, found: Current): boolean {
    if (input.document === 'notice' && found.notice) return found.notice.status === 'issued';
    return found.minutes.status === 'final';
  }

  function model(input: MinutesExportInput, found: Current): OfficialDocument {
    const { meeting, minutes } = found;
    const final = isFinal(input, found);
    if (input.document === 'minutes') return minutesDocument({ meeting, content: minutes.content, final, unitName: facts.unitName });
    const parts = noticeParts(found);
    // The command line may state number, signer and Nơi nhận for this one file.
    const o = input.notice ?? {};
    const signerTitles = o.signerTitles ?? parts.signerTitles;
    return noticeDocument({
      meeting,
      parts: {
        ...parts,
        number: o.number ?? parts.number,
        signerTitles,
        signerName: o.signerName ?? (o.signerTitles ? null : parts.signerName),
        recipientLines: o.recipients ? recipientLines(o.recipients.map((text) => ({ unitId: null, text }))) : parts.recipientLines,
      },
      final,
      issuedAt: found.notice?.issued_at ? new Date(found.notice.issued_at) : ctx.now(),
      place: ctx.setting('documents.issuingPlace'),
      unitName: facts.unitName,
    });
  }

  /** The file's bytes, its hash, and the meeting and minutes it was made from (read once per export). */
  async function render(input: MinutesExportInput, found = current(input.meetingId)): Promise<{ bytes: Buffer; final: boolean; sha256: string; found: Current }> {
    const doc = model(input, found);
    const bytes =
      input.format === 'docx'
        ? await (await (docxWriter ??= import('../../official-docs/official-docx.ts'))).officialDocumentDocx(doc)
        : await (await (pdfWriter ??= import('../../official-docs/official-pdf.ts'))).officialDocumentPdf(doc);
    return { bytes, final: isFinal(input, found), sha256: createHash('sha256').update(bytes).digest('hex'), found };
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
      if (!isFinal(input, found)) {
        throw new CoreError(
          'INVALID_STATE',
          input.document === 'notice' && found.notice
            ? { vi: 'Chỉ thông báo đã ban hành mới đưa vào tài liệu cuộc họp. Hãy ban hành thông báo trước.', en: 'Only an issued notice goes into the meeting’s documents. Issue it first.' }
            : { vi: 'Chỉ biên bản đã hoàn tất mới đưa vào tài liệu cuộc họp. Hãy hoàn tất biên bản trước.', en: 'Only finalized minutes go into the meeting’s documents. Finalize the minutes first.' },
        );
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
