import { useBridge } from '../../../bridge/BridgeContext.tsx';
import { ReportExportCard } from '../../tasks/report/ReportExportCard.tsx';
import { targetsDraftSlot } from '../../tasks/report/reportDraft.ts';

/**
 * The targets report of the period chosen, with the same card as the tasks report: the number and
 * the assessment kept per plan and period, Word and Excel, and "Đưa vào tài liệu cuộc họp" for a
 * coming meeting of the plan's committee.
 */
export function PlanExportCard({ planId, committeeId, period }: { planId: string; committeeId: string | null; period: string }) {
  const bridge = useBridge();
  const slot = targetsDraftSlot(planId, period);
  return (
    <ReportExportCard
      key={slot}
      committeeId={committeeId}
      slot={slot}
      exportFile={(format, issue) => bridge.invoke('reports.targetsExport', { planId, period, format, issue })}
      attach={(meetingId, agendaItemId, issue) =>
        bridge.invoke('reports.attachToMeeting', { report: 'targets', planId, period, meetingId, ...(agendaItemId ? { agendaItemId } : {}), issue })
      }
    />
  );
}
