import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent, FieldIssue } from '../../shared/contract/index.ts';
import { meetingInput, meetingsWorld, query, readyMeeting, refused, vn, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
afterEach(async () => {
  await w?.core.close();
});

describe('meetings: create, update, clone, delete', () => {
  it('creates a draft with every field, names resolved, and records who did it', async () => {
    w = await meetingsWorld();
    const events: CoreEvent[] = [];
    w.core.subscribe((e) => events.push(e));
    const { meeting, warnings } = await w.core.call(
      'meetings.create',
      meetingInput(w.d, {
        kindCode: 'thematic',
        online: true,
        bridgePoints: [{ name: 'Điểm cầu UBND huyện Bát Xát', location: 'Hội trường tầng 2' }, { name: 'Điểm cầu UBND thị xã Sa Pa' }],
        classification: 'confidential',
        description: 'Đánh giá kết quả năm 2025, triển khai nhiệm vụ năm 2026.',
      }),
    );
    expect(warnings).toEqual([]);
    expect(meeting).toMatchObject({
      title: 'Họp Ban Chỉ đạo quý I năm 2026',
      status: 'draft',
      revision: 0,
      origin: 'local',
      committee: { id: w.d.committee, name: 'Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh', shortName: 'BCĐ PCTN' },
      kind: { code: 'thematic', label: 'Chuyên đề' },
      startsAt: '2026-01-05T01:00:00.000Z',
      endsAt: '2026-01-05T04:00:00.000Z',
      room: { id: w.d.room, name: 'Phòng họp số 1' },
      online: true,
      chair: { id: w.d.head, name: 'Nguyễn Văn Hùng', position: 'Chủ tịch UBND tỉnh', unitName: 'Ủy ban nhân dân tỉnh Lào Cai' },
      secretary: { id: w.d.secretary, name: 'Đỗ Quang Đạt' },
      chairingOrg: { id: w.d.ubnd, name: 'Ủy ban nhân dân tỉnh Lào Cai' },
      classification: 'confidential',
      quorumPercent: 50,
      counts: { agendaItems: 0, participants: 0, documents: 0 },
      editable: true,
      nextStatuses: [],
      attendanceOpen: false,
      changes: [],
    });
    expect(meeting.bridgePoints.map((b) => [b.name, b.location])).toEqual([
      ['Điểm cầu UBND huyện Bát Xát', 'Hội trường tầng 2'],
      ['Điểm cầu UBND thị xã Sa Pa', null],
    ]);
    expect(meeting.publishBlockers.map((b) => b.vi)).toEqual([
      'ít nhất một nội dung trong chương trình họp',
      'ít nhất một thành phần tham dự',
    ]);
    expect(query(w.core, 'SELECT search_key FROM meetings')).toEqual([{ search_key: 'hop ban chi dao quy i nam 2026' }]);
    expect(query(w.core, "SELECT action, entity_id FROM audit_log WHERE entity = 'meeting'")).toEqual([
      { action: 'meetings.create', entity_id: meeting.id },
    ]);
    expect(events).toContainEqual({ event: 'data.changed', payload: { area: 'meetings', id: meeting.id } });
    expect(await w.core.call('meetings.get', { id: meeting.id })).toEqual(meeting);
  });

  it('refuses what does not exist in the directory, naming the field, and stores nothing', async () => {
    w = await meetingsWorld();
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const [field, value] of [
      ['committeeId', missing],
      ['kindCode', 'khong-co'],
      ['roomId', missing],
      ['chairPersonId', missing],
      ['secretaryPersonId', missing],
      ['chairingOrgId', missing],
    ] as const) {
      const e = await refused(w.core.call('meetings.create', meetingInput(w.d, { [field]: value })), 'INVALID_INPUT');
      expect((e.details as FieldIssue[])[0]).toMatchObject({ path: field });
      expect(e.text.vi).toContain('Không tìm thấy');
    }
    const e = await refused(w.core.call('meetings.create', meetingInput(w.d, { endsAt: vn('2026-01-05T08:00') })), 'INVALID_INPUT');
    expect((e.details as FieldIssue[])[0]).toMatchObject({ path: 'endsAt' });
    expect(query(w.core, 'SELECT count(*) AS n FROM meetings')).toEqual([{ n: 0 }]);
  });

  it('edits a draft freely: absent fields stay, null clears, nothing is recorded as a change', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', meetingInput(w.d, { bridgePoints: [{ name: 'Điểm cầu A' }] }));
    const { meeting: edited } = await w.core.call('meetings.update', {
      id: meeting.id,
      title: 'Họp Ban Chỉ đạo (mở rộng)',
      roomId: null,
      startsAt: vn('2026-01-05T07:30'),
    });
    expect(edited).toMatchObject({
      title: 'Họp Ban Chỉ đạo (mở rộng)',
      room: null,
      startsAt: vn('2026-01-05T07:30'),
      endsAt: vn('2026-01-05T11:00'),
      chair: { id: w.d.head },
      bridgePoints: [{ name: 'Điểm cầu A' }],
      revision: 0,
      changes: [],
    });
    expect(query(w.core, 'SELECT search_key FROM meetings')).toEqual([{ search_key: 'hop ban chi dao (mo rong)' }]);
    expect(query(w.core, 'SELECT count(*) AS n FROM meeting_changes')).toEqual([{ n: 0 }]);

    // Moving only the start past the stored end is caught against the stored end.
    const e = await refused(w.core.call('meetings.update', { id: meeting.id, startsAt: vn('2026-01-05T12:00') }), 'INVALID_INPUT');
    expect((e.details as FieldIssue[])[0]).toMatchObject({ path: 'endsAt' });
    await refused(w.core.call('meetings.update', { id: '01900000-0000-7000-8000-000000000000', title: 'X' }), 'NOT_FOUND');
  });

  it('clones into the next session: a week later at the same time, same agenda and people, answers reset, no documents', async () => {
    w = await meetingsWorld();
    const source = await readyMeeting(w, { bridgePoints: [{ name: 'Điểm cầu Bát Xát' }], classification: 'secret' });
    await w.core.call('agenda.add', { meetingId: source.id, parentId: source.firstItem, title: 'Ý kiến của Công an tỉnh', durationMinutes: 10 });
    await w.core.call('meetings.setStatus', { id: source.id, status: 'published' });
    const before = await w.core.call('meetings.get', { id: source.id });
    await w.core.call('participants.setRsvp', { id: before.participants[1]!.id, rsvp: 'declined', reason: 'Đi công tác' });
    await w.core.call('attendance.set', { participantId: before.participants[0]!.id, attendance: 'present' });
    const doc = w.d.rows.document({ fileName: 'bao-cao.pdf' });
    w.d.rows.attach(source.id, doc, source.firstItem, 0);

    const { meeting: next } = await w.core.call('meetings.clone', { id: source.id });
    expect(next).toMatchObject({
      status: 'draft',
      revision: 0,
      title: before.title,
      classification: 'secret',
      startsAt: vn('2026-01-12T08:00'),
      endsAt: vn('2026-01-12T11:00'),
      room: before.room,
      chair: before.chair,
      secretary: before.secretary,
      clonedFromId: source.id,
      counts: { documents: 0 },
      bridgePoints: [{ name: 'Điểm cầu Bát Xát' }],
    });
    const shape = (m: typeof before) =>
      m.agenda.items.map((i) => ({ title: i.title, minutes: i.durationMinutes, presenter: i.presenter?.name, children: i.children.map((c) => c.title) }));
    expect(shape(next)).toEqual(shape(before));
    expect(next.agenda.items[0]!.id).not.toBe(before.agenda.items[0]!.id);
    expect(next.participants.map((p) => [p.name, p.role])).toEqual(before.participants.map((p) => [p.name, p.role]));
    expect(next.participants.every((p) => p.rsvp === 'invited' && p.attendance === null && p.rsvpReason === null)).toBe(true);

    const { meeting: chosen } = await w.core.call('meetings.clone', { id: source.id, startsAt: vn('2026-02-02T14:00') });
    expect([chosen.startsAt, chosen.endsAt]).toEqual([vn('2026-02-02T14:00'), vn('2026-02-02T17:00')]);
    // The source is untouched: one new edition for the invitation answer, none for attendance.
    expect((await w.core.call('meetings.get', { id: source.id })).revision).toBe(before.revision + 1);
  });

  it('deletes drafts only; a published meeting is to be archived', async () => {
    w = await meetingsWorld();
    const draft = await readyMeeting(w);
    expect(await w.core.call('meetings.delete', { id: draft.id })).toEqual({ id: draft.id });
    expect(query(w.core, 'SELECT (SELECT count(*) FROM meetings) AS m, (SELECT count(*) FROM agenda_items) AS a, (SELECT count(*) FROM participants) AS p')).toEqual([
      { m: 0, a: 0, p: 0 },
    ]);
    await refused(w.core.call('meetings.get', { id: draft.id }), 'NOT_FOUND');
    await refused(w.core.call('meetings.delete', { id: draft.id }), 'NOT_FOUND');

    const published = await readyMeeting(w);
    await w.core.call('meetings.setStatus', { id: published.id, status: 'published' });
    const e = await refused(w.core.call('meetings.delete', { id: published.id }), 'INVALID_STATE');
    expect(e.text.vi).toContain('"Đã phát hành"');
    expect(e.text.vi).toContain('lưu trữ');
    expect(query(w.core, 'SELECT count(*) AS n FROM meetings')).toEqual([{ n: 1 }]);
  });
});

describe('meetings: status', () => {
  it('publishing needs an agenda item and a participant, and lists what is missing', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', meetingInput(w.d));
    const e = await refused(w.core.call('meetings.setStatus', { id: meeting.id, status: 'published' }), 'INVALID_STATE');
    expect(e.text.vi).toBe(
      'Chưa phát hành được cuộc họp: còn thiếu ít nhất một nội dung trong chương trình họp; ít nhất một thành phần tham dự.',
    );
    await w.core.call('agenda.add', { meetingId: meeting.id, title: 'Khai mạc', durationMinutes: 5 });
    const e2 = await refused(w.core.call('meetings.setStatus', { id: meeting.id, status: 'published' }), 'INVALID_STATE');
    expect(e2.text.vi).toContain('ít nhất một thành phần tham dự');
    expect(e2.text.vi).not.toContain('chương trình');
    await w.core.call('participants.add', { meetingId: meeting.id, personId: w.d.head, role: 'chair' });
    expect((await w.core.call('meetings.get', { id: meeting.id })).nextStatuses).toEqual(['published']);
    const published = await w.core.call('meetings.setStatus', { id: meeting.id, status: 'published' });
    expect(published).toMatchObject({ status: 'published', revision: 0, changes: [], nextStatuses: ['in_progress'], attendanceOpen: true });
  });

  it('moves one step at a time to archived, and refuses anything else naming the states in Vietnamese', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    const refuse = async (status: 'draft' | 'published' | 'in_progress' | 'ended' | 'archived') =>
      (await refused(w.core.call('meetings.setStatus', { id: m.id, status }), 'INVALID_STATE')).text.vi;

    expect(await refuse('in_progress')).toBe(
      'Không thể chuyển cuộc họp từ trạng thái "Nháp" sang "Đang họp". Từ "Nháp" chỉ chuyển được sang "Đã phát hành".',
    );
    expect(await refuse('draft')).toBe('Cuộc họp đã ở trạng thái "Nháp".');
    await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
    expect(await refuse('draft')).toContain('từ trạng thái "Đã phát hành" sang "Nháp"');
    expect(await refuse('ended')).toContain('sang "Đã kết thúc"');
    await w.core.call('meetings.setStatus', { id: m.id, status: 'in_progress' });
    expect(await refuse('archived')).toContain('"Đang họp"');
    await w.core.call('meetings.setStatus', { id: m.id, status: 'ended' });
    const archived = await w.core.call('meetings.setStatus', { id: m.id, status: 'archived' });
    expect(archived).toMatchObject({ status: 'archived', editable: false, nextStatuses: [], attendanceOpen: false, revision: 3 });
    expect(archived.changes.map((c) => c.changes[0]!.text.vi)).toEqual([
      'Trạng thái: Đã kết thúc → Đã lưu trữ',
      'Trạng thái: Đang họp → Đã kết thúc',
      'Trạng thái: Đã phát hành → Đang họp',
    ]);
    expect(await refuse('draft')).toBe('Cuộc họp đã lưu trữ, không sửa được nữa.');
    expect(query(w.core, "SELECT detail FROM audit_log WHERE action = 'meetings.setStatus' ORDER BY id").map((r) => JSON.parse(r['detail'] as string))).toEqual([
      { from: 'draft', to: 'published' },
      { from: 'published', to: 'in_progress' },
      { from: 'in_progress', to: 'ended' },
      { from: 'ended', to: 'archived' },
    ]);
  });

  it('an archived meeting refuses every change', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    for (const status of ['published', 'in_progress', 'ended', 'archived'] as const) await w.core.call('meetings.setStatus', { id: m.id, status });
    const detail = await w.core.call('meetings.get', { id: m.id });
    const attempts = [
      w.core.call('meetings.update', { id: m.id, title: 'Tên mới' }),
      w.core.call('meetings.delete', { id: m.id }),
      w.core.call('agenda.add', { meetingId: m.id, title: 'Mục mới' }),
      w.core.call('agenda.update', { id: m.firstItem, durationMinutes: 5 }),
      w.core.call('agenda.move', { id: m.secondItem, parentId: null, index: 0 }),
      w.core.call('agenda.delete', { id: m.firstItem }),
      w.core.call('participants.add', { meetingId: m.id, organizationId: w.d.soTaiChinh, role: 'guest' }),
      w.core.call('participants.remove', { id: detail.participants[0]!.id }),
      w.core.call('participants.setRsvp', { id: detail.participants[0]!.id, rsvp: 'confirmed' }),
      w.core.call('attendance.set', { participantId: detail.participants[0]!.id, attendance: 'present' }),
    ];
    for (const attempt of attempts) expect((await refused(attempt, 'INVALID_STATE')).text.vi).toContain('đã lưu trữ');
    expect(await w.core.call('meetings.get', { id: m.id })).toEqual(detail);
  });
});

describe('meetings: changes after publishing', () => {
  it('records each change of a published meeting with a revision and readable before → after text', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    await w.core.call('meetings.update', { id: m.id, title: 'Còn là nháp' });
    await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
    expect(query(w.core, 'SELECT count(*) AS n FROM meeting_changes')).toEqual([{ n: 0 }]);

    const { meeting } = await w.core.call('meetings.update', {
      id: m.id,
      startsAt: vn('2026-01-05T14:00'),
      endsAt: vn('2026-01-05T17:00'),
      roomId: w.d.room2,
      classification: 'confidential',
      title: 'Còn là nháp',
    });
    expect(meeting.revision).toBe(1);
    expect(meeting.changes).toHaveLength(1);
    expect(meeting.changes[0]).toMatchObject({ revision: 1, by: null });
    expect(meeting.changes[0]!.changes.map((c) => c.text.vi)).toEqual([
      'Thời gian bắt đầu: 08:00 05/01/2026 → 14:00 05/01/2026',
      'Thời gian kết thúc: 11:00 05/01/2026 → 17:00 05/01/2026',
      'Phòng họp: Phòng họp số 1 → Phòng họp trực tuyến',
      'Độ mật: Thường → Mật',
    ]);
    expect(meeting.changes[0]!.changes[0]).toMatchObject({ scope: 'meeting', what: 'startsAt', before: vn('2026-01-05T08:00'), after: vn('2026-01-05T14:00') });

    // Saving the same values again changes nothing and records nothing.
    const same = await w.core.call('meetings.update', { id: m.id, roomId: w.d.room2, title: 'Còn là nháp' });
    expect(same.meeting.revision).toBe(1);

    await w.core.call('agenda.update', { id: m.firstItem, durationMinutes: 60 });
    await w.core.call('participants.add', { meetingId: m.id, organizationId: w.d.soTaiChinh, role: 'guest' });
    await w.core.call('meetings.update', { id: m.id, chairPersonId: null });
    const detail = await w.core.call('meetings.get', { id: m.id });
    expect(detail.revision).toBe(4);
    expect(detail.changes.map((r) => [r.revision, r.changes[0]!.text.vi])).toEqual([
      [4, 'Chủ trì: Nguyễn Văn Hùng → (trống)'],
      [3, 'Thêm thành phần tham dự: Sở Tài chính (Khách mời)'],
      [2, 'Sửa nội dung 1 "Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025": Thời lượng: 45 phút → 60 phút'],
      [1, 'Thời gian bắt đầu: 08:00 05/01/2026 → 14:00 05/01/2026'],
    ]);
    expect(detail.changes[0]!.changes[0]!.text.en).toBe('Chair: Nguyễn Văn Hùng → (none)');
  });
});
