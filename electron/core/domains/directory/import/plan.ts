import type { DirectoryImportAction, DirectoryImportCounts, DirectoryImportIssue } from '../../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../../runtime.ts';

/** One row of a spreadsheet and what importing it would do; `op` is null when nothing is written. */
export interface PlannedRow<Op> {
  rowNumber: number;
  values: Record<string, string>;
  action: DirectoryImportAction;
  issues: DirectoryImportIssue[];
  op: Op | null;
}

export function issue(column: string, vi: string, en: string): DirectoryImportIssue {
  return { column, message: { vi, en } };
}

export function countActions(rows: ReadonlyArray<{ action: DirectoryImportAction }>): DirectoryImportCounts {
  const counts: DirectoryImportCounts = { total: rows.length, create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const row of rows) counts[row.action] += 1;
  return counts;
}

export interface OrganizationSnapshot {
  id: string;
  organCode: string | null;
  name: string;
  shortName: string | null;
  parentId: string | null;
}

export interface PersonSnapshot {
  id: string;
  fullName: string;
  position: string | null;
  organizationId: string | null;
  email: string | null;
  phone: string | null;
}

/** The rows an import is planned against; read inside the commit's transaction, so nothing moves meanwhile. */
export function readSnapshot(db: SqliteDatabase) {
  return {
    organizations: db
      .prepare('SELECT id, organ_code AS organCode, name, short_name AS shortName, parent_id AS parentId FROM organizations')
      .all() as OrganizationSnapshot[],
    people: db
      .prepare('SELECT id, full_name AS fullName, position, organization_id AS organizationId, email, phone FROM people')
      .all() as PersonSnapshot[],
  };
}

export type DirectorySnapshot = ReturnType<typeof readSnapshot>;

/** Group rows by a key (e.g. a folded name) to tell "one match" from "several". */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}

/** Text limits the schema's own fields have, checked per cell so each row reports every problem. */
export function tooLong(column: string, label: string, labelEn: string, value: string, max: number): DirectoryImportIssue | null {
  return value.length > max
    ? issue(column, `${label} dài quá ${max} ký tự.`, `${labelEn} is longer than ${max} characters.`)
    : null;
}
