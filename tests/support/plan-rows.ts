import { v7 as uuidv7 } from 'uuid';
import { foldText } from '../../shared/text-fold.ts';
import { Database } from './sqlite.ts';

export interface TargetRowSpec {
  name: string;
  measure: string;
  ownerOrgId?: string | null;
  direction?: 'higher' | 'lower';
  /** Index into the plan's groups, or null for a target outside any group. */
  group?: number | null;
  code?: string;
  goals: Record<string, number>;
}

/**
 * An action plan written with plain SQL, as an import would leave it, so tests of attainment and
 * reports do not depend on the spreadsheet import.
 */
export function writePlan(
  databaseFile: string,
  spec: { title: string; committeeId?: string | null; years: [number, number]; groups: Array<{ code: string; title: string; parent?: number }>; targets: TargetRowSpec[] },
): { planId: string; groupIds: string[]; targetIds: string[] } {
  const db = new Database(databaseFile);
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const now = '2026-01-05T02:00:00.000Z';
    const planId = uuidv7();
    const groupIds: string[] = [];
    const targetIds: string[] = [];
    db.transaction(() => {
      db.prepare(
        `INSERT INTO action_plans (id, committee_id, title, year_from, year_to, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(planId, spec.committeeId ?? null, spec.title, spec.years[0], spec.years[1], now, now);
      spec.groups.forEach((g, i) => {
        const id = uuidv7();
        groupIds.push(id);
        db.prepare('INSERT INTO plan_groups (id, plan_id, parent_id, code, title, position) VALUES (?, ?, ?, ?, ?, ?)').run(
          id,
          planId,
          g.parent === undefined ? null : groupIds[g.parent]!,
          g.code,
          g.title,
          i,
        );
      });
      spec.targets.forEach((t, i) => {
        const id = uuidv7();
        targetIds.push(id);
        db.prepare(
          `INSERT INTO plan_targets (id, plan_id, group_id, code, name, measure, owner_org_id, direction, source, position, search_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
        ).run(id, planId, t.group === null || t.group === undefined ? null : groupIds[t.group]!, t.code ?? null, t.name, t.measure, t.ownerOrgId ?? null, t.direction ?? 'higher', i, foldText(t.name));
        for (const [period, value] of Object.entries(t.goals)) {
          db.prepare('INSERT INTO target_goals (target_id, period, value) VALUES (?, ?, ?)').run(id, period, value);
        }
      });
    })();
    return { planId, groupIds, targetIds };
  } finally {
    db.close();
  }
}
