import type { PlanGroup } from '../../../../../shared/contract/index.ts';

/** "I. Chỉ tiêu kinh tế": a group as the plan numbers it. */
export function groupLabel(group: Pick<PlanGroup, 'code' | 'title'>): string {
  return group.code ? `${group.code}. ${group.title}` : group.title;
}

/** The plan's groups in its order, depth first, each with its depth (0 for "I", 1 for "1", …). */
export function groupsInOrder(groups: readonly PlanGroup[]): Array<{ group: PlanGroup; depth: number }> {
  const byParent = new Map<string | null, PlanGroup[]>();
  const known = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    // A parent that is not in the plan (should not happen) puts the group at the top, not out of sight.
    const parent = g.parentId && known.has(g.parentId) ? g.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), g]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.position - b.position);
  const out: Array<{ group: PlanGroup; depth: number }> = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const group of byParent.get(parentId) ?? []) {
      out.push({ group, depth });
      walk(group.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
