import { v7 as uuidv7 } from 'uuid';
import { eventRules } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import { createSyncStore } from './sync-store.ts';
import { createWireOfTask, isWireEvent, NotSendable } from './wire-of-task.ts';

/**
 * Where every change that must reach the provincial system is written, inside the transaction of
 * the change itself: a crash either keeps both or neither. Operations are immutable once queued
 * (a retry after a lost answer must repeat exactly what was sent); classified tasks never enter.
 */
export function createOutbox(ctx: ServiceContext) {
  const { db } = ctx;
  const store = createSyncStore(db);
  const wire = createWireOfTask(db);
  const insert = db.prepare(
    `INSERT INTO sync_outbox (op_id, type, task_id, event_id, payload, created_at, state, last_error)
     VALUES (@op_id, @type, @task_id, @event_id, @payload, @created_at, @state, @last_error)`,
  );
  const backfillable = db
    .prepare(
      `SELECT t.id FROM tasks t
        WHERE t.classification = 'normal' AND t.assigner_unit IS NULL AND t.status NOT IN ('done', 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM sync_remote r WHERE r.task_id = t.id)
          AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.task_id = t.id AND o.type = 'assignment')
        ORDER BY t.created_at, t.id`,
    )
    .pluck();

  function enqueue(type: 'assignment' | 'event', taskId: string, eventId: string | null, build: () => unknown): void {
    let payload = 'null';
    let failure: NotSendable | null = null;
    try {
      payload = JSON.stringify(build());
    } catch (e) {
      if (!(e instanceof NotSendable)) throw e;
      failure = e;
    }
    insert.run({
      op_id: uuidv7(),
      type,
      task_id: taskId,
      event_id: eventId,
      payload,
      created_at: ctx.now().toISOString(),
      state: failure ? 'rejected' : 'pending',
      last_error: failure ? JSON.stringify({ vi: failure.vi, en: failure.en }) : null,
    });
  }

  /** Whether this laptop's side of the task may record the event on the hub (the other side's stay local). */
  function mayRecord(taskRow: { assigner_unit: string | null; lead_unit_id: string }, kind: Parameters<typeof isWireEvent>[0]): boolean {
    if (!isWireEvent(kind)) return false;
    return eventRules[kind].by === (taskRow.assigner_unit ? 'lead' : 'assigner');
  }

  return {
    /** The assigner's fields of a task given here changed (or it was just given). */
    assignmentChanged(taskId: string): void {
      if (!store.configured()) return;
      const r = wire.row(taskId);
      if (r.classification !== 'normal' || r.assigner_unit) return;
      enqueue('assignment', taskId, null, () => wire.fields(taskId));
    },

    /** Events just recorded on a task whose row already holds the state they leave. */
    eventsRecorded(taskId: string, events: ReadonlyArray<{ id: string; kind: string }>): void {
      if (events.length === 0 || !store.configured()) return;
      const r = wire.row(taskId);
      if (r.classification !== 'normal') return;
      for (const e of events) {
        if (mayRecord(r, e.kind)) enqueue('event', taskId, e.id, () => wire.event(taskId, e.id));
      }
    },

    /** When sync is first switched on: the open, unclassified tasks given here, so the units receive them. */
    backfill(): number {
      const ids = backfillable.all() as string[];
      for (const id of ids) enqueue('assignment', id, null, () => wire.fields(id));
      return ids.length;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
