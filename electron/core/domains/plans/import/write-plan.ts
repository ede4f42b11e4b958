import { v7 as uuidv7 } from 'uuid';
import type { PlanImportResult } from '../../../../../shared/contract/index.ts';
import { foldText } from '../../../../../shared/text-fold.ts';
import type { ServiceContext } from '../../../context.ts';
import type { PlanTable } from './locate-plan-table.ts';
import { countPlanRows, type GroupOp, type PlannedPlanRow, type TargetOp } from './plan-rows.ts';
import type { PlanSnapshot } from './plan-snapshot.ts';

export interface PlanWrite {
  table: PlanTable;
  rows: PlannedPlanRow[];
  snapshot: PlanSnapshot;
  fileName: string;
  committeeId: string | null;
  /** The title the user chose; for a new plan the one found in the file when left out. */
  title: string | null;
}

/**
 * Writes a planned import: the plan (new, or the one imported into), its new and changed groups,
 * its new and changed targets and their goals, and the audit entry. Call inside a transaction.
 */
export function writePlan(ctx: ServiceContext, w: PlanWrite): PlanImportResult {
  const db = ctx.db;
  const now = ctx.now().toISOString();
  const existing = w.snapshot.plan;
  const planId = existing?.id ?? uuidv7();
  if (existing) {
    db.prepare('UPDATE action_plans SET title = coalesce(@title, title), source_file = @source, updated_at = @now WHERE id = @id').run({
      id: planId,
      title: w.title,
      source: w.fileName,
      now,
    });
  } else {
    db.prepare(
      `INSERT INTO action_plans (id, committee_id, title, year_from, year_to, source_file, created_at, created_by, updated_at)
       VALUES (@id, @committeeId, @title, @yearFrom, @yearTo, @source, @now, @createdBy, @now)`,
    ).run({
      id: planId,
      committeeId: w.committeeId,
      title: w.title ?? w.table.title,
      yearFrom: w.table.yearFrom,
      yearTo: w.table.yearTo,
      source: w.fileName,
      now,
      createdBy: ctx.actorId(),
    });
  }

  const insertGroup = db.prepare('INSERT INTO plan_groups (id, plan_id, parent_id, code, title, position) VALUES (@id, @planId, @parentId, @code, @title, @position)');
  const updateGroup = db.prepare('UPDATE plan_groups SET parent_id = @parentId, code = @code, title = @title WHERE id = @id');
  const insertTarget = db.prepare(
    `INSERT INTO plan_targets (id, plan_id, group_id, code, name, measure, owner_org_id, direction, source, position, search_key)
     VALUES (@id, @planId, @groupId, @code, @name, @measure, @ownerOrgId, @direction, @source, @position, @searchKey)`,
  );
  const updateTarget = db.prepare(
    `UPDATE plan_targets SET group_id = @groupId, code = @code, name = @name, measure = @measure, owner_org_id = @ownerOrgId,
            direction = @direction, source = @source, search_key = @searchKey WHERE id = @id`,
  );
  const upsertGoal = db.prepare(
    'INSERT INTO target_goals (target_id, period, value) VALUES (?, ?, ?) ON CONFLICT (target_id, period) DO UPDATE SET value = excluded.value',
  );

  // New groups and targets go after what the plan already has, in the file's order.
  let groupPosition = Math.max(-1, ...(existing?.groups.map((g) => g.position) ?? []));
  let targetPosition = Math.max(-1, ...(existing?.targets.map((t) => t.position) ?? []));
  const groupIds: string[] = [];
  let goals = 0;
  for (const row of w.rows) {
    if (!row.op) continue;
    if (row.op.type === 'group') {
      const op: GroupOp = row.op;
      const id = op.existingId ?? uuidv7();
      groupIds[op.ref] = id;
      const group = { id, parentId: op.parentRef === null ? null : groupIds[op.parentRef]!, code: op.code, title: op.title };
      if (row.action === 'create') insertGroup.run({ ...group, planId, position: ++groupPosition });
      else if (row.action === 'update') updateGroup.run(group);
      continue;
    }
    const op: TargetOp = row.op;
    const target = {
      ...op.fields,
      id: op.existingId ?? uuidv7(),
      groupId: op.groupRef === null ? null : groupIds[op.groupRef]!,
      searchKey: foldText(`${op.fields.name} ${op.fields.code ?? ''}`),
    };
    if (op.existingId) updateTarget.run(target);
    else insertTarget.run({ ...target, planId, position: ++targetPosition });
    for (const [period, value] of Object.entries(op.goals)) {
      upsertGoal.run(target.id, period, value);
      goals += 1;
    }
  }

  const counts = countPlanRows(w.rows);
  const result: PlanImportResult = {
    planId,
    created: counts.create,
    updated: counts.update,
    unchanged: counts.unchanged,
    skipped: counts.skip,
    groups: counts.groups,
    goals,
  };
  const { planId: _planId, ...detail } = result;
  ctx.audit.record({ action: 'plans.import', entity: 'action_plan', entityId: planId, detail: { fileName: w.fileName, ...detail } });
  return result;
}
