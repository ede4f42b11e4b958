import { describe, expect, it } from 'vitest';
import { builtInHolidays, createWorkingCalendar, dayNumber, isoOf, weekday, yearOf } from '../../shared/calendar/index.ts';

const datesOf = (year: number, kind: 'holiday' | 'compensatory') =>
  builtInHolidays(year)
    .filter((h) => h.kind === kind)
    .map((h) => h.date);

describe('day numbers', () => {
  it('agree with the Gregorian calendar every day from 1900 to 2100', () => {
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2100, 11, 31) / 86_400_000; day++) {
      const date = new Date(day * 86_400_000);
      const iso = date.toISOString().slice(0, 10);
      if (dayNumber(iso) !== day || isoOf(day) !== iso || weekday(day) !== date.getUTCDay() || yearOf(day) !== date.getUTCFullYear()) {
        throw new Error(`day ${day} (${iso}) is off`);
      }
    }
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekday(dayNumber('2026-02-17'))).toBe(2);
  });

  it.each(['2026-13-01', '2026-02-30', '2025-02-29', '2026-00-10', '2026-1-5', '05/01/2026', ''])('refuses %j', (bad) => {
    expect(() => dayNumber(bad)).toThrow(RangeError);
  });
});

describe('built-in public holidays (Bộ luật Lao động 2019, Điều 112)', () => {
  it('2025: Tết 28/01 (29 tháng Chạp) to 01/02, whose Saturday is made up on Monday 03/02', () => {
    expect(datesOf(2025, 'holiday')).toEqual([
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(datesOf(2025, 'compensatory')).toEqual(['2025-02-03']);
  });

  it('2026: Tết 16/02 (29 tháng Chạp) to 20/02; Giỗ Tổ on Sunday 26/04 is made up on Monday 27/04', () => {
    const holidays = builtInHolidays(2026);
    expect(holidays.map((h) => [h.date, h.kind, h.name.vi])).toEqual([
      ['2026-01-01', 'holiday', 'Tết Dương lịch'],
      ['2026-02-16', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)'],
      ['2026-02-17', 'holiday', 'Tết Nguyên đán (mùng 1 tháng Giêng)'],
      ['2026-02-18', 'holiday', 'Tết Nguyên đán (mùng 2 tháng Giêng)'],
      ['2026-02-19', 'holiday', 'Tết Nguyên đán (mùng 3 tháng Giêng)'],
      ['2026-02-20', 'holiday', 'Tết Nguyên đán (mùng 4 tháng Giêng)'],
      ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'holiday', 'Ngày Chiến thắng'],
      ['2026-05-01', 'holiday', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)'],
      ['2026-09-02', 'holiday', 'Quốc khánh'],
    ]);
    expect(holidays.find((h) => h.date === '2026-04-30')?.name.en).toBe('Reunification Day');
    expect(holidays.find((h) => h.date === '2026-09-02')?.name.en).toBe('National Day');
  });

  it.each([
    // 01/01 on Saturday, 30/04 on Saturday and 01/05 on Sunday: each gets its own next working day.
    [2022, ['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']],
    // 01/01 on Sunday; 30 tháng Chạp and mùng 1 on the weekend are made up after mùng 4 (25/01);
    // Giỗ Tổ (Sat 29/04) and 30/04 (Sun) are made up after 01/05; 02/09 on Saturday.
    [2023, ['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04']],
    // Mùng 1 and mùng 2 on the weekend: the make-up days come after the whole run 09–13/02.
    [2024, ['2024-02-14', '2024-02-15', '2024-09-03']],
    // 01/09 on Saturday and 02/09 on Sunday.
    [2029, ['2029-09-03', '2029-09-04']],
  ])('%i: a holiday on a weekend is made up on the next working day that is not a holiday', (year, expected) => {
    expect(datesOf(year, 'compensatory')).toEqual(expected);
    for (const h of builtInHolidays(year).filter((x) => x.kind === 'compensatory')) expect(h.name.vi).toMatch(/^Nghỉ bù /);
  });

  it('lists both holidays when Giỗ Tổ shares a weekend with 30/04 (2023)', () => {
    expect(builtInHolidays(2023).filter((h) => h.date >= '2023-04-29' && h.date <= '2023-05-03').map((h) => h.name.vi)).toEqual([
      'Giỗ Tổ Hùng Vương',
      'Ngày Chiến thắng',
      'Ngày Quốc tế Lao động',
      'Nghỉ bù Giỗ Tổ Hùng Vương',
      'Nghỉ bù Ngày Chiến thắng',
    ]);
  });
});

describe('working days', () => {
  const calendar = createWorkingCalendar();

  it.each([
    ['2026-01-09', 1, '2026-01-12', 'Friday → Monday'],
    ['2026-01-10', 1, '2026-01-12', 'assigned on a Saturday'],
    ['2026-01-09', 5, '2026-01-16', 'one full week'],
    ['2025-12-31', 1, '2026-01-02', 'over Tết Dương lịch'],
    /*
     * Assigned Thursday 12/02/2026 (day 0). Fri 13/02 = 1. Sat–Sun 14–15/02 off, Tết 16–20/02
     * (29 tháng Chạp to mùng 4, Monday to Friday, so no make-up day), Sat–Sun 21–22/02 off.
     * Mon 23/02 = 2 … Fri 27/02 = 6, Mon 02/03 = 7, Tue 03/03 = 8, Wed 04/03 = 9, Thu 05/03 = 10.
     */
    ['2026-02-12', 10, '2026-03-05', 'over Tết 2026'],
    ['2026-04-24', 1, '2026-04-28', 'over Giỗ Tổ on Sunday 26/04 and its make-up day 27/04'],
    ['2026-04-29', 1, '2026-05-04', 'over 30/04 (Thursday), 01/05 (Friday) and the weekend'],
    ['2025-04-29', 1, '2025-05-02', 'over 30/04 and 01/05 2025'],
    ['2026-08-31', 1, '2026-09-03', 'over 01/09 and 02/09 2026'],
    ['2025-08-29', 1, '2025-09-03', 'over the weekend, 01/09 and 02/09 2025'],
    ['2024-02-08', 1, '2024-02-16', 'over Tết 2024 and both make-up days'],
    ['2026-02-17', 0, '2026-02-17', 'zero days is the date itself, holiday or not'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it('lands on the first working day with exactly n working days after the start', () => {
    for (let start = dayNumber('2024-01-01'); start <= dayNumber('2027-12-31'); start += 5) {
      for (const n of [1, 4, 22, 60, 250]) {
        const from = isoOf(start);
        const due = calendar.addWorkingDays(from, n);
        expect(calendar.isWorkingDay(due), `${from} + ${n}`).toBe(true);
        expect(calendar.workingDaysBetween(from, due), `${from} + ${n}`).toBe(n);
        expect(calendar.workingDaysBetween(from, isoOf(dayNumber(due) - 1)), `${from} + ${n}`).toBe(n - 1);
      }
    }
  });

  it.each([
    ['2026-02-12', '2026-03-05', 10],
    ['2026-03-05', '2026-02-12', -10],
    ['2026-02-12', '2026-02-12', 0],
    ['2026-01-09', '2026-01-12', 1],
    ['2026-02-13', '2026-02-22', 0],
    ['2025-12-31', '2026-01-02', 1],
    // 261 weekdays in each year, 11 of them holidays or make-up days.
    ['2024-12-31', '2025-12-31', 250],
    ['2025-12-31', '2026-12-31', 250],
  ])('between %s and %s: %i working days', (a, b, expected) => {
    expect(calendar.workingDaysBetween(a, b)).toBe(expected);
  });

  it('knows weekends and holidays', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    expect(calendar.holidays(2026).every((h) => h.source === 'built-in')).toBe(true);
    expect(calendar.workingWeekends(2026)).toEqual([]);
  });

  it.each([
    ['2026-13-01', 1],
    ['2026-02-30', 1],
    ['2026-02-12', -1],
    ['2026-02-12', 1.5],
    ['2026-02-12', Number.NaN],
    ['2026-02-12', 3651],
  ])('refuses addWorkingDays(%j, %s)', (from, n) => {
    expect(() => calendar.addWorkingDays(from, n)).toThrow(RangeError);
  });

  it('refuses bad dates everywhere', () => {
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-01-01', '2026-13-01')).toThrow(RangeError);
    expect(() => createWorkingCalendar([{ date: '2026-02-30', kind: 'off', note: '' }])).toThrow(RangeError);
  });
});

describe("the administrator's overrides", () => {
  const extraDay = { date: '2026-02-13', kind: 'off', note: 'Nghỉ thêm trước Tết' } as const;
  const makeUpSaturday = { date: '2026-02-28', kind: 'work', note: 'Làm bù ngày 13/02' } as const;

  it('an extra day off pushes a deadline one working day later, a worked Saturday pulls it back', () => {
    expect(createWorkingCalendar([extraDay]).addWorkingDays('2026-02-12', 10)).toBe('2026-03-06');
    const swapped = createWorkingCalendar([extraDay, makeUpSaturday]);
    expect(swapped.addWorkingDays('2026-02-12', 10)).toBe('2026-03-05');
    expect(swapped.isWorkingDay('2026-02-28')).toBe(true);
    expect(swapped.workingDaysBetween('2026-02-12', '2026-03-05')).toBe(10);
    expect(swapped.workingWeekends(2026)).toEqual([makeUpSaturday]);
    expect(swapped.workingWeekends(2025)).toEqual([]);
    expect(swapped.holidays(2026).find((h) => h.date === '2026-02-13')).toEqual({
      date: '2026-02-13',
      name: { vi: 'Nghỉ thêm trước Tết', en: 'Nghỉ thêm trước Tết' },
      kind: 'holiday',
      source: 'override',
    });
  });

  it('moves the second Quốc khánh day from 01/09 to 03/09', () => {
    const calendar = createWorkingCalendar([
      { date: '2026-09-03', kind: 'off', note: 'Quốc khánh (ngày liền kề)' },
      { date: '2026-09-01', kind: 'work', note: 'Chính phủ chọn ngày 03/09' },
    ]);
    const september = calendar.holidays(2026).filter((h) => h.date.startsWith('2026-09'));
    expect(september.map((h) => [h.date, h.source])).toEqual([
      ['2026-09-02', 'built-in'],
      ['2026-09-03', 'override'],
    ]);
    expect(calendar.isWorkingDay('2026-09-01')).toBe(true);
    expect(calendar.addWorkingDays('2026-08-31', 1)).toBe('2026-09-01');
    expect(calendar.addWorkingDays('2026-09-01', 1)).toBe('2026-09-04');
    expect(calendar.workingWeekends(2026)).toEqual([]);
  });

  it('lets the later of two overrides for the same date win', () => {
    const calendar = createWorkingCalendar([extraDay, { ...extraDay, kind: 'work', note: 'Huỷ' }]);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.holidays(2026).some((h) => h.date === '2026-02-13')).toBe(false);
  });
});
