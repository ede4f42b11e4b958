import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/minutes/blocks.ts';

/** The reference: JSON.stringify with every object's keys sorted. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

describe('canonicalJson: the bytes a minutes hash is taken over', () => {
  it('writes the same bytes as a key-sorted JSON.stringify, whatever order the editor wrote the keys in', () => {
    const value = {
      root: {
        type: 'root',
        children: [
          { version: 1, type: 'paragraph', children: [{ text: 'Kết luận: "giao Sở" \\ \u2028 xong', format: 0, type: 'text' }], indent: 0, direction: null },
          { type: 'ns-conclusion', id: 'c1', deadline: '2027-03-31', coordinatingUnitIds: ['u2', 'u1'], leadUnitId: null, skipped: undefined, fn: () => 1 },
        ],
      },
      list: [1.5, -0, 1e21, Number.NaN, Number.POSITIVE_INFINITY, undefined, null, true, 'x', [], {}],
      date: new Date('2026-12-05T00:00:00.000Z'),
      'ký tự': 'đ',
      Zed: 1,
      alpha: 2,
    };
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('does not depend on the order of the keys', () => {
    expect(canonicalJson({ b: { y: 1, x: [{ d: 1, c: 2 }] }, a: 0 })).toBe(canonicalJson({ a: 0, b: { x: [{ c: 2, d: 1 }], y: 1 } }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
