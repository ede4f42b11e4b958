import type { ServiceContext } from '../../context.ts';

/** Names of directory rows, for change records ("Phòng họp: Phòng số 1 → Phòng số 2"). */
export function createDirectoryNames(ctx: ServiceContext) {
  const q = (sql: string) => ctx.db.prepare(sql).pluck();
  const committee = q('SELECT name FROM committees WHERE id = ?');
  const kind = q("SELECT label FROM catalog_items WHERE catalog = 'meeting_kind' AND code = ?");
  const room = q('SELECT name FROM rooms WHERE id = ?');
  const person = q('SELECT full_name FROM people WHERE id = ?');
  const organization = q('SELECT name FROM organizations WHERE id = ?');
  const lookup = (statement: ReturnType<typeof q>) => (id: string | null): string | null =>
    id === null ? null : ((statement.get(id) as string | undefined) ?? id);
  return {
    committee: lookup(committee),
    kind: lookup(kind),
    room: lookup(room),
    person: lookup(person),
    organization: lookup(organization),
  };
}

export type DirectoryNames = ReturnType<typeof createDirectoryNames>;
