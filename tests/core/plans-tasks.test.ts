import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent, TaskFieldsInput } from '../../shared/contract/index.ts';
import { writePlan } from '../support/plan-rows.ts';
import { Database } from '../support/sqlite.ts';
import { meetingsWorld, query, refused, type MeetingsWorld } from './meetings-fixture.ts';

/** Tasks in an action plan's tree (issue 16): linked under a group, moved, unlinked, listed, shown on the task. */

let w: MeetingsWorld;
beforeEach(async () => {
  w = await meetingsWorld();
});
afterEach(async () => {
  await w.core.close();
});

const unknownId = '01900000-0000-7000-8000-0000000000ff';

function plan(title = 'Kế hoạch thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2026') {
  return writePlan(w.core.databaseFile, {
    title,
    committeeId: w.d.committee,
    years: [2026, 2026],
    groups: [
      { code: 'I', title: 'Chỉ tiêu kinh tế' },
      { code: 'II', title: 'Chỉ tiêu xã hội' },
    ],
    targets: [{ name: 'Tốc độ tăng trưởng GRDP', measure: '%', ownerOrgId: w.d.ubnd, group: 0, goals: { '2026': 9 } }],
  });
}

async function task(content: string, overrides: Partial<TaskFieldsInput> = {}) {
  const made = await w.core.call('tasks.create', {
    task: { content, leadUnit: w.d.soTaiChinh, assignedOn: '2026-01-06', deadline: { kind: 'date', date: '2026-03-31' }, ...overrides },
  });
  return made.id;
}

function links(): Array<{ task_id: string; group_id: string }> {
  return query(w.core, 'SELECT task_id, group_id FROM plan_tasks ORDER BY task_id');
}

function audit(action: string): Array<Record<string, unknown>> {
  return query<{ detail: string }>(w.core, 'SELECT detail FROM audit_log WHERE action = ? ORDER BY rowid', action).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
}

describe('tasks in an action plan', () => {
  it('links tasks under a group, lists them by plan, and shows the plan on the task', async () => {
    const { planId, groupIds } = plan();
    const budget = await task('Tổ chức thu ngân sách nhà nước đạt dự toán năm 2026');
    const invest = await task('Đẩy nhanh giải ngân vốn đầu tư công');
    const other = await task('Rà soát quy chế phối hợp của Ban Chỉ đạo');
    const events: CoreEvent[] = [];
    w.core.subscribe((e) => events.push(e));

    const result = await w.core.call('plans.linkTasks', { groupId: groupIds[0]!, taskIds: [budget, invest, budget] });
    expect(result).toEqual({ planId, groupId: groupIds[0], linked: 2, moved: 0, unchanged: 0 });
    expect(links()).toHaveLength(2);
    const changed = events.filter((e) => e.event === 'data.changed').map((e) => (e.payload as { area: string }).area);
    expect(changed).toEqual(expect.arrayContaining(['plans', 'tasks']));

    const detail = await w.core.call('plans.get', { planId });
    expect(detail.taskLinks.map((l) => l.groupId)).toEqual([groupIds[0], groupIds[0]]);
    expect(detail.taskLinks.map((l) => l.taskId).sort()).toEqual([budget, invest].sort());

    const listed = await w.core.call('tasks.list', { planId });
    expect(listed.total).toBe(2);
    expect(listed.items.map((t) => t.id).sort()).toEqual([budget, invest].sort());
    // The rows carry their buckets as the tasks list shows them.
    expect(listed.items.every((t) => t.bucket !== undefined)).toBe(true);
    // The filter combines with the others.
    expect((await w.core.call('tasks.list', { planId, query: 'giai ngan' })).items.map((t) => t.id)).toEqual([invest]);
    expect((await w.core.call('tasks.list', { planId: unknownId })).total).toBe(0);

    const got = await w.core.call('tasks.get', { id: budget });
    expect(got.plan).toEqual({ planId, planTitle: 'Kế hoạch thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2026', groupId: groupIds[0], groupCode: 'I', groupTitle: 'Chỉ tiêu kinh tế' });
    expect((await w.core.call('tasks.get', { id: other })).plan).toBeNull();

    expect(audit('plans.linkTasks')).toEqual([{ groupId: groupIds[0], linked: expect.arrayContaining([budget, invest]), moved: [] }]);
    const entry = query<{ entity: string; entity_id: string }>(w.core, "SELECT entity, entity_id FROM audit_log WHERE action = 'plans.linkTasks'")[0]!;
    expect(entry).toEqual({ entity: 'action_plan', entity_id: planId });
  });

  it('moves a task to another group or another plan: one plan per task', async () => {
    const first = plan();
    const second = plan('Kế hoạch cải cách hành chính năm 2026');
    const budget = await task('Tổ chức thu ngân sách nhà nước đạt dự toán năm 2026');
    await w.core.call('plans.linkTasks', { groupId: first.groupIds[0]!, taskIds: [budget] });

    // Linking again to the same group changes nothing and is not audited again.
    expect(await w.core.call('plans.linkTasks', { groupId: first.groupIds[0]!, taskIds: [budget] })).toMatchObject({ linked: 0, moved: 0, unchanged: 1 });
    expect(audit('plans.linkTasks')).toHaveLength(1);

    expect(await w.core.call('plans.linkTasks', { groupId: first.groupIds[1]!, taskIds: [budget] })).toMatchObject({ linked: 0, moved: 1 });
    expect(links()).toEqual([{ task_id: budget, group_id: first.groupIds[1] }]);
    expect((await w.core.call('tasks.get', { id: budget })).plan).toMatchObject({ groupCode: 'II', groupTitle: 'Chỉ tiêu xã hội' });

    await w.core.call('plans.linkTasks', { groupId: second.groupIds[0]!, taskIds: [budget] });
    expect(links()).toEqual([{ task_id: budget, group_id: second.groupIds[0] }]);
    expect((await w.core.call('tasks.list', { planId: first.planId })).total).toBe(0);
    expect((await w.core.call('tasks.list', { planId: second.planId })).total).toBe(1);
    expect((await w.core.call('plans.get', { planId: first.planId })).taskLinks).toEqual([]);
    expect(audit('plans.linkTasks').at(-1)).toEqual({ groupId: second.groupIds[0], linked: [], moved: [{ taskId: budget, fromGroupId: first.groupIds[1], fromPlanId: first.planId }] });
  });

  it('unlinks a task, audited, leaving the task as it was', async () => {
    const { planId, groupIds } = plan();
    const budget = await task('Tổ chức thu ngân sách nhà nước đạt dự toán năm 2026');
    await w.core.call('plans.linkTasks', { groupId: groupIds[1]!, taskIds: [budget] });
    const before = await w.core.call('tasks.get', { id: budget });

    expect(await w.core.call('plans.unlinkTask', { taskId: budget })).toEqual({ taskId: budget, removed: true });
    expect(links()).toEqual([]);
    const after = await w.core.call('tasks.get', { id: budget });
    expect(after.plan).toBeNull();
    expect(after.version).toBe(before.version);
    expect(after.events).toHaveLength(before.events.length);
    expect(audit('plans.unlinkTask')).toEqual([{ taskId: budget, groupId: groupIds[1] }]);
    expect(query(w.core, "SELECT entity_id FROM audit_log WHERE action = 'plans.unlinkTask'")).toEqual([{ entity_id: planId }]);

    // A task in no plan: nothing to do, nothing audited.
    expect(await w.core.call('plans.unlinkTask', { taskId: budget })).toEqual({ taskId: budget, removed: false });
    expect(audit('plans.unlinkTask')).toHaveLength(1);
  });

  it('refuses an unknown group or task in Vietnamese, writing nothing', async () => {
    const { groupIds } = plan();
    const budget = await task('Tổ chức thu ngân sách nhà nước đạt dự toán năm 2026');
    const auditRows = () => query(w.core, 'SELECT count(*) AS n FROM audit_log')[0];
    const before = auditRows();

    const noGroup = await refused(w.core.call('plans.linkTasks', { groupId: unknownId, taskIds: [budget] }), 'NOT_FOUND');
    expect(noGroup.text.vi).toBe('Không tìm thấy nhóm của kế hoạch.');
    // One good task and one unknown: neither is linked.
    const noTask = await refused(w.core.call('plans.linkTasks', { groupId: groupIds[0]!, taskIds: [budget, unknownId] }), 'NOT_FOUND');
    expect(noTask.text.vi).toBe('Không tìm thấy nhiệm vụ cần gắn vào kế hoạch.');
    const noTasks = await refused(
      w.core.call('plans.linkTasks', { groupId: groupIds[0]!, taskIds: [unknownId, '01900000-0000-7000-8000-0000000000fe'] }),
      'NOT_FOUND',
    );
    expect(noTasks.text.vi).toBe('Không tìm thấy 2 nhiệm vụ cần gắn vào kế hoạch.');
    await refused(w.core.call('plans.unlinkTask', { taskId: unknownId }), 'NOT_FOUND');
    await refused(w.core.call('plans.linkTasks', { groupId: groupIds[0]!, taskIds: [] }), 'INVALID_INPUT');

    expect(links()).toEqual([]);
    expect(auditRows()).toEqual(before);
  });

  it('a deleted group takes its links with it', async () => {
    const { groupIds } = plan();
    const budget = await task('Tổ chức thu ngân sách nhà nước đạt dự toán năm 2026');
    await w.core.call('plans.linkTasks', { groupId: groupIds[0]!, taskIds: [budget] });
    const db = new Database(w.core.databaseFile);
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.prepare('DELETE FROM plan_groups WHERE id = ?').run(groupIds[0]);
    } finally {
      db.close();
    }
    expect(links()).toEqual([]);
    expect((await w.core.call('tasks.get', { id: budget })).plan).toBeNull();
  });
});
