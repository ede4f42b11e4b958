import type { AssignmentEvent, AssignmentFields, EventKind, FileRef } from '../../../../shared/sync/wire.ts';
import { eventKind } from '../../../../shared/sync/wire.ts';
import type { SqliteDatabase } from '../../runtime.ts';
import type { TaskDbRow } from '../tasks/task-reader.ts';

/** Why a change cannot be put on the wire, in the words shown beside it. */
export class NotSendable extends Error {
  readonly vi: string;
  readonly en: string;

  constructor(vi: string, en: string) {
    super(en);
    this.vi = vi;
    this.en = en;
  }
}

const travelling = new Set<string>(eventKind.options);
export function isWireEvent(kind: string): kind is EventKind {
  return travelling.has(kind);
}

/**
 * A local task and its history as the wire carries them: units by mã định danh (the hub knows no
 * local ids), evidence documents by content hash.
 */
export function createWireOfTask(db: SqliteDatabase) {
  const task = db.prepare('SELECT * FROM tasks WHERE id = ?');
  const unitCode = db.prepare('SELECT organ_code AS code, name FROM organizations WHERE id = ?');
  const coordinators = db.prepare(
    'SELECT o.organ_code AS code, o.name FROM task_coordinators c JOIN organizations o ON o.id = c.unit_id WHERE c.task_id = ? ORDER BY o.organ_code',
  );
  const meeting = db.prepare("SELECT title, substr(starts_at, 1, 10) AS day FROM meetings WHERE id = ?");
  const document = db.prepare("SELECT coalesce(nullif(trim(coalesce(number, '') || '/' || coalesce(notation, ''), '/'), ''), file_name) AS ref, summary FROM documents WHERE id = ?");
  const eventRow = db.prepare('SELECT * FROM task_events WHERE id = ?');
  const files = db.prepare(
    `SELECT d.blob_sha256 AS sha256, d.file_name AS fileName, b.size FROM json_each(?) j
       JOIN documents d ON d.id = j.value JOIN blobs b ON b.sha256 = d.blob_sha256 ORDER BY j.key`,
  );
  const pendingExtension = db.prepare("SELECT * FROM task_extensions WHERE task_id = ? AND status = 'pending' ORDER BY requested_at DESC LIMIT 1");
  const decidedExtension = db.prepare("SELECT * FROM task_extensions WHERE task_id = ? AND status <> 'pending' ORDER BY decided_at DESC, id DESC LIMIT 1");

  function code(unitId: string, role: string): string {
    const u = unitCode.get(unitId) as { code: string | null; name: string } | undefined;
    if (!u?.code) {
      throw new NotSendable(
        `Đơn vị ${role} “${u?.name ?? unitId}” chưa có mã định danh trong danh bạ: hãy bổ sung mã rồi gửi lại.`,
        `The ${role === 'chủ trì' ? 'lead' : 'coordinating'} unit “${u?.name ?? unitId}” has no organ code in the directory: add it, then send again.`,
      );
    }
    return u.code;
  }

  function sourceLabel(row: TaskDbRow): string | null {
    if (row.source_label) return row.source_label;
    if (row.meeting_id) {
      const m = meeting.get(row.meeting_id) as { title: string; day: string } | undefined;
      if (m) return `Kết luận: ${m.title} (${m.day.split('-').reverse().join('/')})`.slice(0, 500);
    }
    if (row.document_id) {
      const d = document.get(row.document_id) as { ref: string; summary: string | null } | undefined;
      if (d) return `Văn bản ${d.ref}${d.summary ? `: ${d.summary}` : ''}`.slice(0, 500);
    }
    return null;
  }

  function row(taskId: string): TaskDbRow {
    const r = task.get(taskId) as TaskDbRow | undefined;
    if (!r) throw new Error(`task ${taskId} vanished inside its own transaction`);
    return r;
  }

  return {
    row,
    fields(taskId: string): AssignmentFields {
      const r = row(taskId);
      return {
        content: r.content,
        expectedResult: r.expected_result,
        source: { kind: r.source_kind, label: sourceLabel(r) },
        leadUnit: code(r.lead_unit_id, 'chủ trì'),
        coordinatingUnits: (coordinators.all(taskId) as Array<{ code: string | null; name: string }>).map((c) => {
          if (!c.code) throw new NotSendable(`Đơn vị phối hợp “${c.name}” chưa có mã định danh trong danh bạ.`, `The coordinating unit “${c.name}” has no organ code in the directory.`);
          return c.code;
        }),
        personInCharge: r.person_in_charge,
        assignedOn: r.assigned_on,
        deadlineKind: r.deadline_kind,
        workingDays: r.working_days,
        review: r.review,
        originalDeadline: r.original_deadline,
        dueDate: r.due_date,
        judgedBy: r.judged_by,
        urgency: r.urgency,
        tags: JSON.parse(r.tags) as string[],
      };
    },

    /** The event as recorded, with the state the task is in after it (call after the task's row is updated). */
    event(taskId: string, eventId: string): AssignmentEvent {
      const r = row(taskId);
      const e = eventRow.get(eventId) as { kind: EventKind; at: string; actor_name: string | null; percent: number | null; text: string | null; documents: string };
      const ext = e.kind === 'extension_requested' ? pendingExtension.get(taskId) : e.kind.startsWith('extension_') ? decidedExtension.get(taskId) : undefined;
      const x = ext as
        | { id: string; requested_at: string; requested_on: string; from_date: string | null; to_date: string; reason: string; status: 'approved' | 'refused'; decided_at: string; decided_by: string | null; note: string | null }
        | undefined;
      return {
        kind: e.kind,
        at: e.at,
        actorName: e.actor_name,
        percent: e.percent,
        text: e.text,
        documents: files.all(e.documents) as FileRef[],
        result: { status: r.status, percent: r.percent, completedOn: r.completed_on, statusReason: r.status_reason },
        extensionRequest:
          e.kind === 'extension_requested' && x
            ? { id: x.id, requestedAt: x.requested_at, requestedOn: x.requested_on, fromDate: x.from_date, toDate: x.to_date, reason: x.reason }
            : null,
        extensionDecision:
          (e.kind === 'extension_approved' || e.kind === 'extension_refused') && x
            ? { id: x.id, status: x.status, decidedAt: x.decided_at, decidedBy: x.decided_by, note: x.note, dueDate: r.due_date, judgedBy: r.judged_by }
            : null,
      };
    },
  };
}

export type WireOfTask = ReturnType<typeof createWireOfTask>;
