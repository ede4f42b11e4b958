import { describe, expect, it } from 'vitest';
import { joinTextItems, type TextPiece } from '../../electron/core/domains/documents/extract/page-text.ts';

const item = (str: string, x: number, y: number, width: number, hasEOL = false, height = 12): TextPiece => ({
  str,
  hasEOL,
  width,
  height,
  transform: [height, 0, 0, height, x, y],
});

describe('page text from pdf.js items', () => {
  it('breaks lines where pdf.js does, puts a tab between header columns and a blank line at a vertical gap', () => {
    const text = joinTextItems([
      item('UBND TỈNH LÀO CAI', 100, 800, 120, true),
      item('Số: 125/TB-BCĐ', 100, 760, 90),
      item(' ', 190, 760, 120),
      item('Lào Cai, ngày 05 tháng 01 năm 2026', 310, 760, 200, true),
      item('THÔNG BÁO', 250, 740, 80, true),
      item('Nội dung', 100, 690, 60),
    ]);
    expect(text).toBe('UBND TỈNH LÀO CAI\n\nSố: 125/TB-BCĐ\tLào Cai, ngày 05 tháng 01 năm 2026\nTHÔNG BÁO\n\nNội dung');
  });

  it('normalises to NFC and removes control characters and runs of spaces', () => {
    const decomposed = 'Nghi\u0323 quyê\u0301t';
    const text = joinTextItems([item(`${decomposed}\u0000  về`, 0, 0, 50), item('   đường sắt', 60, 0, 50)]);
    expect(text).toBe('Nghị quyết về đường sắt');
    expect(text).toBe(text.normalize('NFC'));
  });
});
