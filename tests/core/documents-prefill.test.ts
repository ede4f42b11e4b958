import { describe, expect, it } from 'vitest';
import { prefillFromFirstPage } from '../../electron/core/domains/documents/prefill.ts';

/** First pages as pdf.js gives them: lines, and a tab between the two header columns. */
const notice = [
  'UBND TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'BAN CHỈ ĐẠO CÁC CÔNG TRÌNH\tĐộc lập - Tự do - Hạnh phúc',
  'Số: 125/TB-BCĐ\tLào Cai, ngày 05 tháng 01 năm 2026',
  'THÔNG BÁO',
  'Kết luận của Trưởng ban Ban Chỉ đạo tại cuộc họp về tiến độ',
  'dự án đường sắt Lào Cai - Hà Nội - Hải Phòng',
  'Ngày 03 tháng 01 năm 2026, Ban Chỉ đạo đã họp.',
].join('\n');

describe('metadata prefill from the first page (Nghị định 30/2020)', () => {
  it('reads number, notation, date, type, summary and issuer of a notice', () => {
    expect(prefillFromFirstPage(notice)).toEqual({
      number: '125',
      notation: 'TB-BCĐ',
      issueDate: '2026-01-05',
      issuer: 'BAN CHỈ ĐẠO CÁC CÔNG TRÌNH',
      summary: 'Kết luận của Trưởng ban Ban Chỉ đạo tại cuộc họp về tiến độ dự án đường sắt Lào Cai - Hà Nội - Hải Phòng',
      typeCode: 'TB',
      classification: 'normal',
      urgency: 'normal',
    });
  });

  it('reads a legal document number with its year ("Số 12/2026/NQ-HĐND") and the columns merged on one line', () => {
    const text = [
      'HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc',
      'Số 12/2026/NQ-HĐND Lào Cai, ngày 9 tháng 3 năm 2026',
      'NGHỊ QUYẾT',
      'Quy định mức hỗ trợ giải phóng mặt bằng dự án đường sắt',
      'HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
    ].join('\n');
    const p = prefillFromFirstPage(text);
    expect(p).toMatchObject({ number: '12', notation: '2026/NQ-HĐND', issueDate: '2026-03-09', typeCode: 'NQ', issuer: 'HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI' });
    expect(p.summary).toBe('Quy định mức hỗ trợ giải phóng mặt bằng dự án đường sắt');
  });

  it('knows every type title of the catalog and falls back on the notation prefix', () => {
    const titles: [string, string][] = [
      ['QUYẾT ĐỊNH', 'QĐ'],
      ['CHỈ THỊ', 'CT'],
      ['KẾT LUẬN', 'KL'],
      ['KẾ HOẠCH', 'KH'],
      ['ĐỀ ÁN', 'ĐA'],
      ['BÁO CÁO', 'BC'],
      ['TỜ TRÌNH', 'TTr'],
      ['BIÊN BẢN', 'BB'],
      ['GIẤY MỜI', 'GM'],
    ];
    for (const [title, code] of titles) {
      expect(prefillFromFirstPage(`UBND TỈNH LÀO CAI\nSố: 7/XX-UBND\n${title}\nVề việc thử`).typeCode, title).toBe(code);
    }
    expect(prefillFromFirstPage('UBND TỈNH LÀO CAI\nSố: 45/QD-UBND\nNội dung').typeCode).toBe('QĐ');
    expect(prefillFromFirstPage('Số: 3/TTr-SXD\nnội dung').typeCode).toBe('TTr');
  });

  it('reads a letter (công văn): "V/v …" is the summary and the type is CV', () => {
    const text = [
      'UBND TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ XÂY DỰNG\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 1520/SXD-QLXD\tLào Cai, ngày 28 tháng 02 năm 2026',
      'V/v đôn đốc tiến độ giải phóng mặt bằng',
      'dự án cao tốc',
      'Kính gửi: Ủy ban nhân dân các huyện',
    ].join('\n');
    expect(prefillFromFirstPage(text)).toMatchObject({
      number: '1520',
      notation: 'SXD-QLXD',
      issueDate: '2026-02-28',
      issuer: 'SỞ XÂY DỰNG',
      summary: 'đôn đốc tiến độ giải phóng mặt bằng dự án cao tốc',
      typeCode: 'CV',
    });
  });

  it('reads Mật / Tối mật / Tuyệt mật and Khẩn / Thượng khẩn / Hỏa tốc stamps, but not words inside names', () => {
    const stamped = (marks: string[]) => `UBND TỈNH LÀO CAI\nSố: 9/BC-UBND\n${marks.join('\n')}\nBÁO CÁO\nTình hình`;
    expect(prefillFromFirstPage(stamped(['MẬT']))).toMatchObject({ classification: 'confidential', urgency: 'normal' });
    expect(prefillFromFirstPage(stamped(['TỐI MẬT', 'KHẨN']))).toMatchObject({ classification: 'secret', urgency: 'urgent' });
    expect(prefillFromFirstPage(stamped(['TUYỆT MẬT', 'THƯỢNG KHẨN']))).toMatchObject({ classification: 'top_secret', urgency: 'very_urgent' });
    expect(prefillFromFirstPage(stamped(['HỎA TỐC']))).toMatchObject({ urgency: 'flash' });
    const agency = 'BAN BẢO VỆ BÍ MẬT NHÀ NƯỚC\nSố: 2/TB-BM\nTHÔNG BÁO\nVề công tác bảo mật thông tin khẩn trương';
    expect(prefillFromFirstPage(agency)).toMatchObject({ classification: 'normal', urgency: 'normal', issuer: 'BAN BẢO VỆ BÍ MẬT NHÀ NƯỚC' });
  });

  it('leaves unknown fields null: blank numbers of drafts, impossible dates, text with no header', () => {
    expect(prefillFromFirstPage('Số:      /TTr-SKHĐT\nLào Cai, ngày    tháng    năm 2026\nTỜ TRÌNH\nVề dự toán')).toMatchObject({
      number: null,
      notation: 'TTr-SKHĐT',
      issueDate: null,
      typeCode: 'TTr',
    });
    expect(prefillFromFirstPage('Số: 5/KH-UBND\nHà Nội, ngày 31 tháng 02 năm 2026').issueDate).toBeNull();
    expect(prefillFromFirstPage('Trace-based Just-in-Time Type Specialization for Dynamic Languages')).toEqual({
      number: null,
      notation: null,
      issueDate: null,
      issuer: null,
      summary: null,
      typeCode: null,
      classification: 'normal',
      urgency: 'normal',
    });
    expect(prefillFromFirstPage('')).toMatchObject({ number: null, typeCode: null });
  });
});
