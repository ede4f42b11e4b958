import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decodeCursor, encodeCursor, MAX_PAGE, type AssignmentSnapshot } from '../shared/sync/wire.ts';
import { callerOf } from './auth.ts';
import type { Db, Pool } from './db/pool.ts';
import { HubProblem, invalid, issues, problem } from './problem.ts';

/** Who sees an assignment `a`: the unit that gave it, the lead unit and the coordinating units (`unit`: an SQL parameter). */
export const visibleTo = (unit: string) => `(a.assigner_unit = ${unit} OR a.lead_unit = ${unit} OR ${unit} = ANY (a.coordinating_units))`;

/**
 * Assignments `a` (already filtered and limited by `from`) as AssignmentSnapshot JSON text, with
 * their position. Events and extensions come from lateral joins, so a page of a thousand is one
 * query; `json` rather than `jsonb` building, because it only concatenates the stored documents'
 * text where `jsonb` would rebuild each one (four times slower on a full page).
 */
function snapshotsSql(from: string): string {
  return `SELECT a.position, json_build_object(
      'id', a.id, 'position', a.position, 'assignerUnit', a.assigner_unit,
      'version', a.version, 'fieldsVersion', a.fields_version, 'fields', a.fields, 'state', a.state,
      'events', COALESCE(ev.list, '[]'::json), 'extensions', COALESCE(ex.list, '[]'::json),
      'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )::text AS json
    FROM (${from}) a
    LEFT JOIN LATERAL (
      SELECT json_agg(e.body ORDER BY e.at, e.id) AS list FROM assignment_events e WHERE e.assignment_id = a.id
    ) ev ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(x.body ORDER BY x.requested_at, x.id) AS list FROM extensions x WHERE x.assignment_id = a.id
    ) ex ON true
    ORDER BY a.position`;
}

/** The hub's copy of one assignment, as a refused write carries it (`current`). */
export async function snapshotOf(db: Db, id: string): Promise<AssignmentSnapshot> {
  const row = (await db.query<{ json: string }>(snapshotsSql('SELECT * FROM assignments WHERE id = $1'), [id])).rows[0];
  if (!row) throw new Error(`assignment ${id} vanished inside its own transaction`);
  return JSON.parse(row.json) as AssignmentSnapshot;
}

/** A page of the feed as JSON text: the snapshots' text is spliced in as PostgreSQL wrote it. */
export async function changesAfter(pool: Pool, unit: string, after: number, limit: number): Promise<string> {
  const { rows } = await pool.query<{ position: number; json: string }>(
    snapshotsSql(`SELECT * FROM assignments a WHERE a.position > $2 AND ${visibleTo('$1')} ORDER BY a.position LIMIT $3`),
    [unit, after, limit],
  );
  const cursor = encodeCursor(rows.at(-1)?.position ?? after);
  return `{"changes":[${rows.map((r) => r.json).join(',')}],"cursor":${JSON.stringify(cursor)},"more":${rows.length === limit}}`;
}

const changesQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(200),
});

/** `GET /v1/changes`: what the caller's unit may see, in the order the hub committed it. */
export function changesRoutes(pool: Pool) {
  return async (app: FastifyInstance) => {
    app.get('/changes', async (request, reply) => {
      const query = changesQuery.safeParse(request.query);
      if (!query.success) throw invalid(issues(query.error, '/query'));
      const after = query.data.cursor === undefined ? 0 : decodeCursor(query.data.cursor);
      if (after === null) throw new HubProblem(problem(422, 'bad_cursor', 'Con trỏ không do máy chủ này cấp / a cursor this hub did not give', { errors: [{ path: '/query/cursor', message: 'unknown cursor' }] }));
      return reply.type('application/json; charset=utf-8').send(await changesAfter(pool, callerOf(request).unitCode, after, query.data.limit));
    });
  };
}
