import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/index.ts';
import { Database } from '../support/sqlite.ts';
import { meetingInput, meetingsWorld, readyMeeting, refused, vn, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
afterEach(async () => {
  await w?.core.close();
});

async function create(overrides: Partial<MethodInput<'meetings.create'>>) {
  return (await w.core.call('meetings.create', meetingInput(w.d, { roomId: null, chairPersonId: null, ...overrides }))).meeting.id;
}

describe('meetings.list', () => {
  it('filters by time range (overlap), status, committee, chairing unit and accent-free keywords; pages and orders', async () => {
    w = await meetingsWorld();
    const other = w.d.rows.committee('Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh');
    const jan = await create({ title: 'Họp Ban Chỉ đạo tháng 1', startsAt: vn('2026-01-05T08:00'), endsAt: vn('2026-01-05T11:00') });
    const spans = await create({
      title: 'Hội nghị tập huấn hai ngày',
      startsAt: vn('2026-01-31T08:00'),
      endsAt: vn('2026-02-01T17:00'),
      chairingOrgId: w.d.congAn,
    });
    const feb = await create({ title: 'Kiểm tra tiến độ dự án đường sắt Lào Cai – Hà Nội', startsAt: vn('2026-02-10T14:00'), endsAt: vn('2026-02-10T16:00') });
    const otherCommittee = await create({ committeeId: other, title: 'Họp BCĐ chương trình mục tiêu', startsAt: vn('2026-02-20T08:00'), endsAt: vn('2026-02-20T10:00') });
    const published = await readyMeeting(w, { title: 'Phiên họp thường kỳ quý I', startsAt: vn('2026-03-02T08:00'), endsAt: vn('2026-03-02T11:00'), roomId: null });
    await w.core.call('meetings.setStatus', { id: published.id, status: 'published' });

    const ids = async (input: MethodInput<'meetings.list'>) => (await w.core.call('meetings.list', input)).items.map((m) => m.id);

    expect(await ids({})).toEqual([published.id, otherCommittee, feb, spans, jan]);
    expect(await ids({ order: 'asc' })).toEqual([jan, spans, feb, otherCommittee, published.id]);
    // February in Vietnam's time: the meeting spanning 31/01–01/02 overlaps it.
    expect(await ids({ from: vn('2026-02-01T00:00'), to: vn('2026-03-01T00:00'), order: 'asc' })).toEqual([spans, feb, otherCommittee]);
    expect(await ids({ to: vn('2026-01-31T08:00') })).toEqual([jan]);
    expect(await ids({ from: vn('2026-02-20T10:00') })).toEqual([published.id]);
    expect(await ids({ statuses: ['published'] })).toEqual([published.id]);
    expect(await ids({ statuses: ['draft', 'archived'] })).toEqual([otherCommittee, feb, spans, jan]);
    expect(await ids({ committeeId: other })).toEqual([otherCommittee]);
    expect(await ids({ chairingOrgId: w.d.congAn })).toEqual([spans]);
    expect(await ids({ query: 'hop ban chi dao' })).toEqual([jan]);
    expect(await ids({ query: 'HỌP   bcđ' })).toEqual([otherCommittee]);
    expect(await ids({ query: 'duong sat' })).toEqual([feb]);
    expect(await ids({ query: 'thuong ky quy' })).toEqual([published.id]);
    expect(await ids({ query: '100%_' })).toEqual([]);
    expect(await ids({ query: 'hop', statuses: ['draft'], from: vn('2026-02-01T00:00') })).toEqual([otherCommittee]);

    const page = await w.core.call('meetings.list', { limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.items.map((m) => m.id)).toEqual([otherCommittee, feb]);
    const summary = (await w.core.call('meetings.list', { statuses: ['published'] })).items[0]!;
    expect(summary).toMatchObject({
      title: 'Phiên họp thường kỳ quý I',
      status: 'published',
      committee: { id: w.d.committee, shortName: 'BCĐ PCTN' },
      kind: { code: 'regular', label: 'Thường kỳ' },
      chairingOrg: { name: 'Ủy ban nhân dân tỉnh Lào Cai' },
      counts: { agendaItems: 2, participants: 6, documents: 0 },
    });
  });

  it('finds by keyword meetings another module wrote without folding their title', async () => {
    w = await meetingsWorld();
    const id = await create({ title: 'Họp Ban Chỉ đạo' });
    const db = new Database(w.core.databaseFile);
    db.prepare("UPDATE meetings SET search_key = '', title = 'Họp khẩn về Đê điều' WHERE id = ?").run(id);
    db.close();
    expect((await w.core.call('meetings.list', { query: 'khan de dieu' })).items.map((m) => m.id)).toEqual([id]);
  });

  it('counts agenda items, participants and documents per meeting', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    await w.core.call('agenda.add', { meetingId: m.id, parentId: m.firstItem, title: 'Tiểu mục', durationMinutes: 5 });
    const doc = w.d.rows.document({ fileName: 'a.pdf' });
    const doc2 = w.d.rows.document({ fileName: 'b.pdf' });
    w.d.rows.attach(m.id, doc, m.firstItem, 0);
    w.d.rows.attach(m.id, doc2, null, 0);
    expect((await w.core.call('meetings.list', {})).items[0]!.counts).toEqual({ agendaItems: 3, participants: 6, documents: 2 });
  });
});

describe('meetings.calendar', () => {
  it('returns every meeting overlapping the grid, oldest first, and refuses a range over a year', async () => {
    w = await meetingsWorld();
    const before = await create({ startsAt: vn('2026-01-31T08:00'), endsAt: vn('2026-01-31T11:00') });
    const across = await create({ startsAt: vn('2026-01-31T20:00'), endsAt: vn('2026-02-01T09:00') });
    const inside = await create({ startsAt: vn('2026-02-14T08:00'), endsAt: vn('2026-02-14T09:00') });
    const lastDay = await create({ startsAt: vn('2026-02-28T23:00'), endsAt: vn('2026-03-01T01:00') });
    const after = await create({ startsAt: vn('2026-03-01T00:00'), endsAt: vn('2026-03-01T02:00') });
    const month = await w.core.call('meetings.calendar', { from: vn('2026-02-01T00:00'), to: vn('2026-03-01T00:00') });
    expect(month.map((m) => m.id)).toEqual([across, inside, lastDay]);
    expect(month.map((m) => m.id)).not.toContain(before);
    expect(month.map((m) => m.id)).not.toContain(after);
    const week = await w.core.call('meetings.calendar', { from: vn('2026-02-09T00:00'), to: vn('2026-02-16T00:00'), statuses: ['draft'] });
    expect(week.map((m) => m.id)).toEqual([inside]);
    await refused(w.core.call('meetings.calendar', { from: vn('2026-01-01T00:00'), to: vn('2027-01-03T00:00') }), 'INVALID_INPUT');
  });
});

describe('double bookings', () => {
  it('warns when the chair or the room is taken, not for back-to-back or archived meetings', async () => {
    w = await meetingsWorld();
    const first = await readyMeeting(w, { title: 'Họp sáng', startsAt: vn('2026-01-05T08:00'), endsAt: vn('2026-01-05T11:00') });

    const { meeting: clash, warnings } = await w.core.call(
      'meetings.create',
      meetingInput(w.d, { title: 'Họp trùng giờ', startsAt: vn('2026-01-05T10:30'), endsAt: vn('2026-01-05T12:00') }),
    );
    expect(warnings.map((x) => [x.kind, x.meeting.id])).toEqual([
      ['chair', first.id],
      ['room', first.id],
    ]);
    expect(warnings[0]!.text.vi).toBe('Người chủ trì đã có lịch họp "Họp sáng" (08:00 05/01/2026 – 11:00 05/01/2026).');
    expect(warnings[1]!.text.vi).toContain('Phòng họp đã được đặt');
    // Both meetings show the clash; each excludes itself.
    expect((await w.core.call('meetings.get', { id: first.id })).warnings.map((x) => x.meeting.id)).toEqual([clash.id, clash.id]);

    const backToBack = await w.core.call('meetings.create', meetingInput(w.d, { startsAt: vn('2026-01-05T12:00'), endsAt: vn('2026-01-05T13:00') }));
    expect(backToBack.warnings).toEqual([]);
    const otherChair = await w.core.call('meetings.checkBooking', {
      startsAt: vn('2026-01-05T09:00'),
      endsAt: vn('2026-01-05T09:30'),
      chairPersonId: w.d.deputy,
      roomId: w.d.room2,
    });
    expect(otherChair).toEqual([]);
    const roomOnly = await w.core.call('meetings.checkBooking', { startsAt: vn('2026-01-05T09:00'), endsAt: vn('2026-01-05T09:30'), roomId: w.d.room });
    expect(roomOnly.map((x) => [x.kind, x.meeting.id])).toEqual([['room', first.id]]);

    // Moving the clash away clears it; an archived meeting never clashes.
    const moved = await w.core.call('meetings.update', { id: clash.id, startsAt: vn('2026-01-06T10:30'), endsAt: vn('2026-01-06T12:00') });
    expect(moved.warnings).toEqual([]);
    for (const status of ['published', 'in_progress', 'ended', 'archived'] as const) await w.core.call('meetings.setStatus', { id: first.id, status });
    expect(await w.core.call('meetings.checkBooking', { startsAt: vn('2026-01-05T09:00'), endsAt: vn('2026-01-05T09:30'), roomId: w.d.room })).toEqual([]);
  });
});

describe('instants', () => {
  it('are stored in one form, so "…00Z" and "…00.000Z" compare as the same moment', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', meetingInput(w.d, { startsAt: '2026-01-05T01:00:00Z', endsAt: '2026-01-05T04:00:00Z' }));
    expect([meeting.startsAt, meeting.endsAt]).toEqual(['2026-01-05T01:00:00.000Z', '2026-01-05T04:00:00.000Z']);
    // Back to back with the first meeting: no clash, though the two inputs were written differently.
    const next = await w.core.call('meetings.create', meetingInput(w.d, { startsAt: '2026-01-05T04:00:00.000Z', endsAt: '2026-01-05T05:00:00.000000Z' }));
    expect(next.warnings).toEqual([]);
    expect(next.meeting.endsAt).toBe('2026-01-05T05:00:00.000Z');
    expect((await w.core.call('meetings.list', { from: '2026-01-05T04:00:00Z' })).items.map((m) => m.id)).toEqual([next.meeting.id]);
  });
});
