import { v7 as uuidv7 } from 'uuid';
import type { SyncConflict, SyncFieldDiff, SyncRejected } from '../../../../shared/contract/index.ts';
import type { AssignmentSnapshot } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import { createSnapshotApplier } from './apply-snapshot.ts';
import type { SyncStore } from './sync-store.ts';

interface ConflictRow {
  id: string;
  task_id: string;
  op_seq: number;
  kind: 'fields' | 'event';
  message: string;
  local: string;
  remote: string | null;
  detected_at: string;
  content: string;
}

function diffs(row: ConflictRow): SyncFieldDiff[] {
  const remote = row.remote ? (JSON.parse(row.remote) as AssignmentSnapshot) : null;
  const local = JSON.parse(row.local) as Record<string, unknown>;
  if (!remote) return [];
  if (row.kind === 'event') {
    const result = local.result as Record<string, unknown>;
    return (['status', 'percent'] as const).flatMap((k) => (result[k] === remote.state[k] ? [] : [{ field: k, mine: result[k], theirs: remote.state[k] }]));
  }
  const theirs = remote.fields as Record<string, unknown>;
  return Object.keys(local).flatMap((k) => (JSON.stringify(local[k]) === JSON.stringify(theirs[k]) ? [] : [{ field: k, mine: local[k], theirs: theirs[k] }]));
}

/**
 * Conflicts the hub reported (409, 412) wait here for a person, never resolved by overwriting:
 * "keep mine" sends the change again on top of the hub's copy, "take theirs" drops it and applies
 * the hub's copy. Changes the hub refused outright (403, 422…) are listed until dismissed.
 */
export function createConflicts(ctx: ServiceContext, store: SyncStore) {
  const { db } = ctx;
  const applier = createSnapshotApplier(db);
  const open = db.prepare(
    `SELECT c.*, t.content FROM sync_conflicts c JOIN tasks t ON t.id = c.task_id WHERE c.resolved_at IS NULL ORDER BY c.detected_at`,
  );
  const one = db.prepare('SELECT c.*, t.content FROM sync_conflicts c JOIN tasks t ON t.id = c.task_id WHERE c.id = ? AND c.resolved_at IS NULL');
  const rejected = db.prepare(
    `SELECT o.seq, o.task_id, o.type, o.last_error, o.created_at, t.content FROM sync_outbox o LEFT JOIN tasks t ON t.id = o.task_id
      WHERE o.state = 'rejected' ORDER BY o.seq`,
  );
  const resolve = db.prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?');
  const dropOp = db.prepare('DELETE FROM sync_outbox WHERE seq = ?');
  const requeue = db.prepare("UPDATE sync_outbox SET state = 'pending', op_id = ?, last_error = NULL WHERE seq = ?");
  const rebase = db.prepare(
    `INSERT INTO sync_remote (task_id, assigner_unit, version, fields_version, position) VALUES (@task, @unit, @version, @fv, @position)
     ON CONFLICT (task_id) DO UPDATE SET fields_version = excluded.fields_version`,
  );
  const rejectedOp = db.prepare("SELECT seq, task_id FROM sync_outbox WHERE seq = ? AND state = 'rejected'");

  return {
    list(): { conflicts: SyncConflict[]; rejected: SyncRejected[] } {
      const conflicts = (open.all() as ConflictRow[]).map((r) => ({
        id: r.id,
        taskId: r.task_id,
        taskContent: r.content,
        kind: r.kind,
        message: r.message,
        detectedAt: r.detected_at,
        diffs: diffs(r),
      }));
      const refused = (rejected.all() as Array<{ seq: number; task_id: string; type: 'assignment' | 'event'; last_error: string | null; created_at: string; content: string | null }>).map((r) => ({
        seq: r.seq,
        taskId: r.task_id,
        taskContent: r.content,
        type: r.type,
        error: r.last_error ? (JSON.parse(r.last_error) as { vi: string }).vi : '',
        createdAt: r.created_at,
      }));
      return { conflicts, rejected: refused };
    },

    resolve(id: string, keep: 'mine' | 'theirs'): void {
      db.transaction(() => {
        const row = one.get(id) as ConflictRow | undefined;
        if (!row) throw new CoreError('NOT_FOUND', { vi: 'Xung đột này đã được xử lý hoặc không còn.', en: 'This conflict was already resolved or is gone.' });
        const remote = row.remote ? (JSON.parse(row.remote) as AssignmentSnapshot) : null;
        const now = ctx.now().toISOString();
        resolve.run(now, keep, id);
        if (keep === 'mine') {
          // A new operation id: the hub answered the old one already and would repeat that answer.
          requeue.run(uuidv7(), row.op_seq);
          if (remote && row.kind === 'fields') rebase.run({ task: row.task_id, unit: remote.assignerUnit, version: remote.version, fv: remote.fieldsVersion, position: remote.position });
        } else {
          dropOp.run(row.op_seq);
          if (remote) applier.apply(remote, store.get('unitCode'), new Map(), now, true);
        }
        ctx.audit.record({ action: 'sync.resolve', entity: 'task', entityId: row.task_id, detail: { keep, kind: row.kind, message: row.message } });
      }).immediate();
    },

    dismiss(seq: number): void {
      db.transaction(() => {
        const row = rejectedOp.get(seq) as { seq: number; task_id: string } | undefined;
        if (!row) throw new CoreError('NOT_FOUND', { vi: 'Không còn thay đổi bị từ chối này.', en: 'This refused change is gone.' });
        dropOp.run(seq);
        ctx.audit.record({ action: 'sync.dismiss', entity: 'task', entityId: row.task_id, detail: { seq } });
      }).immediate();
    },
  };
}
