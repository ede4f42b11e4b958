import { describe, expect, it } from 'vitest';
import { pageScores } from '../../electron/core/domains/documents/page-score.ts';
import { parseQuery } from '../../electron/core/domains/documents/match-query.ts';

const scores = (query: string, texts: string[]) => pageScores(texts, parseQuery(query).phrases);

describe('ranking the pages a search found (BM25 term frequency, without bm25()’s whole-index count)', () => {
  it('a page that says the phrase more often ranks higher; a page that never says it scores nothing', () => {
    const [once, thrice, never] = scores('ban chi dao', [
      'Ban Chỉ đạo họp phiên thường kỳ về tiến độ dự án đường sắt.',
      'Ban Chỉ đạo giao nhiệm vụ; Ban Chỉ đạo kiểm tra; BAN CHỈ ĐẠO tổng kết.',
      'Chỉ đạo của Ban Thường vụ về công tác cán bộ, ban hành kế hoạch.',
    ]);
    expect(thrice).toBeGreaterThan(once!);
    expect(once).toBeGreaterThan(0);
    expect(never).toBe(0);
  });

  it('of two pages saying it as often, the shorter ranks higher', () => {
    const filler = ' Công tác giải phóng mặt bằng được triển khai theo kế hoạch của Ủy ban nhân dân tỉnh.'.repeat(20);
    const [short, long] = scores('tai dinh cu', ['Khu tái định cư Bắc Lệnh đã bàn giao.', `Khu tái định cư Bắc Lệnh đã bàn giao.${filler}`]);
    expect(short).toBeGreaterThan(long!);
  });

  it('reads words as the index does: diacritics and case ignored, đ as d, decomposed text the same, the last word a prefix', () => {
    const composed = 'Đường sắt Lào Cai – Hà Nội – Hải Phòng';
    const [nfc, nfd, upper] = scores('duong sat', [composed, composed.normalize('NFD'), composed.toUpperCase()]);
    expect(nfc).toBeGreaterThan(0);
    expect(nfd).toBe(nfc);
    expect(upper).toBe(nfc);
    expect(scores('duong s', [composed])[0]).toBe(nfc);
    // Words must be whole (but the last), adjacent and in order, as the FTS5 phrase query matches.
    expect(scores('duon sat', [composed])[0]).toBe(0);
    expect(scores('sat duong', [composed])[0]).toBe(0);
    expect(scores('duong cai', [composed])[0]).toBe(0);
  });

  it('every phrase of a query counts towards the score', () => {
    const [both, one] = scores('nghi quyet, ban chi dao', [
      'Nghị quyết của Ban Chỉ đạo; nghị quyết được phổ biến.',
      'Nghị quyết được phổ biến tới cơ sở; nghị quyết số 12.',
    ]);
    expect(both).toBeGreaterThan(one!);
  });
});
