import { describe, expect, it } from 'vitest';
import { dayNumber, isoOf } from '../../shared/calendar/day-number.ts';
import { lunarToSolar, solarToLunar, VN_LUNAR_TZ } from '../../shared/calendar/lunar.ts';

/** Mùng 1 Tết as printed in Vietnamese calendars (UTC+7). */
const TET: Array<[number, string]> = [
  [2000, '2000-02-05'],
  [2001, '2001-01-24'],
  [2002, '2002-02-12'],
  [2003, '2003-02-01'],
  [2004, '2004-01-22'],
  [2005, '2005-02-09'],
  [2006, '2006-01-29'],
  [2007, '2007-02-17'],
  [2008, '2008-02-07'],
  [2009, '2009-01-26'],
  [2010, '2010-02-14'],
  [2011, '2011-02-03'],
  [2012, '2012-01-23'],
  [2013, '2013-02-10'],
  [2014, '2014-01-31'],
  [2015, '2015-02-19'],
  [2016, '2016-02-08'],
  [2017, '2017-01-28'],
  [2018, '2018-02-16'],
  [2019, '2019-02-05'],
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
  // The new moon is at 23:07 on 2 February in UTC+7, 00:07 on 3 February in UTC+8.
  [2030, '2030-02-02'],
];

describe('Vietnamese lunar calendar', () => {
  it.each(TET)('Tết %i is %s', (year, iso) => {
    expect(lunarToSolar(1, 1, year, false)).toBe(iso);
    expect(solarToLunar(iso)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('uses Việt Nam time (UTC+7) by default', () => {
    expect(VN_LUNAR_TZ).toBe(7);
    expect(lunarToSolar(1, 1, 2007, false)).toBe(lunarToSolar(1, 1, 2007, false, 7));
  });

  it.each([
    // 1985: the 1984 winter solstice came just before midnight in UTC+7 and just after it in UTC+8,
    // on the night a new moon began a month. Month 11 starts a month apart, China adds a leap 10th
    // month, and its Tết comes a whole month after Việt Nam's (whose leap month is the 2nd, in 1985).
    [1985, '1985-01-21', '1985-02-20'],
    // 2007 and 2030: the new moon falls in the last hour of the day in UTC+7, after midnight in UTC+8.
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('Tết %i differs between Việt Nam (%s) and China (%s)', (year, vietnam, china) => {
    expect(lunarToSolar(1, 1, year, false, 7)).toBe(vietnam);
    expect(lunarToSolar(1, 1, year, false, 8)).toBe(china);
    expect(solarToLunar(vietnam, 7)).toMatchObject({ day: 1, month: 1, year });
    expect(solarToLunar(china, 8)).toMatchObject({ day: 1, month: 1, year });
  });

  it('puts the leap month where each time zone does in 1984–1985', () => {
    expect(solarToLunar('1985-03-21', 7)).toEqual({ day: 1, month: 2, year: 1985, leap: true });
    expect(solarToLunar('1984-11-23', 8)).toEqual({ day: 1, month: 10, year: 1984, leap: true });
    expect(solarToLunar('1984-11-23', 7)).toEqual({ day: 1, month: 11, year: 1984, leap: false });
  });

  it.each([
    [2023, '2023-04-29'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i is %s', (year, iso) => {
    expect(lunarToSolar(10, 3, year, false)).toBe(iso);
  });

  it('knows the last day of tháng Chạp: 29 before Tết 2025 and 2026, 30 before Tết 2024', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2024-02-09')).toEqual({ day: 30, month: 12, year: 2023, leap: false });
  });

  it('places the leap 6th month of 2025 (25/07–22/08/2025) after the ordinary 6th month', () => {
    expect(lunarToSolar(1, 6, 2025, false)).toBe('2025-06-25');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(lunarToSolar(29, 6, 2025, true)).toBe('2025-08-22');
    expect(lunarToSolar(1, 7, 2025, false)).toBe('2025-08-23');
    expect(solarToLunar('2025-08-01')).toEqual({ day: 8, month: 6, year: 2025, leap: true });
  });

  it('places the leap 2nd month of 2023 (from 22/03/2023)', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(solarToLunar('2023-03-21')).toEqual({ day: 30, month: 2, year: 2023, leap: false });
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 6, 2024, true)).toThrow(RangeError);
    // Tháng Chạp of lunar 2024 had 29 days: there was no 30 Tết in 2025.
    expect(() => lunarToSolar(30, 12, 2024, false)).toThrow(RangeError);
    expect(() => lunarToSolar(0, 1, 2026, false)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2026, false)).toThrow(RangeError);
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
  });

  it('round-trips every day of 2024–2026, counting days without gaps and exactly one leap month', () => {
    const leapDays: string[] = [];
    let previous = solarToLunar('2023-12-31');
    for (let day = dayNumber('2024-01-01'); day <= dayNumber('2026-12-31'); day++) {
      const iso = isoOf(day);
      const lunar = solarToLunar(iso);
      expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap), iso).toBe(iso);
      if (lunar.day === 1) {
        expect(previous.day === 29 || previous.day === 30, iso).toBe(true);
      } else {
        expect({ ...lunar, day: lunar.day - 1 }, iso).toEqual(previous);
      }
      if (lunar.leap) leapDays.push(iso);
      previous = lunar;
    }
    expect(leapDays).toHaveLength(29);
    expect([leapDays[0], leapDays.at(-1)]).toEqual(['2025-07-25', '2025-08-22']);
  });
});
