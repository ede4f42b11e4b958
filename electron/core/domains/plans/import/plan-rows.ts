import type { DirectoryImportCounts, DirectoryImportIssue, PlanImportRow, TargetDirection } from '../../../../../shared/contract/index.ts';
import { parseTargetPeriod, targetPeriodLabel } from '../../../../../shared/plans/target-periods.ts';
import { foldText } from '../../../../../shared/text-fold.ts';
import { issue, tooLong } from '../../directory/import/plan.ts';
import type { PlanRecord, PlanTable } from './locate-plan-table.ts';
import { parseFigure } from './figures.ts';
import type { ExistingGroup, ExistingTarget, PlanSnapshot, UnitSnapshot } from './plan-snapshot.ts';

export interface GroupOp {
  type: 'group';
  /** This group's index among the file's groups; parents come before their children. */
  ref: number;
  existingId: string | null;
  parentRef: number | null;
  code: string | null;
  title: string;
}

export interface TargetFields {
  code: string | null;
  name: string;
  measure: string;
  ownerOrgId: string | null;
  direction: TargetDirection;
  source: string | null;
}

export interface TargetOp {
  type: 'target';
  existingId: string | null;
  groupRef: number | null;
  fields: TargetFields;
  /** Goals to write: every goal of a new target, the changed ones of an existing target. */
  goals: Record<string, number>;
}

/** One row of the file and what importing it would do; `op` is null when nothing is written. */
export interface PlannedPlanRow extends PlanImportRow {
  op: GroupOp | TargetOp | null;
}

const MAX_NAME = 1000;

/** Numbering a plan's table uses for its headings, from the outermost: A, I, 1, 1.1, a. */
function headingRank(stt: string): number | null {
  const t = stt.replace(/[.)]$/, '');
  if (/^[IVX]{1,5}$/.test(t)) return 1;
  if (/^[A-Z]$/.test(t)) return 0;
  if (/^\d{1,3}(?:\.\d{1,3})*$/.test(t)) return 1 + t.split('.').length;
  if (/^[a-zđ]$/.test(t)) return 10;
  return null;
}

/** "I. CHỈ TIÊU KINH TẾ" in one cell (a title merged across the STT and name columns). */
function splitHeading(text: string, markRequired: boolean): { stt: string; name: string } | null {
  const m = (markRequired ? /^([IVX]{1,5}|[A-Z]|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]\s*(\S.*)$/u : /^([IVX]{1,5}|[A-Z]|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?\s+(\S.*)$/u).exec(text);
  return m ? { stt: m[1]!, name: m[2]! } : null;
}

const HIGHER = new Set(['tang', 'cao hon la tot', 'cang cao cang tot', 'tang la tot', 'higher', 'up', '↑', '+']);
const LOWER = new Set(['giam', 'thap hon la tot', 'cang thap cang tot', 'giam la tot', 'lower', 'down', '↓', '-']);

function direction(text: string): TargetDirection | null {
  const t = foldText(text).replace(/[.]$/, '');
  if (t === '' || HIGHER.has(t)) return 'higher';
  return LOWER.has(t) ? 'lower' : null;
}

function unitIndex(units: UnitSnapshot[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const add = (key: string | null, id: string) => {
    if (!key) return;
    const k = foldText(key);
    if (!k) return;
    const set = index.get(k) ?? new Set<string>();
    set.add(id);
    index.set(k, set);
  };
  for (const u of units) {
    add(u.organCode, u.id);
    add(u.name, u.id);
    add(u.shortName, u.id);
  }
  return index;
}

function byKey<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k && !map.has(k)) map.set(k, item);
  }
  return map;
}

const orNull = (text: string | undefined) => (text ? text : null);

/**
 * Plans every row of the file: headings become groups (nested by their numbering), everything
 * else with a name a target under the latest group. Importing into a plan, a target is matched by
 * its code, else by its name, and is updated only when something differs. A row with a problem is
 * skipped and says why, column by column.
 */
export function planRows(table: PlanTable, snapshot: PlanSnapshot): PlannedPlanRow[] {
  const plan = snapshot.plan;
  const units = unitIndex(snapshot.units);
  const has = (key: string) => table.columns.has(key as never);
  const existingByCode = byKey(plan?.targets ?? [], (t) => (t.code ? foldText(t.code) : null));
  const existingByName = byKey(plan?.targets ?? [], (t) => foldText(t.name));
  const existingUncodedByName = byKey(plan?.targets ?? [], (t) => (t.code ? null : foldText(t.name)));
  const existingGroups = byKey(plan?.groups ?? [], (g) => foldText(g.title));

  const rows: PlannedPlanRow[] = [];
  const groups: Array<GroupOp & { existing: ExistingGroup | null }> = [];
  const stack: Array<{ rank: number; ref: number }> = [];
  const claimed = new Map<string, number>();
  const claimedGroups = new Set<string>();
  const codesInFile = new Map<string, number>();

  for (const record of table.records) {
    const values = { ...record.values };
    const measure = values.measure ?? '';
    const hasValues = table.periods.some((p) => (values[p] ?? '') !== '');
    let stt = values.stt ?? '';
    let name = values.name ?? '';
    if (!name && stt) {
      const split = splitHeading(stt, false);
      if (split) ({ stt, name } = split);
    } else if (!stt && !measure && !hasValues) {
      const split = splitHeading(name, true);
      if (split) ({ stt, name } = split);
    }
    const rank = headingRank(stt);
    if (name && rank !== null && !measure && !hasValues) {
      // A heading merged across STT and name shows as its number and its title.
      if (table.columns.has('stt')) values.stt = stt;
      values.name = name;
      rows.push(planGroup(record, values, stt, name, rank));
      continue;
    }
    rows.push(planTarget(record, values, name, measure));
  }
  return rows;

  function planGroup(record: PlanRecord, values: Record<string, string>, stt: string, name: string, rank: number): PlannedPlanRow {
    const issues = [tooLong('name', 'Tên nhóm chỉ tiêu', 'The group name', name, MAX_NAME)].filter((i) => i !== null);
    if (issues.length) return { rowNumber: record.rowNumber, kind: 'group', values, action: 'skip', issues, op: null };
    while (stack.length && stack.at(-1)!.rank >= rank) stack.pop();
    const parentRef = stack.at(-1)?.ref ?? null;
    const code = stt.replace(/[.)]$/, '') || null;
    const match = existingGroups.get(foldText(name)) ?? null;
    // Two headings of the file with one title ("Chỉ tiêu khác" in two parts): only the first is the plan's group.
    const existing = match && !claimedGroups.has(match.id) ? match : null;
    if (existing) claimedGroups.add(existing.id);
    const op = { type: 'group' as const, ref: groups.length, existingId: existing?.id ?? null, parentRef, code, title: name, existing };
    groups.push(op);
    stack.push({ rank, ref: op.ref });
    let action: PlanImportRow['action'] = 'create';
    if (existing) {
      const parentId = parentRef === null ? null : groups[parentRef]!.existingId;
      action = existing.parentId === parentId && existing.code === code && existing.title === name ? 'unchanged' : 'update';
    }
    const { existing: _existing, ...groupOp } = op;
    return { rowNumber: record.rowNumber, kind: 'group', values, action, issues: [], op: groupOp };
  }

  function planTarget(record: PlanRecord, values: Record<string, string>, name: string, measure: string): PlannedPlanRow {
    const issues: DirectoryImportIssue[] = [];
    const code = orNull(values.code);
    if (!name) issues.push(issue('name', 'Dòng không có tên chỉ tiêu.', 'The row has no target name.'));
    const long = [
      tooLong('name', 'Tên chỉ tiêu', 'The target name', name, MAX_NAME),
      tooLong('code', 'Mã chỉ tiêu', 'The target code', code ?? '', 50),
      tooLong('measure', 'Đơn vị tính', 'The unit of measure', measure, 100),
      tooLong('source', 'Nguồn số liệu', 'The data source', values.source ?? '', MAX_NAME),
    ];
    issues.push(...long.filter((i) => i !== null));
    if (!measure) issues.push(issue('measure', 'Chỉ tiêu chưa có đơn vị tính (ĐVT).', 'The target has no unit of measure (ĐVT).'));

    const dir = direction(values.direction ?? '');
    if (dir === null) {
      issues.push(
        issue(
          'direction',
          `Không hiểu chiều "${values.direction}": ghi "Tăng" (cao hơn là tốt) hoặc "Giảm" (thấp hơn là tốt).`,
          `Unknown direction "${values.direction}": write "Tăng" (higher is better) or "Giảm" (lower is better).`,
        ),
      );
    }

    let ownerOrgId: string | null = null;
    const owner = values.owner ?? '';
    if (owner) {
      const found = units.get(foldText(owner));
      if (!found) {
        issues.push(
          issue(
            'owner',
            `Không tìm thấy đơn vị chủ trì "${owner}" trong danh bạ. Hãy thêm đơn vị vào danh bạ hoặc sửa tên cho khớp.`,
            `The owner unit "${owner}" is not in the directory. Add it, or correct the name to match.`,
          ),
        );
      } else if (found.size > 1) {
        issues.push(
          issue(
            'owner',
            `Tên trùng: có ${found.size} đơn vị trong danh bạ khớp với "${owner}". Hãy ghi mã định danh của đơn vị.`,
            `Ambiguous name: ${found.size} units in the directory match "${owner}". Write the unit's organ code instead.`,
          ),
        );
      } else {
        ownerOrgId = [...found][0]!;
      }
    }

    const goals: Record<string, number> = {};
    for (const period of table.periods) {
      const text = values[period] ?? '';
      const figure = parseFigure(text);
      if (figure.kind === 'invalid') {
        issues.push(
          issue(
            period,
            `Giá trị "${text}" ở cột ${targetPeriodLabel(period)} không phải là số.`,
            `"${text}" in the ${targetPeriodLabel(period, 'en')} column is not a number.`,
          ),
        );
        continue;
      }
      if (figure.kind === 'empty') continue;
      const year = parseTargetPeriod(period)!.year;
      if (plan && (year < plan.yearFrom || year > plan.yearTo)) {
        const span = plan.yearFrom === plan.yearTo ? `${plan.yearFrom}` : `${plan.yearFrom}–${plan.yearTo}`;
        issues.push(
          issue(
            period,
            `Cột ${targetPeriodLabel(period)} nằm ngoài thời gian của kế hoạch (${span}).`,
            `The ${targetPeriodLabel(period, 'en')} column is outside the plan's years (${span}).`,
          ),
        );
        continue;
      }
      goals[period] = figure.value;
    }

    // Two rows of the file must not both be one target.
    const fileKey = code ? `code:${foldText(code)}` : plan ? `name:${foldText(name)}` : null;
    if (fileKey && name) {
      const earlier = codesInFile.get(fileKey);
      if (earlier !== undefined) {
        issues.push(
          code
            ? issue('code', `Mã chỉ tiêu "${code}" trùng với dòng ${earlier}.`, `The target code "${code}" repeats row ${earlier}.`)
            : issue('name', `Chỉ tiêu trùng tên với dòng ${earlier}.`, `The target repeats the name of row ${earlier}.`),
        );
      } else {
        codesInFile.set(fileKey, record.rowNumber);
      }
    }

    let existing: ExistingTarget | null = null;
    if (plan && name) {
      existing = (code ? (existingByCode.get(foldText(code)) ?? existingUncodedByName.get(foldText(name))) : existingByName.get(foldText(name))) ?? null;
      const other = existing ? claimed.get(existing.id) : undefined;
      if (existing && other !== undefined) {
        issues.push(issue('', `Dòng này và dòng ${other} cùng khớp với một chỉ tiêu của kế hoạch.`, `This row and row ${other} match the same target of the plan.`));
      } else if (existing && issues.length === 0) {
        claimed.set(existing.id, record.rowNumber);
      }
    }

    if (issues.length) return { rowNumber: record.rowNumber, kind: 'target', values, action: 'skip', issues, op: null };

    const groupRef = stack.at(-1)?.ref ?? null;
    const fields: TargetFields = {
      // "kt02" in the file is the plan's "KT02": a code differing only in case is not a change.
      code: code && existing?.code && foldText(code) === foldText(existing.code) ? existing.code : (code ?? existing?.code ?? null),
      name,
      measure,
      ownerOrgId: has('owner') || !existing ? ownerOrgId : existing.ownerOrgId,
      direction: has('direction') || !existing ? dir! : existing.direction,
      source: has('source') || !existing ? orNull(values.source) : existing.source,
    };
    if (!existing) {
      return { rowNumber: record.rowNumber, kind: 'target', values, action: 'create', issues, op: { type: 'target', existingId: null, groupRef, fields, goals } };
    }
    const changedGoals = Object.fromEntries(Object.entries(goals).filter(([p, v]) => existing.goals[p] !== v));
    const groupId = groupRef === null ? null : groups[groupRef]!.existingId;
    const same =
      groupId === existing.groupId &&
      (Object.keys(fields) as Array<keyof TargetFields>).every((k) => fields[k] === existing[k]) &&
      Object.keys(changedGoals).length === 0;
    return {
      rowNumber: record.rowNumber,
      kind: 'target',
      values,
      action: same ? 'unchanged' : 'update',
      issues,
      op: same ? null : { type: 'target', existingId: existing.id, groupRef, fields, goals: changedGoals },
    };
  }
}

/**
 * The counts of a preview and a result: targets by action, plus group rows with a problem in
 * `skip`; `groups` is the groups the import adds.
 */
export function countPlanRows(rows: readonly PlannedPlanRow[]): DirectoryImportCounts & { groups: number } {
  const counts = { total: 0, create: 0, update: 0, unchanged: 0, skip: 0, groups: 0 };
  for (const row of rows) {
    if (row.kind === 'group' && row.action !== 'skip') {
      if (row.action === 'create') counts.groups += 1;
      continue;
    }
    counts.total += 1;
    counts[row.action] += 1;
  }
  return counts;
}
