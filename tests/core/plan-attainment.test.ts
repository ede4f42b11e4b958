import { describe, expect, it } from 'vitest';
import { attainment, DEFAULT_THRESHOLDS } from '../../shared/plans/attainment.ts';
import { compareTargetPeriods, parseTargetPeriod, periodFromHeader, targetPeriodEnd, targetPeriodLabel } from '../../shared/plans/target-periods.ts';

describe('target periods: one spelling for years, quarters and months', () => {
  it.each([
    ['2026', 'Năm 2026', '2026-12-31'],
    ['2026-Q1', 'Quý I/2026', '2026-03-31'],
    ['2026-Q4', 'Quý IV/2026', '2026-12-31'],
    ['2028-02', 'Tháng 2/2028', '2028-02-29'],
    ['2026-12', 'Tháng 12/2026', '2026-12-31'],
  ])('%s is “%s” and ends on %s', (key, label, end) => {
    expect(targetPeriodLabel(key)).toBe(label);
    expect(targetPeriodEnd(key)).toBe(end);
  });

  it.each(['2026-Q5', '2026-Q0', '2026-13', '2026-00', '26', '1999', 'Q1/2026', '2026-W01', ''])('refuses %j', (key) => {
    expect(parseTargetPeriod(key)).toBeNull();
  });

  it.each([
    ['Năm 2026', '2026'],
    ['KH năm 2026', '2026'],
    ['2026', '2026'],
    ['Quý I/2026', '2026-Q1'],
    ['Quý IV / 2026', '2026-Q4'],
    ['quý 2 năm 2027', '2027-Q2'],
    ['Q3/2026', '2026-Q3'],
    ['2026-Q2', '2026-Q2'],
    ['Tháng 3/2026', '2026-03'],
    ['T12/2026', '2026-12'],
    ['tháng 7 năm 2026', '2026-07'],
    ['2026-03', '2026-03'],
  ])('reads the column header “%s” as %s', (header, key) => {
    expect(periodFromHeader(header)).toBe(key);
  });

  it.each(['Chỉ tiêu', 'Đơn vị tính', 'Quý V/2026', 'Tháng 13/2026', 'Ghi chú 2026 mới'])('does not take “%s” for a period', (header) => {
    expect(periodFromHeader(header)).toBeNull();
  });

  it('orders a plan’s columns: years, then quarters, then months', () => {
    const keys = ['2026-03', '2026-Q2', '2027', '2026', '2026-Q1', '2026-01'];
    expect([...keys].sort(compareTargetPeriods)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-01', '2026-03', '2027']);
  });
});

describe('attainment: actual against goal, respecting the direction', () => {
  const t = DEFAULT_THRESHOLDS;
  it('higher is better: actual / goal', () => {
    expect(attainment(100, 102, 'higher', t)).toEqual({ percent: 102, status: 'met' });
    expect(attainment(95, 93.1, 'higher', t)).toEqual({ percent: 98, status: 'near' });
    expect(attainment(200, 150, 'higher', t)).toEqual({ percent: 75, status: 'missed' });
  });

  it('lower is better: goal / actual (a poverty rate of 2.5 % against a ceiling of 3 % is met)', () => {
    expect(attainment(3, 2.5, 'lower', t)).toEqual({ percent: 120, status: 'met' });
    expect(attainment(3, 3.5, 'lower', t)).toEqual({ percent: 85.7, status: 'near' });
    expect(attainment(3, 6, 'lower', t)).toEqual({ percent: 50, status: 'missed' });
    expect(attainment(3, 0, 'lower', t)).toEqual({ percent: null, status: 'met' });
  });

  it('a zero goal has no ratio but still a verdict; no value is “chưa có số liệu”', () => {
    expect(attainment(0, 0, 'lower', t)).toEqual({ percent: null, status: 'met' });
    expect(attainment(0, 2, 'lower', t)).toEqual({ percent: null, status: 'missed' });
    expect(attainment(100, null, 'higher', t)).toEqual({ percent: null, status: 'none' });
    expect(attainment(null, 5, 'higher', t)).toEqual({ percent: null, status: 'none' });
  });

  it('uses the plan’s own thresholds', () => {
    expect(attainment(100, 92, 'higher', { nearPercent: 90, metPercent: 95 }).status).toBe('near');
    expect(attainment(100, 96, 'higher', { nearPercent: 90, metPercent: 95 }).status).toBe('met');
    expect(attainment(100, 89, 'higher', { nearPercent: 90, metPercent: 95 }).status).toBe('missed');
  });
});
