import {
  eventRules,
  type AssignmentEvent,
  type AssignmentFields,
  type AssignmentState,
  type Operation,
  type OperationResult,
  type Problem,
} from '../shared/sync/wire.ts';
import type { Caller } from './auth.ts';
import { snapshotOf } from './changes.ts';
import type { Db } from './db/pool.ts';
import { problem } from './problem.ts';

/**
 * Every transaction that takes feed positions holds this lock from its start to its commit. Positions
 * are therefore taken and committed in one order, and a reader can never see position N+1 while N is
 * still in flight and skip it for good. Taken first, before any row lock, so writers cannot deadlock.
 */
export const FEED_LOCK = 4_815_002;

type AssignmentOp = Extract<Operation, { type: 'assignment' }>;
type EventOp = Extract<Operation, { type: 'event' }>;

interface AssignmentRow {
  id: string;
  assigner_unit: string;
  lead_unit: string;
  coordinating_units: string[];
  fields: AssignmentFields;
  state: AssignmentState;
  version: number;
  fields_version: number;
}

interface Applied {
  status: 200 | 201;
  version: number;
  fieldsVersion: number;
  position: number;
}
type Outcome = Applied | { problem: Problem };

const INITIAL_STATE: AssignmentState = { status: 'assigned', percent: 0, completedOn: null, statusReason: null };

const canSee = (row: AssignmentRow, unit: string) => row.assigner_unit === unit || row.lead_unit === unit || row.coordinating_units.includes(unit);

async function load(db: Db, id: string): Promise<AssignmentRow | undefined> {
  return (
    await db.query<AssignmentRow>(
      'SELECT id, assigner_unit, lead_unit, coordinating_units, fields, state, version, fields_version FROM assignments WHERE id = $1 FOR UPDATE',
      [id],
    )
  ).rows[0];
}

async function refuse(db: Db, status: number, code: string, detail: string, withCurrent?: AssignmentRow): Promise<{ problem: Problem }> {
  return { problem: problem(status, code, detail, withCurrent ? { current: await snapshotOf(db, withCurrent.id) } : {}) };
}

async function putAssignment(db: Db, caller: Caller, op: AssignmentOp): Promise<Outcome> {
  const row = await load(db, op.assignmentId);
  const f = op.body;
  if (!row) {
    if (op.ifMatch !== null) return refuse(db, 404, 'not_found', 'Không có nhiệm vụ này để sửa / no such assignment to change');
    // The assigner is whoever creates it: the unit the token speaks for, never a field of the body.
    const created = await db.query<{ position: number }>(
      `INSERT INTO assignments (id, assigner_unit, lead_unit, coordinating_units, fields, state, version, fields_version, position)
       VALUES ($1, $2, $3, $4, $5, $6, 1, 1, nextval('feed_position')) RETURNING position`,
      [op.assignmentId, caller.unitCode, f.leadUnit, f.coordinatingUnits, JSON.stringify(f), JSON.stringify(INITIAL_STATE)],
    );
    return { status: 201, version: 1, fieldsVersion: 1, position: created.rows[0]!.position };
  }
  // A unit that cannot see the assignment learns nothing of it, not even through a 412.
  if (!canSee(row, caller.unitCode)) return refuse(db, 403, 'not_assigner', 'Chỉ đơn vị giao nhiệm vụ được sửa nhiệm vụ / only the assigning unit may change the assignment');
  if (op.ifMatch === null) return refuse(db, 412, 'exists', 'Nhiệm vụ đã có trên máy chủ / the assignment already exists', row);
  if (row.assigner_unit !== caller.unitCode) return refuse(db, 403, 'not_assigner', 'Chỉ đơn vị giao nhiệm vụ được sửa nhiệm vụ / only the assigning unit may change the assignment');
  if (op.ifMatch !== row.fields_version) {
    return refuse(db, 412, 'version_mismatch', `Nhiệm vụ đã đổi sang phiên bản ${row.fields_version} / the assignment is at fieldsVersion ${row.fields_version}`, row);
  }
  const updated = await db.query<Omit<Applied, 'status'>>(
    `UPDATE assignments SET fields = $2, lead_unit = $3, coordinating_units = $4, version = version + 1, fields_version = fields_version + 1,
       position = nextval('feed_position'), updated_at = now()
     WHERE id = $1 RETURNING version, fields_version AS "fieldsVersion", position`,
    [row.id, JSON.stringify(f), f.leadUnit, f.coordinatingUnits],
  );
  return { status: 200, ...updated.rows[0]! };
}

const unprocessable = (path: string, message: string, detail: string): { problem: Problem } => ({
  problem: problem(422, 'invalid', detail, { errors: [{ path, message }] }),
});

/** Extension bookkeeping of an extension event; returns the fields as they stand after it, or a refusal. */
async function applyExtension(db: Db, row: AssignmentRow, e: AssignmentEvent): Promise<{ fields: AssignmentFields } | { problem: Problem }> {
  if (e.kind === 'extension_requested') {
    const request = e.extensionRequest;
    if (!request) return unprocessable('/extensionRequest', 'required', 'Đề nghị gia hạn thiếu nội dung đề nghị / an extension request needs extensionRequest');
    const pending = await db.query("SELECT 1 FROM extensions WHERE assignment_id = $1 AND body ->> 'status' = 'pending'", [row.id]);
    if (pending.rowCount) return refuse(db, 409, 'extension_pending', 'Đang có một đề nghị gia hạn chờ quyết định / an extension request is already pending', row);
    const taken = await db.query('SELECT 1 FROM extensions WHERE id = $1', [request.id]);
    if (taken.rowCount) return refuse(db, 409, 'extension_exists', 'Đề nghị gia hạn này đã có / this extension request id is taken', row);
    const record = { ...request, status: 'pending', decidedAt: null, decidedBy: null, note: null };
    await db.query('INSERT INTO extensions (id, assignment_id, requested_at, body) VALUES ($1, $2, $3, $4)', [request.id, row.id, request.requestedAt, JSON.stringify(record)]);
    return { fields: row.fields };
  }
  const decision = e.extensionDecision;
  if (!decision) return unprocessable('/extensionDecision', 'required', 'Quyết định gia hạn thiếu nội dung / an extension decision needs extensionDecision');
  const expected = e.kind === 'extension_approved' ? 'approved' : 'refused';
  if (decision.status !== expected) return unprocessable('/extensionDecision/status', `must be ${expected}`, `Quyết định phải là ${expected} / the decision must be ${expected}`);
  const pending = await db.query("SELECT 1 FROM extensions WHERE id = $1 AND assignment_id = $2 AND body ->> 'status' = 'pending' FOR UPDATE", [decision.id, row.id]);
  if (!pending.rowCount) return refuse(db, 409, 'no_pending_extension', 'Không có đề nghị gia hạn nào đang chờ với mã này / no pending extension request with this id', row);
  const outcome = { status: decision.status, decidedAt: decision.decidedAt, decidedBy: decision.decidedBy, note: decision.note };
  await db.query('UPDATE extensions SET body = body || $2::jsonb WHERE id = $1', [decision.id, JSON.stringify(outcome)]);
  return { fields: decision.status === 'approved' ? { ...row.fields, dueDate: decision.dueDate, judgedBy: decision.judgedBy } : row.fields };
}

async function putEvent(db: Db, caller: Caller, op: EventOp): Promise<Outcome> {
  const row = await load(db, op.assignmentId);
  if (!row || !canSee(row, caller.unitCode)) return refuse(db, 404, 'not_found', 'Không có nhiệm vụ này / no such assignment visible to this unit');
  const e = op.body;
  const rule = eventRules[e.kind];
  if (caller.unitCode !== (rule.by === 'lead' ? row.lead_unit : row.assigner_unit)) {
    return rule.by === 'lead'
      ? refuse(db, 403, 'not_lead', 'Chỉ đơn vị chủ trì được ghi sự kiện này / only the lead unit may record this event')
      : refuse(db, 403, 'not_assigner', 'Chỉ đơn vị giao nhiệm vụ được ghi sự kiện này / only the assigning unit may record this event');
  }
  if (!rule.from.includes(row.state.status)) {
    return refuse(db, 409, 'status_forbids', `Trạng thái hiện tại (${row.state.status}) không cho phép ${e.kind} / ${e.kind} is not allowed from ${row.state.status}`, row);
  }
  const to = rule.to === 'same' ? [row.state.status] : rule.to;
  if (!to.includes(e.result.status)) {
    return unprocessable('/result/status', `must be one of ${to.join(', ')}`, `Sau ${e.kind} trạng thái phải là ${to.join(', ')} / after ${e.kind} the status must be ${to.join(', ')}`);
  }
  const taken = await db.query('SELECT 1 FROM assignment_events WHERE id = $1', [op.eventId]);
  if (taken.rowCount) return refuse(db, 409, 'event_exists', 'Mã sự kiện đã được dùng / this event id is taken', row);

  let fields = row.fields;
  if (e.kind === 'extension_requested' || e.kind === 'extension_approved' || e.kind === 'extension_refused') {
    const extension = await applyExtension(db, row, e);
    if ('problem' in extension) return extension;
    fields = extension.fields;
  }
  // The body is stored as the feed hands it out, id and unit included.
  await db.query('INSERT INTO assignment_events (id, assignment_id, unit, at, body) VALUES ($1, $2, $3, $4, $5)', [
    op.eventId,
    row.id,
    caller.unitCode,
    e.at,
    JSON.stringify({ ...e, id: op.eventId, unit: caller.unitCode }),
  ]);
  const updated = await db.query<Omit<Applied, 'status'>>(
    `UPDATE assignments SET state = $2, fields = $3, version = version + 1, fields_version = fields_version + $4,
       position = nextval('feed_position'), updated_at = now()
     WHERE id = $1 RETURNING version, fields_version AS "fieldsVersion", position`,
    [row.id, JSON.stringify(e.result), JSON.stringify(fields), fields === row.fields ? 0 : 1],
  );
  return { status: 200, ...updated.rows[0]! };
}

interface Stored {
  installation_id: string;
  response: OperationResult;
}

/** The first answer to an operation, repeated; an id another laptop already used is refused. */
function replay(stored: Stored, caller: Caller, op: Operation): OperationResult {
  if (stored.installation_id !== caller.installationId) {
    return { opId: op.opId, status: 409, replay: false, problem: problem(409, 'operation_taken', 'Mã thao tác đã được máy khác dùng / another installation used this operation id') };
  }
  return { ...stored.response, replay: true };
}

/**
 * One new operation: applied whole, or refused leaving nothing. An assignment's only write is its
 * last statement, so it needs no savepoint; an event writes several rows and gets one.
 */
async function applyFresh(db: Db, caller: Caller, op: Operation): Promise<OperationResult> {
  let outcome: Outcome;
  if (op.type === 'assignment') {
    outcome = await putAssignment(db, caller, op);
  } else {
    await db.query('SAVEPOINT op');
    outcome = await putEvent(db, caller, op);
    await db.query('problem' in outcome ? 'ROLLBACK TO SAVEPOINT op' : 'RELEASE SAVEPOINT op');
  }
  if ('problem' in outcome) return { opId: op.opId, status: outcome.problem.status, replay: false, problem: outcome.problem };
  return { opId: op.opId, status: outcome.status, replay: false, version: outcome.version, fieldsVersion: outcome.fieldsVersion, position: outcome.position };
}

/**
 * Apply operations in order inside the caller's transaction. Each new operation's answer is stored
 * under its id (the primary key that makes a repeat impossible) in the same transaction; a repeat
 * gets the stored answer. Once an operation on an assignment is refused, the later ones on it are
 * not tried (424) and not stored, so the laptop can send them again after the user settles it.
 */
export async function applyOperations(db: Db, caller: Caller, ops: Operation[]): Promise<OperationResult[]> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
  // FEED_LOCK keeps every other writer out until commit, so what is not stored now is new.
  const stored = new Map<string, Stored>(
    (await db.query<Stored & { op_id: string }>('SELECT op_id, installation_id, response FROM operations WHERE op_id = ANY($1::uuid[])', [ops.map((o) => o.opId)])).rows.map((r) => [r.op_id, r]),
  );
  const refused = new Set<string>();
  const results: OperationResult[] = [];
  const fresh: Array<{ op: Operation; result: OperationResult }> = [];
  for (const op of ops) {
    if (refused.has(op.assignmentId)) {
      results.push({
        opId: op.opId,
        status: 424,
        replay: false,
        problem: problem(424, 'earlier_refused', 'Thao tác trước trên nhiệm vụ này bị từ chối nên chưa thực hiện / not tried: an earlier operation on this assignment was refused'),
      });
      continue;
    }
    const earlier = stored.get(op.opId);
    let result: OperationResult;
    if (earlier) {
      result = replay(earlier, caller, op);
    } else {
      result = await applyFresh(db, caller, op);
      fresh.push({ op, result });
      // The same id twice in one batch: the second is a repeat of the first.
      stored.set(op.opId, { installation_id: caller.installationId, response: result });
    }
    if (result.status >= 400) refused.add(op.assignmentId);
    results.push(result);
  }
  if (fresh.length) {
    await db.query(
      `INSERT INTO operations (op_id, installation_id, seq, assignment_id, status, response)
       SELECT o, $2, s, a, st, r FROM unnest($1::uuid[], $3::bigint[], $4::uuid[], $5::int[], $6::jsonb[]) AS t (o, s, a, st, r)`,
      [
        fresh.map((f) => f.op.opId),
        caller.installationId,
        fresh.map((f) => f.op.seq),
        fresh.map((f) => f.op.assignmentId),
        fresh.map((f) => f.result.status),
        fresh.map((f) => JSON.stringify(f.result)),
      ],
    );
  }
  await db.query('UPDATE installations SET last_seq = GREATEST(last_seq, $2), last_seen = now() WHERE id = $1', [caller.installationId, Math.max(...ops.map((o) => o.seq))]);
  return results;
}
