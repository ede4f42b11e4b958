import { v7 as uuidv7 } from 'uuid';
import { emailAddress, foldText, organCode, phoneNumber } from '../../../../../shared/contract/index.ts';
import type { PersonFields } from '../people.ts';
import { groupBy, issue, tooLong, type DirectorySnapshot, type OrganizationSnapshot, type PlannedRow } from './plan.ts';
import type { ImportRecord } from './table.ts';

export type PersonOp = { type: 'create' | 'update'; id: string; fields: PersonFields };

type UnitLookup = { unit: OrganizationSnapshot | null; problem: ReturnType<typeof issue> | null };

/**
 * A person's unit from the row: the unit code column if filled, else the unit column read as a code
 * or as a name (or short name) that must match exactly one unit in the directory.
 */
function unitResolver(organizations: OrganizationSnapshot[]) {
  const byCode = new Map(organizations.filter((o) => o.organCode).map((o) => [o.organCode!, o]));
  const byName = groupBy(organizations, (o) => foldText(o.name));
  const byShortName = groupBy(organizations, (o) => (o.shortName ? foldText(o.shortName) : null));
  return (values: Record<string, string>): UnitLookup => {
    const code = values['unitCode'] ?? '';
    const unit = values['unit'] ?? '';
    if (code) {
      const parsed = organCode.safeParse(code);
      if (!parsed.success) {
        return {
          unit: null,
          problem: issue('unitCode', `Mã định danh đơn vị "${code}" không đúng định dạng (ví dụ 000.00.31.H41).`, `Unit code "${code}" is malformed (e.g. 000.00.31.H41).`),
        };
      }
      const found = byCode.get(parsed.data);
      return found
        ? { unit: found, problem: null }
        : {
            unit: null,
            problem: issue('unitCode', `Danh mục chưa có đơn vị mang mã ${parsed.data}. Hãy thêm đơn vị trước.`, `The directory has no unit with code ${parsed.data}. Add the unit first.`),
          };
    }
    if (!unit) return { unit: null, problem: null };
    const asCode = organCode.safeParse(unit);
    if (asCode.success && byCode.has(asCode.data)) return { unit: byCode.get(asCode.data)!, problem: null };
    const candidates = byName.get(foldText(unit)) ?? byShortName.get(foldText(unit)) ?? [];
    if (candidates.length === 1) return { unit: candidates[0]!, problem: null };
    if (candidates.length > 1) {
      return {
        unit: null,
        problem: issue('unit', `Danh mục có ${candidates.length} đơn vị tên "${unit}"; hãy ghi thêm mã định danh đơn vị.`, `The directory has ${candidates.length} units named "${unit}"; add the unit code.`),
      };
    }
    return {
      unit: null,
      problem: issue(
        'unit',
        `Danh mục chưa có đơn vị "${unit}". Hãy thêm đơn vị ở thẻ "Cơ quan, đơn vị" (hoặc nhập danh sách đơn vị) rồi nhập lại.`,
        `The directory has no unit "${unit}". Add it on the "Units" tab (or import the list of units), then import again.`,
      ),
    };
  };
}

const personKey = (fullName: string, organizationId: string | null) => `${foldText(fullName)}|${organizationId ?? ''}`;

/**
 * What importing a staff list would do. A row updates the one person of the same name in the same
 * unit (or of the same name anywhere, when the row names no unit), and creates a person otherwise.
 * Blank cells never erase what the directory already has.
 */
export function planPeople(records: ImportRecord[], snapshot: DirectorySnapshot): PlannedRow<PersonOp>[] {
  const resolveUnit = unitResolver(snapshot.organizations);
  const byNameAndUnit = groupBy(snapshot.people, (p) => personKey(p.fullName, p.organizationId));
  const byName = groupBy(snapshot.people, (p) => foldText(p.fullName));
  const seen = new Map<string, number>();
  const claimed = new Map<string, number>();

  return records.map((record): PlannedRow<PersonOp> => {
    const v = record.values;
    const row: PlannedRow<PersonOp> = { rowNumber: record.rowNumber, values: v, action: 'skip', issues: [], op: null };
    const fullName = v['fullName'] ?? '';
    if (!fullName) row.issues.push(issue('fullName', 'Thiếu họ và tên.', 'The full name is missing.'));
    for (const l of [
      tooLong('fullName', 'Họ và tên', 'The full name', fullName, 200),
      tooLong('position', 'Chức vụ', 'The position', v['position'] ?? '', 200),
    ]) {
      if (l) row.issues.push(l);
    }
    const email = emailAddress.safeParse(v['email'] ?? '');
    if (!email.success) {
      row.issues.push(issue('email', `Địa chỉ thư điện tử "${v['email']}" không hợp lệ.`, `The e-mail address "${v['email']}" is invalid.`));
    }
    const phone = phoneNumber.safeParse(v['phone'] ?? '');
    if (!phone.success) {
      row.issues.push(
        issue('phone', `Số điện thoại "${v['phone']}" không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang).`, `The phone number "${v['phone']}" is invalid (digits, spaces, dots and dashes only).`),
      );
    }
    const { unit, problem } = resolveUnit(v);
    if (problem) row.issues.push(problem);
    if (row.issues.length > 0 || !email.success || !phone.success) return row;

    const namesUnit = Boolean(v['unit'] || v['unitCode']);
    const key = personKey(fullName, unit?.id ?? null);
    const first = seen.get(key);
    if (first !== undefined) {
      row.issues.push(issue('fullName', `Trùng với dòng ${first} trong tệp (cùng họ tên, cùng đơn vị).`, `Same person as row ${first} of the file (same name and unit).`));
      return row;
    }
    seen.set(key, record.rowNumber);

    const matches = namesUnit ? (byNameAndUnit.get(key) ?? []) : (byName.get(foldText(fullName)) ?? []);
    if (matches.length > 1) {
      row.issues.push(
        issue(
          'fullName',
          `Danh mục có ${matches.length} cán bộ tên "${fullName}"${namesUnit ? ' trong đơn vị này' : ''}; hãy sửa trực tiếp trong danh mục.`,
          `The directory has ${matches.length} people named "${fullName}"${namesUnit ? ' in this unit' : ''}; edit them in the directory instead.`,
        ),
      );
      return row;
    }
    const before = matches[0] ?? null;
    if (before) {
      const other = claimed.get(before.id);
      if (other !== undefined) {
        row.issues.push(issue('fullName', `Cùng cán bộ với dòng ${other} trong tệp.`, `Same person as row ${other} of the file.`));
        return row;
      }
      claimed.set(before.id, record.rowNumber);
    }
    const fields: PersonFields = {
      fullName,
      position: v['position'] || before?.position || null,
      organizationId: unit?.id ?? before?.organizationId ?? null,
      email: email.data ?? before?.email ?? null,
      phone: phone.data ?? before?.phone ?? null,
    };
    if (!before) {
      row.action = 'create';
      row.op = { type: 'create', id: uuidv7(), fields };
    } else if (
      before.fullName === fields.fullName &&
      before.position === fields.position &&
      before.organizationId === fields.organizationId &&
      before.email === fields.email &&
      before.phone === fields.phone
    ) {
      row.action = 'unchanged';
    } else {
      row.action = 'update';
      row.op = { type: 'update', id: before.id, fields };
    }
    return row;
  });
}
