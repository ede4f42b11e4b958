import type { TargetDirection } from '../../../../../shared/contract/index.ts';
import { CoreError } from '../../../errors.ts';
import type { SqliteDatabase } from '../../../runtime.ts';

export interface ExistingGroup {
  id: string;
  parentId: string | null;
  code: string | null;
  title: string;
  position: number;
}

export interface ExistingTarget {
  id: string;
  groupId: string | null;
  code: string | null;
  name: string;
  measure: string;
  ownerOrgId: string | null;
  direction: TargetDirection;
  source: string | null;
  position: number;
  goals: Record<string, number>;
}

export interface ExistingPlan {
  id: string;
  committeeId: string | null;
  title: string;
  yearFrom: number;
  yearTo: number;
  groups: ExistingGroup[];
  targets: ExistingTarget[];
}

export interface UnitSnapshot {
  id: string;
  organCode: string | null;
  name: string;
  shortName: string | null;
}

export interface PlanSnapshot {
  units: UnitSnapshot[];
  /** The plan imported into, null for a new plan. */
  plan: ExistingPlan | null;
}

export function committeeNotFound(): CoreError {
  return new CoreError('NOT_FOUND', { vi: 'Không tìm thấy Ban Chỉ đạo này.', en: 'Committee not found.' });
}

export function planNotFound(): CoreError {
  return new CoreError('NOT_FOUND', { vi: 'Không tìm thấy kế hoạch để nhập chỉ tiêu vào.', en: 'The plan to import into was not found.' });
}

/**
 * What an import is planned against: the directory's units and, when importing into a plan, its
 * groups, targets and goals. Read again inside the commit's transaction, so nothing moves meanwhile.
 */
export function readPlanSnapshot(db: SqliteDatabase, target: { committeeId?: string | null; planId?: string | null }): PlanSnapshot {
  if (target.committeeId && !db.prepare('SELECT 1 FROM committees WHERE id = ?').pluck().get(target.committeeId)) throw committeeNotFound();
  const units = db.prepare('SELECT id, organ_code AS organCode, name, short_name AS shortName FROM organizations').all() as UnitSnapshot[];
  if (!target.planId) return { units, plan: null };
  const plan = db
    .prepare('SELECT id, committee_id AS committeeId, title, year_from AS yearFrom, year_to AS yearTo FROM action_plans WHERE id = ?')
    .get(target.planId) as Omit<ExistingPlan, 'groups' | 'targets'> | undefined;
  if (!plan) throw planNotFound();
  const groups = db
    .prepare('SELECT id, parent_id AS parentId, code, title, position FROM plan_groups WHERE plan_id = ? ORDER BY position')
    .all(plan.id) as ExistingGroup[];
  const targets = db
    .prepare(
      `SELECT id, group_id AS groupId, code, name, measure, owner_org_id AS ownerOrgId, direction, source, position
         FROM plan_targets WHERE plan_id = ? ORDER BY position`,
    )
    .all(plan.id) as Array<Omit<ExistingTarget, 'goals'>>;
  const goals = db
    .prepare('SELECT g.target_id AS targetId, g.period, g.value FROM target_goals g JOIN plan_targets t ON t.id = g.target_id WHERE t.plan_id = ?')
    .all(plan.id) as Array<{ targetId: string; period: string; value: number }>;
  const byTarget = new Map<string, Record<string, number>>();
  for (const g of goals) {
    const map = byTarget.get(g.targetId) ?? {};
    map[g.period] = g.value;
    byTarget.set(g.targetId, map);
  }
  return { units, plan: { ...plan, groups, targets: targets.map((t) => ({ ...t, goals: byTarget.get(t.id) ?? {} })) } };
}
