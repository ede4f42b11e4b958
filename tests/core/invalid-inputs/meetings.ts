import type { meetingsMethods } from '../../../shared/contract/index.ts';

const ID = '01900000-0000-7000-8000-000000000001';
const START = '2026-01-05T01:00:00.000Z';
const END = '2026-01-05T04:00:00.000Z';
const meeting = { committeeId: ID, kindCode: 'regular', title: 'Họp Ban Chỉ đạo', startsAt: START, endsAt: END };

/** Inputs each meetings method must refuse with INVALID_INPUT, changing nothing. */
export const meetingsInvalidInputs: Record<keyof typeof meetingsMethods, unknown[]> = {
  'meetings.list': [
    { statuses: [] },
    { statuses: ['cancelled'] },
    { from: '2026-01-05' },
    { from: END, to: START },
    { limit: 0 },
    { limit: 501 },
    { offset: -1 },
    { order: 'newest' },
    { query: 'x'.repeat(201) },
    { committeeId: 'ban-chi-dao' },
    { extra: true },
  ],
  'meetings.calendar': [{}, { from: START }, { from: END, to: START }, { from: '2026-01-01T00:00:00.000Z', to: '2027-01-03T00:00:00.000Z' }, { from: START, to: END, statuses: ['x'] }],
  'meetings.get': [{}, { id: 'abc' }, { id: ID, more: 1 }],
  'meetings.create': [
    {},
    { ...meeting, title: '   ' },
    { ...meeting, endsAt: START },
    { ...meeting, endsAt: '2026-01-04T01:00:00.000Z' },
    { ...meeting, endsAt: '2026-03-05T01:00:00.000Z' },
    { ...meeting, startsAt: '2026-01-05 08:00' },
    { ...meeting, startsAt: '2026-01-05T08:00:00+07:00' },
    { ...meeting, kindCode: 'thường kỳ!' },
    { ...meeting, classification: 'mat' },
    { ...meeting, roomId: 'phong-1' },
    { ...meeting, online: 'có' },
    { ...meeting, bridgePoints: [{ name: '' }] },
    { ...meeting, bridgePoints: [{ name: 'A', extra: 1 }] },
    { ...meeting, title: 'x'.repeat(501) },
    { ...meeting, status: 'published' },
  ],
  'meetings.update': [{ title: 'X' }, { id: ID, title: '' }, { id: ID, startsAt: END, endsAt: START }, { id: ID, revision: 3 }, { id: ID, chairPersonId: 'x' }],
  'meetings.clone': [{}, { id: ID, startsAt: 'tuần sau' }, { id: ID, title: 'X' }],
  'meetings.delete': [{}, { id: 42 }],
  'meetings.setStatus': [{ id: ID }, { id: ID, status: 'cancelled' }, { id: ID, status: 'Đã phát hành' }],
  'meetings.checkBooking': [{ startsAt: START }, { startsAt: END, endsAt: START }, { startsAt: START, endsAt: END, roomId: 'x' }],

  'agenda.add': [
    { meetingId: ID },
    { meetingId: ID, title: '' },
    { meetingId: ID, title: 'A', durationMinutes: -5 },
    { meetingId: ID, title: 'A', durationMinutes: 1441 },
    { meetingId: ID, title: 'A', durationMinutes: 1.5 },
    { meetingId: ID, title: 'A', presenter: { personId: ID, organizationId: ID } },
    { meetingId: ID, title: 'A', presenter: {} },
    { meetingId: ID, title: 'A', presenter: 'Công an tỉnh' },
    { meetingId: ID, title: 'A', parentId: 'cha' },
  ],
  'agenda.update': [{ title: 'A' }, { id: ID, title: '' }, { id: ID, durationMinutes: -1 }, { id: ID, presenter: { name: 'X' } }, { id: ID, parentId: ID }],
  'agenda.delete': [{}, { id: 'x' }],
  'agenda.move': [{ id: ID, index: 0 }, { id: ID, parentId: null }, { id: ID, parentId: null, index: -1 }, { id: ID, parentId: 'x', index: 0 }],

  'participants.add': [
    { meetingId: ID },
    { meetingId: ID, personId: ID, organizationId: ID },
    { meetingId: ID, organizationId: ID, role: 'chair' },
    { meetingId: ID, organizationId: ID, role: 'secretary' },
    { meetingId: ID, personId: ID, role: 'observer' },
  ],
  'participants.addCommittee': [{}, { meetingId: ID, committeeId: ID }],
  'participants.update': [{ id: ID }, { id: ID, role: 'chủ trì' }],
  'participants.remove': [{}, { id: '' }],
  'participants.move': [{ id: ID }, { id: ID, index: -1 }],
  'participants.setRsvp': [
    { id: ID },
    { id: ID, rsvp: 'maybe' },
    { id: ID, rsvp: 'declined' },
    { id: ID, rsvp: 'declined', reason: '   ' },
    { id: ID, rsvp: 'confirmed', reason: 'Bận' },
    { id: ID, rsvp: 'delegated' },
    { id: ID, rsvp: 'delegated', delegatePersonId: ID, delegateName: 'Trần B' },
    { id: ID, rsvp: 'invited', delegateName: 'Trần B' },
  ],

  'attendance.set': [
    { participantId: ID },
    { participantId: ID, attendance: 'excused' },
    { participantId: ID, attendance: 'absent' },
    { participantId: ID, attendance: 'delegated' },
    { participantId: ID, attendance: 'present', absenceReason: 'Ốm' },
    { participantId: ID, attendance: 'present', delegateName: 'Trần B' },
  ],
  'attendance.summary': [{}, { meetingId: 'x' }],
  'attendance.exportXlsx': [{}, { meetingId: ID, file: '/tmp/x.xlsx' }],
  'attendance.exportPdf': [{}, { meetingId: ID, landscape: true }],

  'invitations.exportIcs': [{}, { meetingId: ID, participantId: 'x' }],
  'invitations.exportPdf': [{}, { meetingId: 'x' }, { meetingId: ID, participantIds: [ID] }],
};
