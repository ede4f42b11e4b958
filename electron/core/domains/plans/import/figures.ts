/**
 * Goals as Vietnamese tables write them. Excel's own numbers arrive as "98.5" (read-spreadsheet
 * gives a number cell's value, a formula cell's computed result); typed text follows the
 * Vietnamese convention ("98,5", "1.234,5") or the English one ("1,234.5"), and a percentage may
 * keep its sign ("95%" is 95, the unit being in the ĐVT column).
 */
export type Figure = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/** As the contract's figure: finite and within what a province's budget in VNĐ can reach. */
const MAX_FIGURE = 1e16;

export function parseFigure(text: string): Figure {
  let t = text.replace(/[\s\u00a0]/g, '');
  if (t === '' || t === '-' || t === '–' || t === '—') return { kind: 'empty' };
  if (t.endsWith('%')) t = t.slice(0, -1);
  let sign = 1;
  if (/^[-−–]/.test(t)) {
    sign = -1;
    t = t.slice(1);
  } else if (t.startsWith('+')) {
    t = t.slice(1);
  }
  const normalized = normalizeSeparators(t);
  if (normalized === null || !/^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(normalized)) return { kind: 'invalid' };
  const value = sign * Number(normalized);
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_FIGURE) return { kind: 'invalid' };
  return { kind: 'number', value: value === 0 ? 0 : value };
}

/** The digits with "." as the only decimal mark, or null when the marks make no sense. */
function normalizeSeparators(t: string): string | null {
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const decimal = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (t.split(decimal).length - 1 > 1) return null;
    const [whole, fraction] = t.split(decimal) as [string, string];
    if (!groupedThousands(whole, group)) return null;
    return `${whole.split(group).join('')}.${fraction}`;
  }
  if (commas > 1) return groupedThousands(t, ',') ? t.split(',').join('') : null;
  if (dots > 1) return groupedThousands(t, '.') ? t.split('.').join('') : null;
  // One comma is the Vietnamese decimal mark; one dot is a decimal point (as Excel writes numbers).
  if (commas === 1) return t.replace(',', '.');
  return t;
}

/** "1.234.567": a first group of 1–3 digits, then groups of exactly three. */
function groupedThousands(text: string, mark: string): boolean {
  const parts = text.split(mark);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
