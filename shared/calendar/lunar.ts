import { dayFromCivil, dayNumber, isoOf, yearOf } from './day-number.ts';

/**
 * The Vietnamese lunisolar calendar, computed the way Hồ Ngọc Đức published it (and the way
 * Vietnamese calendars are printed): months begin on the local day of the astronomical new moon,
 * month 11 is the month holding the winter solstice, and in a 13-month span between two month 11s
 * the first month without a major solar term is the leap month, numbered like the month before it.
 *
 * "Local" is what separates Việt Nam (UTC+7) from China (UTC+8): a new moon or a solar term close
 * to midnight lands on different days, which is why Tết was 21/01/1985 here and 20/02/1985 there.
 * The time zone is therefore a parameter, never assumed.
 *
 * Dates are proleptic Gregorian throughout; the formulas are good to a few minutes for 1800–2199,
 * more than a working calendar will ever ask of them.
 */
export const VN_LUNAR_TZ = 7;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** The intercalary month carries the number of the month before it. */
  leap: boolean;
}

/** Julian day number of day number 0 (1970-01-01). */
const JDN_OF_DAY_ZERO = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of new moon 0 in the series below (the new moon of 1900-01-01). */
const NEW_MOON_ZERO = 2_415_021.076998695;
const RAD = Math.PI / 180;

/**
 * The Julian date (UT) of new moon `k` counted from 1900-01-01: mean lunation plus the main
 * periodic terms in the Sun's (M) and Moon's (Mpr) anomalies and the Moon's latitude argument (F),
 * as in Meeus, Astronomical Algorithms, with the ΔT correction to universal time.
 */
function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(m) +
    0.0021 * Math.sin(2 * m) -
    0.4068 * Math.sin(mpr) +
    0.0161 * Math.sin(2 * mpr) -
    0.0004 * Math.sin(3 * mpr) +
    0.0104 * Math.sin(2 * f) -
    0.0051 * Math.sin(m + mpr) -
    0.0074 * Math.sin(m - mpr) +
    0.0004 * Math.sin(2 * f + m) -
    0.0004 * Math.sin(2 * f - m) -
    0.0006 * Math.sin(2 * f + mpr) +
    0.001 * Math.sin(2 * f - mpr) +
    0.0005 * Math.sin(2 * mpr + m);
  const deltaT =
    t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The local calendar day (day number) on which new moon `k` falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + timeZone / 24) - JDN_OF_DAY_ZERO;
}

/** The Sun's true longitude in degrees, [0, 360), by the low-precision solar theory of Meeus ch. 25. */
function sunLongitude(jd: number): number {
  const t = (jd - 2_451_545) / 36_525;
  const t2 = t * t;
  const m = (357.5291 + 35_999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
  const center = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.00029 * Math.sin(3 * m);
  const longitude = (meanLongitude + center) % 360;
  return longitude < 0 ? longitude + 360 : longitude;
}

/**
 * Which 30° sector the Sun is in at the local midnight that starts `day` (0 = from the spring
 * equinox, 9 = from the winter solstice). A month holds a major solar term exactly when the sector
 * at its first day differs from the sector at the next month's first day.
 */
function sunSector(day: number, timeZone: number): number {
  return Math.floor(sunLongitude(day + JDN_OF_DAY_ZERO - 0.5 - timeZone / 24) / 30);
}

/** The index of the new moon that starts lunar month 11 (the month of the winter solstice) in Gregorian `year`. */
function month11Lunation(year: number, timeZone: number): number {
  const k = Math.floor((dayFromCivil(year, 12, 31) + JDN_OF_DAY_ZERO - NEW_MOON_ZERO) / SYNODIC_MONTH);
  // The last new moon before 31/12 starts month 11 unless the solstice came before it.
  return sunSector(newMoonDay(k, timeZone), timeZone) >= 9 ? k - 1 : k;
}

interface LunarSpan {
  /** First day of each month, plus the first day of the next month 11 to close the last month. */
  starts: number[];
  months: Array<{ month: number; leap: boolean; year: number }>;
}

/** The months from month 11 of Gregorian `year` up to month 11 of `year + 1`: 12 or 13 of them. */
function spanFromMonth11(year: number, timeZone: number): LunarSpan {
  const first = month11Lunation(year, timeZone);
  const count = month11Lunation(year + 1, timeZone) - first;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first + i, timeZone));
  const sectors = starts.map((day) => sunSector(day, timeZone));
  // Thirteen months share twelve major terms, so some month after month 11 (which has the solstice by
  // definition) has none; the first such month is the leap one. Twelve months: no leap month.
  let leapIndex = count;
  if (count === 13) {
    leapIndex = 1;
    while (leapIndex < 12 && sectors[leapIndex] !== sectors[leapIndex + 1]) leapIndex++;
  }
  const months = starts.slice(0, count).map((_, i) => {
    const month = ((10 + i - (i >= leapIndex ? 1 : 0)) % 12) + 1;
    // Months 11 and 12 open the span and belong to the lunar year that began in `year`.
    return { month, leap: i === leapIndex, year: month >= 11 ? year : year + 1 };
  });
  return { starts, months };
}

function checkTimeZone(timeZone: number): void {
  if (!Number.isFinite(timeZone) || Math.abs(timeZone) > 14) throw new RangeError(`Not a UTC offset in hours: ${timeZone}`);
}

/** The lunar date of a Gregorian 'YYYY-MM-DD' date. */
export function solarToLunar(iso: string, timeZone: number = VN_LUNAR_TZ): LunarDate {
  checkTimeZone(timeZone);
  const day = dayNumber(iso);
  const year = yearOf(day);
  let span = spanFromMonth11(year, timeZone);
  if (day < span.starts[0]!) span = spanFromMonth11(year - 1, timeZone);
  let i = span.months.length - 1;
  while (span.starts[i]! > day) i--;
  const { month, leap, year: lunarYear } = span.months[i]!;
  return { day: day - span.starts[i]! + 1, month, year: lunarYear, leap };
}

/**
 * The Gregorian 'YYYY-MM-DD' date of a lunar date. A leap month that the year does not have, or
 * day 30 of a 29-day month, is a RangeError rather than a silently shifted date.
 */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leap: boolean, timeZone: number = VN_LUNAR_TZ): string {
  checkTimeZone(timeZone);
  if (!Number.isInteger(lunarYear) || !Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Not a lunar month: ${lunarMonth}/${lunarYear}`);
  }
  const span = spanFromMonth11(lunarMonth >= 11 ? lunarYear : lunarYear - 1, timeZone);
  const i = span.months.findIndex((m) => m.month === lunarMonth && m.leap === leap);
  if (i < 0) throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  const start = span.starts[i]!;
  const length = span.starts[i + 1]! - start;
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > length) {
    throw new RangeError(`Lunar month ${lunarMonth}${leap ? ' (leap)' : ''}/${lunarYear} has ${length} days, not day ${lunarDay}`);
  }
  return isoOf(start + lunarDay - 1);
}
