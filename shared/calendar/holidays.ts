import { dayFromCivil, dayNumber, isoOf, weekday } from './day-number.ts';
import { lunarToSolar, solarToLunar } from './lunar.ts';

export interface HolidayName {
  vi: string;
  en: string;
}

export interface Holiday {
  date: string;
  name: HolidayName;
  kind: 'holiday' | 'compensatory';
}

interface Observance {
  day: number;
  name: HolidayName;
  /** The name without the "which day" detail, as the matching compensatory day is called after it. */
  family: HolidayName;
}

const NEW_YEAR: HolidayName = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const TET: HolidayName = { vi: 'Tết Nguyên đán', en: 'Lunar New Year' };
const HUNG_KINGS: HolidayName = { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" };
const VICTORY: HolidayName = { vi: 'Ngày Chiến thắng', en: 'Reunification Day' };
const LABOUR: HolidayName = { vi: 'Ngày Quốc tế Lao động', en: 'International Labour Day' };
const NATIONAL: HolidayName = { vi: 'Quốc khánh', en: 'National Day' };

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'] as const;

const isWeekend = (day: number): boolean => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

function fixed(year: number, month: number, date: number, family: HolidayName, name: HolidayName = family): Observance {
  return { day: dayFromCivil(year, month, date), name, family };
}

/**
 * The five Tết days: the last day of the old lunar year (29 or 30 tháng Chạp, whichever the month
 * ends on) and mùng 1–4 tháng Giêng of lunar year `year`. Tết falls between 21/01 and 20/02, so its
 * eve, though it belongs to lunar year `year - 1`, is always in the same Gregorian year.
 */
function tet(year: number): Observance[] {
  const newYear = dayNumber(lunarToSolar(1, 1, year, false));
  const eveDate = solarToLunar(isoOf(newYear - 1)).day;
  const eve: Observance = {
    day: newYear - 1,
    name: { vi: `${TET.vi} (${eveDate} tháng Chạp)`, en: `${TET.en} (New Year's Eve)` },
    family: TET,
  };
  const days = TET_DAY_NAMES.map((vi, i) => ({
    day: newYear + i,
    name: { vi: `${TET.vi} (${vi} tháng Giêng)`, en: `${TET.en} (day ${i + 1})` },
    family: TET,
  }));
  return [eve, ...days];
}

/**
 * Bộ luật Lao động 2019, Điều 112 khoản 3: a holiday on the weekly rest day (Saturday or Sunday for
 * the public service) is made up on the next working day. "Working day" excludes the other holidays
 * and the days already given as compensation, so a Tết run with a weekend inside it pushes every
 * compensatory day past the whole run, in the order the holidays occur.
 */
function compensatory(observances: readonly Observance[]): Holiday[] {
  const taken = new Set(observances.map((o) => o.day));
  const result: Holiday[] = [];
  for (const o of observances) {
    if (!isWeekend(o.day)) continue;
    let day = o.day + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    result.push({
      date: isoOf(day),
      name: { vi: `Nghỉ bù ${o.family.vi}`, en: `${o.family.en} (compensatory day off)` },
      kind: 'compensatory',
    });
  }
  return result;
}

/**
 * Việt Nam's public holidays in Gregorian `year` under Bộ luật Lao động 2019, Điều 112, with the
 * compensatory days the law itself implies. The second Quốc khánh day is 1/9 here: the Government
 * picks the day before or after each year, and the administrator records its choice as overrides.
 * Two holidays can share a date (Giỗ Tổ fell on 29/04 in 2023 and can reach 30/04): both are listed.
 */
export function builtInHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  const observances: Observance[] = [
    fixed(year, 1, 1, NEW_YEAR),
    ...tet(year),
    { day: dayNumber(lunarToSolar(10, 3, year, false)), name: HUNG_KINGS, family: HUNG_KINGS },
    fixed(year, 4, 30, VICTORY),
    fixed(year, 5, 1, LABOUR),
    fixed(year, 9, 1, NATIONAL, { vi: `${NATIONAL.vi} (ngày liền kề)`, en: `${NATIONAL.en} (adjacent day)` }),
    fixed(year, 9, 2, NATIONAL),
  ].sort((a, b) => a.day - b.day);
  const holidays: Holiday[] = observances.map((o) => ({ date: isoOf(o.day), name: o.name, kind: 'holiday' }));
  return [...holidays, ...compensatory(observances)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
