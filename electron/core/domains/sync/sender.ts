import { v7 as uuidv7 } from 'uuid';
import { batchResult, type AssignmentEvent, type Operation, type OperationResult } from '../../../../shared/sync/wire.ts';
import type { ServiceContext } from '../../context.ts';
import { readStoredFile } from '../../files/blob-cipher.ts';
import { blobKeyOf, blobPathOf } from '../../files/blob-file.ts';
import type { HubClient } from './hub-client.ts';
import { HubError } from './hub-error.ts';
import type { SyncStore } from './sync-store.ts';

interface OutboxRow {
  seq: number;
  op_id: string;
  type: 'assignment' | 'event';
  task_id: string;
  event_id: string | null;
  payload: string;
}

export interface PushResult {
  pushed: number;
  conflicts: number;
  rejected: number;
}

/**
 * Delivers the outbox in order per task, in batches: each operation keeps its id and sequence
 * across retries, so a batch whose answer was lost is simply sent again and the hub repeats its
 * first answers. A task with a conflict waiting for a person holds its later operations back.
 */
export function createSender(ctx: ServiceContext, store: SyncStore) {
  const { db } = ctx;
  const next = db.prepare(
    `SELECT seq, op_id, type, task_id, event_id, payload FROM sync_outbox o
      WHERE state = 'pending' AND NOT EXISTS (SELECT 1 FROM sync_outbox c WHERE c.task_id = o.task_id AND c.state = 'conflict' AND c.seq < o.seq)
      ORDER BY seq LIMIT ?`,
  );
  const remote = db.prepare('SELECT fields_version FROM sync_remote WHERE task_id = ?').pluck();
  const uploaded = db.prepare('SELECT 1 FROM sync_files WHERE sha256 = ?').pluck();
  const markUploaded = db.prepare('INSERT OR IGNORE INTO sync_files (sha256, uploaded_at) VALUES (?, ?)');
  const done = db.prepare('DELETE FROM sync_outbox WHERE seq = ?');
  const retry = db.prepare('UPDATE sync_outbox SET attempts = attempts + 1 WHERE seq = ?');
  const park = db.prepare("UPDATE sync_outbox SET state = @state, attempts = attempts + 1, last_error = @error WHERE seq = @seq");
  const upsertRemote = db.prepare(
    `INSERT INTO sync_remote (task_id, assigner_unit, version, fields_version, position) VALUES (@task, @unit, 0, @fv, 0)
     ON CONFLICT (task_id) DO UPDATE SET fields_version = excluded.fields_version`,
  );
  const conflict = db.prepare(
    `INSERT INTO sync_conflicts (id, task_id, op_seq, kind, status, message, local, remote, detected_at)
     VALUES (@id, @task, @seq, @kind, @status, @message, @local, @remote, @at)`,
  );

  async function uploadEvidence(client: HubClient, body: AssignmentEvent): Promise<void> {
    for (const f of body.documents) {
      if (uploaded.get(f.sha256)) continue;
      await client.putFile(f.sha256, await readStoredFile(blobPathOf(ctx.paths, f.sha256), blobKeyOf(ctx.databaseKey)));
      markUploaded.run(f.sha256, ctx.now().toISOString());
    }
  }

  /** The next batch: in order, and at most one operation per task that moves its fields version (so If-Match is known). */
  function batch(limit: number): { rows: OutboxRow[]; ops: Operation[] } {
    const rows: OutboxRow[] = [];
    const ops: Operation[] = [];
    const closed = new Set<string>();
    for (const r of next.all(limit * 4) as OutboxRow[]) {
      if (ops.length >= limit) break;
      if (closed.has(r.task_id)) continue;
      const head = { opId: r.op_id, seq: r.seq, assignmentId: r.task_id };
      if (r.type === 'assignment') {
        ops.push({ ...head, type: 'assignment', ifMatch: (remote.get(r.task_id) as number | undefined) ?? null, body: JSON.parse(r.payload) });
        closed.add(r.task_id);
      } else {
        const body = JSON.parse(r.payload) as AssignmentEvent;
        ops.push({ ...head, type: 'event', eventId: r.event_id!, body });
        if (body.kind === 'extension_approved') closed.add(r.task_id);
      }
      rows.push(r);
    }
    return { rows, ops };
  }

  function settle(rows: OutboxRow[], ops: Operation[], results: OperationResult[], tally: PushResult): void {
    const unit = store.get('unitCode') ?? '';
    const at = ctx.now().toISOString();
    db.transaction(() => {
      results.forEach((res, i) => {
        const row = rows[i]!;
        const op = ops[i]!;
        if (res.status >= 200 && res.status < 300) {
          done.run(row.seq);
          tally.pushed += 1;
          if (res.fieldsVersion !== undefined && (op.type === 'assignment' || op.body.kind === 'extension_approved')) {
            upsertRemote.run({ task: row.task_id, unit, fv: res.fieldsVersion });
          }
          return;
        }
        const message = res.problem?.titleVi ?? res.problem?.title ?? `HTTP ${res.status}`;
        if (res.status === 409 || res.status === 412) {
          park.run({ seq: row.seq, state: 'conflict', error: JSON.stringify({ vi: message, en: res.problem?.title ?? message }) });
          conflict.run({
            id: uuidv7(),
            task: row.task_id,
            seq: row.seq,
            kind: op.type === 'assignment' ? 'fields' : 'event',
            status: res.status,
            message,
            local: row.payload,
            remote: res.problem?.current ? JSON.stringify(res.problem.current) : null,
            at,
          });
          tally.conflicts += 1;
        } else if (res.status === 424 || res.status >= 500) {
          retry.run(row.seq);
        } else {
          const detail = res.problem?.detail ? ` ${res.problem.detail}` : '';
          park.run({ seq: row.seq, state: 'rejected', error: JSON.stringify({ vi: `${message}${detail}`, en: `${res.problem?.title ?? message}${detail}` }) });
          tally.rejected += 1;
        }
      });
    }).immediate();
  }

  return {
    async push(client: HubClient, maxBatch: number): Promise<PushResult> {
      const tally: PushResult = { pushed: 0, conflicts: 0, rejected: 0 };
      for (;;) {
        const { rows, ops } = batch(maxBatch);
        if (ops.length === 0) return tally;
        for (const op of ops) if (op.type === 'event') await uploadEvidence(client, op.body);
        const answer = await client.json('POST', '/v1/operations', batchResult, { operations: ops });
        if (answer.results.length !== ops.length || answer.results.some((r, i) => r.opId !== ops[i]!.opId)) {
          throw new HubError('protocol', 'Hệ thống điều hành trả lời không khớp các thay đổi đã gửi: sẽ gửi lại.', 'The operations system’s answer does not match the changes sent: they will be sent again.');
        }
        settle(rows, ops, answer.results, tally);
        // Nothing moved (every operation waits behind another): stop rather than spin.
        if (answer.results.every((r) => r.status === 424 || r.status >= 500)) return tally;
      }
    },
  };
}
