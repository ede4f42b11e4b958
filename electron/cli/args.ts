import { InvalidArgumentError } from 'commander';
import type { Core } from '../core/index.ts';

/** A calendar date typed on the command line, `YYYY-MM-DD` (the core checks that the day exists). */
export function dayArg(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('cần ngày dạng YYYY-MM-DD / expected a date like 2026-01-15');
  return value;
}

/** A whole number within bounds, e.g. a percentage or a count of working days. */
export function intArg(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw new InvalidArgumentError(`cần số nguyên từ ${min} đến ${max} / expected a whole number from ${min} to ${max}`);
    return n;
  };
}

/** "a,b, c" → ["a", "b", "c"]. */
export function listArg(value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('cần ít nhất một mã đơn vị / expected one or more unit ids, comma-separated');
  return ids;
}

/** A repeatable option: `--coord-unit A --coord-unit B`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Units named on the command line by organ code (mã định danh, as officials know them) or by id. */
export async function unitResolver(core: Core): Promise<(ref: string) => string> {
  const byCode = new Map((await core.call('organizations.list', {})).flatMap((o) => (o.organCode ? [[o.organCode.toUpperCase(), o.id] as const] : [])));
  return (ref) => byCode.get(ref.trim().toUpperCase()) ?? ref.trim();
}
