import type { PlanDetail, PlanGroup, PlanSummary, PlanTarget, PlanTaskLink, TargetActual, TargetDirection, TargetHistory } from '../../../../shared/contract/index.ts';
import { compareTargetPeriods } from '../../../../shared/plans/target-periods.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import { CoreError } from '../../errors.ts';

interface PlanRow {
  id: string;
  title: string;
  code: string | null;
  committee_id: string | null;
  committee_name: string | null;
  year_from: number;
  year_to: number;
  near_percent: number;
  met_percent: number;
  targets: number;
  reported: number;
  created_at: string;
  updated_at: string;
}

interface TargetRow {
  id: string;
  plan_id: string;
  group_id: string | null;
  code: string | null;
  name: string;
  measure: string;
  owner_org_id: string | null;
  owner_code: string | null;
  owner_name: string | null;
  direction: TargetDirection;
  source: string | null;
  position: number;
}

export interface ActualRow {
  id: string;
  target_id: string;
  period: string;
  value: number;
  note: string | null;
  evidence_document_id: string | null;
  reported_at: string;
  reported_by: string | null;
  reporter_name: string | null;
}

const PLAN_SELECT = `
  SELECT p.id, p.title, p.code, p.committee_id, c.name AS committee_name, p.year_from, p.year_to, p.near_percent, p.met_percent,
         p.created_at, p.updated_at,
         (SELECT count(*) FROM plan_targets t WHERE t.plan_id = p.id) AS targets,
         (SELECT count(DISTINCT a.target_id) FROM target_actuals a JOIN plan_targets t ON t.id = a.target_id WHERE t.plan_id = p.id) AS reported
    FROM action_plans p LEFT JOIN committees c ON c.id = p.committee_id`;

const TARGET_SELECT = `
  SELECT t.id, t.plan_id, t.group_id, t.code, t.name, t.measure, t.owner_org_id, o.organ_code AS owner_code, o.name AS owner_name,
         t.direction, t.source, t.position
    FROM plan_targets t LEFT JOIN organizations o ON o.id = t.owner_org_id`;

const ACTUAL_SELECT = `
  SELECT a.id, a.target_id, a.period, a.value, a.note, a.evidence_document_id, a.reported_at, a.reported_by, a.reporter_name
    FROM target_actuals a`;

export function planSummary(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    title: row.title,
    code: row.code,
    committee: row.committee_id ? { id: row.committee_id, name: row.committee_name ?? '' } : null,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    thresholds: { nearPercent: row.near_percent, metPercent: row.met_percent },
    targets: row.targets,
    reported: row.reported,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function targetActual(row: ActualRow): TargetActual {
  return {
    id: row.id,
    targetId: row.target_id,
    period: row.period,
    value: row.value,
    note: row.note,
    evidenceDocumentId: row.evidence_document_id,
    reportedAt: row.reported_at,
    reportedBy: row.reported_by ? { id: row.reported_by, name: row.reporter_name ?? '' } : null,
  };
}

function planTarget(row: TargetRow, goals: Record<string, number>, actuals: Record<string, TargetActual>): PlanTarget {
  return {
    id: row.id,
    planId: row.plan_id,
    groupId: row.group_id,
    code: row.code,
    name: row.name,
    measure: row.measure,
    ownerUnit: row.owner_org_id ? { id: row.owner_org_id, code: row.owner_code, name: row.owner_name ?? '' } : null,
    direction: row.direction,
    source: row.source,
    position: row.position,
    goals,
    actuals,
  };
}

/**
 * Plans and targets read back. "Current" values are the newest report per period made by a given
 * moment (the end of the as-of day), so the same reader serves today's screen and a past cut-off.
 */
export function createPlanReader(db: SqliteDatabase) {
  const planById = db.prepare(`${PLAN_SELECT} WHERE p.id = ?`);
  const plans = db.prepare(`${PLAN_SELECT} WHERE @committee IS NULL OR p.committee_id = @committee ORDER BY p.year_from DESC, p.created_at DESC`);
  const groups = db.prepare('SELECT id, parent_id AS parentId, code, title, position FROM plan_groups WHERE plan_id = ? ORDER BY position');
  const targets = db.prepare(`${TARGET_SELECT} WHERE t.plan_id = ? ORDER BY t.position`);
  const targetById = db.prepare(`${TARGET_SELECT} WHERE t.id = ?`);
  const planGoals = db.prepare(
    'SELECT g.target_id AS targetId, g.period, g.value FROM target_goals g JOIN plan_targets t ON t.id = g.target_id WHERE t.plan_id = ?',
  );
  const targetGoals = db.prepare('SELECT period, value FROM target_goals WHERE target_id = ?');
  // The newest report per (target, period) made before `until`; ties broken by id (uuidv7, time-ordered).
  const planActuals = db.prepare(`
    ${ACTUAL_SELECT}
     WHERE a.id IN (
       SELECT (SELECT a2.id FROM target_actuals a2
                WHERE a2.target_id = x.target_id AND a2.period = x.period AND a2.reported_at < @until
                ORDER BY a2.reported_at DESC, a2.id DESC LIMIT 1)
         FROM (SELECT DISTINCT a1.target_id, a1.period FROM target_actuals a1 JOIN plan_targets t ON t.id = a1.target_id WHERE t.plan_id = @plan) x)`);
  const targetActuals = db.prepare(`${ACTUAL_SELECT} WHERE a.target_id = ? ORDER BY a.reported_at DESC, a.id DESC`);
  const taskLinks = db.prepare(
    `SELECT pt.task_id AS taskId, pt.group_id AS groupId FROM plan_tasks pt JOIN plan_groups g ON g.id = pt.group_id
      WHERE g.plan_id = ? ORDER BY pt.linked_at, pt.task_id`,
  );

  function planRow(planId: string): PlanRow {
    const row = planById.get(planId) as PlanRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' });
    return row;
  }

  function detail(planId: string, until = '9999-12-31T23:59:59.999Z'): PlanDetail {
    const plan = planSummary(planRow(planId));
    const goals = new Map<string, Record<string, number>>();
    const periods = new Set<string>();
    for (const g of planGoals.all(planId) as Array<{ targetId: string; period: string; value: number }>) {
      const map = goals.get(g.targetId) ?? {};
      map[g.period] = g.value;
      goals.set(g.targetId, map);
      periods.add(g.period);
    }
    const actuals = new Map<string, Record<string, TargetActual>>();
    for (const row of planActuals.all({ plan: planId, until }) as ActualRow[]) {
      const map = actuals.get(row.target_id) ?? {};
      map[row.period] = targetActual(row);
      actuals.set(row.target_id, map);
      periods.add(row.period);
    }
    return {
      plan,
      groups: groups.all(planId) as PlanGroup[],
      targets: (targets.all(planId) as TargetRow[]).map((t) => planTarget(t, goals.get(t.id) ?? {}, actuals.get(t.id) ?? {})),
      periods: [...periods].sort(compareTargetPeriods),
      taskLinks: taskLinks.all(planId) as PlanTaskLink[],
    };
  }

  return {
    list(committeeId?: string): PlanSummary[] {
      return (plans.all({ committee: committeeId ?? null }) as PlanRow[]).map(planSummary);
    },
    summary: (planId: string) => planSummary(planRow(planId)),
    detail,
    history(targetId: string): TargetHistory {
      const row = targetById.get(targetId) as TargetRow | undefined;
      if (!row) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy chỉ tiêu.', en: 'Target not found.' });
      const goals = (targetGoals.all(targetId) as Array<{ period: string; value: number }>).sort((a, b) => compareTargetPeriods(a.period, b.period));
      const all = (targetActuals.all(targetId) as ActualRow[]).map(targetActual);
      const current: Record<string, TargetActual> = {};
      for (const a of all) current[a.period] ??= a;
      return {
        target: planTarget(row, Object.fromEntries(goals.map((g) => [g.period, g.value])), current),
        plan: planSummary(planRow(row.plan_id)),
        goals,
        actuals: all,
      };
    },
    target(targetId: string): PlanTarget & { planYears: [number, number] } {
      const row = targetById.get(targetId) as TargetRow | undefined;
      if (!row) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy chỉ tiêu.', en: 'Target not found.' });
      const plan = planRow(row.plan_id);
      return { ...planTarget(row, {}, {}), planYears: [plan.year_from, plan.year_to] };
    },
  };
}

export type PlanReader = ReturnType<typeof createPlanReader>;
