import type { HeatCell, PlanDetail, PlanStanding, StatusCounts, TargetStanding, TaskUnit } from '../../../../shared/contract/index.ts';
import { attainment } from '../../../../shared/plans/attainment.ts';
import { yearOf } from '../../../../shared/plans/target-periods.ts';
import { addDaysKey, dayStartInstant } from '../../../../shared/vn-time.ts';

export const emptyCounts = (): StatusCounts => ({ met: 0, near: 0, missed: 0, none: 0 });

/** The first instant after the as-of day in Việt Nam: reports made before it count. */
export function reportedBefore(asOf: string): string {
  return dayStartInstant(addDaysKey(asOf, 1));
}

/**
 * Each target against its goal for one period. The goal is the period's own; a quarter or month
 * with only a yearly goal is compared with the year's (marked by `goalPeriod`), as provincial
 * reports do ("ước thực hiện quý I đạt …% kế hoạch năm").
 */
export function standingOf(detail: PlanDetail, period: string): TargetStanding[] {
  const thresholds = detail.plan.thresholds;
  return detail.targets.map((t) => {
    const own = t.goals[period];
    const year = yearOf(period);
    const goalPeriod = own !== undefined ? period : t.goals[year] !== undefined ? year : null;
    const goal = goalPeriod ? t.goals[goalPeriod]! : null;
    const reported = t.actuals[period] ?? null;
    const actual = reported?.value ?? null;
    return { targetId: t.id, goal, goalPeriod, actual, reportedAt: reported?.reportedAt ?? null, ...attainment(goal, actual, t.direction, thresholds) };
  });
}

/**
 * Units × the plan's top-level groups. A target has one owning unit, so a literal units × targets
 * grid would hold one coloured cell per column; grouped, each cell tells how a unit stands on a
 * whole area of the plan (kinh tế, xã hội, môi trường) — the question a chair asks.
 */
function heatmap(detail: PlanDetail, rows: TargetStanding[]): PlanStanding['heatmap'] {
  const parentOf = new Map(detail.groups.map((g) => [g.id, g.parentId]));
  const topOf = (groupId: string | null): string | null => {
    let id = groupId;
    for (let guard = 0; id && parentOf.get(id) && guard < 50; guard++) id = parentOf.get(id)!;
    return id;
  };
  const byTarget = new Map(rows.map((r) => [r.targetId, r]));
  const cells = new Map<string, HeatCell & { sum: number; n: number }>();
  const units = new Map<string | null, TaskUnit | null>();
  const usedGroups = new Set<string | null>();
  for (const t of detail.targets) {
    const unitId = t.ownerUnit?.id ?? null;
    const groupId = topOf(t.groupId);
    units.set(unitId, t.ownerUnit);
    usedGroups.add(groupId);
    const key = `${unitId}|${groupId}`;
    const cell = cells.get(key) ?? { unitId, groupId, counts: emptyCounts(), meanPercent: null, sum: 0, n: 0 };
    const row = byTarget.get(t.id)!;
    cell.counts[row.status] += 1;
    if (row.percent !== null) {
      cell.sum += Math.min(row.percent, 200);
      cell.n += 1;
    }
    cells.set(key, cell);
  }
  const groups = detail.groups
    .filter((g) => g.parentId === null && usedGroups.has(g.id))
    .map((g) => ({ id: g.id as string | null, title: g.code ? `${g.code}. ${g.title}` : g.title }));
  if (usedGroups.has(null)) groups.push({ id: null, title: 'Chỉ tiêu khác' });
  const unitList = [...units.values()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.name.localeCompare(b.name, 'vi')));
  return {
    units: unitList,
    groups,
    cells: [...cells.values()].map(({ sum, n, ...cell }) => ({ ...cell, meanPercent: n ? Math.round((sum / n) * 10) / 10 : null })),
  };
}

export function planStanding(detail: PlanDetail, period: string, asOf: string): PlanStanding {
  const rows = standingOf(detail, period);
  const counts = emptyCounts();
  for (const r of rows) counts[r.status] += 1;
  return { planId: detail.plan.id, period, asOf, thresholds: detail.plan.thresholds, rows, counts, heatmap: heatmap(detail, rows) };
}
