import { CoreError } from '../../errors.ts';

export function notFound(vi: string, en: string): CoreError {
  return new CoreError('NOT_FOUND', { vi: `Không tìm thấy ${vi}.`, en: `${en} not found.` });
}

/** "3 cán bộ, 1 đơn vị trực thuộc" from counts, leaving out the zeros. */
export function describeUses(uses: Array<{ count: number; vi: string; en: string }>): { vi: string; en: string } | null {
  const present = uses.filter((u) => u.count > 0);
  if (present.length === 0) return null;
  return {
    vi: present.map((u) => `${u.count} ${u.vi}`).join(', '),
    en: present.map((u) => `${u.count} ${u.en}`).join(', '),
  };
}
