import { afterEach, describe, expect, it } from 'vitest';
import type { FieldIssue, Participant } from '../../shared/contract/index.ts';
import { summarizeAttendance } from '../../electron/core/domains/meetings/index.ts';
import { meetingInput, meetingsWorld, query, readyMeeting, refused, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
afterEach(async () => {
  await w?.core.close();
});

const roles = (ps: Participant[]) => ps.map((p) => `${p.name}: ${p.role}`);

describe('participants', () => {
  it('adds people and units once each, with their names, positions and units', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', meetingInput(w.d));
    const added = await w.core.call('participants.add', { meetingId: meeting.id, personId: w.d.member2 });
    expect(added.participants).toEqual([
      expect.objectContaining({
        id: added.participantId,
        kind: 'person',
        personId: w.d.member2,
        organizationId: null,
        name: 'Phạm Thị Ngọc Ánh',
        position: 'Giám đốc Sở Tài chính',
        unitName: 'Sở Tài chính',
        role: 'member',
        order: 0,
        rsvp: 'invited',
        attendance: null,
      }),
    ]);
    const unit = await w.core.call('participants.add', { meetingId: meeting.id, organizationId: w.d.congAn, role: 'guest' });
    expect(unit.participants[1]).toMatchObject({ kind: 'organization', name: 'Công an tỉnh Lào Cai', position: null, role: 'guest', order: 1 });

    const dup = await refused(w.core.call('participants.add', { meetingId: meeting.id, personId: w.d.member2, role: 'guest' }), 'CONFLICT');
    expect(dup.text.vi).toBe('Phạm Thị Ngọc Ánh đã có trong thành phần tham dự cuộc họp này.');
    await refused(w.core.call('participants.add', { meetingId: meeting.id, organizationId: w.d.congAn }), 'CONFLICT');
    const unitChair = await refused(w.core.call('participants.update', { id: unit.participantId, role: 'chair' }), 'INVALID_INPUT');
    expect((unitChair.details as FieldIssue[])[0]!.path).toBe('role');
    await refused(w.core.call('participants.add', { meetingId: '01900000-0000-7000-8000-000000000000', personId: w.d.head }), 'NOT_FOUND');
    expect(query(w.core, 'SELECT count(*) AS n FROM participants')).toEqual([{ n: 2 }]);
  });

  it('invites the whole committee with roles from the committee, skipping who is already there', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', meetingInput(w.d));
    await w.core.call('participants.add', { meetingId: meeting.id, organizationId: w.d.soTaiChinh, role: 'guest' });
    await w.core.call('participants.add', { meetingId: meeting.id, personId: w.d.member1, role: 'guest' });
    const all = await w.core.call('participants.addCommittee', { meetingId: meeting.id });
    expect(all.added).toBe(5);
    expect(roles(all.participants)).toEqual([
      'Sở Tài chính: guest',
      'Lê Đức Thắng: guest',
      'Nguyễn Văn Hùng: chair',
      'Trần Thị Mai: member',
      'Phạm Thị Ngọc Ánh: member',
      'Đỗ Quang Đạt: secretary',
      'Văn phòng UBND tỉnh: member',
    ]);
    expect(all.participants.map((p) => p.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const again = await w.core.call('participants.addCommittee', { meetingId: meeting.id });
    expect(again.added).toBe(0);
    expect(again.participants).toHaveLength(7);
  });

  it('makes the head a member when the meeting already has a chair', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', meetingInput(w.d));
    await w.core.call('participants.add', { meetingId: meeting.id, personId: w.d.deputy, role: 'chair' });
    const all = await w.core.call('participants.addCommittee', { meetingId: meeting.id });
    expect(roles(all.participants).slice(0, 2)).toEqual(['Trần Thị Mai: chair', 'Nguyễn Văn Hùng: member']);
  });

  it('changes roles, reorders and removes with dense order', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    const list = (await w.core.call('meetings.get', { id: m.id })).participants;
    const moved = await w.core.call('participants.move', { id: list[5]!.id, index: 0 });
    expect(moved.participants.map((p) => p.name)).toEqual(['Văn phòng UBND tỉnh', 'Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Đức Thắng', 'Phạm Thị Ngọc Ánh', 'Đỗ Quang Đạt']);
    const updated = await w.core.call('participants.update', { id: list[1]!.id, role: 'chair' });
    expect(updated.participants.find((p) => p.id === list[1]!.id)!.role).toBe('chair');
    const removed = await w.core.call('participants.remove', { id: list[2]!.id });
    expect(removed.participants.map((p) => [p.name, p.order])).toEqual([
      ['Văn phòng UBND tỉnh', 0],
      ['Nguyễn Văn Hùng', 1],
      ['Trần Thị Mai', 2],
      ['Phạm Thị Ngọc Ánh', 3],
      ['Đỗ Quang Đạt', 4],
    ]);
    await refused(w.core.call('participants.remove', { id: list[2]!.id }), 'NOT_FOUND');
  });
});

describe('invitation answers (RSVP)', () => {
  it('records confirmed, declined with a reason and delegated to a person or a name', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    const [head, deputy, member1, member2] = (await w.core.call('meetings.get', { id: m.id })).participants;
    await w.core.call('participants.setRsvp', { id: head!.id, rsvp: 'confirmed' });
    await w.core.call('participants.setRsvp', { id: deputy!.id, rsvp: 'declined', reason: 'Đi công tác tại Trung ương' });
    await w.core.call('participants.setRsvp', { id: member1!.id, rsvp: 'delegated', delegatePersonId: w.d.secretary, reason: 'Bận họp khác' });
    const list = await w.core.call('participants.setRsvp', { id: member2!.id, rsvp: 'delegated', delegateName: 'Vũ Văn Phó, Phó Giám đốc Sở Tài chính' });
    expect(list.participants.slice(0, 4).map((p) => [p.rsvp, p.rsvpReason, p.rsvpDelegate])).toEqual([
      ['confirmed', null, null],
      ['declined', 'Đi công tác tại Trung ương', null],
      ['delegated', 'Bận họp khác', { personId: w.d.secretary, name: 'Đỗ Quang Đạt' }],
      ['delegated', null, { personId: null, name: 'Vũ Văn Phó, Phó Giám đốc Sở Tài chính' }],
    ]);
    expect(list.attendance.rsvp).toEqual({ invited: 2, confirmed: 1, declined: 1, delegated: 2 });

    // Changing the answer clears what no longer applies.
    const back = await w.core.call('participants.setRsvp', { id: deputy!.id, rsvp: 'confirmed' });
    expect(back.participants[1]).toMatchObject({ rsvp: 'confirmed', rsvpReason: null, rsvpDelegate: null });

    const self = await refused(w.core.call('participants.setRsvp', { id: head!.id, rsvp: 'delegated', delegatePersonId: w.d.head }), 'INVALID_INPUT');
    expect(self.text.vi).toContain('chính mình');
    await refused(w.core.call('participants.setRsvp', { id: head!.id, rsvp: 'declined' }), 'INVALID_INPUT');
    await refused(w.core.call('participants.setRsvp', { id: head!.id, rsvp: 'delegated' }), 'INVALID_INPUT');
  });

  it('answers to a published meeting are recorded changes', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
    const p = (await w.core.call('meetings.get', { id: m.id })).participants[1]!;
    await w.core.call('participants.setRsvp', { id: p.id, rsvp: 'declined', reason: 'Ốm' });
    await w.core.call('participants.setRsvp', { id: p.id, rsvp: 'declined', reason: 'Ốm' });
    const detail = await w.core.call('meetings.get', { id: m.id });
    expect(detail.revision).toBe(1);
    expect(detail.changes[0]!.changes[0]!.text.vi).toBe('Trần Thị Mai: Báo vắng (lý do: Ốm)');
  });
});

describe('attendance', () => {
  it('is taken only once the meeting is published, and needs a reason for absence and a name for a delegate', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    const [head, deputy, member1, member2] = (await w.core.call('meetings.get', { id: m.id })).participants;
    const draft = await refused(w.core.call('attendance.set', { participantId: head!.id, attendance: 'present' }), 'INVALID_STATE');
    expect(draft.text.vi).toBe('Chỉ điểm danh khi cuộc họp đã phát hành, đang họp hoặc đã kết thúc; cuộc họp đang ở trạng thái "Nháp".');

    await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
    await w.core.call('meetings.setStatus', { id: m.id, status: 'in_progress' });
    await w.core.call('attendance.set', { participantId: head!.id, attendance: 'present' });
    await w.core.call('attendance.set', { participantId: deputy!.id, attendance: 'late' });
    await w.core.call('attendance.set', { participantId: member1!.id, attendance: 'absent', absenceReason: 'Đi công tác' });
    const list = await w.core.call('attendance.set', { participantId: member2!.id, attendance: 'delegated', delegateName: 'Vũ Văn Phó' });
    expect(list.participants.slice(0, 4).map((p) => [p.attendance, p.absenceReason, p.attendanceDelegate, p.attendanceAt !== null])).toEqual([
      ['present', null, null, true],
      ['late', null, null, true],
      ['absent', 'Đi công tác', null, true],
      ['delegated', null, 'Vũ Văn Phó', true],
    ]);
    const cleared = await w.core.call('attendance.set', { participantId: member1!.id, attendance: null });
    expect(cleared.participants[2]).toMatchObject({ attendance: null, absenceReason: null, attendanceAt: null });

    await refused(w.core.call('attendance.set', { participantId: head!.id, attendance: 'absent' }), 'INVALID_INPUT');
    await refused(w.core.call('attendance.set', { participantId: head!.id, attendance: 'delegated' }), 'INVALID_INPUT');
    await refused(w.core.call('attendance.set', { participantId: '01900000-0000-7000-8000-000000000000', attendance: 'present' }), 'NOT_FOUND');

    await w.core.call('meetings.setStatus', { id: m.id, status: 'ended' });
    // Corrections after the meeting are still possible until it is archived.
    await w.core.call('attendance.set', { participantId: member1!.id, attendance: 'absent', absenceReason: 'Ốm' });
    const detail = await w.core.call('meetings.get', { id: m.id });
    expect(detail.participants.find((p) => p.id === member1!.id)).toMatchObject({ attendance: 'absent', absenceReason: 'Ốm' });
    // Attendance is what happened, not a change to the meeting members were sent: no new edition.
    expect(detail.changes.some((c) => c.changes.some((x) => x.text.vi.startsWith('Điểm danh')))).toBe(false);
  });

  it('counts attendance and the quorum from the committee’s share; guests never count', async () => {
    w = await meetingsWorld({ quorumPercent: 70 });
    const m = await readyMeeting(w);
    await w.core.call('participants.add', { meetingId: m.id, organizationId: w.d.soTaiChinh, role: 'guest' });
    await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
    const ps = (await w.core.call('meetings.get', { id: m.id })).participants;
    // 6 members (chair, deputy, 2 members, secretary, the standing agency) + 1 guest; 70 % of 6 = 4.2 → 5.
    const mark = (i: number, attendance: 'present' | 'late' | 'absent' | 'delegated', extra: object = {}) =>
      w.core.call('attendance.set', { participantId: ps[i]!.id, attendance, ...extra });
    await mark(6, 'present');
    await mark(0, 'present');
    await mark(1, 'late');
    await mark(2, 'delegated', { delegateName: 'Phó Giám đốc Công an tỉnh' });
    await mark(3, 'absent', { absenceReason: 'Ốm' });
    let summary = await w.core.call('attendance.summary', { meetingId: m.id });
    expect(summary).toEqual({
      total: 7,
      present: 2,
      late: 1,
      absent: 1,
      delegated: 1,
      unmarked: 2,
      guests: 1,
      guestsAttending: 1,
      delegates: 1,
      members: 6,
      membersAttending: 3,
      quorumPercent: 70,
      quorumRequired: 5,
      quorumMet: false,
      rsvp: { invited: 7, confirmed: 0, declined: 0, delegated: 0 },
    });
    await mark(4, 'present');
    expect((await w.core.call('attendance.summary', { meetingId: m.id })).quorumMet).toBe(false);
    await mark(5, 'late');
    summary = await w.core.call('attendance.summary', { meetingId: m.id });
    expect([summary.membersAttending, summary.quorumRequired, summary.quorumMet]).toEqual([5, 5, true]);
    await refused(w.core.call('attendance.summary', { meetingId: '01900000-0000-7000-8000-000000000000' }), 'NOT_FOUND');
  });

  it('quorum arithmetic: rounds up, needs members, ignores guests', () => {
    const p = (role: Participant['role'], attendance: Participant['attendance']) => ({ role, attendance, rsvp: 'invited' as const });
    expect(summarizeAttendance([], 50)).toMatchObject({ members: 0, quorumRequired: 0, quorumMet: false });
    expect(summarizeAttendance([p('guest', 'present')], 50)).toMatchObject({ members: 0, quorumMet: false });
    const ten = Array.from({ length: 10 }, (_, i) => p('member', i < 5 ? 'present' : null));
    expect(summarizeAttendance(ten, 50)).toMatchObject({ quorumRequired: 5, quorumMet: true });
    expect(summarizeAttendance(ten, 51)).toMatchObject({ quorumRequired: 6, quorumMet: false });
    expect(summarizeAttendance(ten, 100)).toMatchObject({ quorumRequired: 10, quorumMet: false });
    expect(summarizeAttendance([p('chair', 'late'), p('secretary', 'absent'), p('member', 'delegated')], 67)).toMatchObject({
      members: 3,
      membersAttending: 2,
      quorumRequired: 3,
      quorumMet: false,
    });
  });
});
