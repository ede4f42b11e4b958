import {
  MEETING_MAX_DAYS,
  type MeetingStatus,
  type MeetingSummary,
  type MethodInput,
  type Page,
} from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import type { SqliteStatement } from './statement-cache.ts';
import { createStatementCache } from './statement-cache.ts';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, toSummary, type SummaryRow } from './summary-rows.ts';
import { SEARCH_KEY_SQL, titleLikeTerms } from './title-search.ts';

interface Filters {
  from?: string | undefined;
  to?: string | undefined;
  statuses?: MeetingStatus[] | undefined;
  committeeId?: string | undefined;
  chairingOrgId?: string | undefined;
  query?: string | undefined;
}

/**
 * Meetings overlapping [from, to): starts before `to` and ends after `from`. A meeting lasts at most
 * MEETING_MAX_DAYS, so "starts after from − that" bounds the scan of the starts_at indexes.
 */
function whereClause(f: Filters): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from !== undefined) {
    parts.push('m.ends_at > @from', 'm.starts_at > @fromBound');
    params['from'] = f.from;
    params['fromBound'] = new Date(Date.parse(f.from) - MEETING_MAX_DAYS * 24 * 3600_000).toISOString();
  }
  if (f.to !== undefined) {
    parts.push('m.starts_at < @to');
    params['to'] = f.to;
  }
  if (f.statuses !== undefined) {
    const names = [...new Set(f.statuses)].map((s, i) => {
      params[`s${i}`] = s;
      return `@s${i}`;
    });
    parts.push(`m.status IN (${names.join(', ')})`);
  }
  if (f.committeeId !== undefined) {
    parts.push('m.committee_id = @committeeId');
    params['committeeId'] = f.committeeId;
  }
  if (f.chairingOrgId !== undefined) {
    parts.push('m.chairing_org_id = @chairingOrgId');
    params['chairingOrgId'] = f.chairingOrgId;
  }
  titleLikeTerms(f.query).forEach((term, i) => {
    parts.push(`${SEARCH_KEY_SQL} LIKE @w${i} ESCAPE '\\'`);
    params[`w${i}`] = term;
  });
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The list and calendar queries. Statements are cached per filter shape. */
export function createMeetingList(ctx: ServiceContext) {
  const cache = createStatementCache(ctx.db);

  function page(input: MethodInput<'meetings.list'>): Page<MeetingSummary> {
    const { sql: where, params } = whereClause(input);
    const dir = input.order === 'asc' ? 'ASC' : 'DESC';
    // The page of ids first (index order, LIMIT), then names and counts for those rows only.
    const items = cache
      .get(
        `WITH page AS MATERIALIZED (
           SELECT m.id FROM meetings m ${where} ORDER BY m.starts_at ${dir}, m.id ${dir} LIMIT @limit OFFSET @offset
         )
         SELECT ${SUMMARY_COLUMNS} FROM page JOIN meetings m ON m.id = page.id ${SUMMARY_JOINS}
         ORDER BY m.starts_at ${dir}, m.id ${dir}`,
      )
      .all({ ...params, limit: input.limit ?? 100, offset: input.offset ?? 0 }) as SummaryRow[];
    const total = (cache.get(`SELECT count(*) FROM meetings m ${where}`) as SqliteStatement).pluck().get(params) as number;
    return { items: items.map(toSummary), total };
  }

  function calendar(input: MethodInput<'meetings.calendar'>): MeetingSummary[] {
    const { sql: where, params } = whereClause(input);
    const rows = cache
      .get(`SELECT ${SUMMARY_COLUMNS} FROM meetings m ${SUMMARY_JOINS} ${where} ORDER BY m.starts_at, m.id`)
      .all(params) as SummaryRow[];
    return rows.map(toSummary);
  }

  return { page, calendar };
}
