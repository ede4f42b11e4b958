import type { meetingsMethods } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { DomainHandlers } from '../../dispatch.ts';
import type { Domain } from '../domain.ts';
import { createAgendaService } from './agenda-service.ts';
import { createAttendanceService } from './attendance-service.ts';
import { createBookingCheck } from './booking.ts';
import { createMeetingChangeLog } from './change-log.ts';
import { createDirectoryNames } from './directory-names.ts';
import { createExportsService } from './exports-service.ts';
import type { MeetingsInput } from './input-types.ts';
import { createMeetingList } from './meeting-list.ts';
import { createMeetingReader } from './meeting-reader.ts';
import { createMeetingsService } from './meetings-service.ts';
import { createParticipantsService } from './participants-service.ts';
import { createReferences } from './references.ts';
import { createStatusService } from './status-service.ts';
import { registerTitleFold } from './title-search.ts';

export { createMeetingChangeLog, type MeetingChange, type MeetingChangeLog } from './change-log.ts';
export { meetingSearchKey } from './title-search.ts';
export { summarizeAttendance } from './attendance-summary.ts';

/**
 * Meetings, their agendas, participants, invitations and attendance. Other domains use `reader`
 * (whole meetings: `reader.detail(id)`, `reader.agenda(id)`, `reader.participants(id)`), `list`
 * (summaries) and `changeLog` (every change to a published meeting, e.g. attaching a document).
 */
export function createMeetingsDomain(ctx: ServiceContext) {
  registerTitleFold(ctx.db);
  const changeLog = createMeetingChangeLog(ctx);
  const booking = createBookingCheck(ctx);
  const refs = createReferences(ctx);
  const names = createDirectoryNames(ctx);
  const reader = createMeetingReader(ctx, booking);
  const list = createMeetingList(ctx);
  const meetings = createMeetingsService(ctx, { reader, changeLog, refs, names });
  const status = createStatusService(ctx, { reader, changeLog });
  const agenda = createAgendaService(ctx, { reader, changeLog, refs, names });
  const participants = createParticipantsService(ctx, { reader, changeLog, refs, names });
  const attendance = createAttendanceService(ctx, { reader, changeLog });
  const exports = createExportsService(ctx, reader);

  const handlers: DomainHandlers<typeof meetingsMethods> = {
    'meetings.list': (input) => list.page(input),
    'meetings.calendar': (input) => list.calendar(input),
    'meetings.get': ({ id }: MeetingsInput<'meetings.get'>) => reader.detail(id),
    'meetings.create': (input) => meetings.create(input),
    'meetings.update': (input) => meetings.update(input),
    'meetings.clone': (input) => meetings.clone(input),
    'meetings.delete': (input) => meetings.delete(input),
    'meetings.setStatus': (input) => status.setStatus(input),
    'meetings.checkBooking': (input) => booking(input),
    'agenda.add': (input) => agenda.add(input),
    'agenda.update': (input) => agenda.update(input),
    'agenda.delete': (input) => agenda.delete(input),
    'agenda.move': (input) => agenda.move(input),
    'participants.add': (input) => participants.add(input),
    'participants.addCommittee': (input) => participants.addCommittee(input),
    'participants.update': (input) => participants.update(input),
    'participants.remove': (input) => participants.remove(input),
    'participants.move': (input) => participants.move(input),
    'participants.setRsvp': (input) => participants.setRsvp(input),
    'attendance.set': (input) => attendance.set(input),
    'attendance.summary': (input) => attendance.summary(input),
    'attendance.exportXlsx': (input) => exports.attendanceXlsx(input),
    'attendance.exportPdf': (input) => exports.attendancePdf(input),
    'invitations.exportIcs': (input) => exports.invitationIcs(input),
    'invitations.exportPdf': (input) => exports.invitationPdf(input),
  };

  const domain = { handlers, reader, list, changeLog, booking };
  return domain satisfies Domain;
}

export type MeetingsDomain = ReturnType<typeof createMeetingsDomain>;
