import { describe, expect, it } from 'vitest';
import { findInFolded, foldItems, foldQuery } from '../../../renderer/src/features/reader/find/fold.ts';

/** The original text each range of a hit covers, item by item. */
function covered(items: { str: string }[], ranges: { item: number; start: number; end: number }[]): string[] {
  return ranges.map((r) => items[r.item]!.str.slice(r.start, r.end));
}

describe('foldQuery: what a member types', () => {
  it('drops tone and vowel marks, folds đ and Đ to d, lowers case', () => {
    expect(foldQuery('Ban Chỉ đạo')).toBe('ban chi dao');
    expect(foldQuery('ĐƯỜNG SẮT')).toBe('duong sat');
    expect(foldQuery('Phó Trưởng ban')).toBe('pho truong ban');
    expect(foldQuery('Hỏa tốc, Thượng khẩn')).toBe('hoa toc, thuong khan');
  });

  it('reads composed (NFC) and decomposed (NFD) input the same', () => {
    const nfc = 'Quyết định ủy quyền'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldQuery(nfd)).toBe(foldQuery(nfc));
    expect(foldQuery(nfc)).toBe('quyet dinh uy quyen');
  });

  it('trims and collapses any whitespace (tabs, no-break spaces) to one space', () => {
    expect(foldQuery('  giải \t phóng\u00a0\u00a0mặt   bằng \n')).toBe('giai phong mat bang');
    expect(foldQuery('   ')).toBe('');
  });
});

describe('foldItems: the page text, searchable and mapped back', () => {
  it('gives one map entry per folded unit, each pointing at the character it came from', () => {
    const items = [{ str: 'Dự án Đường sắt', hasEOL: true }, { str: 'Lào Cai - Hà Nội' }];
    const folded = foldItems(items);
    expect(folded.text).toBe('du an duong sat lao cai - ha noi');
    expect(folded.map).toHaveLength(folded.text.length);
    const at = folded.text.indexOf('duong');
    expect(folded.map[at]).toEqual({ item: 0, offset: 6 });
    expect(items[0]!.str[folded.map[at]!.offset]).toBe('Đ');
    const lao = folded.text.indexOf('lao');
    expect(folded.map[lao]).toEqual({ item: 1, offset: 0 });
    // The space that joins the lines belongs to the end of the first line.
    expect(folded.map[lao - 1]).toEqual({ item: 0, offset: items[0]!.str.length });
  });

  it('joins items without an end of line directly, and collapses runs of spaces across items', () => {
    const folded = foldItems([{ str: 'Ban Chỉ ' }, { str: '  đạo' }, { str: 'tỉnh' }]);
    expect(folded.text).toBe('ban chi daotinh');
  });

  it('never starts with a space, whatever the page begins with', () => {
    expect(foldItems([{ str: '   ', hasEOL: true }, { str: ' Kết luận' }]).text).toBe('ket luan');
  });

  it('maps decomposed text (marks as separate code points) back to the whole original word', () => {
    const items = [{ str: 'Tuyến Đường sắt'.normalize('NFD') }];
    const folded = foldItems(items);
    expect(folded.text).toBe('tuyen duong sat');
    const [hit] = findInFolded(folded, foldQuery('đường sắt'));
    expect(covered(items, hit!)).toEqual(['Đường sắt'.normalize('NFD')]);
  });

  it('keeps offsets right after characters outside the BMP (two UTF-16 units)', () => {
    const items = [{ str: '𝐀 Đà Lạt' }];
    const folded = foldItems(items);
    const [hit] = findInFolded(folded, foldQuery('da lat'));
    expect(hit).toEqual([{ item: 0, start: 3, end: 9 }]);
    expect(covered(items, hit!)).toEqual(['Đà Lạt']);
  });
});

describe('findInFolded', () => {
  it('finds every occurrence, without diacritics, each mapped to the original characters', () => {
    const items = [{ str: 'Ban Chỉ đạo họp; ban chỉ đạo kết luận; BAN CHI DAO ký.' }];
    const hits = findInFolded(foldItems(items), foldQuery('ban chi dao'));
    expect(hits.map((h) => covered(items, h)[0])).toEqual(['Ban Chỉ đạo', 'ban chỉ đạo', 'BAN CHI DAO']);
  });

  it('splits a hit across the items (lines) it spans', () => {
    const items = [
      { str: 'dự án Đường', hasEOL: true },
      { str: 'sắt Lào Cai' },
    ];
    const [hit] = findInFolded(foldItems(items), 'duong sat lao');
    expect(hit!.map((r) => r.item)).toEqual([0, 1]);
    expect(covered(items, hit!)).toEqual(['Đường', 'sắt Lào']);
  });

  it('does not count overlapping occurrences twice', () => {
    expect(findInFolded(foldItems([{ str: 'aaaa' }]), 'aa')).toHaveLength(2);
    expect(findInFolded(foldItems([{ str: 'aaa' }]), 'aa')).toHaveLength(1);
  });

  it('finds nothing for an empty query or an absent phrase', () => {
    const folded = foldItems([{ str: 'Ban Chỉ đạo' }]);
    expect(findInFolded(folded, '')).toEqual([]);
    expect(findInFolded(folded, 'cao toc')).toEqual([]);
  });
});
