import type { MeetingDetail, Participant, ParticipantRole, RsvpStatus } from '../../../../../shared/contract/index.ts';
import { flattenAgenda } from '../agenda-tree.ts';
import { meetingPlace } from '../meeting-place.ts';
import { timeVi } from '../../../../../shared/vn-time.ts';
import { escapeText, property, serializeCalendar, utcDateTime } from './ics-format.ts';

const PARTSTAT: Record<RsvpStatus, string> = {
  invited: 'NEEDS-ACTION',
  confirmed: 'ACCEPTED',
  declined: 'DECLINED',
  delegated: 'DELEGATED',
};

const ROLE: Record<ParticipantRole, string> = {
  chair: 'CHAIR',
  member: 'REQ-PARTICIPANT',
  secretary: 'REQ-PARTICIPANT',
  guest: 'OPT-PARTICIPANT',
};

/** A calendar address: the e-mail when known, otherwise a stable URN (RFC 5545 wants a URI either way). */
function calAddress(id: string, email: string | null): string {
  return email ? `mailto:${email}` : `urn:uuid:${id}`;
}

function description(meeting: MeetingDetail): string {
  const lines = [`${meeting.kind.label} — ${meeting.committee.name}`];
  if (meeting.chair) lines.push(`Chủ trì: ${[meeting.chair.name, meeting.chair.position].filter(Boolean).join(', ')}`);
  if (meeting.agenda.items.length > 0) {
    lines.push('', 'Chương trình:');
    for (const item of flattenAgenda(meeting.agenda.items)) {
      const indent = item.parentId ? '   ' : '';
      const presenter = item.presenter ? ` — Trình bày: ${item.presenter.name}` : '';
      lines.push(`${indent}${item.number}. ${item.title} (${timeVi(item.plannedStartsAt)})${presenter}`);
    }
  }
  if (meeting.description) lines.push('', meeting.description);
  return lines.join('\n');
}

function attendee(p: Participant): string {
  return property('ATTENDEE', calAddress(p.personId ?? p.organizationId ?? p.id, p.email), [
    ['CUTYPE', p.kind === 'person' ? 'INDIVIDUAL' : 'GROUP'],
    ['ROLE', ROLE[p.role]],
    ['PARTSTAT', PARTSTAT[p.rsvp]],
    ['RSVP', p.rsvp === 'invited' ? 'TRUE' : 'FALSE'],
    ['CN', p.name],
  ]);
}

/**
 * The meeting as an iCalendar invitation (METHOD:REQUEST). UID is stable per meeting and SEQUENCE
 * is its revision, so a calendar program updates the event it already has when changes are sent.
 */
export function invitationCalendar(meeting: MeetingDetail, participants: readonly Participant[], now: Date): string {
  const organizer = meeting.secretary
    ? property('ORGANIZER', calAddress(meeting.secretary.id, meeting.secretary.email), [['CN', meeting.secretary.name]])
    : property('ORGANIZER', calAddress(meeting.committee.id, null), [['CN', meeting.committee.name]]);
  const location = meetingPlace(meeting);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nghi Su//Lich hop//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    `UID:${meeting.id}@nghisu`,
    `DTSTAMP:${utcDateTime(now)}`,
    `DTSTART:${utcDateTime(meeting.startsAt)}`,
    `DTEND:${utcDateTime(meeting.endsAt)}`,
    `SEQUENCE:${meeting.revision}`,
    `LAST-MODIFIED:${utcDateTime(meeting.updatedAt)}`,
    property('SUMMARY', escapeText(meeting.title), [['LANGUAGE', 'vi']]),
    ...(location ? [property('LOCATION', escapeText(location))] : []),
    property('DESCRIPTION', escapeText(description(meeting))),
    property('CATEGORIES', escapeText(meeting.kind.label)),
    `CLASS:${meeting.classification === 'normal' ? 'PUBLIC' : 'CONFIDENTIAL'}`,
    `STATUS:${meeting.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    organizer,
    ...participants.map(attendee),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return serializeCalendar(lines);
}
