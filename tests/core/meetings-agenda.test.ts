import { afterEach, describe, expect, it } from 'vitest';
import type { Agenda, AgendaItem, FieldIssue } from '../../shared/contract/index.ts';
import { meetingInput, meetingsWorld, query, refused, vn, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
afterEach(async () => {
  await w?.core.close();
});

const local = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(11, 16);

/** "1 08:00 Khai mạc" lines, sub-items indented: the agenda as a secretary reads it. */
function outline(agenda: Agenda): string[] {
  const walk = (items: AgendaItem[], depth: number): string[] =>
    items.flatMap((i) => [`${'  '.repeat(depth)}${i.number} ${local(i.plannedStartsAt)}-${local(i.plannedEndsAt)} ${i.title}`, ...walk(i.children, depth + 1)]);
  return walk(agenda.items, 0);
}

async function meeting() {
  return (await w.core.call('meetings.create', meetingInput(w.d))).meeting.id;
}

async function add(meetingId: string, title: string, durationMinutes: number, parentId?: string) {
  return (await w.core.call('agenda.add', { meetingId, title, durationMinutes, ...(parentId ? { parentId } : {}) })).itemId;
}

describe('agenda', () => {
  it('computes planned start times: items one after another, sub-items inside their parent’s slot', async () => {
    w = await meetingsWorld();
    const m = await meeting();
    await add(m, 'Khai mạc', 10);
    const report = await add(m, 'Báo cáo tình hình', 30);
    await add(m, 'Báo cáo của Công an tỉnh', 15, report);
    await add(m, 'Báo cáo của Sở Tài chính', 10, report);
    const discussion = await add(m, 'Thảo luận', 0);
    await add(m, 'Ý kiến các thành viên', 40, discussion);
    await add(m, 'Ý kiến của khách mời', 20, discussion);
    const { agenda } = await w.core.call('agenda.add', { meetingId: m, title: 'Kết luận', durationMinutes: 120 });

    expect(outline(agenda)).toEqual([
      '1 08:00-08:10 Khai mạc',
      '2 08:10-08:40 Báo cáo tình hình',
      '  2.1 08:10-08:25 Báo cáo của Công an tỉnh',
      '  2.2 08:25-08:35 Báo cáo của Sở Tài chính',
      // A parent left at 0 minutes is as long as its sub-items.
      '3 08:40-09:40 Thảo luận',
      '  3.1 08:40-09:20 Ý kiến các thành viên',
      '  3.2 09:20-09:40 Ý kiến của khách mời',
      '4 09:40-11:40 Kết luận',
    ]);
    expect(agenda).toMatchObject({ totalMinutes: 220, plannedEndsAt: vn('2026-01-05T11:40'), overrunMinutes: 40 });
    expect(agenda.items[2]).toMatchObject({ durationMinutes: 0, slotMinutes: 60 });
    // Moving the meeting moves every planned time.
    const { meeting: moved } = await w.core.call('meetings.update', { id: m, startsAt: vn('2026-01-05T13:30'), endsAt: vn('2026-01-05T17:30') });
    expect(outline(moved.agenda)[0]).toBe('1 13:30-13:40 Khai mạc');
    expect(moved.agenda.overrunMinutes).toBe(0);
  });

  it('keeps presenter, preparing unit and the documents of each item', async () => {
    w = await meetingsWorld();
    const m = await meeting();
    const { itemId, agenda } = await w.core.call('agenda.add', {
      meetingId: m,
      title: 'Báo cáo công tác phòng, chống tham nhũng',
      description: 'Tóm tắt kết quả năm 2025.',
      presenter: { personId: w.d.member1 },
      preparingOrgId: w.d.congAn,
      durationMinutes: 20,
    });
    expect(agenda.items[0]).toMatchObject({
      id: itemId,
      description: 'Tóm tắt kết quả năm 2025.',
      presenter: { kind: 'person', id: w.d.member1, name: 'Lê Đức Thắng', position: 'Giám đốc Công an tỉnh', unitName: 'Công an tỉnh Lào Cai' },
      preparingOrg: { id: w.d.congAn, name: 'Công an tỉnh Lào Cai' },
    });
    const report = w.d.rows.document({ fileName: 'Báo cáo 125.pdf', number: '125', notation: 'BC-CAT', summary: 'Kết quả công tác năm 2025', pageCount: 12 });
    const annex = w.d.rows.document({ fileName: 'Phụ lục.pdf', pageCount: 3 });
    const general = w.d.rows.document({ fileName: 'Chương trình.pdf' });
    w.d.rows.attach(m, annex, itemId, 1);
    w.d.rows.attach(m, report, itemId, 0);
    w.d.rows.attach(m, general, null, 0);
    const detail = await w.core.call('meetings.get', { id: m });
    expect(detail.agenda.items[0]!.documents.map((d) => [d.fileName, d.number, d.notation, d.summary, d.pageCount])).toEqual([
      ['Báo cáo 125.pdf', '125', 'BC-CAT', 'Kết quả công tác năm 2025', 12],
      ['Phụ lục.pdf', null, null, null, 3],
    ]);
    expect(detail.documents.map((d) => d.fileName)).toEqual(['Chương trình.pdf']);

    // Presenter switches from a person to a unit; absent fields stay as they were.
    const updated = await w.core.call('agenda.update', { id: itemId, presenter: { organizationId: w.d.congAn }, durationMinutes: 25 });
    expect(updated.items[0]).toMatchObject({
      presenter: { kind: 'organization', id: w.d.congAn, name: 'Công an tỉnh Lào Cai' },
      description: 'Tóm tắt kết quả năm 2025.',
      preparingOrg: { id: w.d.congAn },
      durationMinutes: 25,
    });
    expect(query(w.core, 'SELECT presenter_person_id, presenter_org_id FROM agenda_items')).toEqual([{ presenter_person_id: null, presenter_org_id: w.d.congAn }]);
    const cleared = await w.core.call('agenda.update', { id: itemId, presenter: null, description: '', preparingOrgId: null });
    expect(cleared.items[0]).toMatchObject({ presenter: null, description: null, preparingOrg: null, durationMinutes: 25 });
  });

  it('reorders and re-parents with dense positions, in both directions', async () => {
    w = await meetingsWorld();
    const m = await meeting();
    const a = await add(m, 'A', 10);
    const b = await add(m, 'B', 10);
    const c = await add(m, 'C', 10);
    const b1 = await add(m, 'B1', 5, b);
    const titles = (agenda: Agenda) => agenda.items.map((i) => (i.children.length ? `${i.title}[${i.children.map((x) => x.title).join(',')}]` : i.title));

    expect(titles(await w.core.call('agenda.move', { id: c, parentId: null, index: 0 }))).toEqual(['C', 'A', 'B[B1]']);
    expect(titles(await w.core.call('agenda.move', { id: c, parentId: null, index: 99 }))).toEqual(['A', 'B[B1]', 'C']);
    expect(titles(await w.core.call('agenda.move', { id: a, parentId: b, index: 0 }))).toEqual(['B[A,B1]', 'C']);
    expect(titles(await w.core.call('agenda.move', { id: b1, parentId: null, index: 1 }))).toEqual(['B[A]', 'B1', 'C']);
    expect(titles(await w.core.call('agenda.move', { id: c, parentId: b, index: 1 }))).toEqual(['B[A,C]', 'B1']);
    const positions = query<{ title: string; position: number }>(w.core, 'SELECT title, position FROM agenda_items ORDER BY parent_id IS NOT NULL, position');
    expect(positions).toEqual([
      { title: 'B', position: 0 },
      { title: 'B1', position: 1 },
      { title: 'A', position: 0 },
      { title: 'C', position: 1 },
    ]);
    // Putting an item where it already is changes nothing.
    const updatedAt = query(w.core, 'SELECT updated_at FROM agenda_items WHERE id = ?', c);
    await w.core.call('agenda.move', { id: c, parentId: b, index: 1 });
    expect(query(w.core, 'SELECT updated_at FROM agenda_items WHERE id = ?', c)).toEqual(updatedAt);
  });

  it('refuses cycles and a third level', async () => {
    w = await meetingsWorld();
    const m = await meeting();
    const a = await add(m, 'A', 10);
    const a1 = await add(m, 'A1', 5, a);
    const b = await add(m, 'B', 10);
    const path = async (p: Promise<unknown>) => ((await refused(p, 'INVALID_INPUT')).details as FieldIssue[])[0]!;

    expect(await path(w.core.call('agenda.move', { id: a, parentId: a, index: 0 }))).toMatchObject({ path: 'parentId', message: 'Không thể đặt nội dung vào trong chính nó' });
    expect((await path(w.core.call('agenda.move', { id: a, parentId: a1, index: 0 }))).message).toContain('nội dung con của chính nó');
    expect((await path(w.core.call('agenda.move', { id: a, parentId: b, index: 0 }))).message).toContain('hai cấp');
    expect((await path(w.core.call('agenda.move', { id: b, parentId: a1, index: 0 }))).message).toContain('hai cấp');
    expect((await path(w.core.call('agenda.add', { meetingId: m, parentId: a1, title: 'Cấp ba' }))).message).toContain('hai cấp');

    const other = (await w.core.call('meetings.create', meetingInput(w.d))).meeting.id;
    const foreign = await add(other, 'Ở cuộc họp khác', 5);
    expect((await path(w.core.call('agenda.add', { meetingId: m, parentId: foreign, title: 'X' }))).message).toContain('trong cuộc họp này');
    expect((await path(w.core.call('agenda.move', { id: b, parentId: foreign, index: 0 }))).message).toContain('trong cuộc họp này');
    await refused(w.core.call('agenda.move', { id: '01900000-0000-7000-8000-000000000000', parentId: null, index: 0 }), 'NOT_FOUND');
    expect(query(w.core, 'SELECT title, parent_id IS NULL AS top, position FROM agenda_items WHERE meeting_id = ? ORDER BY top DESC, position', m)).toEqual([
      { title: 'A', top: 1, position: 0 },
      { title: 'B', top: 1, position: 1 },
      { title: 'A1', top: 0, position: 0 },
    ]);
  });

  it('deletes an item with its sub-items and their documents, renumbering the rest', async () => {
    w = await meetingsWorld();
    const m = await meeting();
    await add(m, 'A', 10);
    const b = await add(m, 'B', 10);
    const b1 = await add(m, 'B1', 5, b);
    await add(m, 'C', 10);
    const doc = w.d.rows.document({ fileName: 'tài liệu.pdf' });
    w.d.rows.attach(m, doc, b1, 0);
    const agenda = await w.core.call('agenda.delete', { id: b });
    expect(agenda.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'A'],
      ['2', 'C'],
    ]);
    expect(query(w.core, 'SELECT (SELECT count(*) FROM agenda_items) AS items, (SELECT count(*) FROM meeting_documents) AS attached, (SELECT count(*) FROM documents) AS library')).toEqual([
      { items: 2, attached: 0, library: 1 },
    ]);
  });

  it('records agenda edits of a published meeting with the item number and title', async () => {
    w = await meetingsWorld();
    const m = await meeting();
    const a = await add(m, 'Khai mạc', 10);
    const b = await add(m, 'Báo cáo', 30);
    await w.core.call('participants.add', { meetingId: m, personId: w.d.head, role: 'chair' });
    await w.core.call('meetings.setStatus', { id: m, status: 'published' });
    await w.core.call('agenda.add', { meetingId: m, parentId: b, title: 'Báo cáo bổ sung', durationMinutes: 10 });
    await w.core.call('agenda.move', { id: b, parentId: null, index: 0 });
    await w.core.call('agenda.update', { id: a, title: 'Khai mạc hội nghị', presenter: { personId: w.d.head } });
    await w.core.call('agenda.delete', { id: b });
    const detail = await w.core.call('meetings.get', { id: m });
    expect([...detail.changes].reverse().flatMap((r) => r.changes.map((c) => c.text.vi))).toEqual([
      'Thêm nội dung 2.1 "Báo cáo bổ sung"',
      'Chuyển nội dung "Báo cáo" từ mục 2 sang mục 1',
      'Sửa nội dung 2 "Khai mạc": Tên: Khai mạc → Khai mạc hội nghị',
      'Sửa nội dung 2 "Khai mạc": Trình bày: (trống) → Nguyễn Văn Hùng',
      'Xóa nội dung 1 "Báo cáo" (cùng 1 nội dung con)',
    ]);
    expect(detail.revision).toBe(4);
  });
});
