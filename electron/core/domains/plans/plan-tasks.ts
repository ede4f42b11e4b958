import type { PlansInput, PlanTasksLinked } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';

/**
 * The tasks (nhiệm vụ) that carry out a plan, each under one of its groups beside the targets. A
 * link row per task: linking a task that is under another group moves it, so a task is followed in
 * one place only; unlinking leaves the task itself untouched.
 */
export function createPlanTasks(ctx: ServiceContext) {
  const groupById = ctx.db.prepare('SELECT id, plan_id AS planId FROM plan_groups WHERE id = ?');
  const existingTasks = ctx.db.prepare('SELECT id FROM tasks WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const linksOf = ctx.db.prepare(
    `SELECT pt.task_id AS taskId, pt.group_id AS groupId, g.plan_id AS planId
       FROM plan_tasks pt JOIN plan_groups g ON g.id = pt.group_id WHERE pt.task_id IN (SELECT value FROM json_each(?))`,
  );
  const upsert = ctx.db.prepare(
    `INSERT INTO plan_tasks (task_id, group_id, linked_at) VALUES (@taskId, @groupId, @at)
     ON CONFLICT (task_id) DO UPDATE SET group_id = excluded.group_id, linked_at = excluded.linked_at`,
  );
  const remove = ctx.db.prepare('DELETE FROM plan_tasks WHERE task_id = ?');
  const taskExists = ctx.db.prepare('SELECT 1 FROM tasks WHERE id = ?').pluck();
  const touchPlan = ctx.db.prepare('UPDATE action_plans SET updated_at = ? WHERE id = ?');

  /** A task screen showing "Thuộc kế hoạch" reads again (the plans area is told by the domain). */
  const tasksChanged = () => ctx.events.emit('data.changed', { area: 'tasks' });

  return {
    link({ groupId, taskIds }: PlansInput<'plans.linkTasks'>): PlanTasksLinked {
      const ids = [...new Set(taskIds)];
      const at = ctx.now().toISOString();
      let result: PlanTasksLinked | undefined;
      ctx.db
        .transaction(() => {
          // Read inside the write transaction: another window cannot delete the group or a task in between.
          const group = groupById.get(groupId) as { id: string; planId: string } | undefined;
          if (!group) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy nhóm của kế hoạch.', en: 'Plan group not found.' });
          const found = new Set(existingTasks.all(JSON.stringify(ids)) as string[]);
          const missing = ids.filter((id) => !found.has(id));
          if (missing.length > 0) {
            throw new CoreError(
              'NOT_FOUND',
              missing.length === 1
                ? { vi: 'Không tìm thấy nhiệm vụ cần gắn vào kế hoạch.', en: 'A task to link was not found.' }
                : { vi: `Không tìm thấy ${missing.length} nhiệm vụ cần gắn vào kế hoạch.`, en: `${missing.length} tasks to link were not found.` },
            );
          }
          const before = new Map((linksOf.all(JSON.stringify(ids)) as Array<{ taskId: string; groupId: string; planId: string }>).map((l) => [l.taskId, l]));
          const linked: string[] = [];
          const moved: Array<{ taskId: string; fromGroupId: string; fromPlanId: string }> = [];
          for (const taskId of ids) {
            const was = before.get(taskId);
            if (was?.groupId === groupId) continue;
            upsert.run({ taskId, groupId, at });
            if (was) moved.push({ taskId, fromGroupId: was.groupId, fromPlanId: was.planId });
            else linked.push(taskId);
          }
          result = { planId: group.planId, groupId, linked: linked.length, moved: moved.length, unchanged: ids.length - linked.length - moved.length };
          if (linked.length + moved.length === 0) return;
          for (const planId of new Set([group.planId, ...moved.map((m) => m.fromPlanId)])) touchPlan.run(at, planId);
          ctx.audit.record({ action: 'plans.linkTasks', entity: 'action_plan', entityId: group.planId, detail: { groupId, linked, moved } });
        })
        .immediate();
      if (result!.linked + result!.moved > 0) tasksChanged();
      return result!;
    },

    unlink({ taskId }: PlansInput<'plans.unlinkTask'>): { taskId: string; removed: boolean } {
      let removed = false;
      ctx.db
        .transaction(() => {
          if (!taskExists.get(taskId)) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy nhiệm vụ.', en: 'Task not found.' });
          const was = (linksOf.all(JSON.stringify([taskId])) as Array<{ groupId: string; planId: string }>)[0];
          if (!was) return;
          remove.run(taskId);
          touchPlan.run(ctx.now().toISOString(), was.planId);
          ctx.audit.record({ action: 'plans.unlinkTask', entity: 'action_plan', entityId: was.planId, detail: { taskId, groupId: was.groupId } });
          removed = true;
        })
        .immediate();
      if (removed) tasksChanged();
      return { taskId, removed };
    },
  };
}
