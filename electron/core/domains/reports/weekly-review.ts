import type { MethodInput, WeeklyReviewResult } from '../../../../shared/contract/index.ts';
import { addDaysKey, dayKey, weekStartKey } from '../../../../shared/vn-time.ts';
import type { ServiceContext } from '../../context.ts';
import { CoreError } from '../../errors.ts';
import type { MeetingsDomain } from '../meetings/index.ts';
import type { MeetingsInput } from '../meetings/input-types.ts';
import type { ImportIntoMeeting } from '../minutes/minutes-exports.ts';
import { dateVi } from './report-wording.ts';
import { storeReportInMeeting } from './report-to-meeting.ts';
import { tasksReportDocument } from './tasks-report-document.ts';
import type { BuildTasksReport } from './tasks-report.ts';

/** Every weekly review item starts with this, so a second one for the same meeting is refused. */
export const WEEKLY_REVIEW_TITLE = 'Đánh giá tình hình thực hiện nhiệm vụ';

/**
 * The committee's weekly evaluation (đánh giá hàng tuần) joined to the meeting loop: an agenda item
 * of the meeting with the tasks report of the last whole week before it, rendered in the official
 * layout as a PDF and stored as the item's document, so members read it in the pack like any other.
 */
export function createWeeklyReview(
  ctx: ServiceContext,
  deps: { build: BuildTasksReport; meetings: Pick<MeetingsDomain, 'handlers'>; importIntoMeeting: ImportIntoMeeting },
) {
  const meeting = ctx.db.prepare('SELECT id, title, committee_id, starts_at FROM meetings WHERE id = ?');
  const hasItem = ctx.db.prepare("SELECT 1 FROM agenda_items WHERE meeting_id = ? AND title LIKE ? || '%'").pluck();

  return {
    async add({ meetingId }: MethodInput<'reports.addWeeklyReview'>): Promise<WeeklyReviewResult> {
      const m = meeting.get(meetingId) as { id: string; title: string; committee_id: string; starts_at: string } | undefined;
      if (!m) throw new CoreError('NOT_FOUND', { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' });
      if (hasItem.get(meetingId, WEEKLY_REVIEW_TITLE)) {
        throw new CoreError('CONFLICT', {
          vi: 'Chương trình họp đã có mục đánh giá tình hình thực hiện nhiệm vụ.',
          en: 'The agenda already has the weekly review item.',
        });
      }
      // The last whole week (Monday–Sunday) before the meeting's own week; while that Sunday is
      // still ahead, the week so far.
      const today = dayKey(ctx.now());
      const lastSunday = addDaysKey(weekStartKey(dayKey(m.starts_at)), -1);
      const asOf = lastSunday < today ? lastSunday : today;
      const report = deps.build({ kind: 'week', asOf, committeeId: m.committee_id });
      const { officialDocumentPdf } = await import('../../official-docs/official-pdf.ts');
      const pdf = await officialDocumentPdf(tasksReportDocument({ report, issue: undefined, issuedAt: ctx.now(), place: ctx.setting('documents.issuingPlace') }));

      const t = report.totals;
      const title = `${WEEKLY_REVIEW_TITLE} ${report.period.label.vi.replace(/^Tuần/u, 'tuần')}`;
      const description = report.empty
        ? `Chưa có nhiệm vụ nào được giao tính đến ngày ${dateVi(report.asOf)}.`
        : `Tính đến ngày ${dateVi(report.asOf)}: ${t.total} nhiệm vụ; hoàn thành ${t.done_on_time + t.done_late}` +
          ` (đúng hạn ${t.done_on_time}); đang thực hiện ${t.open_on_time + t.open_late} (quá hạn ${t.open_late}).` +
          ` Báo cáo kèm theo.`;
      const addItem = deps.meetings.handlers['agenda.add'] as unknown as (input: MeetingsInput<'agenda.add'>) => { itemId: string } | Promise<{ itemId: string }>;
      const { itemId } = await addItem({ meetingId, parentId: null, title, description, presenter: null, preparingOrgId: null, durationMinutes: 20 });

      try {
        const stored = await storeReportInMeeting(ctx, deps.importIntoMeeting, {
          pdf,
          fileName: `Báo cáo nhiệm vụ ${report.period.label.vi.toLowerCase().replaceAll('/', '-')}.pdf`,
          meetingId,
          agendaItemId: itemId,
          detail: { report: 'tasks', period: report.period.key, asOf: report.asOf },
        });
        return { agendaItemId: itemId, documentId: stored.documentId, period: report.period.key, asOf: report.asOf };
      } catch (err) {
        // Nothing half-made stays on the agenda: the item goes when its report could not be stored.
        const removeItem = deps.meetings.handlers['agenda.delete'] as unknown as (input: { id: string }) => unknown;
        await removeItem({ id: itemId });
        throw err;
      }
    },
  };
}
