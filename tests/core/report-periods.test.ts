import { describe, expect, it } from 'vitest';
import { PERIOD_KINDS, periodContaining, recentPeriods, reportAsOf, type PeriodKind } from '../../shared/reports/periods.ts';
import { reportWindow } from '../../electron/core/domains/reports/report-period.ts';

const window = (kind: PeriodKind, date: string, cutoffDay?: number) => {
  const p = periodContaining(kind, date, cutoffDay);
  return [p.key, p.from, p.to];
};

describe('report periods: the data windows of Nghị định 09/2019 (cut-off on the 14th by default)', () => {
  it.each([
    // A month runs from the 15th of the month before to the 14th.
    ['month', '2026-11-14', ['2026-11', '2026-10-15', '2026-11-14']],
    ['month', '2026-11-15', ['2026-12', '2026-11-15', '2026-12-14']],
    ['month', '2026-12-14', ['2026-12', '2026-11-15', '2026-12-14']],
    // From 15 December the figures belong to next year's January, first quarter, half, nine months and year.
    ['month', '2026-12-15', ['2027-01', '2026-12-15', '2027-01-14']],
    ['month', '2027-01-01', ['2027-01', '2026-12-15', '2027-01-14']],
    ['quarter', '2026-12-14', ['2026-Q4', '2026-09-15', '2026-12-14']],
    ['quarter', '2026-12-15', ['2027-Q1', '2026-12-15', '2027-03-14']],
    ['quarter', '2026-03-15', ['2026-Q2', '2026-03-15', '2026-06-14']],
    ['half', '2026-01-10', ['2026-H1', '2025-12-15', '2026-06-14']],
    ['half', '2026-06-14', ['2026-H1', '2025-12-15', '2026-06-14']],
    ['half', '2026-12-15', ['2027-H1', '2026-12-15', '2027-06-14']],
    ['nine-months', '2026-09-14', ['2026-9M', '2025-12-15', '2026-09-14']],
    ['nine-months', '2026-12-20', ['2027-9M', '2026-12-15', '2027-09-14']],
    ['year', '2026-12-14', ['2026', '2025-12-15', '2026-12-14']],
    ['year', '2026-12-15', ['2027', '2026-12-15', '2027-12-14']],
  ] as const)('%s holding %s', (kind, date, expected) => {
    expect(window(kind, date)).toEqual(expected);
  });

  it('after a half or nine months’ window (which do not tile the year), the report is on that window', () => {
    expect(window('half', '2026-06-15')).toEqual(['2026-H1', '2025-12-15', '2026-06-14']);
    expect(window('half', '2026-12-14')).toEqual(['2026-H1', '2025-12-15', '2026-06-14']);
    expect(window('nine-months', '2026-09-15')).toEqual(['2026-9M', '2025-12-15', '2026-09-14']);
    expect(window('nine-months', '2026-12-14')).toEqual(['2026-9M', '2025-12-15', '2026-09-14']);
  });

  it('cut-off 31 is calendar months; a cut-off past a short month’s end stops at its last day', () => {
    expect(window('month', '2026-02-20', 31)).toEqual(['2026-02', '2026-02-01', '2026-02-28']);
    expect(window('month', '2028-02-29', 31)).toEqual(['2028-02', '2028-02-01', '2028-02-29']);
    expect(window('month', '2026-03-01', 31)).toEqual(['2026-03', '2026-03-01', '2026-03-31']);
    expect(window('quarter', '2026-01-01', 31)).toEqual(['2026-Q1', '2026-01-01', '2026-03-31']);
    expect(window('year', '2026-12-31', 31)).toEqual(['2026', '2026-01-01', '2026-12-31']);
    // Cut-off 30: February ends on its last day, March starts the day after.
    expect(window('month', '2026-02-28', 30)).toEqual(['2026-02', '2026-01-31', '2026-02-28']);
    expect(window('month', '2026-03-01', 30)).toEqual(['2026-03', '2026-03-01', '2026-03-30']);
    expect(window('month', '2026-03-31', 30)).toEqual(['2026-04', '2026-03-31', '2026-04-30']);
    expect(window('month', '2024-02-29', 30)).toEqual(['2024-02', '2024-01-31', '2024-02-29']);
  });

  it('ISO weeks, Monday to Sunday, across the new year (2026 has a week 53)', () => {
    expect(window('week', '2025-12-29')).toEqual(['2026-W01', '2025-12-29', '2026-01-04']);
    expect(window('week', '2026-01-01')).toEqual(['2026-W01', '2025-12-29', '2026-01-04']);
    expect(window('week', '2026-12-06')).toEqual(['2026-W49', '2026-11-30', '2026-12-06']);
    expect(window('week', '2026-12-31')).toEqual(['2026-W53', '2026-12-28', '2027-01-03']);
    expect(window('week', '2027-01-03')).toEqual(['2026-W53', '2026-12-28', '2027-01-03']);
    expect(window('week', '2027-01-04')).toEqual(['2027-W01', '2027-01-04', '2027-01-10']);
    // The cut-off day does not move a week.
    expect(window('week', '2026-12-31', 31)).toEqual(['2026-W53', '2026-12-28', '2027-01-03']);
  });

  it('labels read as Vietnamese reports name them', () => {
    const vi = (kind: PeriodKind, date: string) => periodContaining(kind, date).label.vi;
    expect(vi('month', '2026-12-01')).toBe('Tháng 12/2026');
    expect(vi('quarter', '2026-12-01')).toBe('Quý IV/2026');
    expect(vi('half', '2026-03-01')).toBe('6 tháng đầu năm 2026');
    expect(vi('nine-months', '2026-03-01')).toBe('9 tháng năm 2026');
    expect(vi('year', '2026-12-15')).toBe('Năm 2027');
    expect(vi('week', '2026-12-02')).toBe('Tuần 49 (30/11–06/12/2026)');
    expect(vi('week', '2026-12-31')).toBe('Tuần 53 (28/12/2026–03/01/2027)');
  });

  it('recentPeriods: newest first, each the one before the last', () => {
    const keys = (kind: PeriodKind, today: string, n: number, cutoff?: number) => recentPeriods(kind, today, n, cutoff).map((p) => p.key);
    expect(keys('month', '2026-12-20', 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(keys('quarter', '2026-12-20', 5)).toEqual(['2027-Q1', '2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
    expect(keys('half', '2026-12-20', 3)).toEqual(['2027-H1', '2026-H1', '2025-H1']);
    expect(keys('half', '2026-08-01', 2)).toEqual(['2026-H1', '2025-H1']);
    expect(keys('nine-months', '2026-12-20', 2)).toEqual(['2027-9M', '2026-9M']);
    expect(keys('year', '2026-12-20', 2)).toEqual(['2027', '2026']);
    expect(keys('week', '2027-01-05', 3)).toEqual(['2027-W01', '2026-W53', '2026-W52']);
    expect(keys('month', '2026-03-05', 3, 31)).toEqual(['2026-03', '2026-02', '2026-01']);
    // Consecutive windows touch: each starts the day after the one before ends.
    for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
      const list = recentPeriods(kind, '2026-12-20', 6).reverse();
      for (let i = 1; i < list.length; i++) {
        const next = new Date(`${list[i - 1]!.to}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(list[i]!.from, `${kind} ${list[i]!.key}`).toBe(next.toISOString().slice(0, 10));
      }
    }
    expect(PERIOD_KINDS).toHaveLength(6);
  });

  it('the as-of date: today while the period runs, else its last day; a date given never past the window', () => {
    const dec = periodContaining('month', '2026-12-01');
    expect(reportAsOf(dec, '2026-12-05')).toBe('2026-12-05');
    expect(reportAsOf(dec, '2026-12-14')).toBe('2026-12-14');
    expect(reportAsOf(dec, '2027-02-01')).toBe('2026-12-14');
    expect(reportWindow('month', undefined, '2026-12-05', 14)).toMatchObject({ period: { key: '2026-12' }, asOf: '2026-12-05', partial: true });
    expect(reportWindow('month', undefined, '2026-12-14', 14)).toMatchObject({ period: { key: '2026-12' }, asOf: '2026-12-14', partial: false });
    expect(reportWindow('month', '2026-11-14', '2026-12-20', 14)).toMatchObject({ period: { key: '2026-11' }, asOf: '2026-11-14', partial: false });
    expect(reportWindow('quarter', '2026-11-01', '2026-12-20', 14)).toMatchObject({ period: { key: '2026-Q4' }, asOf: '2026-11-01', partial: true });
    expect(reportWindow('half', '2026-08-01', '2026-12-20', 14)).toMatchObject({ period: { key: '2026-H1' }, asOf: '2026-06-14', partial: false });
    // Left to itself after a half-year's window, the report is on the window just ended, whole.
    expect(reportWindow('half', undefined, '2026-08-01', 14)).toMatchObject({ period: { key: '2026-H1' }, asOf: '2026-06-14', partial: false });
  });
});
