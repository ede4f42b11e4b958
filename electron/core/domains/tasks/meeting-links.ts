import type { TasksInput } from './input-types.ts';
import type { ConclusionDrafts } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import type { MeetingsInput } from '../meetings/input-types.ts';
import type { TaskReader } from './task-reader.ts';
import type { UnitRefs } from './unit-refs.ts';

export const FOLLOW_UP_TITLE = 'Kiểm điểm việc thực hiện kết luận kỳ trước';

/** At most this many tasks are listed in the follow-up item's description; the rest are counted. */
const FOLLOW_UP_LISTED = 60;

function dmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Where tasks join the meeting loop: a meeting's conclusions become prefilled tasks, and the tasks
 * still open from a committee's earlier meetings become an agenda item of its next one.
 */
export function createMeetingLinks(ctx: ServiceContext, deps: { meetings: Pick<MeetingsDomain, 'handlers'>; reader: TaskReader; units: UnitRefs; clock: () => { asOf: string; soonLimit: string } }) {
  const meeting = ctx.db.prepare('SELECT id, title, committee_id, starts_at FROM meetings WHERE id = ?');
  const conclusions = ctx.db.prepare(
    `SELECT c.id, c.ordinal, c.agenda_item_id, a.title AS item_title, c.text, c.lead_unit_id, c.coordinating_unit_ids, c.deadline, t.id AS task_id
       FROM minutes_conclusions c
       LEFT JOIN agenda_items a ON a.id = c.agenda_item_id
       LEFT JOIN tasks t ON t.conclusion_id = c.id
      WHERE c.meeting_id = ? ORDER BY c.ordinal`,
  );
  const notice = ctx.db.prepare("SELECT number FROM notices WHERE meeting_id = ? AND status = 'issued'").pluck();
  const hasItem = ctx.db.prepare('SELECT 1 FROM agenda_items WHERE meeting_id = ? AND title = ?').pluck();
  const openEarlier = ctx.db.prepare(
    `SELECT t.id, t.content, t.due_date, o.name AS lead_name, m.title AS meeting_title
       FROM tasks t JOIN meetings m ON m.id = t.meeting_id JOIN organizations o ON o.id = t.lead_unit_id
      WHERE t.committee_id = @committee AND m.starts_at < @startsAt AND t.meeting_id <> @meetingId
        AND t.status NOT IN ('done', 'cancelled')
      ORDER BY coalesce(t.due_date, '9999-12-31'), t.created_at`,
  );

  function meetingRow(id: string) {
    const row = meeting.get(id) as { id: string; title: string; committee_id: string; starts_at: string } | undefined;
    if (!row) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' });
    return row;
  }

  return {
    drafts({ meetingId }: TasksInput<'tasks.conclusionDrafts'>): ConclusionDrafts {
      const m = meetingRow(meetingId);
      const number = notice.get(meetingId) as string | undefined;
      const rows = conclusions.all(meetingId) as Array<{
        id: string;
        ordinal: number;
        agenda_item_id: string | null;
        item_title: string | null;
        text: string;
        lead_unit_id: string | null;
        coordinating_unit_ids: string;
        deadline: string | null;
        task_id: string | null;
      }>;
      return {
        meetingId,
        meetingTitle: m.title,
        noticeNumber: number ? `${number}/TB-BCĐ` : null,
        drafts: rows.map((r) => ({
          conclusionId: r.id,
          ordinal: r.ordinal,
          agendaItemId: r.agenda_item_id,
          agendaItemTitle: r.item_title,
          text: r.text,
          leadUnit: r.lead_unit_id ? (deps.units.many([r.lead_unit_id])[0] ?? null) : null,
          coordinatingUnits: deps.units.many(JSON.parse(r.coordinating_unit_ids) as string[]),
          deadline: r.deadline,
          taskId: r.task_id,
        })),
      };
    },

    async addFollowUpItem({ meetingId }: TasksInput<'tasks.addFollowUpItem'>): Promise<{ agendaItemId: string; tasks: number }> {
      const m = meetingRow(meetingId);
      if (hasItem.get(meetingId, FOLLOW_UP_TITLE)) {
        throw new CoreError('CONFLICT', { vi: 'Chương trình họp đã có mục kiểm điểm kết luận kỳ trước.', en: 'The agenda already has the follow-up item.' });
      }
      const open = openEarlier.all({ committee: m.committee_id, startsAt: m.starts_at, meetingId }) as Array<{
        id: string;
        content: string;
        due_date: string | null;
        lead_name: string;
        meeting_title: string;
      }>;
      if (open.length === 0) {
        throw new CoreError('INVALID_STATE', {
          vi: 'Không còn nhiệm vụ nào chưa hoàn thành từ các cuộc họp trước của Ban Chỉ đạo này.',
          en: 'No open tasks remain from this committee’s earlier meetings.',
        });
      }
      const lines = open
        .slice(0, FOLLOW_UP_LISTED)
        .map((t, i) => `${i + 1}. ${t.content} — ${t.lead_name} chủ trì${t.due_date ? `, hạn ${dmy(t.due_date)}` : ', thường xuyên'}`);
      if (open.length > FOLLOW_UP_LISTED) lines.push(`… và ${open.length - FOLLOW_UP_LISTED} nhiệm vụ khác.`);
      const description = `${open.length} nhiệm vụ chưa hoàn thành từ các cuộc họp trước:\n${lines.join('\n')}`.slice(0, 5000);
      const addItem = deps.meetings.handlers['agenda.add'] as unknown as (input: MeetingsInput<'agenda.add'>) => { itemId: string } | Promise<{ itemId: string }>;
      const added = await addItem({
        meetingId,
        parentId: null,
        title: FOLLOW_UP_TITLE,
        description,
        presenter: null,
        preparingOrgId: null,
        durationMinutes: 30,
      });
      return { agendaItemId: added.itemId, tasks: open.length };
    },
  };
}
