import type { SqliteDatabase } from '../../runtime.ts';
import { CoreError } from '../../errors.ts';

/** Printed when nothing on this machine names the organ: the clerk writes it in before issue. */
export const UNNAMED_ISSUER = 'Cơ quan thường trực';

/**
 * Who issues a report (ô số 2, Nghị định 30/2020). A committee's report is the committee's own,
 * like its Thông báo kết luận. Otherwise the report is the standing office's, on all the tasks it
 * follows: the organ of the profile on this machine (the office that runs the install), or, when
 * the profile names none, the one standing agency the committees list.
 */
export function createReportIssuer(db: SqliteDatabase) {
  const committee = db.prepare('SELECT id, name FROM committees WHERE id = ?');
  const profileOrgan = db.prepare(
    `SELECT coalesce(o.name, nullif(trim(p.unit_name), '')) FROM profile p LEFT JOIN organizations o ON o.id = p.organization_id LIMIT 1`,
  ).pluck();
  const standingAgencies = db.prepare(
    `SELECT DISTINCT o.name FROM committee_members cm JOIN organizations o ON o.id = cm.organization_id WHERE cm.role = 'standing_agency' LIMIT 2`,
  ).pluck();

  return {
    /** The committee a report is narrowed to; refused by name when the directory lacks it. */
    committee(id: string): { id: string; name: string } {
      const found = committee.get(id) as { id: string; name: string } | undefined;
      if (!found) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy Ban Chỉ đạo này.', en: 'Committee not found.' });
      return found;
    },

    issuer(of: { name: string } | null): string {
      if (of) return of.name;
      const own = profileOrgan.get() as string | null | undefined;
      if (own) return own;
      const agencies = standingAgencies.all() as string[];
      return agencies.length === 1 ? agencies[0]! : UNNAMED_ISSUER;
    },
  };
}

export type ReportIssuer = ReturnType<typeof createReportIssuer>;
