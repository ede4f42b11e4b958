import { describe, expect, it } from 'vitest';
import { foldForIndex } from '../../electron/core/domains/documents/fold.ts';
import { parseQuery } from '../../electron/core/domains/documents/match-query.ts';
import { makeSnippet } from '../../electron/core/domains/documents/snippet.ts';

describe('search queries', () => {
  it('folds accents and đ, quotes every word and makes the last one a prefix', () => {
    expect(parseQuery('Nghị quyết')).toEqual({ phrases: [['nghi', 'quyet']], match: '"nghi quyet"*' });
    expect(parseQuery('ĐƯỜNG SẮT').match).toBe('"duong sat"*');
    expect(parseQuery('đường sắt, Ban Chỉ đạo').match).toBe('"duong sat"* AND "ban chi dao"*');
  });

  it('gives FTS syntax no meaning: quotes, stars, operators and columns are just separators or words', () => {
    expect(parseQuery('"nghị quyết').match).toBe('"nghi quyet"*');
    expect(parseQuery('nghi* OR quyet').match).toBe('"nghi or quyet"*');
    expect(parseQuery('NEAR(a b) title:x -y ^z').match).toBe('"near a b title x y z"*');
    expect(parseQuery("'; DROP TABLE documents; --").match).toBe('"drop table documents"*');
    expect(parseQuery('125/TB-BCĐ').match).toBe('"125 tb bcd"*');
  });

  it('refuses a query with no letter or digit, or far too many words', () => {
    expect(() => parseQuery('*** "" ()')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseQuery(Array.from({ length: 30 }, (_, i) => `tu${i}`).join(' '))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('folds only đ/Đ for the index; SQLite removes the other diacritics itself', () => {
    expect(foldForIndex('Đường sắt Lào Cai, đạo')).toBe('Dường sắt Lào Cai, dạo');
  });
});

describe('snippets', () => {
  it('cut from the original text around the match, marking every matched word with its diacritics', () => {
    const text = 'Căn cứ Nghị quyết số 12/2026/NQ-HĐND, Ban Chỉ đạo giao các sở triển khai nghị quyết.';
    expect(makeSnippet(text, [['nghi', 'quyet']])).toEqual([
      { text: 'Căn cứ ', hit: false },
      { text: 'Nghị quyết', hit: true },
      { text: ' số 12/2026/NQ-HĐND, Ban Chỉ đạo giao các sở triển khai ', hit: false },
      { text: 'nghị quyết', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('marks a prefix match as the whole word and keeps Đ', () => {
    expect(makeSnippet('Dự án Đường sắt Lào Cai', [['duong', 's']])).toEqual([
      { text: 'Dự án ', hit: false },
      { text: 'Đường sắt', hit: true },
      { text: ' Lào Cai', hit: false },
    ]);
  });

  it('shows a window of a long page, cut at spaces, with ellipses and line breaks as spaces', () => {
    const filler = 'nội dung báo cáo tiến độ '.repeat(40);
    const text = `${filler}\nBan Chỉ đạo\tkết luận ${filler}`;
    const snippet = makeSnippet(text, [['ban', 'chi', 'dao']]);
    const joined = snippet.map((s) => s.text).join('');
    expect(joined.length).toBeLessThan(300);
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined).not.toMatch(/[\n\t]/);
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Ban Chỉ đạo']);
    expect(joined).toMatch(/^…(nội|dung|báo|cáo|tiến|độ) /);
  });

  it('falls back to the start of the page when the words are not found', () => {
    expect(makeSnippet('Trang một', [['khong', 'co']])).toEqual([{ text: 'Trang một', hit: false }]);
  });
});
