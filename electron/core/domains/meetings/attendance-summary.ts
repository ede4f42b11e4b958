import type { AttendanceSummary, Participant } from '../../../../shared/contract/index.ts';

/**
 * Counts and quorum of a meeting's attendance. Members are the participants invited as chair,
 * member or secretary (people and units alike; guests never count toward the quorum). A member
 * attends when present, late, or represented by a delegate (ủy quyền), since the delegate speaks
 * for them. The quorum is ceil(members × quorumPercent / 100) attending members, quorumPercent
 * being the committee's setting; a meeting with no members has no quorum.
 */
export function summarizeAttendance(participants: readonly Pick<Participant, 'role' | 'rsvp' | 'attendance'>[], quorumPercent: number): AttendanceSummary {
  const summary: AttendanceSummary = {
    total: participants.length,
    present: 0,
    late: 0,
    absent: 0,
    delegated: 0,
    unmarked: 0,
    guests: 0,
    guestsAttending: 0,
    delegates: 0,
    members: 0,
    membersAttending: 0,
    quorumPercent,
    quorumRequired: 0,
    quorumMet: false,
    rsvp: { invited: 0, confirmed: 0, declined: 0, delegated: 0 },
  };
  for (const p of participants) {
    if (p.attendance === null) summary.unmarked += 1;
    else summary[p.attendance] += 1;
    summary.rsvp[p.rsvp] += 1;
    const attending = p.attendance === 'present' || p.attendance === 'late' || p.attendance === 'delegated';
    if (p.role === 'guest') {
      summary.guests += 1;
      if (attending) summary.guestsAttending += 1;
    } else {
      summary.members += 1;
      if (attending) summary.membersAttending += 1;
    }
  }
  summary.delegates = summary.delegated;
  summary.quorumRequired = Math.ceil((summary.members * quorumPercent) / 100);
  summary.quorumMet = summary.members > 0 && summary.membersAttending >= summary.quorumRequired;
  return summary;
}
