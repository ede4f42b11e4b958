import type { AssignmentSnapshot } from '../../../../shared/sync/wire.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import { taskSearchKey } from '../tasks/task-reader.ts';
import { HubError } from './hub-error.ts';

/**
 * One assignment from the feed, applied to the local tables (inside the puller's transaction).
 * Whose word wins follows who owns what: the assigner owns the assignment's fields, the events
 * carry the state; this laptop's own changes still waiting in the outbox are never overwritten,
 * they go out and come back. History (events, extensions) is merged by id, never replaced.
 */
export function createSnapshotApplier(db: SqliteDatabase) {
  const unitByCode = db.prepare('SELECT id FROM organizations WHERE organ_code = ?').pluck();
  const local = db.prepare('SELECT id, assigner_unit FROM tasks WHERE id = ?');
  const remote = db.prepare('SELECT fields_version, position FROM sync_remote WHERE task_id = ?');
  const pending = db.prepare(
    "SELECT sum(type = 'assignment') AS assignments, sum(type = 'event') AS events FROM sync_outbox WHERE task_id = ? AND state IN ('pending', 'conflict')",
  );
  const insertTask = db.prepare(
    `INSERT INTO tasks (id, content, expected_result, source_kind, lead_unit_id, person_in_charge, assigned_on, deadline_kind, working_days, review,
       original_deadline, due_date, judged_by, urgency, classification, status, percent, completed_on, status_reason, tags, search_key,
       created_at, updated_at, assigner_unit, source_label)
     VALUES (@id, @content, @expected_result, @source_kind, @lead_unit_id, @person_in_charge, @assigned_on, @deadline_kind, @working_days, @review,
       @original_deadline, @due_date, @judged_by, @urgency, 'normal', @status, @percent, @completed_on, @status_reason, @tags, @search_key,
       @now, @now, @assigner_unit, @source_label)`,
  );
  const updateFields = db.prepare(
    `UPDATE tasks SET content = @content, expected_result = @expected_result, lead_unit_id = @lead_unit_id, person_in_charge = @person_in_charge,
       assigned_on = @assigned_on, deadline_kind = @deadline_kind, working_days = @working_days, review = @review, original_deadline = @original_deadline,
       due_date = @due_date, judged_by = @judged_by, urgency = @urgency, tags = @tags, search_key = @search_key,
       source_label = CASE WHEN assigner_unit IS NULL THEN source_label ELSE @source_label END
     WHERE id = @id`,
  );
  const updateState = db.prepare('UPDATE tasks SET status = @status, percent = @percent, completed_on = @completed_on, status_reason = @status_reason WHERE id = @id');
  const touch = db.prepare('UPDATE tasks SET version = version + 1, updated_at = ? WHERE id = ?');
  const clearCoordinators = db.prepare('DELETE FROM task_coordinators WHERE task_id = ?');
  const addCoordinator = db.prepare('INSERT OR IGNORE INTO task_coordinators (task_id, unit_id) VALUES (?, ?)');
  const insertEvent = db.prepare(
    `INSERT OR IGNORE INTO task_events (id, task_id, kind, at, actor_id, actor_name, percent, text, documents)
     VALUES (@id, @task_id, @kind, @at, NULL, @actor_name, @percent, @text, @documents)`,
  );
  const upsertExtension = db.prepare(
    `INSERT INTO task_extensions (id, task_id, requested_at, requested_on, from_date, to_date, reason, status, decided_at, decided_by, note)
     VALUES (@id, @task_id, @requested_at, @requested_on, @from_date, @to_date, @reason, @status, @decided_at, @decided_by, @note)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, decided_at = excluded.decided_at, decided_by = excluded.decided_by, note = excluded.note
       WHERE task_extensions.task_id = excluded.task_id`,
  );
  const upsertRemote = db.prepare(
    `INSERT INTO sync_remote (task_id, assigner_unit, version, fields_version, position) VALUES (@task, @unit, @version, @fv, @position)
     ON CONFLICT (task_id) DO UPDATE SET assigner_unit = excluded.assigner_unit, version = excluded.version, fields_version = excluded.fields_version, position = excluded.position`,
  );

  function unitId(code: string): string {
    const id = unitByCode.get(code) as string | undefined;
    if (!id) {
      throw new HubError(
        'protocol',
        `Hệ thống điều hành gửi nhiệm vụ của đơn vị có mã định danh ${code}, đơn vị này chưa có trong danh bạ: hãy thêm đơn vị rồi đồng bộ lại. Chưa áp dụng thay đổi nào.`,
        `The operations system sent a task of unit ${code}, which is not in the directory: add the unit, then sync again. Nothing was applied.`,
      );
    }
    return id;
  }

  function fieldColumns(s: AssignmentSnapshot) {
    const f = s.fields;
    return {
      id: s.id,
      content: f.content,
      expected_result: f.expectedResult,
      lead_unit_id: unitId(f.leadUnit),
      person_in_charge: f.personInCharge,
      assigned_on: f.assignedOn,
      deadline_kind: f.deadlineKind,
      working_days: f.workingDays,
      review: f.review,
      original_deadline: f.originalDeadline,
      due_date: f.dueDate,
      judged_by: f.judgedBy,
      urgency: f.urgency,
      tags: JSON.stringify(f.tags),
      search_key: taskSearchKey({ content: f.content, expected_result: f.expectedResult, tags: f.tags }),
      source_label: f.source.label,
    };
  }

  function stateColumns(s: AssignmentSnapshot) {
    return { id: s.id, status: s.state.status, percent: s.state.percent, completed_on: s.state.completedOn, status_reason: s.state.statusReason };
  }

  function setCoordinators(s: AssignmentSnapshot): void {
    const ids = s.fields.coordinatingUnits.map(unitId);
    clearCoordinators.run(s.id);
    for (const u of ids) addCoordinator.run(s.id, u);
  }

  return {
    /**
     * Returns 'new' for a task this laptop did not have. `documents` maps evidence hashes to local
     * document ids. The state is taken only with events this laptop did not have (state moves by
     * events), so the echo of its own change never undoes what it recorded locally; `takeState`
     * forces it (the user chose the hub's copy).
     */
    apply(s: AssignmentSnapshot, ownUnit: string | null, documents: ReadonlyMap<string, string>, now: string, takeState = false): 'new' | 'updated' {
      const found = local.get(s.id) as { id: string; assigner_unit: string | null } | undefined;
      const mine = s.assignerUnit === ownUnit;
      let fieldsVersion = s.fieldsVersion;
      if (!found) {
        const fields = fieldColumns(s);
        insertTask.run({ ...fields, ...stateColumns(s), source_kind: s.fields.source.kind, now, assigner_unit: mine ? null : s.assignerUnit });
        setCoordinators(s);
      }
      let newEvents = 0;
      for (const e of s.events) {
        newEvents += insertEvent.run({
          id: e.id,
          task_id: s.id,
          kind: e.kind,
          at: e.at,
          actor_name: e.actorName,
          percent: e.percent,
          text: e.text,
          documents: JSON.stringify(e.documents.flatMap((d) => documents.get(d.sha256) ?? [])),
        }).changes;
      }
      if (found) {
        const known = remote.get(s.id) as { fields_version: number; position: number } | undefined;
        const waiting = pending.get(s.id) as { assignments: number | null; events: number | null };
        const ownFields = found.assigner_unit === null;
        if (s.fieldsVersion > (known?.fields_version ?? 0) && (!ownFields || !waiting.assignments)) {
          updateFields.run(fieldColumns(s));
          setCoordinators(s);
        } else {
          // Keep what this laptop last saw, so its queued change still meets If-Match honestly.
          fieldsVersion = known?.fields_version ?? 0;
        }
        if (takeState || (newEvents > 0 && !waiting.events)) updateState.run(stateColumns(s));
        touch.run(now, s.id);
      }
      for (const x of s.extensions) {
        upsertExtension.run({
          id: x.id,
          task_id: s.id,
          requested_at: x.requestedAt,
          requested_on: x.requestedOn,
          from_date: x.fromDate,
          to_date: x.toDate,
          reason: x.reason,
          status: x.status,
          decided_at: x.decidedAt,
          decided_by: x.decidedBy,
          note: x.note,
        });
      }
      upsertRemote.run({ task: s.id, unit: s.assignerUnit, version: s.version, fv: fieldsVersion, position: s.position });
      return found ? 'updated' : 'new';
    },
  };
}
