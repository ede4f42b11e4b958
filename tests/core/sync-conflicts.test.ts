import { describe, expect, it } from 'vitest';
import { Database } from '../support/sqlite.ts';
import { syncWorld, UNITS, type Laptop } from './sync-world.ts';

const world = syncWorld();

function outbox(l: Laptop): Array<{ type: string; state: string }> {
  const db = new Database(l.core.databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT type, state FROM sync_outbox ORDER BY seq').all() as Array<{ type: string; state: string }>;
  } finally {
    db.close();
  }
}

const given = { leadUnit: UNITS.khcn.code, assignedOn: '2026-11-02', deadline: { kind: 'date' as const, date: '2026-12-31' } };

describe('liên thông conflicts wait for a person', () => {
  it('two laptops of the standing office change the same task: the second meets 412, sees what differs, and keeps its own or takes the hub’s', async () => {
    const hub = await world.hub();
    const a = await world.laptop(hub, 'office');
    const b = await world.laptop(hub, 'office');
    const task = await a.core.call('tasks.create', { task: { content: 'Tổng hợp báo cáo chuyển đổi số quý IV', ...given } });
    await a.core.call('sync.run', {});
    expect(await b.core.call('sync.run', {})).toMatchObject({ pulled: 1, error: null });
    // The same unit's second laptop holds the task as its own (it may edit it).
    expect((await b.core.call('tasks.get', { id: task.id })).received).toBeNull();

    const onA = await a.core.call('tasks.get', { id: task.id });
    await a.core.call('tasks.update', { id: task.id, baseVersion: onA.version, changes: { content: 'Tổng hợp báo cáo chuyển đổi số quý IV năm 2026' } });
    await a.core.call('sync.run', {});
    const onB = await b.core.call('tasks.get', { id: task.id });
    await b.core.call('tasks.update', { id: task.id, baseVersion: onB.version, changes: { urgency: 'flash' } });
    const met = await b.core.call('sync.run', {});
    expect(met).toMatchObject({ conflicts: 1, pending: 0 });
    expect((await b.core.call('sync.status', {})).conflicts).toBe(1);
    // Never silently overwritten: the hub still holds A's words, B still holds its own.
    expect((await hub.query<{ content: string }>("SELECT fields->>'content' AS content FROM assignments"))[0]!.content).toBe('Tổng hợp báo cáo chuyển đổi số quý IV năm 2026');
    expect((await b.core.call('tasks.get', { id: task.id })).urgency).toBe('flash');

    const { conflicts } = await b.core.call('sync.conflicts', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ taskId: task.id, kind: 'fields' });
    expect(conflicts[0]!.diffs).toEqual(
      expect.arrayContaining([
        { field: 'content', mine: 'Tổng hợp báo cáo chuyển đổi số quý IV', theirs: 'Tổng hợp báo cáo chuyển đổi số quý IV năm 2026' },
        { field: 'urgency', mine: 'flash', theirs: 'normal' },
      ]),
    );

    // Take the hub's copy: B's change is dropped, B now shows A's words and the hub's urgency.
    await b.core.call('sync.resolveConflict', { id: conflicts[0]!.id, keep: 'theirs' });
    expect(await b.core.call('tasks.get', { id: task.id })).toMatchObject({ content: 'Tổng hợp báo cáo chuyển đổi số quý IV năm 2026', urgency: 'normal' });
    expect(outbox(b)).toEqual([]);
    expect((await b.core.call('sync.conflicts', {})).conflicts).toEqual([]);

    // Again, and this time keep mine: sent on top of the hub's version.
    await a.core.call('tasks.update', { id: task.id, baseVersion: (await a.core.call('tasks.get', { id: task.id })).version, changes: { urgency: 'urgent' } });
    await a.core.call('sync.run', {});
    await b.core.call('tasks.update', { id: task.id, baseVersion: (await b.core.call('tasks.get', { id: task.id })).version, changes: { urgency: 'very_urgent' } });
    expect(await b.core.call('sync.run', {})).toMatchObject({ conflicts: 1 });
    const [second] = (await b.core.call('sync.conflicts', {})).conflicts;
    await b.core.call('sync.resolveConflict', { id: second!.id, keep: 'mine' });
    expect(await b.core.call('sync.run', {})).toMatchObject({ pushed: 1, pending: 0, conflicts: 0, error: null });
    expect((await hub.query<{ u: string }>("SELECT fields->>'urgency' AS u FROM assignments"))[0]!.u).toBe('very_urgent');
    await a.core.call('sync.run', {});
    expect((await a.core.call('tasks.get', { id: task.id })).urgency).toBe('very_urgent');
  });

  it('the hub refuses an event its status no longer allows (409): the lead unit’s completion after the office cancelled', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office');
    const khcn = await world.laptop(hub, 'khcn');
    const task = await office.core.call('tasks.create', { task: { content: 'Nâng cấp cổng dịch vụ công', ...given } });
    await office.core.call('sync.run', {});
    await khcn.core.call('sync.run', {});
    await office.core.call('tasks.cancel', { id: task.id, reason: 'Đã giao cho đơn vị khác' });
    await office.core.call('sync.run', {});
    // Offline, the Sở reports it done before hearing of the cancellation.
    await khcn.core.call('tasks.complete', { id: task.id, text: 'Đã xong', documentIds: [] });
    const r = await khcn.core.call('sync.run', {});
    expect(r.conflicts).toBe(1);
    const [c] = (await khcn.core.call('sync.conflicts', {})).conflicts;
    expect(c).toMatchObject({ kind: 'event', taskId: task.id });
    expect(c!.diffs).toContainEqual({ field: 'status', mine: 'done_requested', theirs: 'cancelled' });
    await khcn.core.call('sync.resolveConflict', { id: c!.id, keep: 'theirs' });
    expect((await khcn.core.call('tasks.get', { id: task.id })).status).toBe('cancelled');
    expect((await hub.query<{ s: string }>("SELECT state->>'status' AS s FROM assignments"))[0]!.s).toBe('cancelled');
  });

  it('what was recorded before sync was switched on is sent, and the echo never undoes it; classified and code-less tasks never go', async () => {
    const hub = await world.hub();
    const office = await world.laptop(hub, 'office', { configure: false });
    const khcn = await world.laptop(hub, 'khcn');
    const paper = await office.core.call('tasks.create', { task: { content: 'Báo cáo giấy của Sở được nhập tay', ...given } });
    await office.core.call('tasks.report', { id: paper.id, percent: 40, text: 'Theo báo cáo giấy số 12/BC-SKHCN', documentIds: [] });
    await office.core.call('tasks.create', { task: { content: 'Việc đã xong từ trước', ...given } }).then((t) => office.core.call('tasks.cancel', { id: t.id, reason: 'Không còn cần' }));
    await office.core.call('tasks.create', { task: { content: 'Việc mật', ...given, classification: 'secret' } });
    const nameless = await office.core.call('organizations.create', { name: 'Ban Quản lý dự án (chưa có mã)' });
    await world.connect(office.core, hub, 'office', office.dir);

    // Only the open, unclassified task given here was queued.
    expect(outbox(office)).toEqual([{ type: 'assignment', state: 'pending' }]);
    await office.core.call('tasks.create', { task: { content: 'Giao cho đơn vị chưa có mã', ...given, leadUnit: nameless.id } });
    expect(outbox(office).at(-1)).toEqual({ type: 'assignment', state: 'rejected' });
    const first = await office.core.call('sync.run', {});
    expect(first).toMatchObject({ pushed: 1, error: null });
    expect(await office.core.call('tasks.get', { id: paper.id })).toMatchObject({ status: 'in_progress', percent: 40 });
    const { rejected } = await office.core.call('sync.conflicts', {});
    expect(rejected).toEqual([expect.objectContaining({ type: 'assignment', taskContent: 'Giao cho đơn vị chưa có mã', error: expect.stringContaining('chưa có mã định danh') })]);
    await office.core.call('sync.dismissRejected', { seq: rejected[0]!.seq });
    expect(await office.core.call('sync.status', {})).toMatchObject({ rejected: 0, pending: 0 });

    // Once the unit reports through the hub, its word is the state.
    await khcn.core.call('sync.run', {});
    await khcn.core.call('tasks.report', { id: paper.id, percent: 70, text: 'Đã triển khai', documentIds: [] });
    await khcn.core.call('sync.run', {});
    await office.core.call('sync.run', {});
    expect(await office.core.call('tasks.get', { id: paper.id })).toMatchObject({ status: 'in_progress', percent: 70 });
    expect(await hub.query('SELECT count(*)::int AS n FROM assignments')).toEqual([{ n: 1 }]);
  });
});
