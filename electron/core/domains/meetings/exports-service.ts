import type { ExportedFile, MeetingDetail, Participant } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { writeExport } from '../../files/exports.ts';
import { fileSlug } from '../../files/file-slug.ts';
import { invitationCalendar } from './ics/invitation-ics.ts';
import type { MeetingsInput } from './input-types.ts';
import type { MeetingReader } from './meeting-reader.ts';
import { notFound } from './references.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Files made from a meeting for people: calendar invitations, giấy mời, attendance lists. The PDF
 * and spreadsheet writers are loaded on first use, so starting the core (and every CLI command)
 * does not pay for pdfkit and exceljs.
 */
export function createExportsService(ctx: ServiceContext, reader: MeetingReader) {
  /** The invitees: one participant of the meeting, or all of them. */
  function invitees(meeting: MeetingDetail, participantId: string | undefined): Participant[] {
    if (participantId === undefined) return meeting.participants;
    const one = meeting.participants.find((p) => p.id === participantId);
    if (!one) throw notFound('thành phần tham dự này trong cuộc họp', 'Participant of this meeting');
    return [one];
  }

  function fileName(prefix: string, meeting: MeetingDetail, who: Participant[] | null, ext: string): string {
    const person = who && who.length === 1 ? `-${fileSlug(who[0]!.name, 40)}` : '';
    return `${prefix}-${fileSlug(meeting.title)}${person}.${ext}`;
  }

  function audit(action: string, meetingId: string, detail: Record<string, unknown> = {}): void {
    // Exports change nothing, but who took a (possibly classified) meeting out as a file is worth keeping.
    ctx.audit.record({ action, entity: 'meeting', entityId: meetingId, detail });
  }

  function requireParticipants(meeting: MeetingDetail): void {
    if (meeting.participants.length === 0) {
      throw new CoreError('INVALID_STATE', {
        vi: 'Cuộc họp chưa có thành phần tham dự nào.',
        en: 'The meeting has no participants yet.',
      });
    }
  }

  return {
    async invitationIcs(input: MeetingsInput<'invitations.exportIcs'>): Promise<ExportedFile> {
      const meeting = reader.detail(input.meetingId);
      const who = invitees(meeting, input.participantId);
      const file = await writeExport(
        ctx.paths,
        fileName('giay-moi', meeting, input.participantId ? who : null, 'ics'),
        'text/calendar; charset=utf-8; method=REQUEST',
        invitationCalendar(meeting, who, ctx.now()),
      );
      audit('invitations.exportIcs', meeting.id, { participantId: input.participantId ?? null });
      return file;
    },

    async invitationPdf(input: MeetingsInput<'invitations.exportPdf'>): Promise<ExportedFile> {
      const meeting = reader.detail(input.meetingId);
      const who = invitees(meeting, input.participantId);
      requireParticipants(meeting);
      const { invitationPdf } = await import('./exports/invitation-pdf.ts');
      const bytes = await invitationPdf({ meeting, invitees: who, issuedAt: ctx.now(), place: ctx.setting('documents.issuingPlace') });
      const file = await writeExport(ctx.paths, fileName('giay-moi', meeting, input.participantId ? who : null, 'pdf'), 'application/pdf', bytes);
      audit('invitations.exportPdf', meeting.id, { participantId: input.participantId ?? null, pages: who.length });
      return file;
    },

    async attendanceXlsx(input: MeetingsInput<'attendance.exportXlsx'>): Promise<ExportedFile> {
      const meeting = reader.detail(input.meetingId);
      const { attendanceXlsx } = await import('./exports/attendance-xlsx.ts');
      const file = await writeExport(ctx.paths, fileName('diem-danh', meeting, null, 'xlsx'), XLSX_MIME, await attendanceXlsx(meeting));
      audit('attendance.exportXlsx', meeting.id);
      return file;
    },

    async attendancePdf(input: MeetingsInput<'attendance.exportPdf'>): Promise<ExportedFile> {
      const meeting = reader.detail(input.meetingId);
      const { attendancePdf } = await import('./exports/attendance-pdf.ts');
      const bytes = await attendancePdf(meeting, ctx.now(), ctx.setting('documents.issuingPlace'));
      const file = await writeExport(ctx.paths, fileName('diem-danh', meeting, null, 'pdf'), 'application/pdf', bytes);
      audit('attendance.exportPdf', meeting.id);
      return file;
    },
  };
}
