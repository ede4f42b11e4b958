import { afterEach, describe, expect, it } from 'vitest';
import { escapeText, foldLine, paramValue, serializeCalendar } from '../../electron/core/domains/meetings/ics/ics-format.ts';
import { exported, meetingsWorld, pdfPages, readyMeeting, refused, vn, type MeetingsWorld } from './meetings-fixture.ts';

let w: MeetingsWorld;
afterEach(async () => {
  await w?.core.close();
});

/** Physical lines of an iCalendar file, checking every line ends in CRLF. */
function physicalLines(bytes: Buffer): string[] {
  const text = bytes.toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}

/** Logical lines: continuation lines (leading space) joined back (RFC 5545 §3.1). */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.startsWith(' ')) out[out.length - 1] += line.slice(1);
    else out.push(line);
  }
  return out;
}

const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('iCalendar format', () => {
  it('folds at 75 octets without ever splitting a UTF-8 sequence', () => {
    const text = 'DESCRIPTION:' + 'Nghị quyết về phòng, chống tham nhũng, tiêu cực; ƯỚC TÍNH ỹ ỵ ữ ự '.repeat(12);
    const folded = foldLine(text);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const [i, line] of lines.entries()) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: decoding and encoding again gives the same bytes.
      expect(Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)).toBe(true);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
    }
    expect(unfold(lines)).toEqual([text]);
    // Lines are filled: a break happens only when the next character would not fit.
    const first = Buffer.from(lines[0]!, 'utf8').length;
    expect(first).toBeGreaterThanOrEqual(73);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('escapes TEXT and parameter values', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
    expect(escapeText('Họp\u0007 Ban')).toBe('Họp Ban');
    expect(paramValue('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(paramValue('Nguyễn Văn A, Giám đốc')).toBe('"Nguyễn Văn A, Giám đốc"');
    expect(paramValue('Sở "Tài chính": Phòng 1')).toBe('"Sở \'Tài chính\': Phòng 1"');
    expect(serializeCalendar(['BEGIN:VCALENDAR', 'END:VCALENDAR'])).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});

describe('invitations.exportIcs', () => {
  it('writes a REQUEST with a stable UID, SEQUENCE = revision, UTC times and every invitee', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w, {
      title: 'Họp Ban Chỉ đạo; rà soát, đánh giá \\ năm 2026',
      online: true,
      bridgePoints: [{ name: 'Điểm cầu UBND huyện Bát Xát' }],
      startsAt: vn('2026-01-05T08:00'),
      endsAt: vn('2026-01-05T11:30'),
    });
    await w.core.call('meetings.setStatus', { id: m.id, status: 'published' });
    await w.core.call('meetings.update', { id: m.id, startsAt: vn('2026-01-05T08:30') });
    const ps = (await w.core.call('meetings.get', { id: m.id })).participants;
    await w.core.call('participants.setRsvp', { id: ps[0]!.id, rsvp: 'confirmed' });
    await w.core.call('participants.setRsvp', { id: ps[1]!.id, rsvp: 'declined', reason: 'Ốm' });
    await w.core.call('participants.setRsvp', { id: ps[2]!.id, rsvp: 'delegated', delegateName: 'Phó Giám đốc' });

    const file = await w.core.call('invitations.exportIcs', { meetingId: m.id });
    expect(file).toMatchObject({ fileName: 'giay-moi-hop-ban-chi-dao-ra-soat-danh-gia-nam-2026.ics', mime: 'text/calendar; charset=utf-8; method=REQUEST' });
    const bytes = exported(w.core, file);
    expect(file.bytes).toBe(bytes.length);
    const physical = physicalLines(bytes);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(physical);
    const value = (name: string) => lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))!.replace(/^[^:]*?(;[^:]*?("[^"]*")?)*:/, '');

    expect(lines.slice(0, 6)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Nghi Su//Lich hop//VI', 'CALSCALE:GREGORIAN', 'METHOD:REQUEST', 'BEGIN:VEVENT']);
    expect(lines.slice(-2)).toEqual(['END:VEVENT', 'END:VCALENDAR']);
    expect(value('UID')).toBe(`${m.id}@nghisu`);
    expect(value('SEQUENCE')).toBe('4');
    expect(value('DTSTART')).toBe('20260105T013000Z');
    expect(value('DTEND')).toBe('20260105T043000Z');
    expect(value('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(lines).toContain('SUMMARY;LANGUAGE=vi:Họp Ban Chỉ đạo\\; rà soát\\, đánh giá \\\\ năm 2026');
    expect(unescape(value('SUMMARY'))).toBe('Họp Ban Chỉ đạo; rà soát, đánh giá \\ năm 2026');
    expect(unescape(value('LOCATION'))).toBe('Phòng họp số 1; trực tuyến tại các điểm cầu: Điểm cầu UBND huyện Bát Xát');
    const description = unescape(value('DESCRIPTION'));
    expect(description).toContain('Chương trình:\n1. Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025 (08:30) — Trình bày: Công an tỉnh Lào Cai\n2. Thảo luận và kết luận (09:15)');
    expect(lines).toContain('ORGANIZER;CN=Đỗ Quang Đạt:mailto:dat.dq@laocai.gov.vn');
    const attendees = lines.filter((l) => l.startsWith('ATTENDEE'));
    expect(attendees).toHaveLength(6);
    expect(attendees[0]).toBe('ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE;CN=Nguyễn Văn Hùng:mailto:hung.nv@laocai.gov.vn');
    expect(attendees[1]).toContain(';PARTSTAT=DECLINED;');
    expect(attendees[2]).toContain(';PARTSTAT=DELEGATED;');
    expect(attendees[3]).toMatch(/;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Phạm Thị Ngọc Ánh:urn:uuid:[0-9a-f-]{36}$/);
    expect(attendees[5]).toContain('CUTYPE=GROUP;');
  });

  it('quotes a name holding a comma and exports one invitee on request', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w);
    const guest = w.d.rows.person('Nguyễn Văn A, Jr.', { email: 'a@laocai.gov.vn' });
    const { participantId } = await w.core.call('participants.add', { meetingId: m.id, personId: guest, role: 'guest' });
    const file = await w.core.call('invitations.exportIcs', { meetingId: m.id, participantId });
    expect(file.fileName).toBe('giay-moi-hop-ban-chi-dao-quy-i-nam-2026-nguyen-van-a-jr.ics');
    const lines = unfold(physicalLines(exported(w.core, file)));
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toEqual([
      'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Nguyễn Văn A, Jr.":mailto:a@laocai.gov.vn',
    ]);
    expect(lines).toContain('STATUS:TENTATIVE');
    await refused(w.core.call('invitations.exportIcs', { meetingId: m.id, participantId: '01900000-0000-7000-8000-000000000000' }), 'NOT_FOUND');
  });
});

describe('invitations.exportPdf (giấy mời)', () => {
  it('prints one A4 page per invitee in the official layout, Vietnamese intact', async () => {
    w = await meetingsWorld();
    const m = await readyMeeting(w, { classification: 'confidential', bridgePoints: [{ name: 'Điểm cầu UBND huyện Bát Xát' }] });
    const file = await w.core.call('invitations.exportPdf', { meetingId: m.id });
    expect(file).toMatchObject({ fileName: 'giay-moi-hop-ban-chi-dao-quy-i-nam-2026.pdf', mime: 'application/pdf' });
    const pages = await pdfPages(exported(w.core, file));
    expect(pages).toHaveLength(6);
    const names = ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Đức Thắng', 'Phạm Thị Ngọc Ánh', 'Đỗ Quang Đạt', 'Văn phòng UBND tỉnh'];
    pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(flat).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(flat).toContain('BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG, TIÊU CỰC TỈNH');
      expect(flat).toContain('GIẤY MỜI');
      expect(flat).toContain('/GM-BCĐ');
      expect(flat).toContain('MẬT');
      expect(flat).toMatch(/Lào Cai, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
      expect(flat).toContain(`Trân trọng kính mời: ${i === 5 ? 'Lãnh đạo Văn phòng UBND tỉnh' : `Đồng chí ${names[i]}`}`);
      expect(flat).toContain('Thời gian: 08 giờ 00, ngày 05/01/2026 (thứ Hai)');
      expect(flat).toContain('Địa điểm: Phòng họp số 1; trực tuyến tại các điểm cầu: Điểm cầu UBND huyện Bát Xát');
      expect(flat).toContain('Báo cáo kết quả công tác phòng, chống tham nhũng năm 2025');
      expect(flat).toContain('Chủ trì: Đồng chí Nguyễn Văn Hùng, Chủ tịch UBND tỉnh');
      expect(flat).toContain('Nơi nhận:');
      expect(flat).toContain('- Lưu: VT.');
      expect(flat).toContain('TL. TRƯỞNG BAN');
    });
    expect(pages[0]!.replace(/\s+/g, ' ')).toContain('Chủ tịch UBND tỉnh, Ủy ban nhân dân tỉnh Lào Cai');

    const one = await w.core.call('invitations.exportPdf', { meetingId: m.id, participantId: (await w.core.call('meetings.get', { id: m.id })).participants[3]!.id });
    expect(one.fileName).toBe('giay-moi-hop-ban-chi-dao-quy-i-nam-2026-pham-thi-ngoc-anh.pdf');
    const single = await pdfPages(exported(w.core, one));
    expect(single).toHaveLength(1);
    expect(single[0]!.replace(/\s+/g, ' ')).toContain('Đồng chí Phạm Thị Ngọc Ánh, Giám đốc Sở Tài chính, Sở Tài chính');
  });

  it('refuses a meeting without participants', async () => {
    w = await meetingsWorld();
    const { meeting } = await w.core.call('meetings.create', {
      committeeId: w.d.committee,
      kindCode: 'extraordinary',
      title: 'Họp đột xuất',
      startsAt: vn('2026-01-05T08:00'),
      endsAt: vn('2026-01-05T09:00'),
    });
    const e = await refused(w.core.call('invitations.exportPdf', { meetingId: meeting.id }), 'INVALID_STATE');
    expect(e.text.vi).toBe('Cuộc họp chưa có thành phần tham dự nào.');
    await refused(w.core.call('invitations.exportPdf', { meetingId: '01900000-0000-7000-8000-000000000000' }), 'NOT_FOUND');
  });
});
