import { meetingStatusLabels, meetingTransitions, type MeetingDetail } from '../../../../shared/contract/index.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { MeetingChangeLog } from './change-log.ts';
import { arrowText, change } from './change-text.ts';
import type { MeetingsInput } from './input-types.ts';
import { publishBlockers, type MeetingReader } from './meeting-reader.ts';
import { notFound } from './references.ts';

/**
 * Nháp → Đã phát hành → Đang họp → Đã kết thúc → Đã lưu trữ, one step at a time and never back:
 * members may already hold what was published, so later edits are recorded changes instead.
 */
export function createStatusService(ctx: ServiceContext, deps: { reader: MeetingReader; changeLog: MeetingChangeLog }) {
  const { db } = ctx;
  const selectRow = db.prepare(
    `SELECT m.status, m.title,
       (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id) AS agenda_items,
       (SELECT count(*) FROM participants p WHERE p.meeting_id = m.id) AS participants
     FROM meetings m WHERE m.id = ?`,
  );
  const setStatus = db.prepare('UPDATE meetings SET status = ?, updated_at = ? WHERE id = ?');

  return {
    setStatus(input: MeetingsInput<'meetings.setStatus'>): MeetingDetail {
      db.transaction(() => {
        const row = selectRow.get(input.id) as
          | { status: keyof typeof meetingTransitions; title: string; agenda_items: number; participants: number }
          | undefined;
        if (!row) throw notFound('cuộc họp', 'Meeting');
        deps.changeLog.assertEditable(input.id);
        const from = meetingStatusLabels[row.status];
        const to = meetingStatusLabels[input.status];
        const allowed = meetingTransitions[row.status];
        if (!allowed.includes(input.status)) {
          const next = allowed.map((s) => meetingStatusLabels[s]);
          throw new CoreError(
            'INVALID_STATE',
            {
              vi:
                row.status === input.status
                  ? `Cuộc họp đã ở trạng thái "${from.vi}".`
                  : `Không thể chuyển cuộc họp từ trạng thái "${from.vi}" sang "${to.vi}". Từ "${from.vi}" chỉ chuyển được sang ${next.map((s) => `"${s.vi}"`).join(', ')}.`,
              en:
                row.status === input.status
                  ? `The meeting is already "${from.en}".`
                  : `A meeting cannot go from "${from.en}" to "${to.en}". From "${from.en}" it can only go to ${next.map((s) => `"${s.en}"`).join(', ')}.`,
            },
            { status: row.status, allowed },
          );
        }
        if (input.status === 'published') {
          const missing = publishBlockers({ agendaItems: row.agenda_items, participants: row.participants }, row.title);
          if (missing.length > 0) {
            throw new CoreError(
              'INVALID_STATE',
              {
                vi: `Chưa phát hành được cuộc họp: còn thiếu ${missing.map((m) => m.vi).join('; ')}.`,
                en: `The meeting cannot be published yet: it needs ${missing.map((m) => m.en).join('; ')}.`,
              },
              { missing },
            );
          }
        }
        // Recorded while still in the old state: publishing a draft is not itself a change to report.
        deps.changeLog.record(input.id, [
          change('meeting', 'status', arrowText({ vi: 'Trạng thái', en: 'Status' }, from, to), { before: row.status, after: input.status }),
        ]);
        setStatus.run(input.status, ctx.now().toISOString(), input.id);
        ctx.audit.record({ action: 'meetings.setStatus', entity: 'meeting', entityId: input.id, detail: { from: row.status, to: input.status } });
      })();
      ctx.events.emit('data.changed', { area: 'meetings', id: input.id });
      return deps.reader.detail(input.id);
    },
  };
}
