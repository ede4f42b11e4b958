import type { TasksInput } from './input-types.ts';
import type {
  Page,
  TaskBucket,
  TaskDetail,
  TaskEvent,
  TaskExtension,
  TaskRow,
  TaskStatus,
} from '../../../../shared/contract/index.ts';
import { foldText } from '../../../../shared/text-fold.ts';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../../runtime.ts';
import { CoreError } from '../../errors.ts';
import { BUCKET_ORDER_SQL, BUCKET_SQL, DONE_BY_AS_OF_SQL, DUE_SOON_SQL } from './timeliness.ts';
import type { UnitRefs } from './unit-refs.ts';

export interface TaskDbRow {
  id: string;
  content: string;
  expected_result: string | null;
  source_kind: 'direct' | 'conclusion' | 'document';
  meeting_id: string | null;
  agenda_item_id: string | null;
  conclusion_id: string | null;
  document_id: string | null;
  committee_id: string | null;
  lead_unit_id: string;
  person_in_charge: string | null;
  supervisor_id: string | null;
  assigned_on: string;
  deadline_kind: 'date' | 'working_days' | 'ongoing';
  working_days: number | null;
  review: TaskDetail['review'];
  original_deadline: string | null;
  due_date: string | null;
  judged_by: string | null;
  urgency: TaskRow['urgency'];
  classification: TaskRow['classification'];
  status: TaskStatus;
  percent: number;
  completed_on: string | null;
  status_reason: string | null;
  tags: string;
  version: number;
  created_at: string;
  /** Mã định danh of the unit that gave a task received from the hub; null when given here. */
  assigner_unit: string | null;
  source_label: string | null;
}

interface ListedRow extends TaskDbRow {
  bucket: TaskBucket | null;
  due_soon: 0 | 1;
  meeting_title: string | null;
  extension_pending: 0 | 1;
}

/** What a list or a count filters on, as SQL over `tasks t` and named parameters. */
export interface TaskFilter {
  where: string[];
  params: Record<string, unknown>;
}

export function taskFilter(input: {
  unitId?: string;
  status?: TaskStatus;
  meetingId?: string;
  committeeId?: string;
  planId?: string;
  tag?: string;
  query?: string;
}): TaskFilter {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, name: string, value: unknown) => {
    where.push(sql);
    params[name] = value;
  };
  if (input.unitId) add('t.lead_unit_id = @unitId', 'unitId', input.unitId);
  if (input.status) add('t.status = @status', 'status', input.status);
  if (input.meetingId) add('t.meeting_id = @meetingId', 'meetingId', input.meetingId);
  // A committee's tasks: those of its meetings' conclusions (the column is set when they are made).
  if (input.committeeId) add('t.committee_id = @committeeId', 'committeeId', input.committeeId);
  // An action plan's tasks: those linked under one of its groups (plan_tasks).
  if (input.planId) {
    add('EXISTS (SELECT 1 FROM plan_tasks pt JOIN plan_groups g ON g.id = pt.group_id WHERE pt.task_id = t.id AND g.plan_id = @planId)', 'planId', input.planId);
  }
  if (input.tag) add('EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = @tag)', 'tag', input.tag);
  const folded = input.query ? foldText(input.query) : '';
  if (folded) add("t.search_key LIKE @query ESCAPE '\\'", 'query', `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return { where, params };
}

/** The columns a search matches: content, expected result, tags, folded like the directory's. */
export function taskSearchKey(task: { content: string; expected_result: string | null; tags: readonly string[] }): string {
  return foldText([task.content, task.expected_result ?? '', ...task.tags].join(' '));
}

export function createTaskReader(db: SqliteDatabase, units: UnitRefs) {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const coordinators = db.prepare(
    'SELECT c.task_id, c.unit_id FROM task_coordinators c JOIN organizations o ON o.id = c.unit_id WHERE c.task_id IN (SELECT value FROM json_each(?)) ORDER BY o.name',
  );
  const events = db.prepare('SELECT id, kind, at, actor_name, percent, text, documents FROM task_events WHERE task_id = ? ORDER BY at, id');
  const extensions = db.prepare('SELECT * FROM task_extensions WHERE task_id = ? ORDER BY requested_at, id');
  const docTitles = db.prepare('SELECT id, coalesce(summary, file_name) AS title FROM documents WHERE id IN (SELECT value FROM json_each(?))');
  const sourceFacts = db.prepare(
    `SELECT m.title AS meeting_title, a.title AS item_title, n.number AS notice_number, n.status AS notice_status, coalesce(d.summary, d.file_name) AS document_title
       FROM (SELECT @meetingId AS meeting_id, @itemId AS item_id, @documentId AS document_id) s
       LEFT JOIN meetings m ON m.id = s.meeting_id
       LEFT JOIN agenda_items a ON a.id = s.item_id
       LEFT JOIN notices n ON n.meeting_id = s.meeting_id
       LEFT JOIN documents d ON d.id = s.document_id`,
  );
  const supervisor = db.prepare('SELECT id, full_name AS fullName FROM people WHERE id = ?');
  const planOf = db.prepare(
    `SELECT p.id AS planId, p.title AS planTitle, g.id AS groupId, g.code AS groupCode, g.title AS groupTitle
       FROM plan_tasks pt JOIN plan_groups g ON g.id = pt.group_id JOIN action_plans p ON p.id = g.plan_id WHERE pt.task_id = ?`,
  );

  /** One task as a list row, with its bucket as of the clock's date. */
  const oneListed = db.prepare(
    `SELECT t.*, ${DUE_SOON_SQL} AS due_soon, m.title AS meeting_title,
        EXISTS (SELECT 1 FROM task_extensions e WHERE e.task_id = t.id AND e.status = 'pending') AS extension_pending
       FROM (SELECT t.*, ${BUCKET_SQL} AS bucket FROM tasks t WHERE t.id = @id) t LEFT JOIN meetings m ON m.id = t.meeting_id`,
  );

  function toRows(rows: ListedRow[]): TaskRow[] {
    const coord = new Map<string, string[]>();
    if (rows.length) {
      for (const c of coordinators.all(JSON.stringify(rows.map((r) => r.id))) as Array<{ task_id: string; unit_id: string }>) {
        coord.set(c.task_id, [...(coord.get(c.task_id) ?? []), c.unit_id]);
      }
    }
    const leads = new Map(units.many([...new Set(rows.map((r) => r.lead_unit_id))]).map((u) => [u.id, u]));
    return rows.map((r) => ({
      id: r.id,
      content: r.content,
      leadUnit: leads.get(r.lead_unit_id) ?? { id: r.lead_unit_id, code: null, name: '' },
      coordinatingUnits: units.many(coord.get(r.id) ?? []),
      status: r.status,
      bucket: r.bucket,
      dueSoon: r.due_soon === 1,
      assignedOn: r.assigned_on,
      deadlineKind: r.deadline_kind,
      dueDate: r.due_date,
      percent: r.percent,
      completedOn: r.completed_on,
      urgency: r.urgency,
      classification: r.classification,
      tags: JSON.parse(r.tags) as string[],
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      extensionPending: r.extension_pending === 1,
    }));
  }

  /**
   * A page of the list: the page's keys come from the narrow timeliness index (filter, bucket,
   * order), and only those rows are then read whole with their meeting and pending extension.
   */
  function list(input: TasksInput<'tasks.list'> & { asOf: string; soonLimit: string }): Page<TaskRow> {
    const filter = taskFilter(input);
    const params: Record<string, unknown> = { ...filter.params, asOf: input.asOf, soonLimit: input.soonLimit };
    // A bucket asked for narrows the rows before the bucket expression runs: open work is a few
    // thousand rows of a province's thirty thousand.
    const where0 = [...filter.where];
    if (input.bucket === 'done_on_time' || input.bucket === 'done_late') where0.push(DONE_BY_AS_OF_SQL);
    else if (input.bucket) where0.push(`NOT ${DONE_BY_AS_OF_SQL}`, "t.status <> 'cancelled'");
    const keys = `SELECT t.rowid AS rid, t.status, t.due_date, t.created_at, ${BUCKET_SQL} AS bucket
      FROM tasks t${where0.length ? ` WHERE ${where0.join(' AND ')}` : ''}`;
    let where = '';
    if (input.bucket === 'due_soon') where = `WHERE ${DUE_SOON_SQL}`;
    else if (input.bucket) {
      where = 'WHERE bucket = @bucket';
      params.bucket = input.bucket;
    }
    const page = `WITH k AS (SELECT rid, bucket FROM (${keys}) t ${where} ORDER BY ${BUCKET_ORDER_SQL} LIMIT @limit OFFSET @offset)
      SELECT t.*, k.bucket, ${DUE_SOON_SQL} AS due_soon, m.title AS meeting_title,
        EXISTS (SELECT 1 FROM task_extensions e WHERE e.task_id = t.id AND e.status = 'pending') AS extension_pending
      FROM k CROSS JOIN tasks t ON t.rowid = k.rid LEFT JOIN meetings m ON m.id = t.meeting_id
      ORDER BY ${BUCKET_ORDER_SQL}`;
    const rows = prepared(page).all({ ...params, limit: input.limit, offset: input.offset }) as ListedRow[];
    const total = prepared(`SELECT count(*) FROM (${keys}) t ${where}`).pluck().get(params) as number;
    return { items: toRows(rows), total };
  }

  function row(id: string): TaskDbRow {
    const found = prepared('SELECT * FROM tasks WHERE id = ?').get(id) as TaskDbRow | undefined;
    if (!found) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy nhiệm vụ.', en: 'Task not found.' });
    return found;
  }

  const unitByCode = prepared('SELECT name FROM organizations WHERE organ_code = ?').pluck();

  function detail(id: string, clock: { asOf: string; soonLimit: string }): TaskDetail {
    const base = row(id);
    const [listed] = toRows([oneListed.get({ id, ...clock }) as ListedRow]);
    const facts = sourceFacts.get({ meetingId: base.meeting_id, itemId: base.agenda_item_id, documentId: base.document_id }) as {
      meeting_title: string | null;
      item_title: string | null;
      notice_number: string | null;
      notice_status: string | null;
      document_title: string | null;
    };
    const eventRows = events.all(id) as Array<{ id: string; kind: TaskEvent['kind']; at: string; actor_name: string | null; percent: number | null; text: string | null; documents: string }>;
    const docIds = [...new Set(eventRows.flatMap((e) => JSON.parse(e.documents) as string[]))];
    const titles = new Map(docIds.length ? (docTitles.all(JSON.stringify(docIds)) as Array<{ id: string; title: string }>).map((d) => [d.id, d.title]) : []);
    const extensionRows = extensions.all(id) as Array<{
      id: string;
      requested_at: string;
      requested_on: string;
      from_date: string | null;
      to_date: string;
      reason: string;
      status: TaskExtension['status'];
      decided_at: string | null;
      decided_by: string | null;
      note: string | null;
    }>;
    return {
      ...listed!,
      expectedResult: base.expected_result,
      personInCharge: base.person_in_charge,
      supervisor: base.supervisor_id ? ((supervisor.get(base.supervisor_id) as TaskDetail['supervisor']) ?? null) : null,
      workingDays: base.working_days,
      review: base.review,
      originalDeadline: base.original_deadline,
      judgedBy: base.judged_by,
      statusReason: base.status_reason,
      source: {
        kind: base.source_kind,
        meetingId: base.meeting_id,
        meetingTitle: facts.meeting_title,
        agendaItemId: base.agenda_item_id,
        agendaItemTitle: facts.item_title,
        conclusionId: base.conclusion_id,
        noticeNumber: facts.notice_status === 'issued' && facts.notice_number ? `${facts.notice_number}/TB-BCĐ` : null,
        documentId: base.document_id,
        documentTitle: facts.document_title,
      },
      events: eventRows.map((e) => ({
        id: e.id,
        kind: e.kind,
        at: e.at,
        actorName: e.actor_name,
        percent: e.percent,
        text: e.text,
        documents: (JSON.parse(e.documents) as string[]).map((d) => ({ id: d, title: titles.get(d) ?? '' })),
      })),
      extensions: extensionRows.map((x) => ({
        id: x.id,
        requestedAt: x.requested_at,
        fromDate: x.from_date,
        toDate: x.to_date,
        reason: x.reason,
        status: x.status,
        decidedAt: x.decided_at,
        decidedBy: x.decided_by,
        note: x.note,
        inTime: x.from_date === null || x.requested_on <= x.from_date,
      })),
      createdAt: base.created_at,
      version: base.version,
      received: base.assigner_unit ? { assignerCode: base.assigner_unit, assignerName: (unitByCode.get(base.assigner_unit) as string | undefined) ?? null, sourceLabel: base.source_label } : null,
      plan: (planOf.get(id) as TaskDetail['plan'] | undefined) ?? null,
    };
  }

  return { list, row, detail, prepared };
}

export type TaskReader = ReturnType<typeof createTaskReader>;
