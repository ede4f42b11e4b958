import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignmentSnapshot, batchResult, problem } from '../../shared/sync/wire.ts';
import { clusterPerFile, event, fields, hubWorld, UNITS, type Api, type HubWorld } from './hub-world.ts';

const cluster = clusterPerFile();
let w: HubWorld;
let office: Api;
let finance: Api;
let police: Api;
let planning: Api;

beforeEach(async () => {
  w = await hubWorld(cluster());
  [office, finance, police, planning] = await Promise.all([w.as('office'), w.as('finance'), w.as('police'), w.as('planning')]);
});
afterEach(async () => {
  await w.close();
});

async function count(table: string, where = 'true'): Promise<number> {
  const db = new pg.Client({ connectionString: w.databaseUrl });
  await db.connect();
  try {
    return Number((await db.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)).rows[0].n);
  } finally {
    await db.end();
  }
}

/** A 4xx reply as the contract says: problem+json, parsed by the wire's schema. */
function refused(r: { status: number; headers: Headers; body: unknown }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = problem.parse(r.body);
  expect(p).toMatchObject({ status, code });
  expect(p.titleVi).toBeTruthy();
  return p;
}

async function created(): Promise<string> {
  const id = randomUUID();
  const r = await office.putAssignment(id, fields(), null);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return id;
}

describe('assignments', () => {
  it('are created by the caller’s unit, once per operation id, and changed only with the right If-Match', async () => {
    const id = randomUUID();
    const opId = randomUUID();
    const first = await office.putAssignment(id, fields(), null, opId, 1);
    expect(first.status).toBe(201);
    const [result] = batchResult.parse(first.body).results;
    expect(result).toMatchObject({ opId, status: 201, replay: false, version: 1, fieldsVersion: 1 });
    expect(result!.position).toBeGreaterThan(0);
    expect(first.headers.get('etag')).toBe('"1"');

    // The laptop lost the answer and sends the same operation again: the first answer, marked as a replay.
    const again = await office.putAssignment(id, fields(), null, opId, 1);
    expect(again.status).toBe(201);
    expect(again.body.results[0]).toEqual({ ...result, replay: true });
    expect(await count('assignments')).toBe(1);
    expect(await count('operations')).toBe(1);

    const feed = await finance.changes();
    const snapshot = assignmentSnapshot.parse(feed.body.changes[0]);
    expect(snapshot).toMatchObject({ id, assignerUnit: UNITS.office, version: 1, fieldsVersion: 1, state: { status: 'assigned', percent: 0, completedOn: null, statusReason: null }, events: [], extensions: [] });
    expect(snapshot.fields).toEqual(fields());

    const changed = await office.putAssignment(id, fields({ content: 'Nội dung đã sửa', coordinatingUnits: [] }), 1);
    expect(changed.status).toBe(200);
    expect(changed.body.results[0]).toMatchObject({ status: 200, version: 2, fieldsVersion: 2 });
    expect(changed.body.results[0].position).toBeGreaterThan(result!.position!);

    const stale = refused(await office.putAssignment(id, fields({ content: 'Sửa từ bản cũ' }), 1), 412, 'version_mismatch');
    expect(stale.current).toMatchObject({ id, fieldsVersion: 2, fields: { content: 'Nội dung đã sửa' } });
    const weak = await office.call('PUT', `/v1/assignments/${id}`, { json: fields({ content: 'Lần ba' }), headers: { 'operation-id': randomUUID(), 'operation-seq': '3', 'if-match': '2' } });
    expect(weak.status).toBe(200);
    expect(await count('assignments', "fields->>'content' = 'Lần ba'")).toBe(1);
  });

  it('refuses a create over an existing id, writes by other units, and bodies that break the contract', async () => {
    const id = await created();
    const exists = refused(await office.putAssignment(id, fields({ content: 'Trùng mã' }), null), 412, 'exists');
    expect(exists.current).toMatchObject({ id, fieldsVersion: 1, fields: { content: fields().content } });

    refused(await finance.putAssignment(id, fields({ dueDate: '2026-12-31' }), 1), 403, 'not_assigner');
    // A unit that cannot see it learns nothing, not even that it exists.
    const blind = refused(await planning.putAssignment(id, fields(), null), 403, 'not_assigner');
    expect(blind.current).toBeUndefined();
    refused(await office.putAssignment(randomUUID(), fields(), 1), 404, 'not_found');

    const sneaky = refused(await office.putAssignment(randomUUID(), { ...fields(), assignerUnit: UNITS.police } as never, null), 422, 'invalid');
    expect(sneaky.errors?.length).toBeGreaterThan(0);
    const noPrecondition = refused(
      await office.call('PUT', `/v1/assignments/${randomUUID()}`, { json: fields(), headers: { 'operation-id': randomUUID(), 'operation-seq': '1' } }),
      422,
      'invalid',
    );
    expect(noPrecondition.errors?.map((e) => e.path)).toContain('If-Match');
    const badHeaders = refused(
      await office.call('PUT', '/v1/assignments/not-a-uuid', { json: { content: '' }, headers: { 'operation-id': 'x', 'operation-seq': '0', 'if-none-match': '*' } }),
      422,
      'invalid',
    );
    expect(badHeaders.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['/path/id', 'Operation-Id', 'Operation-Seq', '/content']));

    // Refusals are answered once and for all: the same operation gets the same refusal.
    const opId = randomUUID();
    const once = await finance.putAssignment(id, fields(), 1, opId);
    const twice = await finance.putAssignment(id, fields(), 1, opId);
    expect(twice.status).toBe(403);
    expect(twice.body).toEqual(once.body);
    expect(await count('operations', `op_id = '${opId}' AND status = 403`)).toBe(1);
    expect(await count('assignments')).toBe(1);
  });

  it('answers an operation id another installation used with 409', async () => {
    const id = randomUUID();
    const opId = randomUUID();
    expect((await office.putAssignment(id, fields(), null, opId)).status).toBe(201);
    const otherLaptop = await w.as('office');
    refused(await otherLaptop.putAssignment(id, fields(), null, opId), 409, 'operation_taken');
  });
});

describe('events', () => {
  it('follow the rules: the lead reports and completes, the assigner accepts', async () => {
    const id = await created();
    const progress = await finance.putEvent(id, randomUUID(), event('progress', 'in_progress'));
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    expect(progress.body.results[0]).toMatchObject({ status: 200, version: 2, fieldsVersion: 1 });
    expect((await finance.putEvent(id, randomUUID(), event('completed', 'done_requested'))).status).toBe(200);
    expect((await office.putEvent(id, randomUUID(), event('accepted', 'done'))).status).toBe(200);

    const snapshot = assignmentSnapshot.parse((await police.changes()).body.changes[0]);
    expect(snapshot.state).toEqual({ status: 'done', percent: 100, completedOn: null, statusReason: null });
    expect(snapshot.events.map((e) => [e.kind, e.unit])).toEqual([
      ['progress', UNITS.finance],
      ['completed', UNITS.finance],
      ['accepted', UNITS.office],
    ]);
    expect(snapshot).toMatchObject({ version: 4, fieldsVersion: 1 });
  });

  it('refuses events by the wrong side, from the wrong status, to the wrong status, or twice', async () => {
    const id = await created();
    refused(await office.putEvent(id, randomUUID(), event('progress', 'in_progress')), 403, 'not_lead');
    refused(await police.putEvent(id, randomUUID(), event('completed', 'done_requested')), 403, 'not_lead');
    refused(await finance.putEvent(id, randomUUID(), event('paused', 'paused')), 403, 'not_assigner');
    refused(await planning.putEvent(id, randomUUID(), event('progress', 'in_progress')), 404, 'not_found');
    refused(await finance.putEvent(randomUUID(), randomUUID(), event('progress', 'in_progress')), 404, 'not_found');

    const early = refused(await office.putEvent(id, randomUUID(), event('accepted', 'done')), 409, 'status_forbids');
    expect(early.current).toMatchObject({ id, state: { status: 'assigned' } });
    const wrongResult = refused(await finance.putEvent(id, randomUUID(), event('progress', 'done')), 422, 'invalid');
    expect(wrongResult.errors).toEqual([{ path: '/result/status', message: expect.stringContaining('in_progress') }]);
    refused(await office.putEvent(id, randomUUID(), event('reminded', 'paused')), 422, 'invalid');
    expect((await office.putEvent(id, randomUUID(), event('reminded', 'assigned'))).status).toBe(200);

    const eventId = randomUUID();
    expect((await finance.putEvent(id, eventId, event('progress', 'in_progress'))).status).toBe(200);
    refused(await finance.putEvent(id, eventId, event('progress', 'in_progress')), 409, 'event_exists');
    expect(await count('assignment_events')).toBe(2);
  });

  it('carry an extension request and its decision, which moves the deadline', async () => {
    const id = await created();
    const requestId = randomUUID();
    const request = { id: requestId, requestedAt: '2026-02-20T02:00:00.000Z', requestedOn: '2026-02-20', fromDate: '2026-02-27', toDate: '2026-03-31', reason: 'Chờ ý kiến thẩm định của Bộ Tài chính' };
    refused(await finance.putEvent(id, randomUUID(), event('extension_requested', 'assigned')), 422, 'invalid');
    expect((await finance.putEvent(id, randomUUID(), event('extension_requested', 'assigned', { extensionRequest: request }))).status).toBe(200);
    const second = { ...request, id: randomUUID(), requestedAt: '2026-03-25T02:00:00.000Z', requestedOn: '2026-03-25', toDate: '2026-04-30' };
    refused(await finance.putEvent(id, randomUUID(), event('extension_requested', 'assigned', { extensionRequest: second })), 409, 'extension_pending');

    const decision = { id: requestId, status: 'approved' as const, decidedAt: '2026-02-21T03:00:00.000Z', decidedBy: 'Phó Chủ tịch UBND tỉnh', note: null, dueDate: '2026-03-31', judgedBy: '2026-03-31' };
    refused(await office.putEvent(id, randomUUID(), event('extension_refused', 'assigned', { extensionDecision: decision })), 422, 'invalid');
    refused(await office.putEvent(id, randomUUID(), event('extension_approved', 'assigned', { extensionDecision: { ...decision, id: randomUUID() } })), 409, 'no_pending_extension');
    const approved = await office.putEvent(id, randomUUID(), event('extension_approved', 'assigned', { extensionDecision: decision }));
    expect(approved.status).toBe(200);
    expect(approved.body.results[0]).toMatchObject({ version: 3, fieldsVersion: 2 });

    const snapshot = assignmentSnapshot.parse((await office.changes()).body.changes[0]);
    expect(snapshot.fields).toMatchObject({ dueDate: '2026-03-31', judgedBy: '2026-03-31', originalDeadline: '2026-02-27' });
    expect(snapshot.extensions).toEqual([{ ...request, status: 'approved', decidedAt: decision.decidedAt, decidedBy: decision.decidedBy, note: null }]);
    // Decided: a new request may follow, and a refusal leaves the deadline where it is.
    expect((await finance.putEvent(id, randomUUID(), event('extension_requested', 'assigned', { extensionRequest: second }))).status).toBe(200);
    const refusal = { ...decision, id: second.id, status: 'refused' as const, dueDate: '2026-12-31', judgedBy: '2026-12-31' };
    const r = await office.putEvent(id, randomUUID(), event('extension_refused', 'assigned', { extensionDecision: refusal }));
    expect(r.body.results[0]).toMatchObject({ fieldsVersion: 2 });
    const after = assignmentSnapshot.parse((await office.changes()).body.changes[0]);
    expect(after.fields.dueDate).toBe('2026-03-31');
    expect(after.extensions.map((e) => e.status)).toEqual(['approved', 'refused']);
    // The assigner's old copy is stale now: If-Match 1 no longer holds.
    refused(await office.putAssignment(id, fields(), 1), 412, 'version_mismatch');
  });
});
