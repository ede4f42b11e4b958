import type { Organization } from '../../../../../shared/contract/index.ts';

/** Units for a Select, indented by depth so the list reads as the tree; the search matches the name. */
export function unitOptions(units: readonly Organization[], exclude?: ReadonlySet<string>) {
  return units
    .filter((u) => !exclude?.has(u.id))
    .map((u) => ({
      value: u.id,
      label: `${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}${u.organCode ? ` (${u.organCode})` : ''}`,
    }));
}
