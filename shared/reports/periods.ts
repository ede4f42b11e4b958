import { daysInMonth, dayFromCivil, dayNumber, isoOf, weekday } from '../calendar/day-number.ts';

/**
 * Reporting periods and their data windows (thời gian chốt số liệu). Nghị định 09/2019/NĐ-CP, Điều 12:
 * a month's report covers the 15th of the month before to the 14th of the month; a quarter, six,
 * nine months and a year run from the 15th of the month before the first month to the 14th of the
 * last. The day is the organ's setting (`reports.cutoffDay`, 14 by default; 31 means calendar
 * months). A week runs Monday to Sunday.
 *
 * All dates are `YYYY-MM-DD` in Việt Nam: pure calendar arithmetic, no clock zone.
 */
export const PERIOD_KINDS = ['week', 'month', 'quarter', 'half', 'nine-months', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const DEFAULT_CUTOFF_DAY = 14;

export interface ReportPeriod {
  kind: PeriodKind;
  /** A stable key: "2026-W49", "2026-12", "2026-Q4", "2026-H1", "2026-9M", "2026". */
  key: string;
  /** First and last day of the data window, inclusive. */
  from: string;
  to: string;
  label: { vi: string; en: string };
}

/** The months (1–12) each period kind ends on within its year, and how many months it spans. */
const SPANS: Record<Exclude<PeriodKind, 'week'>, { ends: number[]; months: number }> = {
  month: { ends: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], months: 1 },
  quarter: { ends: [3, 6, 9, 12], months: 3 },
  half: { ends: [6], months: 6 },
  'nine-months': { ends: [9], months: 9 },
  year: { ends: [12], months: 12 },
};

/** The cut-off day in a given month: the setting, or the month's last day when it has fewer days. */
function cutoffIn(year: number, month: number, cutoffDay: number): string {
  return isoOf(dayFromCivil(year, month, Math.min(cutoffDay, daysInMonth(year, month))));
}

function shiftMonth(year: number, month: number, by: number): [number, number] {
  const m = year * 12 + (month - 1) + by;
  return [Math.floor(m / 12), (m % 12) + 1];
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ddmm(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

function label(kind: Exclude<PeriodKind, 'week'>, year: number, endMonth: number): { key: string; label: { vi: string; en: string } } {
  switch (kind) {
    case 'month':
      return { key: `${year}-${pad(endMonth)}`, label: { vi: `Tháng ${endMonth}/${year}`, en: `${year}-${pad(endMonth)}` } };
    case 'quarter': {
      const q = endMonth / 3;
      return { key: `${year}-Q${q}`, label: { vi: `Quý ${ROMAN[q - 1]}/${year}`, en: `Q${q} ${year}` } };
    }
    case 'half':
      return { key: `${year}-H1`, label: { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` } };
    case 'nine-months':
      return { key: `${year}-9M`, label: { vi: `9 tháng năm ${year}`, en: `Nine months of ${year}` } };
    case 'year':
      return { key: `${year}`, label: { vi: `Năm ${year}`, en: `Year ${year}` } };
  }
}

/** The window of the period that ends in `endMonth` of `year`. */
function monthly(kind: Exclude<PeriodKind, 'week'>, year: number, endMonth: number, cutoffDay: number): ReportPeriod {
  const to = cutoffIn(year, endMonth, cutoffDay);
  const [py, pm] = shiftMonth(year, endMonth, -SPANS[kind].months);
  // Calendar months (31) start on the 1st; otherwise the day after the previous period's cut-off.
  const from = isoOf(dayNumber(cutoffIn(py, pm, cutoffDay)) + 1);
  return { kind, from, to, ...label(kind, year, endMonth) };
}

/** ISO week number of a Monday (the week with the year's first Thursday is week 1). */
function isoWeek(monday: number): { year: number; week: number } {
  const thursday = monday + 3;
  const year = Number(isoOf(thursday).slice(0, 4));
  const firstThursday = (() => {
    const jan1 = dayFromCivil(year, 1, 1);
    return jan1 + ((4 - weekday(jan1) + 7) % 7);
  })();
  return { year, week: Math.floor((thursday - firstThursday) / 7) + 1 };
}

function weekly(day: number): ReportPeriod {
  const monday = day - ((weekday(day) + 6) % 7);
  const from = isoOf(monday);
  const to = isoOf(monday + 6);
  const { year, week } = isoWeek(monday);
  return {
    kind: 'week',
    key: `${year}-W${pad(week)}`,
    from,
    to,
    // A week across the new year names both years: "Tuần 53 (28/12/2026–03/01/2027)".
    label: {
      vi: `Tuần ${week} (${ddmm(from)}${from.slice(0, 4) === to.slice(0, 4) ? '' : `/${from.slice(0, 4)}`}–${ddmm(to)}/${to.slice(0, 4)})`,
      en: `Week ${week} (${from} to ${to})`,
    },
  };
}

/**
 * The period of this kind whose window holds the date; for six and nine months, which do not cover
 * the whole year, a date after this year's window gives that window (the latest period ended).
 */
export function periodContaining(kind: PeriodKind, date: string, cutoffDay = DEFAULT_CUTOFF_DAY): ReportPeriod {
  if (kind === 'week') return weekly(dayNumber(date));
  const day = dayNumber(date);
  const year = Number(date.slice(0, 4));
  // The candidate periods ending this year and next, in order: the first whose window reaches the day.
  for (const y of [year, year + 1]) {
    for (const end of SPANS[kind].ends) {
      const p = monthly(kind, y, end, cutoffDay);
      if (day >= dayNumber(p.from) && day <= dayNumber(p.to)) return p;
    }
  }
  // Half and nine-month periods do not tile the year: after this year's window, the report is on it.
  return monthly(kind, year, SPANS[kind].ends[0]!, cutoffDay);
}

/**
 * The latest `count` periods of a kind up to the one holding `today`, newest first: what the report
 * screen offers to choose from.
 */
export function recentPeriods(kind: PeriodKind, today: string, count: number, cutoffDay = DEFAULT_CUTOFF_DAY): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let p = periodContaining(kind, today, cutoffDay);
  while (out.length < count) {
    out.push(p);
    p = periodContaining(kind, isoOf(dayNumber(p.from) - 1), cutoffDay);
  }
  return out;
}

/** The as-of date of a report on a period: its last day, or today while the period is still running. */
export function reportAsOf(period: ReportPeriod, today: string): string {
  return today < period.to ? today : period.to;
}
