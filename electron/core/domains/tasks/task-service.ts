import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { TaskDetail, TaskEventKind, taskChanges, taskFields, taskSource } from '../../../../shared/contract/index.ts';
import type { TasksInput } from './input-types.ts';
import { dayKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError, invalidInput } from '../../errors.ts';
import type { CalendarService } from './calendar-service.ts';
import { taskSearchKey, type TaskDbRow, type TaskReader } from './task-reader.ts';
import { assertAllowed, type TaskAction } from './task-workflow.ts';
import type { UnitRefs } from './unit-refs.ts';
import type { Outbox } from '../sync/outbox.ts';

type Fields = z.output<typeof taskFields>;
type Changes = z.output<typeof taskChanges>;
type Source = z.output<typeof taskSource>;

interface Clock {
  asOf: string;
  soonLimit: string;
}

function refuse(path: string, vi: string, en: string): CoreError {
  return invalidInput([{ path, message: vi, messageEn: en }]);
}

/**
 * Tasks as the standing office and the lead units change them: every write checks its input
 * against the directory and the workflow, lands in one transaction with its history event and its
 * audit entry (before → after), and bumps the task's version.
 */
export function createTaskService(
  ctx: ServiceContext,
  deps: { reader: TaskReader; units: UnitRefs; calendar: CalendarService; clock: (asOf?: string) => Clock; outbox: Outbox },
) {
  const { db } = ctx;
  const { reader, units, calendar, outbox } = deps;
  /** Events recorded in the transaction under way, handed to the outbox once the task's row holds their result. */
  const recorded: Array<{ id: string; kind: TaskEventKind }> = [];
  const profile = db.prepare(`SELECT id, full_name || CASE WHEN position <> '' THEN ', ' || position ELSE '' END AS name FROM profile LIMIT 1`);
  const insertTask = db.prepare(
    `INSERT INTO tasks (id, content, expected_result, source_kind, meeting_id, agenda_item_id, conclusion_id, document_id, committee_id,
       lead_unit_id, person_in_charge, supervisor_id, assigned_on, deadline_kind, working_days, review, original_deadline, due_date, judged_by,
       urgency, classification, status, percent, tags, search_key, created_at, created_by, updated_at)
     VALUES (@id, @content, @expected_result, @source_kind, @meeting_id, @agenda_item_id, @conclusion_id, @document_id, @committee_id,
       @lead_unit_id, @person_in_charge, @supervisor_id, @assigned_on, @deadline_kind, @working_days, @review, @due, @due, @due,
       @urgency, @classification, 'assigned', 0, @tags, @search_key, @now, @by, @now)`,
  );
  const insertCoordinator = db.prepare('INSERT INTO task_coordinators (task_id, unit_id) VALUES (?, ?)');
  const insertEvent = db.prepare(
    `INSERT INTO task_events (id, task_id, kind, at, actor_id, actor_name, percent, text, documents)
     VALUES (@id, @task_id, @kind, @at, @actor_id, @actor_name, @percent, @text, @documents)`,
  );
  const conclusion = db.prepare(
    `SELECT c.meeting_id, c.agenda_item_id, m.committee_id FROM minutes_conclusions c JOIN meetings m ON m.id = c.meeting_id
      WHERE c.id = @conclusionId AND (@meetingId IS NULL OR c.meeting_id = @meetingId)`,
  );
  const taskOfConclusion = db.prepare('SELECT id FROM tasks WHERE conclusion_id = ?').pluck();
  const documentExists = db.prepare('SELECT count(*) FROM documents WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const personExists = db.prepare('SELECT 1 FROM people WHERE id = ?').pluck();
  const pendingExtension = db.prepare("SELECT * FROM task_extensions WHERE task_id = ? AND status = 'pending'");
  const extensionById = db.prepare('SELECT * FROM task_extensions WHERE id = ?');
  const insertExtension = db.prepare(
    `INSERT INTO task_extensions (id, task_id, requested_at, requested_on, from_date, to_date, reason, status)
     VALUES (@id, @task_id, @at, @on, @from_date, @to_date, @reason, 'pending')`,
  );
  const approvedExtensions = db.prepare("SELECT count(*) FROM task_extensions WHERE task_id = ? AND status = 'approved'").pluck();
  const coordinatorIds = db.prepare('SELECT unit_id FROM task_coordinators WHERE task_id = ? ORDER BY unit_id').pluck();
  const clearCoordinators = db.prepare('DELETE FROM task_coordinators WHERE task_id = ?');
  const decideExtension = db.prepare('UPDATE task_extensions SET status = @status, decided_at = @at, decided_by = @by, note = @note WHERE id = @id');

  const today = () => dayKey(ctx.now());

  /**
   * A task received from the provincial system belongs to the unit that gave it: this laptop does
   * the lead unit's part (progress, completion, extension requests), never the assigner's.
   */
  function assertOwnSide(action: TaskAction, row: TaskDbRow): void {
    if (!row.assigner_unit || action === 'report' || action === 'complete' || action === 'extend') return;
    throw new CoreError('INVALID_STATE', {
      vi: `Nhiệm vụ do đơn vị ${row.assigner_unit} giao qua Hệ thống điều hành: chỉ đơn vị giao được sửa, xác nhận, trả lại, tạm dừng, hủy hoặc đôn đốc.`,
      en: `This task was given by unit ${row.assigner_unit} through the operations system: only that unit may edit, accept, return, pause, cancel or remind.`,
    });
  }

  function actor(): { actor_id: string | null; actor_name: string | null } {
    const p = profile.get() as { id: string; name: string } | undefined;
    return { actor_id: p?.id ?? ctx.actorId(), actor_name: p?.name ?? null };
  }

  function event(taskId: string, kind: TaskEventKind, at: string, extra: { percent?: number | null; text?: string | null; documents?: readonly string[] } = {}): void {
    const id = uuidv7();
    recorded.push({ id, kind });
    insertEvent.run({
      id,
      task_id: taskId,
      kind,
      at,
      ...actor(),
      percent: extra.percent ?? null,
      text: extra.text ?? null,
      documents: JSON.stringify(extra.documents ?? []),
    });
  }

  function checkDocuments(ids: readonly string[], path: string): void {
    const unique = [...new Set(ids)];
    if (unique.length && (documentExists.get(JSON.stringify(unique)) as number) !== unique.length) {
      throw refuse(path, 'Có tài liệu minh chứng không còn trong kho tài liệu', 'An evidence document is not in the document store');
    }
  }

  /** The deadline in force at assignment: a date, N working days on, or none for an ongoing task. */
  function dueOf(fields: Pick<Fields, 'deadline'>, assignedOn: string, path: string): string | null {
    const d = fields.deadline;
    if (d.kind === 'ongoing') return null;
    if (d.kind === 'working_days') return calendar.calendar().addWorkingDays(assignedOn, d.days);
    if (d.date < assignedOn) throw refuse(`${path}.deadline.date`, 'Hạn xử lý trước ngày giao', 'The deadline is before the date assigned');
    return d.date;
  }

  function sourceColumns(source: Source, path: string) {
    if (source.kind === 'conclusion') {
      const found = conclusion.get({ conclusionId: source.conclusionId, meetingId: source.meetingId ?? null }) as
        | { meeting_id: string; agenda_item_id: string | null; committee_id: string }
        | undefined;
      if (!found) {
        throw refuse(`${path}.conclusionId`, 'Không có kết luận này trong biên bản của cuộc họp', 'No such conclusion in the minutes of this meeting');
      }
      const existing = taskOfConclusion.get(source.conclusionId) as string | undefined;
      if (existing) {
        throw new CoreError(
          'CONFLICT',
          { vi: 'Kết luận này đã được giao thành nhiệm vụ.', en: 'This conclusion is already a task.' },
          { taskId: existing },
        );
      }
      return { meeting_id: found.meeting_id, agenda_item_id: found.agenda_item_id, conclusion_id: source.conclusionId, document_id: null, committee_id: found.committee_id };
    }
    if (source.kind === 'document') {
      checkDocuments([source.documentId], `${path}.documentId`);
      return { meeting_id: null, agenda_item_id: null, conclusion_id: null, document_id: source.documentId, committee_id: null };
    }
    return { meeting_id: null, agenda_item_id: null, conclusion_id: null, document_id: null, committee_id: null };
  }

  function insert(source: Source, fields: Fields, path: string, now: string): string {
    const lead = units.resolve(fields.leadUnit, `${path}.leadUnit`);
    const coordinating = [...new Map(fields.coordinatingUnits.map((ref, i) => units.resolve(ref, `${path}.coordinatingUnits.${i}`)).map((u) => [u.id, u])).values()];
    if (coordinating.some((u) => u.id === lead.id)) {
      throw refuse(`${path}.coordinatingUnits`, 'Đơn vị phối hợp trùng với đơn vị chủ trì', 'A coordinating unit is the lead unit');
    }
    if (fields.supervisorId && !personExists.get(fields.supervisorId)) {
      throw refuse(`${path}.supervisorId`, 'Lãnh đạo phụ trách không có trong danh bạ', 'The supervising leader is not in the directory');
    }
    const assignedOn = fields.assignedOn ?? today();
    const due = dueOf(fields, assignedOn, path);
    const id = uuidv7();
    const tags = [...new Set(fields.tags)];
    insertTask.run({
      id,
      content: fields.content,
      expected_result: fields.expectedResult,
      source_kind: source.kind,
      ...sourceColumns(source, `${path}.source`),
      lead_unit_id: lead.id,
      person_in_charge: fields.personInCharge,
      supervisor_id: fields.supervisorId,
      assigned_on: assignedOn,
      deadline_kind: fields.deadline.kind,
      working_days: fields.deadline.kind === 'working_days' ? fields.deadline.days : null,
      review: fields.deadline.kind === 'ongoing' ? fields.deadline.review : null,
      due,
      urgency: fields.urgency,
      classification: fields.classification,
      tags: JSON.stringify(tags),
      search_key: taskSearchKey({ content: fields.content, expected_result: fields.expectedResult, tags }),
      now,
      by: ctx.actorId(),
    });
    for (const u of coordinating) insertCoordinator.run(id, u.id);
    event(id, 'created', now, { text: null });
    recorded.length = 0;
    outbox.assignmentChanged(id);
    ctx.audit.record({
      action: 'tasks.create',
      entity: 'task',
      entityId: id,
      detail: { source: source.kind, conclusionId: source.kind === 'conclusion' ? source.conclusionId : undefined, leadUnit: lead.code ?? lead.id, due, classification: fields.classification },
    });
    return id;
  }

  /** One change of an existing task: checks, writes, history and audit in one transaction. */
  function change(id: string, action: TaskAction, apply: (row: TaskDbRow, now: string) => Record<string, unknown> | void): TaskDetail {
    db.transaction(() => {
      recorded.length = 0;
      const row = reader.row(id);
      assertAllowed(action, row.status);
      assertOwnSide(action, row);
      const now = ctx.now().toISOString();
      const after = apply(row, now);
      if (after && Object.keys(after).length) {
        const sets = Object.keys(after).map((k) => `${k} = @${k}`);
        reader.prepared(`UPDATE tasks SET ${sets.join(', ')}, version = version + 1, updated_at = @now WHERE id = @id`).run({ ...after, now, id });
        const before = Object.fromEntries(Object.keys(after).map((k) => [k, row[k as keyof TaskDbRow]]));
        ctx.audit.record({ action: `tasks.${action}`, entity: 'task', entityId: id, detail: { before, after } });
      } else {
        reader.prepared('UPDATE tasks SET version = version + 1, updated_at = @now WHERE id = @id').run({ now, id });
        ctx.audit.record({ action: `tasks.${action}`, entity: 'task', entityId: id });
      }
      outbox.eventsRecorded(id, recorded.splice(0));
    }).immediate();
    return reader.detail(id, deps.clock());
  }

  /** The columns a correction sets, checked like a new task's fields; coordinators when given. */
  function corrections(row: TaskDbRow, c: Changes): { columns: Record<string, unknown>; coordinators: string[] | null } {
    const columns: Record<string, unknown> = {};
    if (c.content !== undefined) columns.content = c.content;
    if (c.expectedResult !== undefined) columns.expected_result = c.expectedResult;
    if (c.personInCharge !== undefined) columns.person_in_charge = c.personInCharge;
    if (c.urgency !== undefined) columns.urgency = c.urgency;
    if (c.classification !== undefined) columns.classification = c.classification;
    if (c.supervisorId !== undefined) {
      if (c.supervisorId && !personExists.get(c.supervisorId)) {
        throw refuse('changes.supervisorId', 'Lãnh đạo phụ trách không có trong danh bạ', 'The supervising leader is not in the directory');
      }
      columns.supervisor_id = c.supervisorId;
    }
    const tags = c.tags ? [...new Set(c.tags)] : (JSON.parse(row.tags) as string[]);
    if (c.tags) columns.tags = JSON.stringify(tags);
    if (c.content !== undefined || c.expectedResult !== undefined || c.tags) {
      columns.search_key = taskSearchKey({ content: c.content ?? row.content, expected_result: c.expectedResult !== undefined ? c.expectedResult : row.expected_result, tags });
    }
    const lead = c.leadUnit !== undefined ? units.resolve(c.leadUnit, 'changes.leadUnit').id : row.lead_unit_id;
    columns.lead_unit_id = lead;
    let coordinators: string[] | null = null;
    if (c.coordinatingUnits) coordinators = [...new Set(c.coordinatingUnits.map((ref, i) => units.resolve(ref, `changes.coordinatingUnits.${i}`).id))].sort();
    if ((coordinators ?? (coordinatorIds.all(row.id) as string[])).includes(lead)) {
      throw refuse('changes.coordinatingUnits', 'Đơn vị phối hợp trùng với đơn vị chủ trì', 'A coordinating unit is the lead unit');
    }
    if (c.deadline) {
      if ((approvedExtensions.get(row.id) as number) > 0) {
        throw new CoreError('INVALID_STATE', {
          vi: 'Nhiệm vụ đã được gia hạn: thời hạn chỉ thay đổi bằng gia hạn.',
          en: 'The task has been extended: its deadline now changes only by extension.',
        });
      }
      const due = dueOf({ deadline: c.deadline }, row.assigned_on, 'changes');
      Object.assign(columns, {
        deadline_kind: c.deadline.kind,
        working_days: c.deadline.kind === 'working_days' ? c.deadline.days : null,
        review: c.deadline.kind === 'ongoing' ? c.deadline.review : null,
        original_deadline: due,
        due_date: due,
        judged_by: due,
      });
    }
    return { columns, coordinators };
  }

  return {
    create(input: TasksInput<'tasks.create'>): TaskDetail {
      const id = db.transaction(() => insert(input.source, input.task, 'task', ctx.now().toISOString())).immediate();
      return reader.detail(id, deps.clock());
    },

    createMany(input: TasksInput<'tasks.createMany'>): TaskDetail[] {
      const conclusions = input.items.flatMap((i) => (i.source.kind === 'conclusion' ? [i.source.conclusionId] : []));
      if (new Set(conclusions).size !== conclusions.length) {
        throw refuse('items', 'Một kết luận được chọn hai lần', 'A conclusion is picked twice');
      }
      const ids = db
        .transaction(() => {
          const now = ctx.now().toISOString();
          return input.items.map((item, i) => insert(item.source, item.task, `items.${i}.task`, now));
        })
        .immediate();
      const clock = deps.clock();
      return ids.map((id) => reader.detail(id, clock));
    },

    report({ id, percent, text, documentIds }: TasksInput<'tasks.report'>): TaskDetail {
      checkDocuments(documentIds, 'documentIds');
      return change(id, 'report', (row, now) => {
        event(id, 'progress', now, { percent, text, documents: documentIds });
        return row.status === 'in_progress' ? { percent } : { percent, status: 'in_progress', status_reason: null };
      });
    },

    complete({ id, date, text, documentIds }: TasksInput<'tasks.complete'>): TaskDetail {
      checkDocuments(documentIds, 'documentIds');
      return change(id, 'complete', (row, now) => {
        const on = date ?? today();
        if (on < row.assigned_on) throw refuse('date', 'Ngày hoàn thành trước ngày giao', 'The completion date is before the date assigned');
        if (on > today()) throw refuse('date', 'Ngày hoàn thành ở tương lai', 'The completion date is in the future');
        event(id, 'completed', now, { percent: 100, text, documents: documentIds });
        return { status: 'done_requested', completed_on: on, percent: 100, status_reason: null };
      });
    },

    accept({ id }: TasksInput<'tasks.accept'>): TaskDetail {
      return change(id, 'accept', (_row, now) => {
        event(id, 'accepted', now);
        return { status: 'done' };
      });
    },

    return({ id, reason }: TasksInput<'tasks.return'>): TaskDetail {
      return change(id, 'return', (_row, now) => {
        event(id, 'returned', now, { text: reason });
        return { status: 'returned', completed_on: null, status_reason: reason };
      });
    },

    pause({ id, reason }: TasksInput<'tasks.pause'>): TaskDetail {
      return change(id, 'pause', (_row, now) => {
        event(id, 'paused', now, { text: reason });
        return { status: 'paused', status_reason: reason };
      });
    },

    resume({ id }: TasksInput<'tasks.resume'>): TaskDetail {
      return change(id, 'resume', (row, now) => {
        event(id, 'resumed', now);
        return { status: row.percent > 0 ? 'in_progress' : 'assigned', status_reason: null };
      });
    },

    cancel({ id, reason }: TasksInput<'tasks.cancel'>): TaskDetail {
      return change(id, 'cancel', (_row, now) => {
        event(id, 'cancelled', now, { text: reason });
        return { status: 'cancelled', status_reason: reason };
      });
    },

    requestExtension({ id, to, reason }: TasksInput<'tasks.requestExtension'>): TaskDetail {
      return change(id, 'extend', (row, now) => {
        if (row.deadline_kind === 'ongoing') throw refuse('to', 'Nhiệm vụ thường xuyên không có hạn để gia hạn', 'An ongoing task has no deadline to extend');
        if (row.due_date && to <= row.due_date) throw refuse('to', 'Hạn mới phải sau hạn hiện tại', 'The new date must be after the current deadline');
        if (pendingExtension.get(id)) {
          throw new CoreError('CONFLICT', { vi: 'Đã có một đề nghị gia hạn đang chờ duyệt.', en: 'An extension request is already waiting.' });
        }
        insertExtension.run({ id: uuidv7(), task_id: id, at: now, on: today(), from_date: row.due_date, to_date: to, reason });
        event(id, 'extension_requested', now, { text: `${to}: ${reason}` });
      });
    },

    decideExtension({ extensionId, approve, note }: TasksInput<'tasks.decideExtension'>): TaskDetail {
      const ext = extensionById.get(extensionId) as { task_id: string; status: string; requested_on: string; from_date: string | null; to_date: string } | undefined;
      if (!ext) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy đề nghị gia hạn.', en: 'Extension request not found.' });
      return change(ext.task_id, 'extend', (row, now) => {
        // Deciding is the assigner's part, though asking shares the workflow's 'extend' step.
        if (row.assigner_unit) assertOwnSide('accept', row);
        if (ext.status !== 'pending') {
          throw new CoreError('INVALID_STATE', { vi: 'Đề nghị gia hạn này đã được xử lý.', en: 'This extension request was already decided.' });
        }
        decideExtension.run({ id: extensionId, status: approve ? 'approved' : 'refused', at: now, by: actor().actor_name, note });
        event(row.id, approve ? 'extension_approved' : 'extension_refused', now, { text: [ext.to_date, note].filter(Boolean).join(': ') });
        if (!approve) return;
        // Asked on or before the deadline then in force: the new date is the one timeliness is judged by.
        const inTime = ext.from_date === null || ext.requested_on <= ext.from_date;
        return inTime ? { due_date: ext.to_date, judged_by: ext.to_date } : { due_date: ext.to_date };
      });
    },

    update({ id, baseVersion, changes }: TasksInput<'tasks.update'>): TaskDetail {
      db.transaction(() => {
        const row = reader.row(id);
        assertAllowed('update', row.status);
        assertOwnSide('update', row);
        if (row.version !== baseVersion) {
          throw new CoreError(
            'CONFLICT',
            { vi: 'Nhiệm vụ vừa được thay đổi ở nơi khác. Hãy tải lại rồi sửa.', en: 'The task was just changed elsewhere. Reload, then edit.' },
            { version: row.version },
          );
        }
        const now = ctx.now().toISOString();
        const { columns, coordinators } = corrections(row, changes);
        const coordBefore = coordinatorIds.all(id) as string[];
        const coordChanged = coordinators !== null && JSON.stringify(coordinators) !== JSON.stringify(coordBefore);
        const changed = Object.keys(columns).filter((k) => columns[k] !== row[k as keyof TaskDbRow]);
        if (changed.length === 0 && !coordChanged) return;
        const after = Object.fromEntries(changed.map((k) => [k, columns[k]]));
        const sets = [...changed.map((k) => `${k} = @${k}`), 'version = version + 1', 'updated_at = @now'];
        reader.prepared(`UPDATE tasks SET ${sets.join(', ')} WHERE id = @id`).run({ ...after, now, id });
        if (coordChanged) {
          clearCoordinators.run(id);
          for (const u of coordinators!) insertCoordinator.run(id, u);
        }
        const before = Object.fromEntries(changed.map((k) => [k, row[k as keyof TaskDbRow]]));
        if (coordChanged) {
          Object.assign(before, { coordinating_units: coordBefore });
          Object.assign(after, { coordinating_units: coordinators });
        }
        event(id, 'edited', now, { text: Object.keys(after).join(', ') });
        recorded.length = 0;
        ctx.audit.record({ action: 'tasks.update', entity: 'task', entityId: id, detail: { before, after } });
        outbox.assignmentChanged(id);
      }).immediate();
      return reader.detail(id, deps.clock());
    },

    remind({ id, note }: TasksInput<'tasks.remind'>): TaskDetail {
      return change(id, 'remind', (_row, now) => {
        event(id, 'reminded', now, { text: note });
      });
    },
  };
}
