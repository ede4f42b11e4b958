import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assignmentEvent, assignmentFields, HEADER, operationBatch, type Operation, type OperationResult } from '../shared/sync/wire.ts';
import { callerOf } from './auth.ts';
import { inTransaction, type Pool } from './db/pool.ts';
import { applyOperations } from './operations.ts';
import { invalid, issues, sendProblem } from './problem.ts';

type Issue = { path: string; message: string };

const uuid = z.uuid();

/** A header or path value, or an issue naming it; issues are gathered so one reply lists them all. */
function take<T>(schema: z.ZodType<T>, value: unknown, path: string, found: Issue[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  found.push(...issues(r.error, path));
  return undefined;
}

const seq = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'expected a whole number ≥ 1')
  .transform(Number);

/** `If-Match: "3"` (or 3, or a weak W/"3") names the fieldsVersion the change was based on. */
const ifMatch = z
  .string()
  .regex(/^\s*(?:W\/)?"?[1-9]\d{0,8}"?\s*$/, 'expected "<fieldsVersion>"')
  .transform((v) => Number(/\d+/.exec(v)![0]));

function operationHead(request: FastifyRequest, found: Issue[]) {
  return {
    opId: take(uuid, request.headers[HEADER.operationId], 'Operation-Id', found),
    seq: take(seq, request.headers[HEADER.operationSeq], 'Operation-Seq', found),
  };
}

/** What the PUT's own operation came to: the HTTP status is the operation's status. */
function answer(reply: FastifyReply, result: OperationResult): FastifyReply {
  if (result.problem) return sendProblem(reply, result.problem);
  return reply.code(result.status).header('ETag', `"${result.fieldsVersion}"`).send({ results: [result] });
}

async function applyOne(pool: Pool, request: FastifyRequest, op: Operation): Promise<OperationResult> {
  const caller = callerOf(request);
  const [result] = await inTransaction(pool, (db) => applyOperations(db, caller, [op]));
  return result!;
}

/** `PUT /v1/assignments/{id}`, `PUT /v1/assignments/{id}/events/{eventId}` and the batch `POST /v1/operations`. */
export function writeRoutes(pool: Pool) {
  return async (app: FastifyInstance) => {
    app.put('/assignments/:id', async (request, reply) => {
      const found: Issue[] = [];
      const params = request.params as { id: string };
      const assignmentId = take(uuid, params.id, '/path/id', found);
      const head = operationHead(request, found);
      const match = request.headers['if-match'];
      const noneMatch = request.headers['if-none-match'];
      let base: number | null | undefined;
      if (match !== undefined && noneMatch === undefined) base = take(ifMatch, match, 'If-Match', found);
      else if (match === undefined && noneMatch?.trim() === '*') base = null;
      else found.push({ path: 'If-Match', message: 'send If-Match: "<fieldsVersion>" to change, or If-None-Match: * to create' });
      const body = take(assignmentFields, request.body, '', found);
      if (found.length || !assignmentId || !head.opId || !head.seq || base === undefined || !body) throw invalid(found);
      return answer(reply, await applyOne(pool, request, { type: 'assignment', opId: head.opId, seq: head.seq, assignmentId, ifMatch: base, body }));
    });

    app.put('/assignments/:id/events/:eventId', async (request, reply) => {
      const found: Issue[] = [];
      const params = request.params as { id: string; eventId: string };
      const assignmentId = take(uuid, params.id, '/path/id', found);
      const eventId = take(uuid, params.eventId, '/path/eventId', found);
      const head = operationHead(request, found);
      const body = take(assignmentEvent, request.body, '', found);
      if (found.length || !assignmentId || !eventId || !head.opId || !head.seq || !body) throw invalid(found);
      return answer(reply, await applyOne(pool, request, { type: 'event', opId: head.opId, seq: head.seq, assignmentId, eventId, body }));
    });

    app.post('/operations', async (request) => {
      const batch = operationBatch.safeParse(request.body);
      if (!batch.success) throw invalid(issues(batch.error));
      const caller = callerOf(request);
      return { results: await inTransaction(pool, (db) => applyOperations(db, caller, batch.data.operations)) };
    });
  };
}
