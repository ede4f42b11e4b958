import type { PlanDetail, PlanStanding, TargetsReport, TargetsReportInput, TargetsReportRow } from '../../../../shared/contract/index.ts';
import { parseTargetPeriod, targetPeriodEnd, targetPeriodLabel } from '../../../../shared/plans/target-periods.ts';
import type { ReportPeriod } from '../../../../shared/reports/periods.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import { invalidInput } from '../../errors.ts';
import type { PlansDomain } from '../plans/index.ts';
import { emptyCounts, reportedBefore } from '../plans/plan-standing.ts';
import { createReportIssuer } from './report-issuer.ts';

/** The section of targets outside any group: last, under this title. */
export const OTHER_TARGETS_TITLE = 'Chỉ tiêu khác';

type Section = TargetsReport['sections'][number];

/**
 * The targets in sections: one per top-level group in plan order (a sub-group's targets under its
 * top-level group), then the targets outside any group. Groups without a target are left out.
 */
function sectionsOf(detail: PlanDetail, rows: Map<string, TargetsReportRow>): Section[] {
  const parentOf = new Map(detail.groups.map((g) => [g.id, g.parentId]));
  const topOf = (groupId: string | null): string | null => {
    let id = groupId;
    // A group whose parent is gone (or a cycle) stops where it is.
    for (let guard = 0; id && parentOf.get(id) && parentOf.has(parentOf.get(id)!) && guard < 50; guard++) id = parentOf.get(id)!;
    return id && parentOf.has(id) ? id : null;
  };
  const byTop = new Map<string | null, TargetsReportRow[]>();
  for (const t of detail.targets) {
    const top = topOf(t.groupId);
    const list = byTop.get(top) ?? [];
    list.push(rows.get(t.id)!);
    byTop.set(top, list);
  }
  const sections: Section[] = [];
  for (const g of detail.groups) {
    if (g.parentId !== null && parentOf.has(g.parentId)) continue;
    const list = byTop.get(g.id);
    if (list?.length) sections.push({ group: { id: g.id, code: g.code, title: g.title }, rows: list });
  }
  const other = byTop.get(null);
  if (other?.length) sections.push({ group: { id: null, code: null, title: OTHER_TARGETS_TITLE }, rows: other });
  return sections;
}

const SHORTFALL_RANK = { missed: 0, near: 1 } as const;

/** Không đạt then gần đạt, the lowest attainment first (one with no ratio last of its kind), else plan order. */
function shortfallsOf(rows: TargetsReportRow[]): TargetsReportRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.status === 'missed' || row.status === 'near')
    .sort((a, b) => {
      const rank = SHORTFALL_RANK[a.row.status as 'missed' | 'near'] - SHORTFALL_RANK[b.row.status as 'missed' | 'near'];
      if (rank) return rank;
      const pa = a.row.percent ?? Number.POSITIVE_INFINITY;
      const pb = b.row.percent ?? Number.POSITIVE_INFINITY;
      return pa === pb ? a.index - b.index : pa - pb;
    })
    .map(({ row }) => row);
}

/**
 * Báo cáo tình hình thực hiện các chỉ tiêu (issue 16): a plan's targets for one period as known at
 * the as-of day (today, never after the period's end), by area of the plan, with what fell short.
 * It reads the plan's standing (plans/plan-standing.ts), so the report and the screen agree on
 * every figure, and the plan as of the same moment for the notes of the values used.
 */
export function createTargetsReport(ctx: ServiceContext, plans: Pick<PlansDomain, 'reader' | 'standing'>) {
  const issuer = createReportIssuer(ctx.db);

  return function build(input: TargetsReportInput): TargetsReport {
    const plan = plans.reader.summary(input.planId);
    const period = parseTargetPeriod(input.period);
    if (!period || period.year < plan.yearFrom || period.year > plan.yearTo) {
      const years = plan.yearFrom === plan.yearTo ? `${plan.yearFrom}` : `${plan.yearFrom}–${plan.yearTo}`;
      throw invalidInput([
        {
          path: 'period',
          message: `${targetPeriodLabel(input.period)} nằm ngoài thời gian của kế hoạch (${years})`,
          messageEn: `${targetPeriodLabel(input.period, 'en')} is outside the plan's years (${years})`,
        },
      ]);
    }
    const end = targetPeriodEnd(period.key);
    // Figures for a period arrive after it ends (the statistics office's final numbers come weeks
    // later), so unlike the tasks report the as-of day is not held to the period's end: a report on
    // the third quarter made in November shows what was known in November, and one "as of" an earlier
    // day shows what was known then. "Today" is the day in Việt Nam.
    const asOf = input.asOf ?? dayKey(ctx.now());
    const standing: PlanStanding = plans.standing(plan.id, period.key, asOf);
    const detail = plans.reader.detail(plan.id, reportedBefore(asOf));
    const byId = new Map(standing.rows.map((r) => [r.targetId, r]));
    const rows = new Map<string, TargetsReportRow>();
    for (const t of detail.targets) {
      const s = byId.get(t.id);
      if (!s) continue;
      rows.set(t.id, {
        ...s,
        target: { id: t.id, code: t.code, name: t.name, measure: t.measure, ownerUnit: t.ownerUnit, direction: t.direction, groupId: t.groupId },
        note: s.actual === null ? null : (t.actuals[period.key]?.note ?? null),
      });
    }
    const sections = sectionsOf(detail, rows);
    const ordered = sections.flatMap((s) => s.rows);
    const counts = emptyCounts();
    for (const r of ordered) counts[r.status] += 1;
    return {
      plan: detail.plan,
      period: period.key,
      periodLabel: targetPeriodLabel(period.key),
      asOf,
      partial: asOf < end,
      issuer: issuer.issuer(detail.plan.committee),
      counts,
      sections,
      shortfalls: shortfallsOf(ordered),
      empty: !ordered.some((r) => r.goal !== null || r.actual !== null),
    };
  };
}

export type BuildTargetsReport = ReturnType<typeof createTargetsReport>;

/** The target period a tasks report's period speaks of: its own month, quarter or year, else its year. */
function targetPeriodOf(period: ReportPeriod): string {
  return period.kind === 'month' || period.kind === 'quarter' || period.kind === 'year' ? period.key : period.to.slice(0, 4);
}

/**
 * The targets a committee's tasks report carries: its newest action plan covering the period's
 * year, on the period's month, quarter or year, as of the tasks report's own as-of day. Null when the
 * committee has no such plan, so the report simply has no section on targets.
 */
export function createCommitteeTargets(ctx: ServiceContext, build: ReturnType<typeof createTargetsReport>) {
  const planOf = ctx.db
    .prepare('SELECT id FROM action_plans WHERE committee_id = ? AND year_from <= ? AND year_to >= ? ORDER BY created_at DESC LIMIT 1')
    .pluck();
  return (committeeId: string, period: ReportPeriod, asOf: string): TargetsReport | null => {
    const key = targetPeriodOf(period);
    const year = Number(key.slice(0, 4));
    const planId = planOf.get(committeeId, year, year) as string | undefined;
    return planId ? build({ planId, period: key, asOf }) : null;
  };
}
