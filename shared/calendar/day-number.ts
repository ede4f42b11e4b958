/**
 * Calendar dates as whole days since 1970-01-01 (proleptic Gregorian). A date here is a date on
 * the wall calendar, never an instant: no time zone, no daylight saving, and stepping a day is `+ 1`,
 * which is what lets the working-day walk stay in plain integers.
 *
 * The conversions are Howard Hinnant's days-from-civil / civil-from-days, counted in 400-year eras
 * (146,097 days) starting 1 March so that the leap day is the last day of a year.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_PER_ERA = 146_097;
/** Days from 0000-03-01 (the start of era 0) to 1970-01-01. */
const UNIX_EPOCH_SHIFT = 719_468;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

/** The day number of a year, month (1–12) and day; the caller guarantees they form a real date. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - UNIX_EPOCH_SHIFT;
}

/** [year, month 1–12, day 1–31] of a day number. */
export function civilFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + UNIX_EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** The day number of a 'YYYY-MM-DD' date; a malformed or impossible date (2026-02-30) is a RangeError. */
export function dayNumber(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return dayFromCivil(year, month, day);
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoOf(day: number): string {
  const [year, month, date] = civilFromDay(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(date)}`;
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return civilFromDay(day)[0];
}
