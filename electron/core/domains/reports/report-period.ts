import { periodContaining, reportAsOf, type PeriodKind, type ReportPeriod } from '../../../../shared/reports/periods.ts';

export interface ReportWindow {
  period: ReportPeriod;
  /** The day the figures are counted as of. */
  asOf: string;
  /** The period has not ended by `asOf`: the report says "tính đến ngày …". */
  partial: boolean;
}

/**
 * Which period a report is on and the day it counts as of. Left to itself, the report is on the
 * period running today (Việt Nam), as of today or the period's last day once it has ended; a date
 * given picks the period holding it and counts as of that date, never past the window's end (six
 * and nine months do not cover the whole year, so a date after their window reports on the window).
 */
export function reportWindow(kind: PeriodKind, given: string | undefined, today: string, cutoffDay: number): ReportWindow {
  const period = periodContaining(kind, given ?? today, cutoffDay);
  const asOf = given === undefined ? reportAsOf(period, today) : given < period.to ? given : period.to;
  return { period, asOf, partial: asOf < period.to };
}
