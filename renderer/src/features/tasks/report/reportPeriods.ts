import { PERIOD_KINDS, recentPeriods, reportAsOf, type PeriodKind, type ReportPeriod } from '../../../../../shared/reports/periods.ts';
import type { Language } from '../../../bridge/BridgeError.ts';
import { dmy } from '../shared/taskLabels.ts';

/** How many periods of a kind the screen offers, newest first. */
export const RECENT_PERIODS = 12;

export function isPeriodKind(value: string | null): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value ?? '');
}

/** The period's name without the dates a week's label carries: "Tháng 12/2026", "Tuần 49". */
export function periodName(period: ReportPeriod, lang: Language): string {
  return period.label[lang].replace(/\s*\(.*\)$/, '');
}

/** The data window as the user reads it: "15/11–14/12/2026", or with both years when it spans two. */
export function periodRange(period: ReportPeriod): string {
  const from = dmy(period.from);
  const to = dmy(period.to);
  return period.from.slice(0, 4) === period.to.slice(0, 4) ? `${from.slice(0, 5)}–${to}` : `${from}–${to}`;
}

/** "Tháng 12/2026 (15/11–14/12/2026)": one option of the period Select. */
export function periodOption(period: ReportPeriod, lang: Language): string {
  return `${periodName(period, lang)} (${periodRange(period)})`;
}

export interface ReportChoice {
  kind: PeriodKind;
  periods: ReportPeriod[];
  period: ReportPeriod;
  /** The day the report is counted as of: the window's end, or today while the period runs. */
  asOf: string;
}

/** The periods to choose from and the one chosen (by its key; the latest when the key is not among them). */
export function reportChoice(kind: PeriodKind, key: string | null, today: string, cutoffDay: number): ReportChoice {
  const periods = recentPeriods(kind, today, RECENT_PERIODS, cutoffDay);
  const period = periods.find((p) => p.key === key) ?? periods[0]!;
  return { kind, periods, period, asOf: reportAsOf(period, today) };
}
