import { v7 as uuidv7 } from 'uuid';
import type { MethodInput, Organization } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../runtime.ts';
import { CoreError } from '../../errors.ts';
import type { ChangeWriter } from './changes.ts';
import { describeUses, notFound } from './errors.ts';
import { queryWords, searchKey } from './search.ts';

interface OrganizationRow {
  id: string;
  organ_code: string | null;
  name: string;
  short_name: string | null;
  parent_id: string | null;
  search_key: string;
  people_count: number;
  child_count: number;
  created_at: string;
  updated_at: string;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function toOrganization(row: OrganizationRow, depth: number): Organization {
  return {
    id: row.id,
    organCode: row.organ_code,
    name: row.name,
    shortName: row.short_name,
    parentId: row.parent_id,
    depth,
    peopleCount: row.people_count,
    childCount: row.child_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Rows depth-first, siblings by name, so a flat list reads as the tree it is. */
function treeOrder(rows: OrganizationRow[]): Array<{ row: OrganizationRow; depth: number }> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, OrganizationRow[]>();
  for (const row of rows) {
    const parent = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  const out: Array<{ row: OrganizationRow; depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    for (const row of children.get(parent) ?? []) {
      out.push({ row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function organCodeTaken(code: string, holder: { name: string }): CoreError {
  return new CoreError(
    'CONFLICT',
    {
      vi: `Mã định danh ${code} đã được dùng cho "${holder.name}".`,
      en: `The organ code ${code} is already used by "${holder.name}".`,
    },
    { field: 'organCode' },
  );
}

/** Statements shared by the units screen and the spreadsheet import. */
export function organizationStatements(db: SqliteDatabase): { insert: Statement; update: Statement } {
  return {
    insert: db.prepare(
      `INSERT INTO organizations (id, organ_code, name, short_name, parent_id, search_key, created_by, created_at, updated_at)
       VALUES (@id, @organCode, @name, @shortName, @parentId, @searchKey, @createdBy, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE organizations SET organ_code = @organCode, name = @name, short_name = @shortName, parent_id = @parentId,
         search_key = @searchKey, updated_at = @now WHERE id = @id`,
    ),
  };
}

/**
 * Cơ quan, đơn vị and their hierarchy. A unit's parent must exist and must not be the unit itself
 * or one of its own sub-units; a unit still referred to by anything is never deleted.
 */
export function createOrganizationsService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const columns = `o.*,
    (SELECT count(*) FROM people p WHERE p.organization_id = o.id) AS people_count,
    (SELECT count(*) FROM organizations c WHERE c.parent_id = o.id) AS child_count`;
  const selectAll = db.prepare(`SELECT ${columns} FROM organizations o`);
  const selectOne = db.prepare(`SELECT ${columns} FROM organizations o WHERE o.id = ?`);
  const depthOf = db
    .prepare(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM organizations WHERE id = ?
         UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.parent_id WHERE up.depth < 200
       ) SELECT max(depth) FROM up`,
    )
    .pluck();
  const isAncestorOrSelf = db
    .prepare(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM organizations WHERE id = @start
         UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.parent_id WHERE up.depth < 200
       ) SELECT 1 FROM up WHERE id = @candidate LIMIT 1`,
    )
    .pluck();
  const byCode = db.prepare('SELECT id, name FROM organizations WHERE organ_code = ?');
  const { insert, update } = organizationStatements(db);
  const remove = db.prepare('DELETE FROM organizations WHERE id = ?');
  const uses = db.prepare(
    `SELECT
       (SELECT count(*) FROM people WHERE organization_id = @id) AS people,
       (SELECT count(*) FROM organizations WHERE parent_id = @id) AS children,
       (SELECT count(*) FROM committee_members WHERE organization_id = @id) AS committees,
       (SELECT count(*) FROM meetings WHERE chairing_org_id = @id)
         + (SELECT count(DISTINCT meeting_id) FROM participants WHERE organization_id = @id)
         + (SELECT count(DISTINCT meeting_id) FROM agenda_items WHERE presenter_org_id = @id OR preparing_org_id = @id) AS meetings`,
  );

  function get(id: string): Organization {
    const row = selectOne.get(id) as OrganizationRow | undefined;
    if (!row) throw notFound('cơ quan, đơn vị', 'Unit');
    return toOrganization(row, (depthOf.get(id) as number | null) ?? 0);
  }

  function assertCodeFree(code: string | null, selfId: string | null): void {
    if (code === null) return;
    const holder = byCode.get(code) as { id: string; name: string } | undefined;
    if (holder && holder.id !== selfId) throw organCodeTaken(code, holder);
  }

  function assertParent(parentId: string | null, selfId: string | null): void {
    if (parentId === null) return;
    if (!selectOne.get(parentId)) throw notFound('đơn vị cấp trên', 'Parent unit');
    if (selfId !== null && isAncestorOrSelf.get({ start: parentId, candidate: selfId })) {
      throw new CoreError(
        'CONFLICT',
        {
          vi: 'Không thể đặt đơn vị cấp trên là chính đơn vị này hoặc một đơn vị trực thuộc nó.',
          en: 'A unit cannot be placed under itself or under one of its own sub-units.',
        },
        { field: 'parentId' },
      );
    }
  }

  type Fields = MethodInput<'organizations.create'>;
  const row = (input: Fields) => ({
    organCode: input.organCode ?? null,
    name: input.name,
    shortName: input.shortName ?? null,
    parentId: input.parentId ?? null,
    searchKey: searchKey(input.name, input.shortName, input.organCode),
  });

  return {
    get,

    list(input: MethodInput<'organizations.list'>): Organization[] {
      const ordered = treeOrder(selectAll.all() as OrganizationRow[]);
      // The whole tree is read anyway to order it, so matching in JS costs nothing extra.
      const words = queryWords(input.query);
      const keyOf = (r: OrganizationRow) => r.search_key || searchKey(r.name, r.short_name, r.organ_code);
      const matches = (r: OrganizationRow) => words.every((w) => keyOf(r).includes(w));
      return ordered.filter(({ row: r }) => matches(r)).map(({ row: r, depth }) => toOrganization(r, depth));
    },

    create(input: Fields): Organization {
      return change(
        'directory',
        (audit) => {
          const fields = row(input);
          assertCodeFree(fields.organCode, null);
          assertParent(fields.parentId, null);
          const id = uuidv7();
          insert.run({ ...fields, id, createdBy: ctx.actorId(), now: ctx.now().toISOString() });
          audit({ action: 'organizations.create', entity: 'organization', entityId: id, detail: { name: fields.name, organCode: fields.organCode } });
          return get(id);
        },
        (o) => o.id,
      );
    },

    update(input: MethodInput<'organizations.update'>): Organization {
      return change(
        'directory',
        (audit) => {
          const before = get(input.id);
          const fields = row(input);
          assertCodeFree(fields.organCode, input.id);
          assertParent(fields.parentId, input.id);
          update.run({ ...fields, id: input.id, now: ctx.now().toISOString() });
          audit({
            action: 'organizations.update',
            entity: 'organization',
            entityId: input.id,
            detail: { name: fields.name, organCode: fields.organCode, previousName: before.name },
          });
          return get(input.id);
        },
        (o) => o.id,
      );
    },

    delete(input: MethodInput<'organizations.delete'>): { id: string } {
      return change(
        'directory',
        (audit) => {
          const existing = get(input.id);
          const u = uses.get({ id: input.id }) as { people: number; children: number; committees: number; meetings: number };
          const inUse = describeUses([
            { count: u.people, vi: 'cán bộ', en: 'people' },
            { count: u.children, vi: 'đơn vị trực thuộc', en: 'sub-units' },
            { count: u.committees, vi: 'Ban Chỉ đạo có đơn vị là thành viên', en: 'committees with it as a member' },
            { count: u.meetings, vi: 'cuộc họp', en: 'meetings' },
          ]);
          if (inUse) {
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Không xóa được "${existing.name}" vì còn ${inUse.vi} gắn với đơn vị này. Hãy chuyển hoặc xóa chúng trước.`,
                en: `"${existing.name}" cannot be deleted: ${inUse.en} still refer to it. Move or delete them first.`,
              },
              u,
            );
          }
          remove.run(input.id);
          audit({ action: 'organizations.delete', entity: 'organization', entityId: input.id, detail: { name: existing.name, organCode: existing.organCode } });
          return { id: input.id };
        },
        (r) => r.id,
      );
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
