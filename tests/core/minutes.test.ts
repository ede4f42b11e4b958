import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntryView, CoreEvent } from '../../shared/contract/index.ts';
import { blockText, canonicalJson } from '../../shared/minutes/blocks.ts';
import type { BlockNode, MinutesContent } from '../../shared/minutes/document.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';
import { meetingsWorld, query, readyMeeting, refused, type MeetingsWorld } from './meetings-fixture.ts';

const opened: Core[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const core of opened.splice(0)) await core.close();
});

/** The secretary's laptop: a meeting of two agenda items, in progress, with attendance taken. */
async function secretariat() {
  const w: MeetingsWorld = await meetingsWorld();
  opened.push(w.core);
  const { core, d } = w;
  await core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  const m = await readyMeeting(w);
  await core.call('meetings.setStatus', { id: m.id, status: 'published' });
  await core.call('meetings.setStatus', { id: m.id, status: 'in_progress' });
  const participants = (await core.call('meetings.get', { id: m.id })).participants;
  const pid = (name: string) => participants.find((p) => p.name === name)!.id;
  await core.call('attendance.set', { participantId: pid('Nguyễn Văn Hùng'), attendance: 'present' });
  await core.call('attendance.set', { participantId: pid('Trần Thị Mai'), attendance: 'delegated', delegateName: 'Hoàng Văn Phó' });
  await core.call('attendance.set', { participantId: pid('Lê Đức Thắng'), attendance: 'absent', absenceReason: 'Đi công tác tại Hà Nội' });
  await core.call('attendance.set', { participantId: pid('Phạm Thị Ngọc Ánh'), attendance: 'late' });
  await core.call('attendance.set', { participantId: pid('Đỗ Quang Đạt'), attendance: 'present' });
  return { core, d, dir: w.dir, meetingId: m.id, firstItem: m.firstItem, secondItem: m.secondItem, pid };
}


const words = (t: string) => ({ type: 'text' as const, text: t, detail: 0, format: 0, mode: 'normal', style: '', version: 1 });
const para = (t: string): BlockNode => ({ type: 'paragraph', children: [words(t)], direction: null, format: '', indent: 0, version: 1 });
function conclusion(text: string, over: Partial<{ id: string; leadUnitId: string | null; coordinatingUnitIds: string[]; deadline: string | null }> = {}): BlockNode {
  return { type: 'ns-conclusion', id: over.id ?? uuidv7(), text, leadUnitId: over.leadUnitId ?? null, coordinatingUnitIds: over.coordinatingUnitIds ?? [], deadline: over.deadline ?? null, version: 1 };
}

/** The content with `blocks` in place of its children. */
function withBlocks(content: MinutesContent, blocks: BlockNode[]): MinutesContent {
  return { ...content, root: { ...content.root, children: blocks } };
}

/** The content with `block` inserted just before the heading of `beforeItem` (or before the closing line). */
function insertBefore(content: MinutesContent, beforeItem: string | 'end', ...blocks: BlockNode[]): MinutesContent {
  const children = [...content.root.children];
  const at = children.findIndex((b) => (beforeItem === 'end' ? b.type === 'ns-prefill' && b.key === 'end' : b.type === 'ns-item' && b.agendaItemId === beforeItem));
  children.splice(at, 0, ...blocks);
  return withBlocks(content, children);
}

/** One prefilled fact's current text. */
function fact(content: MinutesContent, key: string): string | undefined {
  const b = content.root.children.find((x) => x.type === 'ns-prefill' && x.key === key);
  return b ? blockText(b) : undefined;
}

/** Everything a refused write must leave as it was, read straight from the file. */
function snapshot(core: Core) {
  return {
    minutes: query(core, 'SELECT * FROM minutes'),
    revisions: query(core, 'SELECT * FROM minutes_revisions ORDER BY minutes_id, revision'),
    conclusions: query(core, 'SELECT * FROM minutes_conclusions ORDER BY id'),
    audit: query(core, 'SELECT count(*) AS n FROM audit_log')[0],
  };
}

async function minutesAudit(core: Core): Promise<AuditEntryView[]> {
  return (await core.call('audit.list', { filter: { action: 'minutes' }, limit: 200 })).items;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A fixed clock (only Date), to control when an edit starts a new revision. */
function clockAt(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  return (minutes: number) => vi.setSystemTime(new Date(Date.now() + minutes * 60_000));
}

describe('minutes: the prefilled draft', () => {
  it('has no minutes before the draft, refuses a draft before the meeting starts, then prefills from the meeting', async () => {
    const w = await meetingsWorld();
    opened.push(w.core);
    await w.core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    const m = await readyMeeting(w);
    expect(await w.core.call('minutes.get', { meetingId: m.id })).toBeNull();
    const early = await refused(w.core.call('minutes.draft', { meetingId: m.id }), 'INVALID_STATE');
    expect(early.text.vi).toContain('Đang họp');
    expect(await w.core.call('minutes.get', { meetingId: m.id })).toBeNull();
    expect(query(w.core, 'SELECT count(*) AS n FROM minutes')[0]).toEqual({ n: 0 });
    await refused(w.core.call('minutes.get', { meetingId: uuidv7() }), 'NOT_FOUND');
  });

  it('writes time, place, chair, secretary, attendance and one section per agenda item, in order; a second draft returns it unchanged', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    expect(draft).toMatchObject({ meetingId: s.meetingId, status: 'draft', version: 1, revision: 1, editable: true, finalized: null, conclusions: [] });
    expect(draft.updatedBy.name).toBe('Đỗ Quang Đạt');
    const c = draft.content;
    expect(fact(c, 'time')).toBe('Thời gian bắt đầu: 08 giờ 00, ngày 05/01/2026 (thứ Hai).');
    expect(fact(c, 'place')).toBe('Địa điểm: Phòng họp số 1.');
    expect(fact(c, 'chair')).toBe('Chủ trì (chủ tọa): Nguyễn Văn Hùng, Chủ tịch UBND tỉnh.');
    expect(fact(c, 'secretary')).toBe('Thư ký (người ghi biên bản): Đỗ Quang Đạt, Chuyên viên.');
    expect(fact(c, 'attendance')).toBe('Thành phần tham dự: 4/6 thành viên có mặt, đủ số lượng theo quy chế.');
    expect(fact(c, 'attending')).toBe(
      '- Có mặt: Nguyễn Văn Hùng, Chủ tịch UBND tỉnh; Trần Thị Mai, Phó Chủ tịch UBND tỉnh (ủy quyền: Hoàng Văn Phó); Phạm Thị Ngọc Ánh, Giám đốc Sở Tài chính (đến muộn); Đỗ Quang Đạt, Chuyên viên.',
    );
    expect(fact(c, 'absent')).toBe('- Vắng mặt: Lê Đức Thắng, Giám đốc Công an tỉnh (lý do: Đi công tác tại Hà Nội).');
    expect(fact(c, 'unmarked')).toBe('- Chưa điểm danh: Văn phòng UBND tỉnh.');
    expect(fact(c, 'end')).toBe('Cuộc họp kết thúc vào 11 giờ 00, ngày 05/01/2026.');

    // One section per agenda item, in the agenda's order, each opened by its heading and its presenter.
    const items = c.root.children.filter((b) => b.type === 'ns-item');
    expect(items.map((b) => [b.agendaItemId, blockText(b)])).toEqual([
      [s.firstItem, '1. Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025'],
      [s.secondItem, '2. Thảo luận và kết luận'],
    ]);
    expect(fact(c, `item:${s.firstItem}:presenter`)).toBe('Trình bày: Công an tỉnh Lào Cai.');
    expect(fact(c, `item:${s.secondItem}:presenter`)).toBe('Trình bày: Nguyễn Văn Hùng, Chủ tịch UBND tỉnh, Ủy ban nhân dân tỉnh Lào Cai.');
    const order = c.root.children.map((b) => (b.type === 'ns-prefill' ? b.key : b.type === 'ns-item' ? `heading:${b.agendaItemId}` : b.type));
    expect(order).toEqual([
      'time', 'place', 'chair', 'secretary', 'attendance', 'attending', 'absent', 'unmarked', 'guests', 'paragraph',
      `heading:${s.firstItem}`, `item:${s.firstItem}:presenter`, 'paragraph',
      `heading:${s.secondItem}`, `item:${s.secondItem}:presenter`, 'paragraph',
      'end',
    ]);

    const again = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    expect(again).toEqual(draft);
    expect(await s.core.call('minutes.get', { meetingId: s.meetingId })).toEqual(draft);
    const revisions = await s.core.call('minutes.revisions', { meetingId: s.meetingId });
    expect(revisions).toEqual([expect.objectContaining({ revision: 1, kind: 'prefill', note: null, author: { id: expect.any(String), name: 'Đỗ Quang Đạt' } })]);
    expect((await minutesAudit(s.core)).map((e) => [e.action, e.entityId, e.detail])).toEqual([['minutes.draft', draft.id, { meetingId: s.meetingId }]]);
  });
});

describe('minutes: saving', () => {
  it('a save on the right version bumps version and revision; a stale one is refused and changes nothing', async () => {
    const s = await secretariat();
    const tick = clockAt('2026-01-05T02:00:00.000Z');
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    const typed = insertBefore(draft.content, s.secondItem, para('Đồng chí Giám đốc Công an tỉnh báo cáo 12 vụ việc đã xử lý.'));
    tick(1);
    const saved = await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: typed });
    expect(saved).toMatchObject({ version: 2, revision: 2, savedAt: '2026-01-05T02:01:00.000Z', conclusions: [] });
    const got = (await s.core.call('minutes.get', { meetingId: s.meetingId }))!;
    expect(got.content).toEqual(typed);
    expect(got).toMatchObject({ version: 2, revision: 2, updatedAt: '2026-01-05T02:01:00.000Z' });

    // Another window still on version 1.
    const before = snapshot(s.core);
    const stale = await refused(
      s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: withBlocks(draft.content, [para('Bản cũ ghi đè')]) }),
      'CONFLICT',
    );
    expect(stale.text.vi).toContain('vừa được lưu từ một cửa sổ khác');
    expect(stale.details).toEqual({ version: 2 });
    expect(snapshot(s.core)).toEqual(before);
    expect((await s.core.call('minutes.get', { meetingId: s.meetingId }))!.content).toEqual(typed);

    // Saves of one sitting are one revision; after a pause of more than ten minutes, a new one starts.
    const more = insertBefore(typed, s.secondItem, para('Sở Tài chính đề nghị bổ sung kinh phí.'));
    tick(2);
    expect(await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 2, content: more })).toMatchObject({ version: 3, revision: 2 });
    tick(11);
    const later = insertBefore(more, 'end', para('Chủ trì kết luận cuộc họp.'));
    expect(await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 3, content: later })).toMatchObject({ version: 4, revision: 3 });
    const revisions = await s.core.call('minutes.revisions', { meetingId: s.meetingId });
    expect(revisions.map((r) => [r.revision, r.kind, r.startedAt, r.savedAt])).toEqual([
      [3, 'edit', '2026-01-05T02:14:00.000Z', '2026-01-05T02:14:00.000Z'],
      [2, 'edit', '2026-01-05T02:01:00.000Z', '2026-01-05T02:03:00.000Z'],
      [1, 'prefill', '2026-01-05T02:00:00.000Z', '2026-01-05T02:00:00.000Z'],
    ]);
    expect((await s.core.call('minutes.revision', { meetingId: s.meetingId, revision: 2 })).content).toEqual(more);

    // The same content again is not a change: no new version.
    expect(await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 4, content: later })).toMatchObject({ version: 4, revision: 3 });
  });

  it('reads the conclusions out of the content with stable ids across saves, units and agenda items resolved', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    const first = conclusion('Công an tỉnh hoàn thiện báo cáo, gửi Văn phòng trước ngày 15/01/2026.', {
      leadUnitId: s.d.congAn,
      coordinatingUnitIds: [s.d.soTaiChinh, s.d.vanPhong],
      deadline: '2026-01-15',
    });
    const second = conclusion('Giao Sở Tài chính cân đối kinh phí.', { leadUnitId: s.d.soTaiChinh });
    const content = insertBefore(insertBefore(draft.content, s.secondItem, first), 'end', second);
    const saved = await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content });
    expect(saved.conclusions).toEqual([
      {
        ...first,
        agendaItemId: s.firstItem,
        ordinal: 1,
        agendaItemNumber: '1',
        agendaItemTitle: 'Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025',
        leadUnitName: 'Công an tỉnh Lào Cai',
        coordinatingUnitNames: ['Sở Tài chính', 'Văn phòng UBND tỉnh'],
      },
      {
        ...second,
        agendaItemId: s.secondItem,
        ordinal: 2,
        agendaItemNumber: '2',
        agendaItemTitle: 'Thảo luận và kết luận',
        leadUnitName: 'Sở Tài chính',
        coordinatingUnitNames: [],
      },
    ]);
    const ids = [(first as { id: string }).id, (second as { id: string }).id];

    // The secretary rewords the first and moves the second above it: the ids stay, the order follows the text.
    const reworded = { ...(first as object), text: 'Công an tỉnh hoàn thiện báo cáo tổng kết.' } as BlockNode;
    const blocks: BlockNode[] = content.root.children.filter((b) => b.type !== 'ns-conclusion');
    const at = blocks.findIndex((b) => b.type === 'ns-item' && b.agendaItemId === s.secondItem);
    blocks.splice(at, 0, second, reworded);
    const moved = await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 2, content: withBlocks(content, blocks) });
    expect(moved.conclusions.map((c) => [c.id, c.ordinal, c.agendaItemId, c.text])).toEqual([
      [ids[1], 1, s.firstItem, 'Giao Sở Tài chính cân đối kinh phí.'],
      [ids[0], 2, s.firstItem, 'Công an tỉnh hoàn thiện báo cáo tổng kết.'],
    ]);
    // The index the tasks will read, straight from the file.
    expect(query(s.core, 'SELECT id, ordinal, agenda_item_id, text, lead_unit_id, coordinating_unit_ids, deadline FROM minutes_conclusions ORDER BY ordinal')).toEqual([
      { id: ids[1], ordinal: 1, agenda_item_id: s.firstItem, text: 'Giao Sở Tài chính cân đối kinh phí.', lead_unit_id: s.d.soTaiChinh, coordinating_unit_ids: '[]', deadline: null },
      {
        id: ids[0],
        ordinal: 2,
        agenda_item_id: s.firstItem,
        text: 'Công an tỉnh hoàn thiện báo cáo tổng kết.',
        lead_unit_id: s.d.congAn,
        coordinating_unit_ids: JSON.stringify([s.d.soTaiChinh, s.d.vanPhong]),
        deadline: '2026-01-15',
      },
    ]);

    // Deleting a conclusion from the text removes it from the index.
    const without = withBlocks(content, content.root.children.filter((b) => !(b.type === 'ns-conclusion' && b.id === ids[0])));
    expect((await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 3, content: without })).conclusions.map((c) => c.id)).toEqual([ids[1]]);
    expect(query(s.core, 'SELECT id FROM minutes_conclusions')).toEqual([{ id: ids[1] }]);
  });

  it('addConclusion puts the conclusion at the end of its agenda item’s section', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    const typed = insertBefore(draft.content, s.secondItem, para('Ý kiến thảo luận về mục 1.'));
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: typed });

    const one = await s.core.call('minutes.addConclusion', {
      meetingId: s.meetingId,
      agendaItemId: s.firstItem,
      text: 'Giao Công an tỉnh chủ trì tổng hợp.',
      leadUnitId: s.d.congAn,
      coordinatingUnitIds: [s.d.vanPhong],
      deadline: '2026-02-01',
    });
    expect(one.version).toBe(3);
    const two = await s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.secondItem, text: 'Thống nhất thông qua kế hoạch năm 2026.' });
    const three = await s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Sở Tài chính bố trí kinh phí.' });
    const kinds = three.content.root.children.map((b) => (b.type === 'ns-conclusion' ? `kết luận: ${b.text}` : b.type === 'ns-item' ? `mục ${b.number}` : blockText(b)));
    const section = (from: string, to: string) => kinds.slice(kinds.indexOf(from) + 1, kinds.indexOf(to));
    expect(section('mục 1', 'mục 2')).toEqual([
      'Trình bày: Công an tỉnh Lào Cai.',
      '',
      'Ý kiến thảo luận về mục 1.',
      'kết luận: Giao Công an tỉnh chủ trì tổng hợp.',
      'kết luận: Sở Tài chính bố trí kinh phí.',
    ]);
    // The last item's section ends before the closing line.
    expect(section('mục 2', 'Cuộc họp kết thúc vào 11 giờ 00, ngày 05/01/2026.')).toEqual([
      'Trình bày: Nguyễn Văn Hùng, Chủ tịch UBND tỉnh, Ủy ban nhân dân tỉnh Lào Cai.',
      '',
      'kết luận: Thống nhất thông qua kế hoạch năm 2026.',
    ]);
    expect(three.conclusions.map((c) => [c.ordinal, c.agendaItemNumber, c.text, c.leadUnitName, c.coordinatingUnitNames, c.deadline])).toEqual([
      [1, '1', 'Giao Công an tỉnh chủ trì tổng hợp.', 'Công an tỉnh Lào Cai', ['Văn phòng UBND tỉnh'], '2026-02-01'],
      [2, '1', 'Sở Tài chính bố trí kinh phí.', null, [], null],
      [3, '2', 'Thống nhất thông qua kế hoạch năm 2026.', null, [], null],
    ]);
    expect(three.conclusions[0]!.id).toBe(one.conclusions[0]!.id);
    expect(two.conclusions.map((c) => c.id)).toEqual([one.conclusions[0]!.id, three.conclusions[2]!.id]);
    const audit = await minutesAudit(s.core);
    expect(audit.filter((e) => e.action === 'minutes.addConclusion').map((e) => e.detail)).toEqual(
      [three.conclusions[1]!.id, three.conclusions[2]!.id, three.conclusions[0]!.id].map((conclusionId) => ({ meetingId: s.meetingId, conclusionId })),
    );

    // An agenda item the minutes do not have, or a unit not in the directory: refused, nothing written.
    const before = snapshot(s.core);
    await refused(s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: uuidv7(), text: 'Không thuộc cuộc họp' }), 'INVALID_INPUT');
    const unit = await refused(
      s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Đơn vị lạ', leadUnitId: uuidv7() }),
      'INVALID_INPUT',
    );
    expect(unit.text.vi).toContain('không có trong danh bạ');
    expect(snapshot(s.core)).toEqual(before);
  });
});

describe('minutes: other windows hear of changes', () => {
  it('every write says the minutes of that meeting changed; a refused save says nothing', async () => {
    const s = await secretariat();
    const events: CoreEvent[] = [];
    s.core.subscribe((e) => events.push(e));
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: draft.version, content: insertBefore(draft.content, 'end', para('Ý kiến thêm.')) });
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: draft.version, content: draft.content }).catch(() => undefined);
    const changes = events.filter((e) => e.event === 'data.changed');
    expect(changes).toEqual([
      { event: 'data.changed', payload: { area: 'minutes', id: s.meetingId } },
      { event: 'data.changed', payload: { area: 'minutes', id: s.meetingId } },
    ]);
  });
});

describe('minutes: an agenda item removed after the draft', () => {
  it('still saves what the secretary typed, and a restore of an older revision still works', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    // The second item is dropped from the agenda during the meeting; its heading is still in the minutes.
    await s.core.call('agenda.delete', { id: s.secondItem });
    const typed = insertBefore(draft.content, s.secondItem, para('Đồng chí chủ trì đề nghị bỏ nội dung 2 khỏi chương trình.'));
    const saved = await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: typed });
    expect(saved).toMatchObject({ version: 2, revision: 2 });
    expect((await s.core.call('minutes.get', { meetingId: s.meetingId }))!.content).toEqual(typed);
    const added = await s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Thông qua báo cáo.' });
    expect(added.conclusions.map((c) => [c.agendaItemNumber, c.text])).toEqual([['1', 'Thông qua báo cáo.']]);

    // The secretary deletes the section; going back to the first revision brings the heading back.
    const without = withBlocks(added.content, added.content.root.children.filter((b) => !(b.type === 'ns-item' && b.agendaItemId === s.secondItem)));
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 3, content: without });
    const restored = await s.core.call('minutes.restoreRevision', { meetingId: s.meetingId, revision: 1, baseVersion: 4 });
    expect(restored.content).toEqual(draft.content);

    // A heading for an item of no meeting is still refused.
    await refused(
      s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 5, content: insertBefore(draft.content, 'end', { type: 'ns-item', agendaItemId: uuidv7(), number: '9', title: 'Không có', version: 1 }) }),
      'INVALID_INPUT',
    );
  });
});

describe('minutes: refresh from the meeting', () => {
  it('reports update, kept and add; never replaces the secretary’s text; apply writes the rest', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    // The secretary rewrites the place line; the chair line stays as the app wrote it.
    const edited = withBlocks(
      draft.content,
      draft.content.root.children.map((b) => (b.type === 'ns-prefill' && b.key === 'place' ? { ...b, children: [words('Địa điểm: Hội trường lớn, trụ sở UBND tỉnh.')] } : b)),
    );
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: edited });

    // Meanwhile the meeting changes: another room and chair, the item renamed, a new item, one more present.
    await s.core.call('meetings.update', { id: s.meetingId, roomId: s.d.room2, chairPersonId: s.d.deputy });
    await s.core.call('agenda.update', { id: s.secondItem, title: 'Thảo luận, kết luận' });
    const third = await s.core.call('agenda.add', { meetingId: s.meetingId, title: 'Các vấn đề phát sinh', durationMinutes: 15 });
    const before = snapshot(s.core);

    const plan = await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: false });
    expect(plan.minutes).toBeNull();
    expect(plan.changes).toEqual([
      { key: 'place', kind: 'kept', before: 'Địa điểm: Hội trường lớn, trụ sở UBND tỉnh.', after: 'Địa điểm: Phòng họp trực tuyến.' },
      { key: 'chair', kind: 'update', before: 'Chủ trì (chủ tọa): Nguyễn Văn Hùng, Chủ tịch UBND tỉnh.', after: 'Chủ trì (chủ tọa): Trần Thị Mai, Phó Chủ tịch UBND tỉnh.' },
      { key: `item:${s.secondItem}`, kind: 'update', before: '2. Thảo luận và kết luận', after: '2. Thảo luận, kết luận' },
      { key: `item:${third.itemId}`, kind: 'add', before: null, after: '3. Các vấn đề phát sinh' },
    ]);
    expect(snapshot(s.core)).toEqual(before);

    const applied = await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: true });
    expect(applied.changes).toEqual(plan.changes);
    const m = applied.minutes!;
    expect(m.version).toBe(3);
    expect(fact(m.content, 'place')).toBe('Địa điểm: Hội trường lớn, trụ sở UBND tỉnh.');
    expect(fact(m.content, 'chair')).toBe('Chủ trì (chủ tọa): Trần Thị Mai, Phó Chủ tịch UBND tỉnh.');
    const headings = m.content.root.children.filter((b) => b.type === 'ns-item').map(blockText);
    expect(headings).toEqual(['1. Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025', '2. Thảo luận, kết luận', '3. Các vấn đề phát sinh']);
    // The new section comes before the closing line.
    const keys = m.content.root.children.map((b) => (b.type === 'ns-prefill' ? b.key : b.type));
    expect(keys.slice(-4)).toEqual(['ns-item', `item:${third.itemId}:presenter`, 'paragraph', 'end']);
    expect((await s.core.call('minutes.revisions', { meetingId: s.meetingId }))[0]).toMatchObject({ revision: 3, kind: 'refresh' });
    expect((await minutesAudit(s.core))[0]).toMatchObject({ action: 'minutes.refresh', detail: { meetingId: s.meetingId, changes: 4 } });

    // Nothing left to bring over; the secretary's place line is still theirs.
    expect((await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: false })).changes).toEqual([]);
    // A later change of room is again kept, not written over the secretary's words.
    await s.core.call('meetings.update', { id: s.meetingId, roomId: s.d.room });
    expect((await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: true })).changes).toEqual([
      { key: 'place', kind: 'kept', before: 'Địa điểm: Hội trường lớn, trụ sở UBND tỉnh.', after: 'Địa điểm: Phòng họp số 1.' },
    ]);
    expect(fact((await s.core.call('minutes.get', { meetingId: s.meetingId }))!.content, 'place')).toBe('Địa điểm: Hội trường lớn, trụ sở UBND tỉnh.');
  });
});

describe('minutes: refresh after attendance is completed', () => {
  it('no longer lists as unmarked a member marked after the draft', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    expect(fact(draft.content, 'unmarked')).toBe('- Chưa điểm danh: Văn phòng UBND tỉnh.');
    await s.core.call('attendance.set', { participantId: s.pid('Văn phòng UBND tỉnh'), attendance: 'present' });
    const { changes, minutes } = await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: true });
    expect(changes).toEqual([
      { key: 'attendance', kind: 'update', before: 'Thành phần tham dự: 4/6 thành viên có mặt, đủ số lượng theo quy chế.', after: 'Thành phần tham dự: 5/6 thành viên có mặt, đủ số lượng theo quy chế.' },
      {
        key: 'attending',
        kind: 'update',
        before: expect.stringContaining('Đỗ Quang Đạt, Chuyên viên.') as string,
        after: expect.stringContaining('Đỗ Quang Đạt, Chuyên viên; Văn phòng UBND tỉnh.') as string,
      },
      { key: 'unmarked', kind: 'update', before: '- Chưa điểm danh: Văn phòng UBND tỉnh.', after: '- Chưa điểm danh: không có.' },
    ]);
    expect(fact(minutes!.content, 'unmarked')).toBe('- Chưa điểm danh: không có.');
    expect((await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: false })).changes).toEqual([]);
  });
});

describe('minutes: revisions', () => {
  it('lists revisions, returns each one’s content, diffs two, and restores an old one as a new revision', async () => {
    const s = await secretariat();
    const tick = clockAt('2026-01-05T02:00:00.000Z');
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    tick(1);
    const r2 = insertBefore(draft.content, s.secondItem, para('Đại biểu thống nhất với báo cáo.'));
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: r2 });
    tick(20);
    const r3 = withBlocks(
      r2,
      r2.root.children.map((b) => (b.type === 'paragraph' && blockText(b) === 'Đại biểu thống nhất với báo cáo.' ? para('Đại biểu đề nghị làm rõ số liệu.') : b)),
    );
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 2, content: r3 });

    const list = await s.core.call('minutes.revisions', { meetingId: s.meetingId });
    expect(list.map((r) => [r.revision, r.kind, r.sha256])).toEqual([
      [3, 'edit', sha256(canonicalJson(r3))],
      [2, 'edit', sha256(canonicalJson(r2))],
      [1, 'prefill', sha256(canonicalJson(draft.content))],
    ]);
    expect((await s.core.call('minutes.revision', { meetingId: s.meetingId, revision: 1 })).content).toEqual(draft.content);
    expect((await s.core.call('minutes.revision', { meetingId: s.meetingId, revision: 2 })).content).toEqual(r2);
    await refused(s.core.call('minutes.revision', { meetingId: s.meetingId, revision: 9 }), 'NOT_FOUND');

    const diff = await s.core.call('minutes.diff', { meetingId: s.meetingId, from: 2, to: 3 });
    expect(diff).toMatchObject({ from: { revision: 2 }, to: { revision: 3 }, added: 1, removed: 1 });
    expect(diff.lines.filter((l) => l.change !== 'same')).toEqual([
      { change: 'removed', text: 'Đại biểu thống nhất với báo cáo.' },
      { change: 'added', text: 'Đại biểu đề nghị làm rõ số liệu.' },
    ]);
    expect(diff.lines.filter((l) => l.change === 'same').map((l) => l.text)).toContain('2. Thảo luận và kết luận');
    const fromPrefill = await s.core.call('minutes.diff', { meetingId: s.meetingId, from: 1, to: 2 });
    expect(fromPrefill.lines.filter((l) => l.change !== 'same')).toEqual([{ change: 'added', text: 'Đại biểu thống nhất với báo cáo.' }]);
    await refused(s.core.call('minutes.diff', { meetingId: s.meetingId, from: 1, to: 7 }), 'NOT_FOUND');

    // Restoring needs the current version, like a save.
    await refused(s.core.call('minutes.restoreRevision', { meetingId: s.meetingId, revision: 2, baseVersion: 2 }), 'CONFLICT');
    tick(1);
    const restored = await s.core.call('minutes.restoreRevision', { meetingId: s.meetingId, revision: 2, baseVersion: 3 });
    expect(restored).toMatchObject({ version: 4, revision: 4 });
    expect(restored.content).toEqual(r2);
    const after = await s.core.call('minutes.revisions', { meetingId: s.meetingId });
    expect(after.map((r) => [r.revision, r.kind, r.note])).toEqual([
      [4, 'restore', 'Khôi phục phiên bản 2'],
      [3, 'edit', null],
      [2, 'edit', null],
      [1, 'prefill', null],
    ]);
    // Nothing lost: the revision that was replaced is still there, whole.
    expect((await s.core.call('minutes.revision', { meetingId: s.meetingId, revision: 3 })).content).toEqual(r3);
    expect((await minutesAudit(s.core))[0]).toMatchObject({ action: 'minutes.restoreRevision', detail: { meetingId: s.meetingId, revision: 2 } });
    // The next edit starts a revision of its own rather than rewriting the restore.
    tick(1);
    const r5 = insertBefore(r2, 'end', para('Bổ sung sau khi khôi phục.'));
    expect(await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 4, content: r5 })).toMatchObject({ version: 5, revision: 5 });
    expect((await s.core.call('minutes.revision', { meetingId: s.meetingId, revision: 4 })).content).toEqual(r2);
  });
});

describe('minutes: finalize and reopen', () => {
  it('records the sha256 of the canonical content, locks the minutes; reopening needs a reason, kept in revisions and audit', async () => {
    const s = await secretariat();
    await s.core.call('minutes.draft', { meetingId: s.meetingId });
    const withConclusion = await s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Thông qua báo cáo.' });
    await refused(s.core.call('minutes.finalize', { meetingId: s.meetingId, baseVersion: 1 }), 'CONFLICT');

    const final = await s.core.call('minutes.finalize', { meetingId: s.meetingId, baseVersion: withConclusion.version });
    expect(final).toMatchObject({ status: 'final', editable: false, version: 3, revision: 3 });
    expect(final.content).toEqual(withConclusion.content);
    const hash = sha256(canonicalJson(final.content));
    expect(final.finalized).toEqual({ at: expect.any(String), by: { id: expect.any(String), name: 'Đỗ Quang Đạt' }, sha256: hash });
    // The hash is of the bytes stored: anyone can check the record against it.
    const row = query<{ content: string; final_sha256: string }>(s.core, 'SELECT content, final_sha256 FROM minutes')[0]!;
    expect(sha256(row.content)).toBe(row.final_sha256);
    expect((await s.core.call('minutes.revisions', { meetingId: s.meetingId }))[0]).toMatchObject({ revision: 3, kind: 'finalize', sha256: hash });
    expect((await minutesAudit(s.core))[0]).toMatchObject({ action: 'minutes.finalize', detail: { meetingId: s.meetingId, sha256: hash } });

    // Locked: every write is refused and nothing changes.
    const locked = snapshot(s.core);
    const save = await refused(s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 3, content: insertBefore(final.content, 'end', para('Sửa sau khi khóa')) }), 'INVALID_STATE');
    expect(save.text.vi).toContain('đã khóa');
    await refused(s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Thêm sau khi khóa' }), 'INVALID_STATE');
    await refused(s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: true }), 'INVALID_STATE');
    await refused(s.core.call('minutes.restoreRevision', { meetingId: s.meetingId, revision: 1, baseVersion: 3 }), 'INVALID_STATE');
    await refused(s.core.call('minutes.finalize', { meetingId: s.meetingId }), 'INVALID_STATE');
    await refused(s.core.call('minutes.reopen', { meetingId: s.meetingId, reason: '   ' }), 'INVALID_INPUT');
    expect(snapshot(s.core)).toEqual(locked);

    const reason = 'Chủ trì yêu cầu bổ sung ý kiến của Sở Tài chính';
    const reopened = await s.core.call('minutes.reopen', { meetingId: s.meetingId, reason });
    expect(reopened).toMatchObject({ status: 'draft', editable: true, finalized: null, version: 4, revision: 4 });
    expect(reopened.content).toEqual(final.content);
    expect((await s.core.call('minutes.revisions', { meetingId: s.meetingId }))[0]).toMatchObject({ revision: 4, kind: 'reopen', note: reason, sha256: hash });
    expect((await minutesAudit(s.core))[0]).toMatchObject({ action: 'minutes.reopen', entityId: final.id, detail: { meetingId: s.meetingId, reason, finalSha256: hash } });
    expect(query(s.core, 'SELECT status, final_sha256, finalized_at FROM minutes')).toEqual([{ status: 'draft', final_sha256: null, finalized_at: null }]);
    await refused(s.core.call('minutes.reopen', { meetingId: s.meetingId, reason }), 'INVALID_STATE');

    // Editable again, from the version the reopen answered.
    const edited = insertBefore(reopened.content, 'end', para('Sở Tài chính: thống nhất.'));
    expect(await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 4, content: edited })).toMatchObject({ version: 5, revision: 5 });
    expect((await s.core.call('audit.verify', {})).ok).toBe(true);
  });

  it('minutes of an archived meeting are read-only', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    await s.core.call('meetings.setStatus', { id: s.meetingId, status: 'ended' });
    await s.core.call('meetings.setStatus', { id: s.meetingId, status: 'archived' });
    expect((await s.core.call('minutes.get', { meetingId: s.meetingId }))!.editable).toBe(false);
    const before = snapshot(s.core);
    const e = await refused(s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: insertBefore(draft.content, 'end', para('Muộn')) }), 'INVALID_STATE');
    expect(e.text.vi).toContain('lưu trữ');
    await refused(s.core.call('minutes.finalize', { meetingId: s.meetingId }), 'INVALID_STATE');
    expect(snapshot(s.core)).toEqual(before);
  });
});

describe('minutes: a meeting received in a pack', () => {
  it('cannot get minutes on the member’s laptop, and minutes that arrive with it are read-only', async () => {
    const sec = await createCore({ dataDir: tempDir(), logToFile: false });
    opened.push(sec);
    const s = await publishedMeeting(sec);
    const file = join(tempDir(), 'goi.nghisu');
    await sec.call('packs.exportFile', { meetingId: s.meetingId, file });

    const member = await createCore({ dataDir: tempDir(), logToFile: false });
    opened.push(member);
    await member.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
    await member.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng Ban Chỉ đạo', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
    await member.call('packs.importFile', { file });
    expect((await member.call('meetings.get', { id: s.meetingId })).origin).toBe('pack');

    const e = await refused(member.call('minutes.draft', { meetingId: s.meetingId }), 'INVALID_STATE');
    expect(e.text.vi).toContain('nhận từ gói tài liệu');
    expect(await member.call('minutes.get', { meetingId: s.meetingId })).toBeNull();

    // Minutes present for that meeting (as a pack that carries the secretariat's minutes will leave them).
    const content: MinutesContent = { root: { type: 'root', children: [para('Biên bản của Văn phòng.')] } };
    const json = canonicalJson(content);
    const db = new Database(member.databaseFile);
    db.prepare(
      `INSERT INTO minutes (id, meeting_id, content, content_sha256, version, status, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 'draft', '2026-12-07T05:00:00.000Z', '2026-12-07T05:00:00.000Z')`,
    ).run(uuidv7(), s.meetingId, json, sha256(json));
    db.close();
    const got = (await member.call('minutes.get', { meetingId: s.meetingId }))!;
    expect(got).toMatchObject({ status: 'draft', editable: false, content });
    const before = snapshot(member);
    for (const call of [
      member.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: { root: { type: 'root', children: [para('Sửa của thành viên.')] } } }),
      member.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.items[0]!, text: 'Kết luận của thành viên.' }),
      member.call('minutes.finalize', { meetingId: s.meetingId }),
    ]) {
      expect((await refused(call, 'INVALID_STATE')).text.vi).toContain('gói tài liệu');
    }
    expect(snapshot(member)).toEqual(before);
  });
});

describe('minutes: content the core refuses', () => {
  it('refuses unknown node types, oversize content, foreign agenda items, unknown units and duplicate ids, changing nothing', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    const other = (await s.core.call('meetings.create', {
      committeeId: s.d.committee,
      kindCode: 'regular',
      title: 'Cuộc họp khác',
      startsAt: '2026-02-02T01:00:00.000Z',
      endsAt: '2026-02-02T02:00:00.000Z',
    })).meeting.id;
    const foreignItem = (await s.core.call('agenda.add', { meetingId: other, title: 'Mục của cuộc họp khác', durationMinutes: 10 })).itemId;
    const before = snapshot(s.core);
    const save = (content: unknown) => s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: content as MinutesContent });

    const script = withBlocks(draft.content, [...draft.content.root.children, { type: 'script', text: 'alert(1)' } as unknown as BlockNode]);
    await refused(save(script), 'INVALID_INPUT');
    const badInline = withBlocks(draft.content, [{ type: 'paragraph', children: [{ type: 'image', src: 'file:///etc/passwd' }] } as unknown as BlockNode]);
    await refused(save(badInline), 'INVALID_INPUT');
    // 4.5 million characters pasted: over the 4 MB limit.
    const huge = withBlocks(draft.content, Array.from({ length: 250 }, () => para('x'.repeat(18_000))));
    const big = await refused(save(huge), 'INVALID_INPUT');
    expect(big.text.vi + JSON.stringify(big.details)).toContain('4 MB');

    const foreign = await refused(save(insertBefore(draft.content, 'end', { type: 'ns-item', agendaItemId: foreignItem, number: '3', title: 'Mục của cuộc họp khác', version: 1 })), 'INVALID_INPUT');
    expect(foreign.text.vi).toContain('không thuộc cuộc họp này');
    const unit = await refused(save(insertBefore(draft.content, 'end', conclusion('Đơn vị không có', { leadUnitId: uuidv7() }))), 'INVALID_INPUT');
    expect(unit.text.vi).toContain('không có trong danh bạ');
    const twice = conclusion('Hai lần');
    const dup = await refused(save(insertBefore(draft.content, 'end', twice, twice)), 'INVALID_INPUT');
    expect(dup.text.vi).toContain('trùng mã');
    await refused(s.core.call('minutes.save', { meetingId: uuidv7(), baseVersion: 1, content: draft.content }), 'NOT_FOUND');

    expect(snapshot(s.core)).toEqual(before);
    expect((await s.core.call('minutes.get', { meetingId: s.meetingId }))!.content).toEqual(draft.content);
  });

  it('refuses a conclusion id that another meeting’s minutes already use', async () => {
    const s = await secretariat();
    const one = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    const added = await s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Kết luận của phiên thứ nhất.' });
    const { meeting } = await s.core.call('meetings.clone', { id: s.meetingId, startsAt: '2026-03-02T01:00:00.000Z' });
    await s.core.call('meetings.setStatus', { id: meeting.id, status: 'published' });
    await s.core.call('meetings.setStatus', { id: meeting.id, status: 'in_progress' });
    const two = await s.core.call('minutes.draft', { meetingId: meeting.id });
    expect(two.id).not.toBe(one.id);
    const before = snapshot(s.core);
    const copied = { ...(added.content.root.children.find((b) => b.type === 'ns-conclusion') as object) } as BlockNode;
    const e = await refused(s.core.call('minutes.save', { meetingId: meeting.id, baseVersion: 1, content: insertBefore(two.content, 'end', copied) }), 'INVALID_INPUT');
    expect(e.text.vi).toContain('biên bản khác');
    expect(snapshot(s.core)).toEqual(before);
  });
});

describe('minutes: the audit log', () => {
  it('records every write with who made it', async () => {
    const s = await secretariat();
    const draft = await s.core.call('minutes.draft', { meetingId: s.meetingId });
    await s.core.call('minutes.save', { meetingId: s.meetingId, baseVersion: 1, content: insertBefore(draft.content, 'end', para('Thảo luận.')) });
    const added = await s.core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.firstItem, text: 'Thông qua.' });
    await s.core.call('agenda.update', { id: s.firstItem, title: 'Báo cáo công tác năm 2025' });
    await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: true });
    await s.core.call('minutes.restoreRevision', { meetingId: s.meetingId, revision: 1, baseVersion: added.version + 1 });
    await s.core.call('minutes.finalize', { meetingId: s.meetingId });
    await s.core.call('minutes.reopen', { meetingId: s.meetingId, reason: 'Sửa lỗi chính tả' });
    // Reads are not changes.
    await s.core.call('minutes.get', { meetingId: s.meetingId });
    await s.core.call('minutes.revisions', { meetingId: s.meetingId });
    await s.core.call('minutes.diff', { meetingId: s.meetingId, from: 1, to: 2 });
    await s.core.call('minutes.refresh', { meetingId: s.meetingId, apply: false });

    const audit = await minutesAudit(s.core);
    expect(audit.map((e) => e.action).reverse()).toEqual([
      'minutes.draft',
      'minutes.save',
      'minutes.addConclusion',
      'minutes.refresh',
      'minutes.restoreRevision',
      'minutes.finalize',
      'minutes.reopen',
    ]);
    expect(audit.every((e) => e.entity === 'minutes' && e.entityId === draft.id && e.actor?.name.startsWith('Đỗ Quang Đạt'))).toBe(true);
    expect(audit.find((e) => e.action === 'minutes.save')!.detail).toMatchObject({ meetingId: s.meetingId, version: 2, revision: 2 });
    expect((await s.core.call('audit.verify', {})).ok).toBe(true);
  });
});
