import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decodeCursor, encodeCursor, FIRST_PUBLICATION_KINDS, MAX_PAGE, publication, PUBLICATION_KINDS, type OpinionPublication } from '../shared/sync/wire.ts';
import { callerOf } from './auth.ts';
import { inTransaction, type Db, type Pool } from './db/pool.ts';
import { FEED_LOCK } from './operations.ts';
import { HubProblem, invalid, issues, problem } from './problem.ts';

const kindList = z
  .string()
  .max(200)
  .transform((s) => s.split(','))
  .pipe(z.array(z.enum(PUBLICATION_KINDS)).min(1));
const pageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(200),
  /** The kinds the caller reads; left out, the first release's (see FIRST_PUBLICATION_KINDS). */
  kinds: kindList.optional(),
});
const uuid = z.uuid();

/** Who sees a publication `p`: its publisher and its recipient units (`unit`: an SQL parameter). */
export const publicationVisibleTo = (unit: string) => `(p.publisher_unit = ${unit} OR ${unit} = ANY (p.recipients))`;

/**
 * `PUT /v1/publications/{id}` and `GET /v1/publications`: signed meeting packs and issued notices a
 * standing office publishes for its committee's units. The hub keeps and hands out the file; it is
 * the laptops that verify a pack's signature, exactly as they do for a pack from a file.
 */
/**
 * Answers go back only to the unit that asked, and only from a unit that was asked: the hub checks
 * both against the request it carried, so a unit cannot drop answers on another unit's desk.
 */
async function checkAnswers(db: Db, unit: string, p: OpinionPublication): Promise<void> {
  const asked = (await db.query<{ publisher_unit: string; asked: boolean }>(
    `SELECT publisher_unit, $2 = ANY (recipients) AS asked FROM publications WHERE kind = 'opinion_request' AND request_id = $1 ORDER BY position DESC LIMIT 1`,
    [p.requestId, unit],
  )).rows[0];
  if (!asked?.asked) {
    throw new HubProblem(problem(422, 'request_unknown', 'Phiếu lấy ý kiến này không được gửi cho đơn vị qua máy chủ / no such request was sent to this unit through the hub', { errors: [{ path: '/requestId', message: 'no such request for this unit' }] }));
  }
  if (p.recipients.length !== 1 || p.recipients[0] !== asked.publisher_unit) {
    throw new HubProblem(problem(422, 'wrong_recipient', 'Ý kiến chỉ được gửi về đơn vị đã xin ý kiến / answers go only to the unit that asked', { errors: [{ path: '/recipients', message: `must be [${asked.publisher_unit}]` }] }));
  }
}

export function publicationRoutes(pool: Pool) {
  return async (app: FastifyInstance) => {
    app.put('/publications/:id', async (request, reply) => {
      const id = uuid.safeParse((request.params as { id: string }).id);
      const body = publication.safeParse(request.body);
      const found = [...(id.success ? [] : issues(id.error, '/path/id')), ...(body.success ? [] : issues(body.error))];
      if (!id.success || !body.success) throw invalid(found);
      const unit = callerOf(request).unitCode;
      const p = body.data;
      const status = await inTransaction(pool, async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
        // jsonb equality compares meaning, not key order: a repeat of the same publication is a 200.
        const held = (await db.query<{ publisher_unit: string; same: boolean }>('SELECT publisher_unit, body = $2::jsonb AS same FROM publications WHERE id = $1', [id.data, JSON.stringify(p)])).rows[0];
        if (held) {
          if (held.publisher_unit === unit && held.same) return 200;
          throw new HubProblem(problem(409, 'publication_exists', 'Mã này đã được công bố với nội dung khác / this id was published with another body'));
        }
        if (p.kind === 'opinion_answers') await checkAnswers(db, unit, p);
        const file = await db.query('SELECT 1 FROM files WHERE sha256 = $1', [p.file.sha256]);
        if (!file.rowCount) {
          throw new HubProblem(problem(422, 'file_missing', 'Chưa tải tệp lên máy chủ / upload the file first', { errors: [{ path: '/file/sha256', message: 'no such file on the hub' }] }));
        }
        await db.query(
          `INSERT INTO publications (id, publisher_unit, kind, meeting_id, request_id, sha256, recipients, body, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, nextval('feed_position'))`,
          [id.data, unit, p.kind, 'meetingId' in p ? p.meetingId : null, 'requestId' in p ? p.requestId : null, p.file.sha256, p.recipients, JSON.stringify(p)],
        );
        return 201;
      });
      return reply.code(status).send();
    });

    app.get('/publications', async (request, reply) => {
      const query = pageQuery.safeParse(request.query);
      if (!query.success) throw invalid(issues(query.error, '/query'));
      const after = query.data.cursor === undefined ? 0 : decodeCursor(query.data.cursor);
      if (after === null) throw new HubProblem(problem(422, 'bad_cursor', 'Con trỏ không do máy chủ này cấp / a cursor this hub did not give', { errors: [{ path: '/query/cursor', message: 'unknown cursor' }] }));
      const { rows } = await pool.query<{ id: string; position: string; publisher_unit: string; body: Record<string, unknown> }>(
        `SELECT p.id, p.position, p.publisher_unit, p.body FROM publications p
          WHERE p.position > $2 AND ${publicationVisibleTo('$1')} AND p.kind = ANY ($4) ORDER BY p.position LIMIT $3`,
        [callerOf(request).unitCode, after, query.data.limit, query.data.kinds ?? FIRST_PUBLICATION_KINDS],
      );
      const publications = rows.map((r) => ({ ...r.body, id: r.id, position: Number(r.position), publisherUnit: r.publisher_unit }));
      return reply.send({ publications, cursor: encodeCursor(Number(rows.at(-1)?.position ?? after)), more: rows.length === query.data.limit });
    });
  };
}
