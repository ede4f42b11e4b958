import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskFieldsInput } from '../../shared/contract/index.ts';
import { Database } from '../support/sqlite.ts';
import { meetingInput, meetingsWorld, meetingWithDraft, refused, vn, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
beforeEach(async () => {
  w = await meetingsWorld();
});
afterEach(async () => {
  await w.core.close();
});

function counts(): Record<string, number> {
  const db = new Database(w.core.databaseFile, { readonly: true });
  try {
    return Object.fromEntries(['tasks', 'task_coordinators', 'task_events', 'task_extensions', 'audit_log'].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/** A meeting in progress whose minutes hold three conclusions, two of them with a lead unit. */
async function meetingWithConclusions() {
  const m = await meetingWithDraft(w);
  await w.core.call('minutes.addConclusion', { meetingId: m.id, agendaItemId: m.firstItem, text: 'Công an tỉnh tổng kết công tác phòng, chống tham nhũng.', leadUnitId: w.d.congAn, coordinatingUnitIds: [w.d.vanPhong], deadline: '2026-03-31' });
  await w.core.call('minutes.addConclusion', { meetingId: m.id, agendaItemId: m.secondItem, text: 'Sở Tài chính bố trí kinh phí.', leadUnitId: w.d.soTaiChinh });
  const v = await w.core.call('minutes.addConclusion', { meetingId: m.id, agendaItemId: m.secondItem, text: 'Các đơn vị rà soát quy chế phối hợp.' });
  return { ...m, conclusions: v.conclusions };
}

const basic = (overrides: Partial<TaskFieldsInput> = {}): TaskFieldsInput => ({
  content: 'Rà soát, sửa đổi quy chế phối hợp',
  leadUnit: w.d.vanPhong,
  assignedOn: '2026-01-06',
  deadline: { kind: 'date', date: '2026-02-27' },
  ...overrides,
});

describe('tasks from conclusions', () => {
  it('drafts each conclusion with its units and deadline, makes the reviewed tasks in one go, and marks them as made', async () => {
    const m = await meetingWithConclusions();
    const drafts = await w.core.call('tasks.conclusionDrafts', { meetingId: m.id });
    expect(drafts.meetingTitle).toBe('Họp Ban Chỉ đạo quý I năm 2026');
    expect(drafts.drafts.map((d) => [d.ordinal, d.leadUnit?.name ?? null, d.coordinatingUnits.map((u) => u.name), d.deadline, d.taskId])).toEqual([
      [1, 'Công an tỉnh Lào Cai', ['Văn phòng UBND tỉnh'], '2026-03-31', null],
      [2, 'Sở Tài chính', [], null, null],
      [3, null, [], null, null],
    ]);

    const made = await w.core.call('tasks.createMany', {
      items: drafts.drafts.map((d) => ({
        source: { kind: 'conclusion' as const, meetingId: m.id, conclusionId: d.conclusionId },
        task: {
          content: d.text,
          leadUnit: d.leadUnit?.id ?? w.d.vanPhong,
          coordinatingUnits: d.coordinatingUnits.map((u) => u.id),
          assignedOn: '2026-01-06',
          deadline: d.deadline ? { kind: 'date' as const, date: d.deadline } : { kind: 'working_days' as const, days: 15 },
        },
      })),
    });
    expect(made).toHaveLength(3);
    expect(made[0]!.source).toMatchObject({ kind: 'conclusion', meetingId: m.id, agendaItemId: m.firstItem, conclusionId: drafts.drafts[0]!.conclusionId });
    expect(made[0]!.source.agendaItemTitle).toBe('Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025');
    // 15 working days from Tue 06/01/2026: 27/01/2026.
    expect(made[1]!.dueDate).toBe('2026-01-27');

    const again = await w.core.call('tasks.conclusionDrafts', { meetingId: m.id });
    expect(again.drafts.map((d) => d.taskId)).toEqual(made.map((t) => t.id));
    expect((await w.core.call('tasks.list', { meetingId: m.id })).total).toBe(3);
  });

  it('all or nothing: one bad task among several writes none, and a conclusion becomes one task only', async () => {
    const m = await meetingWithConclusions();
    const [c1, c2] = m.conclusions;
    const before = counts();
    await refused(
      w.core.call('tasks.createMany', {
        items: [
          { source: { kind: 'conclusion', meetingId: m.id, conclusionId: c1!.id }, task: basic() },
          { source: { kind: 'conclusion', meetingId: m.id, conclusionId: c2!.id }, task: basic({ leadUnit: '000.00.99.H41' }) },
        ],
      }),
      'INVALID_INPUT',
    );
    expect(counts()).toEqual(before);

    await w.core.call('tasks.create', { source: { kind: 'conclusion', conclusionId: c1!.id }, task: basic() });
    const conflict = await refused(w.core.call('tasks.create', { source: { kind: 'conclusion', meetingId: m.id, conclusionId: c1!.id }, task: basic() }), 'CONFLICT');
    expect(conflict.text.vi).toBe('Kết luận này đã được giao thành nhiệm vụ.');
    await refused(w.core.call('tasks.createMany', { items: [c2, c2].map((c) => ({ source: { kind: 'conclusion' as const, conclusionId: c!.id }, task: basic() })) }), 'INVALID_INPUT');
    // A conclusion of another meeting is not this meeting's.
    const other = await w.core.call('meetings.create', meetingInput(w.d, { title: 'Họp khác' }));
    await refused(w.core.call('tasks.create', { source: { kind: 'conclusion', meetingId: other.meeting.id, conclusionId: c2!.id }, task: basic() }), 'INVALID_INPUT');
  });
});

describe('task workflow', () => {
  it('refuses bad input with a clear message and writes nothing', async () => {
    const t = await w.core.call('tasks.create', { task: basic() });
    const before = counts();
    const cases: Array<[Promise<unknown>, string]> = [
      [w.core.call('tasks.create', { task: basic({ deadline: { kind: 'date', date: '2026-01-05' } }) }), 'Hạn xử lý trước ngày giao'],
      [w.core.call('tasks.create', { task: basic({ leadUnit: '000.00.99.H41' }) }), 'Không có đơn vị “000.00.99.H41” trong danh bạ'],
      [w.core.call('tasks.create', { task: basic({ coordinatingUnits: [w.d.congAn, w.d.vanPhong] }) }), 'Đơn vị phối hợp trùng với đơn vị chủ trì'],
      [w.core.call('tasks.create', { task: basic({ supervisorId: '0190a5a0-0000-7000-8000-000000000001' }) }), 'Lãnh đạo phụ trách không có trong danh bạ'],
      [w.core.call('tasks.report', { id: t.id, percent: 30, text: 'x', documentIds: ['0190a5a0-0000-7000-8000-000000000001'] }), 'Có tài liệu minh chứng không còn trong kho tài liệu'],
      [w.core.call('tasks.requestExtension', { id: t.id, to: '2026-02-27', reason: 'x' }), 'Hạn mới phải sau hạn hiện tại'],
      [w.core.call('tasks.complete', { id: t.id, date: '2026-01-05' }), 'Ngày hoàn thành trước ngày giao'],
      [w.core.call('tasks.complete', { id: t.id, date: '2099-01-05' }), 'Ngày hoàn thành ở tương lai'],
    ];
    for (const [call, message] of cases) {
      const e = await refused(call, 'INVALID_INPUT');
      expect(e.text.vi).toContain(message);
    }
    expect(counts()).toEqual(before);
  });

  it('walks mới giao → đang thực hiện → đề nghị hoàn thành → trả lại → hoàn thành, each step in the history and the audit log', async () => {
    await w.core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
    const t = await w.core.call('tasks.create', { task: basic({ coordinatingUnits: [w.d.congAn], tags: ['Nghị quyết 57', 'Nghị quyết 57'] }) });
    expect(t).toMatchObject({ status: 'assigned', percent: 0, tags: ['Nghị quyết 57'], coordinatingUnits: [{ name: 'Công an tỉnh Lào Cai' }] });
    await w.core.call('tasks.report', { id: t.id, percent: 40, text: 'Đã lấy ý kiến các sở' });
    await w.core.call('tasks.remind', { id: t.id, note: 'Đề nghị đẩy nhanh tiến độ' });
    await w.core.call('tasks.complete', { id: t.id, date: '2026-02-20', text: 'Đã trình dự thảo' });
    await refused(w.core.call('tasks.report', { id: t.id, percent: 90, text: 'x' }), 'INVALID_STATE');
    const returned = await w.core.call('tasks.return', { id: t.id, reason: 'Thiếu ý kiến Sở Tư pháp' });
    expect(returned).toMatchObject({ status: 'returned', completedOn: null, statusReason: 'Thiếu ý kiến Sở Tư pháp' });
    await w.core.call('tasks.complete', { id: t.id, date: '2026-02-26' });
    const done = await w.core.call('tasks.accept', { id: t.id });
    expect(done).toMatchObject({ status: 'done', percent: 100, completedOn: '2026-02-26', bucket: 'done_on_time' });
    expect(done.events.map((e) => e.kind)).toEqual(['created', 'progress', 'reminded', 'completed', 'returned', 'completed', 'accepted']);
    expect(done.events[1]).toMatchObject({ percent: 40, text: 'Đã lấy ý kiến các sở', actorName: 'Đỗ Quang Đạt, Chuyên viên' });

    const { items } = await w.core.call('audit.list', { filter: { action: 'tasks' } });
    expect(items.map((e) => e.action).sort()).toEqual(['tasks.accept', 'tasks.complete', 'tasks.complete', 'tasks.create', 'tasks.remind', 'tasks.report', 'tasks.return'].sort());
    const accept = items.find((e) => e.action === 'tasks.accept')!;
    expect(accept.detail).toEqual({ before: { status: 'done_requested' }, after: { status: 'done' } });

    // Finished work cannot be extended, paused or cancelled.
    await refused(w.core.call('tasks.requestExtension', { id: t.id, to: '2026-03-31', reason: 'x' }), 'INVALID_STATE');
    await refused(w.core.call('tasks.cancel', { id: t.id, reason: 'x' }), 'INVALID_STATE');
  });

  it('pauses, resumes and cancels with reasons; a cancelled task cannot be completed; one extension request waits at a time', async () => {
    const t = await w.core.call('tasks.create', { task: basic() });
    await w.core.call('tasks.pause', { id: t.id, reason: 'Chờ chủ trương của Tỉnh ủy' });
    expect((await w.core.call('tasks.resume', { id: t.id })).status).toBe('assigned');
    await w.core.call('tasks.requestExtension', { id: t.id, to: '2026-03-31', reason: 'Chờ ý kiến Bộ' });
    await refused(w.core.call('tasks.requestExtension', { id: t.id, to: '2026-04-30', reason: 'x' }), 'CONFLICT');
    expect((await w.core.call('tasks.alerts', { asOf: '2026-02-01' })).extensionsPending).toBe(1);
    const ext = (await w.core.call('tasks.get', { id: t.id })).extensions[0]!;
    expect((await w.core.call('tasks.decideExtension', { extensionId: ext.id, approve: false, note: 'Không có căn cứ' })).dueDate).toBe('2026-02-27');
    await refused(w.core.call('tasks.decideExtension', { extensionId: ext.id, approve: true }), 'INVALID_STATE');
    await w.core.call('tasks.cancel', { id: t.id, reason: 'Không còn phù hợp' });
    const e = await refused(w.core.call('tasks.complete', { id: t.id }), 'INVALID_STATE');
    expect(e.text.vi).toBe('Nhiệm vụ đã hủy: không thể báo hoàn thành.');
  });

  it('corrects a task: only what changed is written, audited before → after, with the version checked', async () => {
    const t = await w.core.call('tasks.create', { task: basic({ coordinatingUnits: [w.d.congAn] }) });
    const fixed = await w.core.call('tasks.update', {
      id: t.id,
      baseVersion: t.version,
      changes: { content: 'Sửa đổi quy chế phối hợp liên ngành', leadUnit: w.d.soTaiChinh, coordinatingUnits: [w.d.congAn, w.d.vanPhong], deadline: { kind: 'working_days', days: 10 } },
    });
    expect(fixed).toMatchObject({ content: 'Sửa đổi quy chế phối hợp liên ngành', leadUnit: { name: 'Sở Tài chính' }, dueDate: '2026-01-20', originalDeadline: '2026-01-20', version: t.version + 1 });
    expect(fixed.coordinatingUnits.map((u) => u.name)).toEqual(['Công an tỉnh Lào Cai', 'Văn phòng UBND tỉnh']);
    expect(fixed.events.at(-1)).toMatchObject({ kind: 'edited' });
    expect((await w.core.call('tasks.list', { query: 'lien nganh' })).total).toBe(1);
    const entry = (await w.core.call('audit.list', { filter: { action: 'tasks.update' } })).items[0]!;
    expect(entry.detail).toMatchObject({
      before: { content: 'Rà soát, sửa đổi quy chế phối hợp', due_date: '2026-02-27', coordinating_units: [w.d.congAn] },
      after: { content: 'Sửa đổi quy chế phối hợp liên ngành', due_date: '2026-01-20' },
    });

    const before = counts();
    await refused(w.core.call('tasks.update', { id: t.id, baseVersion: t.version, changes: { content: 'Cửa sổ cũ' } }), 'CONFLICT');
    await refused(w.core.call('tasks.update', { id: t.id, baseVersion: fixed.version, changes: { coordinatingUnits: [w.d.soTaiChinh] } }), 'INVALID_INPUT');
    await refused(w.core.call('tasks.update', { id: t.id, baseVersion: fixed.version, changes: { leadUnit: w.d.congAn } }), 'INVALID_INPUT');
    expect(counts()).toEqual(before);

    // Once extended, the deadline moves only by extension.
    const ext = await w.core.call('tasks.requestExtension', { id: t.id, to: '2026-02-27', reason: 'Chờ ý kiến Bộ' });
    const approved = await w.core.call('tasks.decideExtension', { extensionId: ext.extensions[0]!.id, approve: true });
    await refused(w.core.call('tasks.update', { id: t.id, baseVersion: approved.version, changes: { deadline: { kind: 'date', date: '2026-03-31' } } }), 'INVALID_STATE');
    const same = await w.core.call('tasks.update', { id: t.id, baseVersion: approved.version, changes: { content: 'Sửa đổi quy chế phối hợp liên ngành' } });
    expect(same.version).toBe(approved.version);
  });

  it('finds tasks by words without diacritics, by tag and by lead unit', async () => {
    await w.core.call('tasks.create', { task: basic({ content: 'Đẩy nhanh giải ngân vốn đầu tư công', tags: ['Nghị quyết 57'] }) });
    await w.core.call('tasks.create', { task: basic({ content: 'Tổng kết công tác phòng, chống tham nhũng', leadUnit: w.d.congAn }) });
    expect((await w.core.call('tasks.list', { query: 'giai ngan' })).items.map((i) => i.content)).toEqual(['Đẩy nhanh giải ngân vốn đầu tư công']);
    expect((await w.core.call('tasks.list', { tag: 'Nghị quyết 57' })).total).toBe(1);
    expect((await w.core.call('tasks.list', { unitId: w.d.congAn })).items.map((i) => i.leadUnit.name)).toEqual(['Công an tỉnh Lào Cai']);
    expect((await w.core.call('tasks.list', { query: '100%_' })).total).toBe(0);
    const unit = await w.core.call('tasks.stats', { unitId: w.d.congAn, asOf: '2026-01-10', weeks: 2 });
    expect(unit.totals).toMatchObject({ open_on_time: 1, total: 1 });
    expect(unit.weeks.map((x) => [x.asOf, x.total])).toEqual([['2026-01-03', 0], ['2026-01-10', 1]]);
  });

  it('lists the administrator’s calendar changes of a year as entered, a holiday cancelled by a worked day included', async () => {
    await w.core.call('calendar.setDays', { days: [{ date: '2026-09-01', kind: 'work', note: 'Nghỉ lễ đổi sang 03/09' }, { date: '2026-09-03', kind: 'off', note: 'Nghỉ lễ Quốc khánh' }] });
    const y = await w.core.call('calendar.holidays', { year: 2026 });
    expect(y.overrides).toEqual([
      { date: '2026-09-01', kind: 'work', note: 'Nghỉ lễ đổi sang 03/09' },
      { date: '2026-09-03', kind: 'off', note: 'Nghỉ lễ Quốc khánh' },
    ]);
    expect(y.holidays.map((h) => h.date)).not.toContain('2026-09-01');
    expect((await w.core.call('calendar.removeDay', { date: '2026-09-01' })).removed).toBe(true);
    expect((await w.core.call('calendar.holidays', { year: 2026 })).holidays.map((h) => h.date)).toContain('2026-09-01');
  });
});

describe('the loop back to the next meeting', () => {
  it('offers the committee’s open tasks from earlier meetings as an agenda item of the next', async () => {
    const m = await meetingWithConclusions();
    const [c1, c2, c3] = m.conclusions;
    const tasks = await w.core.call('tasks.createMany', {
      items: [c1, c2, c3].map((c, i) => ({ source: { kind: 'conclusion' as const, conclusionId: c!.id }, task: basic({ content: c!.text, deadline: { kind: 'date', date: `2026-0${i + 2}-27` } }) })),
    });
    await w.core.call('tasks.complete', { id: tasks[2]!.id, date: '2026-01-20' });
    await w.core.call('tasks.accept', { id: tasks[2]!.id });

    const next = await w.core.call('meetings.create', meetingInput(w.d, { title: 'Họp Ban Chỉ đạo quý II năm 2026', startsAt: vn('2026-04-06T08:00'), endsAt: vn('2026-04-06T11:00') }));
    const added = await w.core.call('tasks.addFollowUpItem', { meetingId: next.meeting.id });
    expect(added.tasks).toBe(2);
    const agenda = (await w.core.call('meetings.get', { id: next.meeting.id })).agenda.items;
    const item = agenda.find((i) => i.id === added.agendaItemId)!;
    expect(item.title).toBe('Kiểm điểm việc thực hiện kết luận kỳ trước');
    expect(item.description).toContain('1. Công an tỉnh tổng kết công tác phòng, chống tham nhũng. — Văn phòng UBND tỉnh chủ trì, hạn 27/02/2026');
    expect(item.description).not.toContain('rà soát quy chế');
    await refused(w.core.call('tasks.addFollowUpItem', { meetingId: next.meeting.id }), 'CONFLICT');
    // The first meeting has no earlier one.
    await refused(w.core.call('tasks.addFollowUpItem', { meetingId: m.id }), 'INVALID_STATE');
  });
});
