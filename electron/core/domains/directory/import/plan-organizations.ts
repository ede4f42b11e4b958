import { v7 as uuidv7 } from 'uuid';
import { foldText, organCode, ORGAN_CODE_MAX } from '../../../../../shared/contract/index.ts';
import { groupBy, issue, tooLong, type DirectorySnapshot, type PlannedRow } from './plan.ts';
import type { ImportRecord } from './table.ts';

export interface OrganizationFields {
  organCode: string | null;
  name: string;
  shortName: string | null;
  parentId: string | null;
}

export type OrganizationOp = { type: 'create' | 'update'; id: string; fields: OrganizationFields };

function codeIssue(column: string, value: string) {
  return issue(
    column,
    `Mã định danh "${value}" không đúng: cần các nhóm chữ số và chữ in hoa cách nhau bằng dấu chấm, tối đa ${ORGAN_CODE_MAX} ký tự (ví dụ 000.00.00.H41).`,
    `Organ code "${value}" is malformed: groups of digits and capital letters separated by dots, at most ${ORGAN_CODE_MAX} characters (e.g. 000.00.00.H41).`,
  );
}

interface Draft {
  row: PlannedRow<OrganizationOp>;
  code: string | null;
  parentCode: string | null;
  target: { id: string; existing: DirectorySnapshot['organizations'][number] | null } | null;
  fields: OrganizationFields | null;
}

/**
 * What importing a list of units would do. A row with a code updates the unit that has that code
 * (or the one code-less unit of the same name); without a code it updates the one unit of that name;
 * otherwise it creates one. Parents are named by code, from the directory or from the same file.
 * Blank cells never erase what the directory already has.
 */
export function planOrganizations(records: ImportRecord[], snapshot: DirectorySnapshot): PlannedRow<OrganizationOp>[] {
  const existing = snapshot.organizations;
  const byCode = new Map(existing.filter((o) => o.organCode).map((o) => [o.organCode!, o]));
  const byName = groupBy(existing, (o) => foldText(o.name));
  const drafts: Draft[] = records.map((record) => ({
    row: { rowNumber: record.rowNumber, values: record.values, action: 'skip', issues: [], op: null },
    code: null,
    parentCode: null,
    target: null,
    fields: null,
  }));

  // 1. Each row on its own: required name, well-formed codes, lengths.
  for (const d of drafts) {
    const v = d.row.values;
    const name = v['name'] ?? '';
    if (!name) d.row.issues.push(issue('name', 'Thiếu tên cơ quan, đơn vị.', 'The name is missing.'));
    const long = [tooLong('name', 'Tên', 'The name', name, 300), tooLong('shortName', 'Tên viết tắt', 'The short name', v['shortName'] ?? '', 100)];
    for (const l of long) if (l) d.row.issues.push(l);
    for (const [column, set] of [
      ['organCode', (c: string) => (d.code = c)],
      ['parentCode', (c: string) => (d.parentCode = c)],
    ] as const) {
      const raw = v[column] ?? '';
      if (!raw) continue;
      const parsed = organCode.safeParse(raw);
      if (parsed.success) set(parsed.data);
      else d.row.issues.push(codeIssue(column, raw));
    }
    if (d.code && d.parentCode === d.code) {
      d.row.issues.push(issue('parentCode', 'Đơn vị không thể là cấp trên của chính nó.', 'A unit cannot be its own parent.'));
    }
  }

  // 2. The same unit twice in the file: the first row wins, later ones are reported.
  const seenCode = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (const d of drafts) {
    const name = foldText(d.row.values['name'] ?? '');
    const first = d.code ? seenCode.get(d.code) : name ? seenName.get(name) : undefined;
    if (first !== undefined) {
      d.row.issues.push(
        issue(d.code ? 'organCode' : 'name', `Trùng với dòng ${first} trong tệp.`, `Same unit as row ${first} of the file.`),
      );
      continue;
    }
    if (d.code) seenCode.set(d.code, d.row.rowNumber);
    else if (name) seenName.set(name, d.row.rowNumber);
  }

  // 3. Which directory row each file row is.
  const claimed = new Map<string, number>();
  for (const d of drafts) {
    if (d.row.issues.length > 0) continue;
    const name = d.row.values['name']!;
    const sameName = byName.get(foldText(name)) ?? [];
    let match = d.code ? (byCode.get(d.code) ?? null) : null;
    if (!match && d.code) {
      const codeless = sameName.filter((o) => o.organCode === null);
      if (codeless.length === 1) match = codeless[0]!;
    }
    if (!match && !d.code) {
      if (sameName.length > 1) {
        d.row.issues.push(
          issue(
            'name',
            `Danh mục có ${sameName.length} đơn vị tên "${name}"; hãy ghi mã định danh để biết là đơn vị nào.`,
            `The directory has ${sameName.length} units named "${name}"; add the organ code to say which one.`,
          ),
        );
        continue;
      }
      match = sameName[0] ?? null;
    }
    if (match) {
      const other = claimed.get(match.id);
      if (other !== undefined) {
        d.row.issues.push(issue('name', `Cùng đơn vị với dòng ${other} trong tệp.`, `Same unit as row ${other} of the file.`));
        continue;
      }
      claimed.set(match.id, d.row.rowNumber);
    }
    d.target = { id: match?.id ?? uuidv7(), existing: match };
  }

  // 4. Parents, then cycles; a row that fails can take rows under it down too, so repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    const parentOf = new Map(existing.map((o) => [o.id, o.parentId]));
    const fileCodes = new Map<string, Draft>();
    for (const d of drafts) if (d.row.issues.length === 0 && d.code) fileCodes.set(d.code, d);
    const fail = (d: Draft, column: string, vi: string, en: string) => {
      d.row.issues.push(issue(column, vi, en));
      changed = true;
    };
    for (const d of drafts) {
      if (d.row.issues.length > 0 || !d.target) continue;
      let parentId = d.target.existing?.parentId ?? null;
      if (d.parentCode) {
        const inFile = fileCodes.get(d.parentCode);
        const inDirectory = byCode.get(d.parentCode);
        const failedInFile = drafts.find((o) => o !== d && o.code === d.parentCode && o.row.issues.length > 0);
        if (inFile?.target) parentId = inFile.target.id;
        else if (inDirectory) parentId = inDirectory.id;
        else if (failedInFile) {
          fail(d, 'parentCode', `Đơn vị cấp trên (dòng ${failedInFile.row.rowNumber}) có lỗi nên dòng này cũng chưa nhập được.`, `The parent unit (row ${failedInFile.row.rowNumber}) has problems, so this row cannot be imported either.`);
          continue;
        } else {
          fail(d, 'parentCode', `Không tìm thấy đơn vị cấp trên có mã ${d.parentCode} trong danh mục hay trong tệp.`, `No parent unit with code ${d.parentCode} in the directory or in the file.`);
          continue;
        }
      }
      parentOf.set(d.target.id, parentId);
      const v = d.row.values;
      d.fields = {
        organCode: d.code ?? d.target.existing?.organCode ?? null,
        name: v['name']!,
        shortName: v['shortName'] || d.target.existing?.shortName || null,
        parentId,
      };
    }
    for (const d of drafts) {
      if (d.row.issues.length > 0 || !d.target || !d.fields) continue;
      const seen = new Set<string>();
      for (let at = d.fields.parentId; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
        if (at === d.target.id || seen.has(at)) {
          fail(d, 'parentCode', 'Đơn vị cấp trên này tạo thành vòng lặp (một đơn vị nằm dưới chính nó).', 'This parent makes a loop (a unit under itself).');
          break;
        }
        seen.add(at);
      }
    }
    if (changed) for (const d of drafts) if (d.row.issues.length === 0) d.fields = null;
  }

  // 5. The action of each row that survived.
  for (const d of drafts) {
    if (d.row.issues.length > 0 || !d.target || !d.fields) {
      d.row.action = 'skip';
      continue;
    }
    const before = d.target.existing;
    if (!before) {
      d.row.action = 'create';
      d.row.op = { type: 'create', id: d.target.id, fields: d.fields };
    } else if (
      before.organCode === d.fields.organCode &&
      before.name === d.fields.name &&
      before.shortName === d.fields.shortName &&
      before.parentId === d.fields.parentId
    ) {
      d.row.action = 'unchanged';
    } else {
      d.row.action = 'update';
      d.row.op = { type: 'update', id: d.target.id, fields: d.fields };
    }
  }
  return drafts.map((d) => d.row);
}

/** Writes come parents first, so every parent_id already exists when its child is written. */
export function parentsFirst(ops: OrganizationOp[]): OrganizationOp[] {
  const pending = new Map(ops.map((op) => [op.id, op]));
  const created = new Set(ops.filter((op) => op.type === 'create').map((op) => op.id));
  const out: OrganizationOp[] = [];
  const visit = (op: OrganizationOp) => {
    if (!pending.has(op.id)) return;
    pending.delete(op.id);
    const parent = op.fields.parentId;
    if (parent && created.has(parent)) {
      const p = pending.get(parent);
      if (p) visit(p);
    }
    out.push(op);
  };
  for (const op of ops) visit(op);
  return out;
}
