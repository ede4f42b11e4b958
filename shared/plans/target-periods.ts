/**
 * The periods a target's goal and its reported values belong to: a year ("2026"), a quarter
 * ("2026-Q1") or a month ("2026-03"). One spelling everywhere (database, contract, CLI), labelled
 * the way Vietnamese reports write them ("Năm 2026", "Quý I/2026", "Tháng 3/2026").
 */
export type TargetPeriodKind = 'year' | 'quarter' | 'month';

export const TARGET_PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export interface ParsedTargetPeriod {
  key: string;
  kind: TargetPeriodKind;
  year: number;
  /** 1–4 for a quarter, 1–12 for a month, null for a year. */
  index: number | null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function parseTargetPeriod(key: string): ParsedTargetPeriod | null {
  const m = TARGET_PERIOD_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2]) return { key, kind: 'quarter', year, index: Number(m[2]) };
  if (m[3]) return { key, kind: 'month', year, index: Number(m[3]) };
  return { key, kind: 'year', year, index: null };
}

export function isTargetPeriod(key: string): boolean {
  return parseTargetPeriod(key) !== null;
}

export function targetPeriodLabel(key: string, lang: 'vi' | 'en' = 'vi'): string {
  const p = parseTargetPeriod(key);
  if (!p) return key;
  if (p.kind === 'year') return lang === 'vi' ? `Năm ${p.year}` : `${p.year}`;
  if (p.kind === 'quarter') return lang === 'vi' ? `Quý ${ROMAN[p.index! - 1]}/${p.year}` : `Q${p.index} ${p.year}`;
  return lang === 'vi' ? `Tháng ${p.index}/${p.year}` : `${String(p.index).padStart(2, '0')}/${p.year}`;
}

/** The last calendar day of the period, YYYY-MM-DD. */
export function targetPeriodEnd(key: string): string {
  const p = parseTargetPeriod(key);
  if (!p) throw new RangeError(`not a target period: ${key}`);
  const lastMonth = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.index! * 3 : p.index!;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return `${p.year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** Years first, then quarters, then months, each in time order: the column order of a plan's table. */
export function compareTargetPeriods(a: string, b: string): number {
  const pa = parseTargetPeriod(a);
  const pb = parseTargetPeriod(b);
  if (!pa || !pb) return a.localeCompare(b);
  const rank = { year: 0, quarter: 1, month: 2 } as const;
  return pa.year - pb.year || rank[pa.kind] - rank[pb.kind] || (pa.index ?? 0) - (pb.index ?? 0);
}

/** The period a quarter or month falls in, for "of the year's plan" comparisons; a year is its own. */
export function yearOf(key: string): string {
  return key.slice(0, 4);
}

/**
 * Reads a column header of an imported plan: "Năm 2026", "KH năm 2026", "2026", "Quý I/2026",
 * "Quý 1 năm 2026", "Q1/2026", "2026-Q1", "Tháng 3/2026", "T3/2026", "03/2026", "2026-03".
 * Returns the period key, or null when the header is not a period.
 */
export function periodFromHeader(text: string): string | null {
  const t = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const direct = t.toUpperCase();
  if (TARGET_PERIOD_PATTERN.test(direct)) return isTargetPeriod(direct) ? direct : null;
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  let m = /^(?:kh |kế hoạch |chỉ tiêu )?(?:quý|q) ?(i{1,3}|iv|[1-4])(?: ?\/ ?| năm | )(\d{4})$/u.exec(t);
  if (m) {
    const q = roman[m[1]!] ?? Number(m[1]);
    return checked(`${m[2]}-Q${q}`);
  }
  m = /^(?:kh |kế hoạch |chỉ tiêu )?(?:tháng |t)?(\d{1,2}) ?\/ ?(\d{4})$/u.exec(t) ?? /^(?:kh |kế hoạch |chỉ tiêu )?tháng (\d{1,2}) năm (\d{4})$/u.exec(t);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? checked(`${m[2]}-${String(month).padStart(2, '0')}`) : null;
  }
  m = /^(?:kh |kế hoạch |chỉ tiêu )?(?:năm )?(\d{4})$/u.exec(t);
  if (m) return checked(m[1]!);
  return null;
}

function checked(key: string): string | null {
  return isTargetPeriod(key) ? key : null;
}
