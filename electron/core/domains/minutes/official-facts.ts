import type { CommitteeRole, MeetingDetail } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { UnitNameOf } from './exports/body-blocks.ts';

/** What the Biên bản and the Thông báo read of the directory beyond the meeting: unit names, the chair's role. */
export interface OfficialFacts {
  unitName: UnitNameOf;
  /** The chair's role in the committee, which decides who signs the notice and how (TM., KT., TL.). */
  chairRole: (m: MeetingDetail) => CommitteeRole | null;
}

export function createOfficialFacts(ctx: ServiceContext): OfficialFacts {
  const unitRow = ctx.db.prepare('SELECT name FROM organizations WHERE id = ?');
  const chairRole = ctx.db.prepare('SELECT role FROM committee_members WHERE committee_id = ? AND person_id = ?');
  return {
    unitName: (id) => (unitRow.get(id) as { name: string } | undefined)?.name ?? null,
    chairRole: (m) => (m.chair ? ((chairRole.get(m.committee.id, m.chair.id) as { role: CommitteeRole } | undefined)?.role ?? null) : null),
  };
}
