import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { exported, meetingsWorld, pdfPages, query, readyMeeting, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
afterEach(async () => {
  await w?.core.close();
});

/** A published meeting, in progress, with every kind of mark and one guest. */
async function markedMeeting(extraGuests = 0) {
  const m = await readyMeeting(w);
  await w.core.call('participants.add', { meetingId: m.id, organizationId: w.d.soTaiChinh, role: 'guest' });
  for (let i = 1; i <= extraGuests; i++) {
    const person = w.d.rows.person(`Hoàng Thị Khách ${i}`, { position: 'Chuyên viên', organizationId: w.d.soTaiChinh });
    await w.core.call('participants.add', { meetingId: m.id, personId: person, role: 'guest' });
  }
  await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
  await w.core.call('meetings.setStatus', { id: m.id, status: 'in_progress' });
  const ps = (await w.core.call('meetings.get', { id: m.id })).participants;
  await w.core.call('attendance.set', { participantId: ps[0]!.id, attendance: 'present' });
  await w.core.call('attendance.set', { participantId: ps[1]!.id, attendance: 'absent', absenceReason: 'Đi công tác tại Hà Nội' });
  await w.core.call('attendance.set', { participantId: ps[2]!.id, attendance: 'delegated', delegateName: 'Hoàng Văn Phó' });
  await w.core.call('attendance.set', { participantId: ps[3]!.id, attendance: 'late' });
  await w.core.call('attendance.set', { participantId: ps[6]!.id, attendance: 'present' });
  return m.id;
}

describe('attendance exports', () => {
  it('XLSX: title rows, a bordered table with a bold header, statuses in words and the quorum below', async () => {
    w = await meetingsWorld();
    const id = await markedMeeting();
    const file = await w.core.call('attendance.exportXlsx', { meetingId: id });
    expect(file).toMatchObject({
      fileName: 'diem-danh-hop-ban-chi-dao-quy-i-nam-2026.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported(w.core, file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Điểm danh')!;
    const text = (r: number, c: number) => String(sheet.getRow(r).getCell(c).value ?? '');
    expect(text(1, 1)).toBe('BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG, TIÊU CỰC TỈNH');
    expect(text(2, 1)).toBe('DANH SÁCH ĐIỂM DANH');
    expect(text(3, 1)).toBe('Họp Ban Chỉ đạo quý I năm 2026');
    expect(text(4, 1)).toBe('Thời gian: 08 giờ 00, ngày 05/01/2026 (thứ Hai)');
    expect(text(5, 1)).toBe('Địa điểm: Phòng họp số 1');
    const headerRow = 7;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => text(headerRow, c))).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Vai trò', 'Tình trạng', 'Ghi chú']);
    expect(sheet.getRow(headerRow).getCell(2).font?.bold).toBe(true);
    expect(sheet.getRow(headerRow + 1).getCell(2).border?.top?.style).toBe('thin');
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const rows = [1, 2, 3, 4, 5, 6, 7].map((i) => [1, 2, 3, 4, 5, 6].map((c) => text(headerRow + i, c)));
    expect(rows).toEqual([
      ['1', 'Nguyễn Văn Hùng', 'Chủ tịch UBND tỉnh', 'Ủy ban nhân dân tỉnh Lào Cai', 'Chủ trì', 'Có mặt'],
      ['2', 'Trần Thị Mai', 'Phó Chủ tịch UBND tỉnh', 'Ủy ban nhân dân tỉnh Lào Cai', 'Thành viên', 'Vắng — Đi công tác tại Hà Nội'],
      ['3', 'Lê Đức Thắng', 'Giám đốc Công an tỉnh', 'Công an tỉnh Lào Cai', 'Thành viên', 'Ủy quyền cho Hoàng Văn Phó'],
      ['4', 'Phạm Thị Ngọc Ánh', 'Giám đốc Sở Tài chính', 'Sở Tài chính', 'Thành viên', 'Đến muộn'],
      ['5', 'Đỗ Quang Đạt', 'Chuyên viên', 'Văn phòng UBND tỉnh', 'Thư ký', ''],
      ['6', 'Văn phòng UBND tỉnh', '', '', 'Thành viên', ''],
      ['7', 'Sở Tài chính', '', '', 'Khách mời', 'Có mặt'],
    ]);
    expect(text(headerRow + 4, 7)).toMatch(/^Đến lúc \d{2}:\d{2}$/);
    const after = Array.from({ length: 6 }, (_, i) => text(headerRow + 8 + i, 1)).filter(Boolean);
    expect(after).toEqual([
      'Tổng số thành phần: 7 (thành viên: 6; khách mời: 1).',
      'Có mặt: 2; đến muộn: 1; vắng: 1; ủy quyền: 1; chưa điểm danh: 2.',
      'Thành viên tham dự: 3/6; cần tối thiểu 3 (50%): đủ số lượng theo quy định.',
    ]);
    expect(query(w.core, "SELECT count(*) AS n FROM audit_log WHERE action = 'attendance.exportXlsx'")).toEqual([{ n: 1 }]);
  });

  it('PDF: the same list as an A4 table whose header repeats on every page', async () => {
    w = await meetingsWorld();
    const id = await markedMeeting(45);
    const file = await w.core.call('attendance.exportPdf', { meetingId: id });
    expect(file).toMatchObject({ fileName: 'diem-danh-hop-ban-chi-dao-quy-i-nam-2026.pdf', mime: 'application/pdf' });
    const pages = (await pdfPages(exported(w.core, file))).map((p) => p.replace(/\s+/g, ' '));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join(' ');
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0]).toContain('DANH SÁCH ĐIỂM DANH');
    expect(pages[0]).toContain('Họp Ban Chỉ đạo quý I năm 2026');
    for (const page of pages.slice(0, -1)) expect(page).toContain('STT Họ và tên Chức vụ Đơn vị Vai trò Tình trạng Ghi chú');
    for (const s of ['Nguyễn Văn Hùng', 'Vắng — Đi công tác tại Hà Nội', 'Ủy quyền cho Hoàng Văn Phó', 'Đến muộn', 'Hoàng Thị Khách 45']) expect(all).toContain(s);
    expect(all).toContain('Tổng số thành phần: 52 (thành viên: 6; khách mời: 46).');
    expect(all).toContain('Thành viên tham dự: 3/6; cần tối thiểu 3 (50%): đủ số lượng theo quy định.');
    expect(all).toContain('NGƯỜI LẬP DANH SÁCH');
    // Row numbers run on across pages in order.
    const numbers = [...all.matchAll(/ (\d{1,2}) (?:Nguyễn|Trần|Lê|Phạm|Đỗ|Văn phòng|Sở|Hoàng)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
  });
});
