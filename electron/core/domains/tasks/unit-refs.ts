import type { TaskUnit } from '../../../../shared/contract/index.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import { invalidInput } from '../../errors.ts';

/**
 * Units as tasks name them: an organization's id, or its mã định danh (the command line and the
 * provincial system speak codes). Anything the directory lacks is refused by name.
 */
export function createUnitRefs(db: SqliteDatabase) {
  const byRef = db.prepare('SELECT id, organ_code AS code, name FROM organizations WHERE id = @ref OR organ_code = upper(@ref) LIMIT 1');
  const byIds = db.prepare('SELECT id, organ_code AS code, name FROM organizations WHERE id IN (SELECT value FROM json_each(?))');

  return {
    resolve(ref: string, path: string): TaskUnit {
      const unit = byRef.get({ ref }) as TaskUnit | undefined;
      if (!unit) {
        throw invalidInput([
          {
            path,
            message: `Không có đơn vị “${ref}” trong danh bạ`,
            messageEn: `No unit “${ref}” in the directory`,
          },
        ]);
      }
      return unit;
    },
    /** Units by id, in the order asked; ids the directory no longer has are left out. */
    many(ids: readonly string[]): TaskUnit[] {
      if (ids.length === 0) return [];
      const found = new Map((byIds.all(JSON.stringify(ids)) as TaskUnit[]).map((u) => [u.id, u]));
      return ids.flatMap((id) => found.get(id) ?? []);
    },
  };
}

export type UnitRefs = ReturnType<typeof createUnitRefs>;
