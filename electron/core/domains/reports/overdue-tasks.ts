import type { ReportOverdueTask } from '../../../../shared/contract/index.ts';
import { dayNumber } from '../../../../shared/calendar/day-number.ts';
import { addDaysKey, dayStartInstant } from '../../../../shared/vn-time.ts';
import { taskFilter, type TaskReader } from '../tasks/task-reader.ts';
import { BUCKET_SQL, DONE_BY_AS_OF_SQL } from '../tasks/timeliness.ts';
import type { UnitRefs } from '../tasks/unit-refs.ts';

/** What the report prints for a classified task: the counts include it, its words stay off the paper. */
export const CLASSIFIED_CONTENT = '(Nhiệm vụ có nội dung mật, không ghi trong báo cáo)';

/** The kinds of history entry that say why a task is where it is, newest first wins. */
const REASON_KINDS = "('progress', 'paused', 'returned', 'extension_requested')";

interface OverdueRow {
  id: string;
  content: string;
  lead_unit_id: string;
  assigned_on: string;
  judged_by: string;
  classification: string;
  status_reason: string | null;
  percent: number;
  percent_then: number | null;
  has_progress: 0 | 1;
  reason_kind: string | null;
  reason_text: string | null;
  source_label: string | null;
  meeting_title: string | null;
  notice_number: string | null;
  doc_number: string | null;
  doc_notation: string | null;
  doc_title: string | null;
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The latest explanation written by the as-of date, in the words a report uses. */
function reasonOf(row: OverdueRow): string | null {
  const text = row.reason_text?.trim();
  if (text) {
    switch (row.reason_kind) {
      case 'paused':
        return `Tạm dừng: ${text}`;
      case 'returned':
        return `Bị trả lại: ${text}`;
      case 'extension_requested': {
        // Stored as "<new date>: <reason>" (task-service requestExtension).
        const m = /^(\d{4}-\d{2}-\d{2}): ([\s\S]*)$/.exec(text);
        return m ? `Đề nghị gia hạn đến ${ddmmyyyy(m[1]!)}: ${m[2]!.trim()}` : `Đề nghị gia hạn: ${text}`;
      }
      default:
        return text;
    }
  }
  return row.status_reason?.trim() || null;
}

/** Where the task came from, as a reader of the report knows it: the notice, the meeting, the văn bản. */
function sourceOf(row: OverdueRow): string | null {
  if (row.notice_number) return `Thông báo ${row.notice_number}/TB-BCĐ`;
  if (row.meeting_title) return row.meeting_title;
  if (row.doc_number) return `Văn bản ${row.doc_number}${row.doc_notation ? `/${row.doc_notation}` : ''}`;
  if (row.doc_title) return row.doc_title;
  return row.source_label;
}

/**
 * The tasks open and late at the as-of date, most days late first. The keys come from the narrow
 * timeliness index through the same bucket expression as the list; only those rows are then read
 * whole. What the task looked like then is taken from its history: the progress last reported by
 * that day, and the latest reason written by it (a progress note, a pause, a return, an extension
 * request), falling back to the task's current status reason when its history holds none.
 */
export function createOverdueTasks(deps: { reader: TaskReader; units: UnitRefs }) {
  return function overdue(filter: { committeeId?: string }, asOf: string): ReportOverdueTask[] {
    const f = taskFilter(filter);
    const and = f.where.map((w) => ` AND ${w}`).join('');
    const sql = `
      WITH k AS (
        SELECT rid FROM (SELECT t.rowid AS rid, ${BUCKET_SQL} AS bucket
                           FROM tasks t WHERE NOT ${DONE_BY_AS_OF_SQL} AND t.status <> 'cancelled'${and} LIMIT -1)
         WHERE bucket = 'open_late')
      SELECT t.id, t.content, t.lead_unit_id, t.assigned_on, t.judged_by, t.classification, t.status_reason, t.percent, t.source_label,
        (SELECT e.percent FROM task_events e WHERE e.task_id = t.id AND e.percent IS NOT NULL AND e.at < @asOfEnd ORDER BY e.at DESC, e.id DESC LIMIT 1) AS percent_then,
        EXISTS (SELECT 1 FROM task_events e WHERE e.task_id = t.id AND e.percent IS NOT NULL) AS has_progress,
        r.kind AS reason_kind, r.text AS reason_text,
        m.title AS meeting_title,
        (SELECT n.number FROM notices n WHERE n.meeting_id = t.meeting_id AND n.status = 'issued') AS notice_number,
        d.number AS doc_number, d.notation AS doc_notation, coalesce(d.summary, d.file_name) AS doc_title
      FROM k CROSS JOIN tasks t ON t.rowid = k.rid
      LEFT JOIN task_events r ON r.id = (
        SELECT e.id FROM task_events e
         WHERE e.task_id = t.id AND e.kind IN ${REASON_KINDS} AND e.at < @asOfEnd AND trim(coalesce(e.text, '')) <> ''
         ORDER BY e.at DESC, e.id DESC LIMIT 1)
      LEFT JOIN meetings m ON m.id = t.meeting_id
      LEFT JOIN documents d ON d.id = t.document_id
      ORDER BY t.judged_by, t.assigned_on, t.created_at`;
    // History entries carry UTC instants: "by the as-of date" is before the next day starts in Việt Nam.
    const rows = deps.reader.prepared(sql).all({ ...f.params, asOf, asOfEnd: dayStartInstant(addDaysKey(asOf, 1)) }) as OverdueRow[];
    const units = new Map(deps.units.many([...new Set(rows.map((r) => r.lead_unit_id))]).map((u) => [u.id, u]));
    const day = dayNumber(asOf);
    return rows.map((r) => {
      const classified = r.classification !== 'normal';
      return {
        id: r.id,
        content: classified ? CLASSIFIED_CONTENT : r.content,
        classified,
        leadUnit: units.get(r.lead_unit_id) ?? { id: r.lead_unit_id, code: null, name: '' },
        assignedOn: r.assigned_on,
        dueDate: r.judged_by,
        daysLate: day - dayNumber(r.judged_by),
        // Progress then: the last reported by that day; none reported by then is 0, unless the task
        // has no reported progress at all (received from the hub), when its current figure stands.
        percent: r.percent_then ?? (r.has_progress ? 0 : r.percent),
        reason: classified ? null : reasonOf(r),
        source: sourceOf(r),
      };
    });
  };
}
