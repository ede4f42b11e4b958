import { v7 as uuidv7 } from 'uuid';
import type { MethodInput, Page, Person } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../runtime.ts';
import type { ChangeWriter } from './changes.ts';
import { describeUses, notFound } from './errors.ts';
import { likeTerms, PERSON_KEY_SQL, searchKey, UNIT_KEY_SQL } from './search.ts';

interface PersonRow {
  id: string;
  full_name: string;
  position: string | null;
  organization_id: string | null;
  organization_name: string | null;
  email: string | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    fullName: row.full_name,
    position: row.position,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    email: row.email,
    phone: row.phone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface PersonFields {
  fullName: string;
  position: string | null;
  organizationId: string | null;
  email: string | null;
  phone: string | null;
}

export const personSearchKey = (p: PersonFields) => searchKey(p.fullName, p.position, p.email, p.phone);

/** Statements shared by the people screen and the spreadsheet import. */
export function personStatements(db: SqliteDatabase): { insert: Statement; update: Statement } {
  return {
    insert: db.prepare(
      `INSERT INTO people (id, full_name, position, organization_id, email, phone, search_key, created_by, created_at, updated_at)
       VALUES (@id, @fullName, @position, @organizationId, @email, @phone, @searchKey, @createdBy, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE people SET full_name = @fullName, position = @position, organization_id = @organizationId, email = @email,
         phone = @phone, search_key = @searchKey, updated_at = @now WHERE id = @id`,
    ),
  };
}

/**
 * Cán bộ. Search ignores diacritics and đ ("nguyen van a" finds "Nguyễn Văn A") and also looks at
 * the person's unit, so "van phong" lists everyone in the Văn phòng.
 */
export function createPeopleService(ctx: ServiceContext, change: ChangeWriter) {
  const { db } = ctx;
  const from = 'FROM people p LEFT JOIN organizations o ON o.id = p.organization_id';
  const selectOne = db.prepare(`SELECT p.*, o.name AS organization_name ${from} WHERE p.id = ?`);
  const organizationExists = db.prepare('SELECT 1 FROM organizations WHERE id = ?').pluck();
  const statements = personStatements(db);
  const remove = db.prepare('DELETE FROM people WHERE id = ?');
  const uses = db.prepare(
    `SELECT
       (SELECT count(*) FROM committee_members WHERE person_id = @id) AS committees,
       (SELECT count(*) FROM meetings WHERE chair_person_id = @id OR secretary_person_id = @id)
         + (SELECT count(DISTINCT meeting_id) FROM participants WHERE person_id = @id OR rsvp_delegate_id = @id)
         + (SELECT count(DISTINCT meeting_id) FROM agenda_items WHERE presenter_person_id = @id) AS meetings`,
  );

  // One statement per number of query words, prepared on first use.
  const listStatements = new Map<number, { items: ReturnType<SqliteDatabase['prepare']>; total: ReturnType<SqliteDatabase['prepare']> }>();
  function listStatement(words: number) {
    let s = listStatements.get(words);
    if (!s) {
      const where = [
        '(@organizationId IS NULL OR p.organization_id = @organizationId)',
        ...Array.from({ length: words }, (_, i) => `(${PERSON_KEY_SQL} LIKE @w${i} ESCAPE '\\' OR coalesce(${UNIT_KEY_SQL}, '') LIKE @w${i} ESCAPE '\\')`),
      ].join(' AND ');
      s = {
        items: db.prepare(`SELECT p.*, o.name AS organization_name ${from} WHERE ${where} ORDER BY ${PERSON_KEY_SQL}, p.id LIMIT @limit OFFSET @offset`),
        total: db.prepare(`SELECT count(*) ${from} WHERE ${where}`).pluck(),
      };
      listStatements.set(words, s);
    }
    return s;
  }

  function get(id: string): Person {
    const row = selectOne.get(id) as PersonRow | undefined;
    if (!row) throw notFound('cán bộ', 'Person');
    return toPerson(row);
  }

  function fields(input: MethodInput<'people.create'>): PersonFields {
    const organizationId = input.organizationId ?? null;
    if (organizationId !== null && !organizationExists.get(organizationId)) throw notFound('cơ quan, đơn vị đã chọn', 'The chosen unit');
    return {
      fullName: input.fullName,
      position: input.position ?? null,
      organizationId,
      email: input.email ?? null,
      phone: input.phone ?? null,
    };
  }

  return {
    get,

    list(input: MethodInput<'people.list'>): Page<Person> {
      const terms = likeTerms(input.query);
      const s = listStatement(terms.length);
      const params: Record<string, unknown> = {
        organizationId: input.organizationId ?? null,
        limit: input.limit ?? 100,
        offset: input.offset ?? 0,
      };
      terms.forEach((t, i) => (params[`w${i}`] = t));
      const { limit: _limit, offset: _offset, ...countParams } = params;
      return {
        items: (s.items.all(params) as PersonRow[]).map(toPerson),
        total: s.total.get(countParams) as number,
      };
    },

    create(input: MethodInput<'people.create'>): Person {
      return change(
        'directory',
        (audit) => {
          const f = fields(input);
          const id = uuidv7();
          statements.insert.run({ ...f, id, searchKey: personSearchKey(f), createdBy: ctx.actorId(), now: ctx.now().toISOString() });
          audit({ action: 'people.create', entity: 'person', entityId: id, detail: { fullName: f.fullName } });
          return get(id);
        },
        (p) => p.id,
      );
    },

    update(input: MethodInput<'people.update'>): Person {
      return change(
        'directory',
        (audit) => {
          get(input.id);
          const f = fields(input);
          statements.update.run({ ...f, id: input.id, searchKey: personSearchKey(f), now: ctx.now().toISOString() });
          audit({ action: 'people.update', entity: 'person', entityId: input.id, detail: { fullName: f.fullName } });
          return get(input.id);
        },
        (p) => p.id,
      );
    },

    delete(input: MethodInput<'people.delete'>): { id: string } {
      return change(
        'directory',
        (audit) => {
          const existing = get(input.id);
          const u = uses.get({ id: input.id }) as { committees: number; meetings: number };
          const inUse = describeUses([
            { count: u.committees, vi: 'Ban Chỉ đạo', en: 'committees' },
            { count: u.meetings, vi: 'cuộc họp', en: 'meetings' },
          ]);
          if (inUse) {
            throw new CoreError(
              'CONFLICT',
              {
                vi: `Không xóa được ${existing.fullName} vì cán bộ này còn có tên trong ${inUse.vi}. Hãy gỡ khỏi đó trước.`,
                en: `${existing.fullName} cannot be deleted: still listed in ${inUse.en}. Remove them there first.`,
              },
              u,
            );
          }
          remove.run(input.id);
          audit({ action: 'people.delete', entity: 'person', entityId: input.id, detail: { fullName: existing.fullName } });
          return { id: input.id };
        },
        (r) => r.id,
      );
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
