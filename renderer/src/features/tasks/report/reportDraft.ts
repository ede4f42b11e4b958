/**
 * What the secretary writes before exporting a periodic report (its number, the assessment and
 * recommendations), kept in this browser's storage per period and committee: a narrative typed
 * over several days, or left to look something up, is there when the report screen opens again.
 */
export interface ReportDraft {
  number: string;
  narrative: string;
}

const EMPTY: ReportDraft = { number: '', narrative: '' };

/** One slot per report: the committee ("all" for every task) and the period's key ("2026-12", "2026-Q4"). */
export function draftSlot(periodKey: string, committeeId: string | null): string {
  return `nghisu.reports.tasks.${committeeId ?? 'all'}.${periodKey}`;
}

/** A plan's targets report: one slot per plan and target period ("2026-Q1"). */
export function targetsDraftSlot(planId: string, period: string): string {
  return `nghisu.reports.targets.${planId}.${period}`;
}

export function readDraft(slot: string): ReportDraft {
  try {
    const raw = window.localStorage.getItem(slot);
    if (!raw) return EMPTY;
    const value = JSON.parse(raw) as Partial<ReportDraft>;
    return {
      number: typeof value.number === 'string' ? value.number : '',
      narrative: typeof value.narrative === 'string' ? value.narrative : '',
    };
  } catch {
    return EMPTY;
  }
}

export function writeDraft(slot: string, draft: ReportDraft): void {
  try {
    if (!draft.number.trim() && !draft.narrative.trim()) window.localStorage.removeItem(slot);
    else window.localStorage.setItem(slot, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the export still works; only the copy for next time is missing.
  }
}
