import type { AttainmentStatus, DataArea, PlanThresholds } from '../../../../../shared/contract/index.ts';
import type { Language } from '../../../bridge/BridgeError.ts';
import { compareTargetPeriods, parseTargetPeriod, targetPeriodEnd } from '../../../../../shared/plans/target-periods.ts';

/** What a plan's screens read: its rows, and the units and committees they name. */
export const PLAN_AREAS: readonly DataArea[] = ['plans', 'directory'];

export const STATUSES: readonly AttainmentStatus[] = ['met', 'near', 'missed', 'none'];

/** antd Tag colours: đạt green, gần đạt gold, không đạt red, chưa có số liệu grey. */
export const statusTagColor: Record<AttainmentStatus, string> = {
  met: 'green',
  near: 'gold',
  missed: 'red',
  none: 'default',
};

/** The same four in the charts and the heat-map legend (readable in both themes). */
export const statusChartColor: Record<AttainmentStatus, string> = {
  met: '#52c41a',
  near: '#faad14',
  missed: '#f5222d',
  none: '#bfbfbf',
};

const formats = new Map<string, Intl.NumberFormat>();

/** A figure as the language writes it: 1.250,5 in Vietnamese, 1,250.5 in English. */
export function formatNumber(value: number | null | undefined, lang: Language, digits = 2): string {
  if (value === null || value === undefined) return '—';
  const key = `${lang}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

export function formatPercent(value: number | null | undefined, lang: Language): string {
  return value === null || value === undefined ? '—' : `${formatNumber(value, lang, 1)}%`;
}

/**
 * A figure typed by the user: "98,5" (the Vietnamese decimal comma), "98.5", "1.250" or "1.250,5"
 * (dots grouping thousands), "1,250.5", "-3". Returns null when it is not a number.
 */
export function parseFigure(text: string): number | null {
  let t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  if (!/^[-+]?[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // The one that comes last is the decimal mark.
    if (t.lastIndexOf(',') > t.lastIndexOf('.')) t = t.replace(/\./g, '').replace(',', '.');
    else t = t.replace(/,/g, '');
    if (commas > 1 && t.includes(',')) return null;
  } else if (commas > 0) {
    // One comma is the decimal mark; several group thousands ("1,250,000").
    t = commas === 1 ? t.replace(',', '.') : /^[-+]?\d{1,3}(,\d{3})+$/.test(t) ? t.replace(/,/g, '') : '';
  } else if (dots > 1) {
    t = /^[-+]?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : '';
  } else if (dots === 1 && /^[-+]?\d{1,3}\.\d{3}$/.test(t)) {
    // "1.250": Vietnamese writing groups thousands with a dot.
    t = t.replace('.', '');
  }
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/**
 * The period a plan opens on: the latest one (by its end) with a reported value, else the one of
 * the year running today, else the first.
 */
export function defaultPeriod(periods: readonly string[], withValues: ReadonlySet<string>, today: string): string | null {
  const reported = periods.filter((p) => withValues.has(p));
  if (reported.length > 0) {
    return [...reported].sort((a, b) => targetPeriodEnd(b).localeCompare(targetPeriodEnd(a)) || compareTargetPeriods(a, b))[0]!;
  }
  const year = today.slice(0, 4);
  return periods.find((p) => p === year) ?? periods[0] ?? null;
}

/** The status a mean attainment falls in, as the thresholds say. */
export function statusOfPercent(percent: number, thresholds: PlanThresholds): AttainmentStatus {
  return percent >= thresholds.metPercent ? 'met' : percent >= thresholds.nearPercent ? 'near' : 'missed';
}

export function periodKind(key: string): 'year' | 'quarter' | 'month' {
  return parseTargetPeriod(key)?.kind ?? 'year';
}

/** "2026" or "2026–2030". */
export function yearsText(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
