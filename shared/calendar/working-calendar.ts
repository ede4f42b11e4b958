import { dayFromCivil, dayNumber, isoOf, weekday, yearOf } from './day-number.ts';
import { builtInHolidays, type Holiday } from './holidays.ts';

/**
 * An administrator's decision about one date. 'off': an extra day off, or the day a holiday was
 * moved to. 'work': a working day although a weekend or built-in holiday (a Saturday worked to pay
 * for a bridge day, a built-in default such as 1/9 that the Government did not choose this year).
 * Overrides are taken literally: compensatory days are not recomputed around them, because the
 * Government's yearly notice fixes those too and the administrator copies it.
 */
export interface CalendarOverride {
  date: string;
  kind: 'off' | 'work';
  note: string;
}

export interface CalendarHoliday extends Holiday {
  source: 'built-in' | 'override';
}

export interface WorkingCalendar {
  isWorkingDay(iso: string): boolean;
  holidays(year: number): CalendarHoliday[];
  workingWeekends(year: number): CalendarOverride[];
  /** The n-th working day strictly after `fromIso` (the day a task is assigned is day 0). */
  addWorkingDays(fromIso: string, n: number): string;
  /** The number of working days d with a < d ≤ b; negative when b is before a. */
  workingDaysBetween(aIso: string, bIso: string): number;
}

/** Ten years of working days: far beyond any deadline, small enough that a typo fails fast. */
const MAX_WORKING_DAYS = 3650;

const isWeekend = (day: number): boolean => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

const byDate = (a: { date: string }, b: { date: string }): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function createWorkingCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  // The same date twice: the later entry is the administrator's latest decision.
  const latest = new Map<string, CalendarOverride>();
  for (const o of overrides) {
    dayNumber(o.date); // a bad date fails here, when the administrator saves it, not at some later lookup
    if (o.kind !== 'off' && o.kind !== 'work') throw new RangeError(`Not an override kind: ${JSON.stringify(o.kind)}`);
    latest.set(o.date, { date: o.date, kind: o.kind, note: o.note });
  }
  const overridesByYear = new Map<number, CalendarOverride[]>();
  for (const o of [...latest.values()].sort(byDate)) {
    const year = Number(o.date.slice(0, 4));
    const list = overridesByYear.get(year);
    if (list) list.push(o);
    else overridesByYear.set(year, [o]);
  }
  const overridesIn = (year: number): CalendarOverride[] => overridesByYear.get(year) ?? [];

  // One byte per day of a year, 1 = working: deadlines walk these as plain integers, and a year is
  // built once, the first time a date in it is asked about (the lunar holidays cost the most).
  const flagsByYear = new Map<number, Uint8Array>();
  function yearFlags(year: number): Uint8Array {
    const cached = flagsByYear.get(year);
    if (cached) return cached;
    const first = dayFromCivil(year, 1, 1);
    const flags = new Uint8Array(dayFromCivil(year + 1, 1, 1) - first);
    for (let i = 0; i < flags.length; i++) flags[i] = isWeekend(first + i) ? 0 : 1;
    for (const h of builtInHolidays(year)) flags[dayNumber(h.date) - first] = 0;
    for (const o of overridesIn(year)) flags[dayNumber(o.date) - first] = o.kind === 'work' ? 1 : 0;
    flagsByYear.set(year, flags);
    return flags;
  }

  /** Working days d with from < d ≤ to, for from ≤ to. */
  function countAfter(from: number, to: number): number {
    let year = yearOf(from);
    let first = dayFromCivil(year, 1, 1);
    let flags = yearFlags(year);
    let count = 0;
    for (let day = from + 1; day <= to; day++) {
      if (day - first === flags.length) {
        first += flags.length;
        flags = yearFlags(++year);
      }
      count += flags[day - first]!;
    }
    return count;
  }

  return {
    isWorkingDay(iso) {
      const day = dayNumber(iso);
      const year = yearOf(day);
      return yearFlags(year)[day - dayFromCivil(year, 1, 1)] === 1;
    },

    holidays(year) {
      const rules = builtInHolidays(year);
      const ruleDates = new Set(rules.map((h) => h.date));
      const kept: CalendarHoliday[] = rules
        .filter((h) => latest.get(h.date)?.kind !== 'work')
        .map((h) => ({ ...h, name: { ...h.name }, source: 'built-in' }));
      const added: CalendarHoliday[] = overridesIn(year)
        .filter((o) => o.kind === 'off' && !ruleDates.has(o.date))
        .map((o) => ({ date: o.date, name: { vi: o.note || 'Ngày nghỉ', en: o.note || 'Day off' }, kind: 'holiday', source: 'override' }));
      return [...kept, ...added].sort(byDate);
    },

    workingWeekends(year) {
      return overridesIn(year)
        .filter((o) => o.kind === 'work' && isWeekend(dayNumber(o.date)))
        .map((o) => ({ ...o }));
    },

    addWorkingDays(fromIso, n) {
      const start = dayNumber(fromIso);
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
        throw new RangeError(`Working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, not ${n}`);
      }
      if (n === 0) return fromIso;
      let year = yearOf(start);
      let first = dayFromCivil(year, 1, 1);
      let flags = yearFlags(year);
      let i = start - first;
      for (let remaining = n; remaining > 0; remaining -= flags[i]!) {
        if (++i === flags.length) {
          first += flags.length;
          flags = yearFlags(++year);
          i = 0;
        }
      }
      return isoOf(first + i);
    },

    workingDaysBetween(aIso, bIso) {
      const a = dayNumber(aIso);
      const b = dayNumber(bIso);
      return b >= a ? countAfter(a, b) : -countAfter(b, a);
    },
  };
}
