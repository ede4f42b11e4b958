import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../../electron/core/index.ts';
import type { BlockNode, MinutesContent } from '../../shared/minutes/document.ts';
import { docxParagraphs, zipEntry } from '../support/docx-text.ts';
import { pageText } from '../support/poppler.ts';
import { publishedMeeting } from '../support/published-meeting.ts';
import { tempDir } from '../support/temp-dir.ts';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });
const para = (...children: object[]) => ({ type: 'paragraph', children, direction: null, format: '', indent: 0, version: 1 });

let core: Core;
let s: Awaited<ReturnType<typeof publishedMeeting>>;
let finance: { id: string };
// Made once for the whole file: tempDir() folders go after each test, and these outlive one.
const root = mkdtempSync(join(tmpdir(), 'nghisu-minutes-export-'));
const out = mkdtempSync(join(root, 'out-'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A meeting held and minuted: the secretary typed opinions, a vote, a list, a table, bold words and
 * enough discussion to run onto a second page, and two conclusions under two agenda items.
 */
beforeAll(async () => {
  core = await createCore({ dataDir: mkdtempSync(join(root, 'data-')), logToFile: false });
  s = await publishedMeeting(core);
  finance = await core.call('organizations.create', { organCode: '000.00.32.H41', name: 'Sở Tài chính' });
  await core.call('committees.setMembers', {
    committeeId: s.committeeId,
    members: [
      { personId: s.chair.id, role: 'head' },
      { personId: s.member.id, role: 'member' },
    ],
  });
  await core.call('meetings.setStatus', { id: s.meetingId, status: 'in_progress' });
  await core.call('minutes.draft', { meetingId: s.meetingId });
  const lead = (await core.call('meetings.get', { id: s.meetingId })).agenda.items[0]!.presenter;
  expect(lead).not.toBeNull();
  const transport = (await core.call('organizations.list', {})).find((o) => o.name === 'Sở Giao thông vận tải')!;
  await core.call('minutes.addConclusion', {
    meetingId: s.meetingId,
    agendaItemId: s.items[0]!,
    text: 'Khẩn trương hoàn thiện hồ sơ giải phóng mặt bằng tuyến đường sắt.',
    leadUnitId: transport.id,
    coordinatingUnitIds: [finance.id],
    deadline: '2027-03-31',
  });
  const withConclusion = await core.call('minutes.addConclusion', {
    meetingId: s.meetingId,
    agendaItemId: s.items[1]!,
    text: 'Giao Sở Tài chính cân đối vốn đối ứng.',
    leadUnitId: finance.id,
  });
  const blocks = [...withConclusion.content.root.children];
  const first = blocks.findIndex((b) => b.type === 'ns-item');
  const typed = [
    { type: 'ns-opinion', id: uuidv7(), personId: s.member.id, speaker: 'Đồng chí Lê Thị Đào, Giám đốc Sở', text: 'Đề nghị bổ sung vốn năm 2027.', version: 1 },
    { type: 'ns-vote', id: uuidv7(), question: 'Thông qua phương án tuyến', agree: 7, disagree: 1, other: 2, rule: 'majority_present', members: 12, present: 11, version: 1 },
    para(text('Ý kiến '), text('thống nhất', 1), text(' của các thành viên.')),
    {
      type: 'list',
      listType: 'bullet',
      start: 1,
      version: 1,
      children: [
        { type: 'listitem', value: 1, version: 1, children: [text('Hoàn thành trước quý II')] },
        { type: 'listitem', value: 2, version: 1, children: [text('Báo cáo Ban Chỉ đạo hằng tháng')] },
      ],
    },
    {
      type: 'table',
      version: 1,
      children: [
        { type: 'tablerow', version: 1, children: [cell('Hạng mục', 1), cell('Kinh phí (tỷ đồng)', 1)] },
        { type: 'tablerow', version: 1, children: [cell('Giải phóng mặt bằng', 0), cell('120', 0)] },
      ],
    },
    ...Array.from({ length: 30 }, (_, i) => para(text(`Thảo luận ${i + 1}: các thành viên phát biểu về tiến độ thi công, nguồn vốn và công tác giải phóng mặt bằng của dự án đường sắt.`))),
  ];
  // Written as the editor would send them; the core validates them on save.
  blocks.splice(first + 1, 0, ...(typed as unknown as BlockNode[]));
  await core.call('minutes.save', { meetingId: s.meetingId, baseVersion: withConclusion.version, content: { ...withConclusion.content, root: { ...withConclusion.content.root, children: blocks } } as MinutesContent });
});
afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

function cell(words: string, headerState: number) {
  return { type: 'tablecell', headerState, colSpan: 1, version: 1, children: [para(text(words))] };
}

const input = (document: 'minutes' | 'notice', format: 'docx' | 'pdf', file: string) => ({ meetingId: s.meetingId, document, format, file });

describe('the Biên bản as DOCX (Nghị định 30/2020)', () => {
  let file: string;
  let xml: string;
  beforeAll(async () => {
    file = join(out, 'bien-ban.docx');
    const r = await core.call('minutes.exportFile', input('minutes', 'docx', file));
    expect(r).toMatchObject({ file, final: false, sha256: sha(file), bytes: readFileSync(file).length });
    xml = await zipEntry(file, 'word/document.xml');
  });

  it('is A4 portrait with margins 20/20/30/15 mm and Times New Roman 14 pt', async () => {
    const pgSz = /<w:pgSz [^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(xml)!;
    expect(Math.abs(Number(pgSz[1]) - 11906)).toBeLessThanOrEqual(2);
    expect(Math.abs(Number(pgSz[2]) - 16838)).toBeLessThanOrEqual(2);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(mar)![1]);
    expect([twips('top'), twips('bottom'), twips('left'), twips('right')].map((t) => Math.round(t / 56.6929))).toEqual([20, 20, 30, 15]);
    const styles = await zipEntry(file, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="28"\/>/);
  });

  it('has the header, the title, the secretary’s text in order and both signatures', async () => {
    const paragraphs = (await docxParagraphs(file)).filter((p) => p.trim());
    const at = (p: string) => {
      const i = paragraphs.indexOf(p);
      expect(i, `"${p}" in ${JSON.stringify(paragraphs.slice(0, 60))}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      'BAN CHỈ ĐẠO CÁC DỰ ÁN TRỌNG ĐIỂM',
      'Số:        /BB-BCĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIÊN BẢN',
      'Phiên họp thường kỳ quý IV',
      '(DỰ THẢO)',
      'Chủ trì (chủ tọa): Nguyễn Văn Chủ, Phó Chủ tịch UBND tỉnh.',
      '1. Nội dung 1: đường sắt',
      '- Đồng chí Lê Thị Đào, Giám đốc Sở: Đề nghị bổ sung vốn năm 2027.',
      'Biểu quyết: Thông qua phương án tuyến',
      'Có mặt 11/12 thành viên. Kết quả: thông qua (7 đồng ý; cần 6 — quá nửa số thành viên có mặt).',
      'Ý kiến thống nhất của các thành viên.',
      '- Hoàn thành trước quý II',
      'Kết luận: Khẩn trương hoàn thiện hồ sơ giải phóng mặt bằng tuyến đường sắt.',
      '(Đơn vị chủ trì: Sở Giao thông vận tải; phối hợp: Sở Tài chính; thời hạn: 31/03/2027)',
      '2. Nội dung 2: đường sắt',
      'Kết luận: Giao Sở Tài chính cân đối vốn đối ứng.',
      '(Đơn vị chủ trì: Sở Tài chính)',
      'THƯ KÝ',
      'Nguyễn Văn Chủ',
      'Nơi nhận:',
      '- Lưu: VT, hồ sơ.',
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(paragraphs).toContain('CHỦ TỌA');
    // The editor's empty paragraph under each item is the layout's business, not a blank line in the document.
    expect((await docxParagraphs(file)).filter((p) => p === '').length).toBeLessThan(30);
  });

  it('keeps emphasis, draws the vote and the table as ruled tables, numbers pages from the second', async () => {
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">thống nhất<\/w:t>/);
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}1\. Nội dung 1: đường sắt/);
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const vote = tables.find((t) => t.includes('Không đồng ý'))!;
    expect(vote).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect([...vote.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(['Đồng ý', 'Không đồng ý', 'Ý kiến khác', '7', '1', '2']);
    expect(vote).toContain('<w:tblHeader/>');
    expect(tables.some((t) => t.includes('Kinh phí (tỷ đồng)') && t.includes('<w:tblHeader/>'))).toBe(true);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(['word/header1.xml', 'word/header2.xml'].map((n) => zipEntry(file, n)));
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
  });
});

describe('the Biên bản as PDF', () => {
  let file: string;
  beforeAll(async () => {
    file = join(out, 'bien-ban.pdf');
    await core.call('minutes.exportFile', input('minutes', 'pdf', file));
  });

  it('is A4, embeds only its own fonts and reads back in exact Vietnamese', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatch(/Tinos/);
      expect(f).toMatch(/\byes\s+yes\s+(?:yes|no)\s+\d+/); // embedded, subset
    }
    const first = pageText(file, 1);
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BIÊN BẢN', '(DỰ THẢO)', '/BB-BCĐ', '1. Nội dung 1: đường sắt', 'Biểu quyết: Thông qua phương án tuyến']) {
      expect(first.replace(/ +/g, ' ')).toContain(line);
    }
    expect(first).toMatch(/Đồng ý\s+7\s+Không đồng ý\s+1\s+Ý kiến khác\s+2/);
  });

  it('numbers the pages from the second, at the top', () => {
    expect(pageText(file, 1).trim().split('\n')[0]).not.toBe('1');
    expect(pageText(file, 2).trim().split('\n')[0]).toBe('2');
  });
});

describe('the Thông báo kết luận', () => {
  beforeAll(async () => {
    const m = (await core.call('minutes.get', { meetingId: s.meetingId }))!;
    await core.call('minutes.finalize', { meetingId: s.meetingId, baseVersion: m.version });
  });

  it('gathers the conclusions under their items with who leads and by when, signed for the committee by its head', async () => {
    const file = join(out, 'thong-bao.pdf');
    const r = await core.call('minutes.exportFile', { ...input('notice', 'pdf', file), notice: { number: '15' } });
    expect(r.final).toBe(true);
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/ +/g, ' ');
    const flat = all.replace(/\s+/g, ' ');
    for (const line of [
      'Số: 15/TB-BCĐ',
      'THÔNG BÁO',
      'Kết luận của đồng chí Nguyễn Văn Chủ, Phó Chủ tịch UBND tỉnh tại phiên họp thường kỳ quý IV',
      '1. Nội dung 1: đường sắt',
      '- Khẩn trương hoàn thiện hồ sơ giải phóng mặt bằng tuyến đường sắt.',
      '(Đơn vị chủ trì: Sở Giao thông vận tải; phối hợp: Sở Tài chính; thời hạn: 31/03/2027)',
      '2. Nội dung 2: đường sắt',
      'biết, thực hiện./.',
      'TM. BAN CHỈ ĐẠO',
      'TRƯỞNG BAN',
      '- Sở Giao thông vận tải;',
      '- Lưu: VT.',
    ]) {
      expect(flat).toContain(line);
    }
    expect(flat).toMatch(/Lào Cai, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(flat).not.toContain('DỰ THẢO');
    // The discussion stays in the minutes; the notice carries only what was concluded.
    expect(flat).not.toContain('Thảo luận 1:');
  });

  it('is signed KT. by a deputy chairing, and takes the signer and recipients the secretariat sets', async () => {
    await core.call('committees.setMembers', {
      committeeId: s.committeeId,
      members: [
        { personId: s.chair.id, role: 'deputy' },
        { personId: s.member.id, role: 'head' },
      ],
    });
    const deputy = join(out, 'thong-bao-kt.docx');
    await core.call('minutes.exportFile', input('notice', 'docx', deputy));
    const paragraphs = await docxParagraphs(deputy);
    expect(paragraphs).toEqual(expect.arrayContaining(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Nguyễn Văn Chủ', 'Số:       /TB-BCĐ']));

    const set = join(out, 'thong-bao-tl.docx');
    await core.call('minutes.exportFile', {
      ...input('notice', 'docx', set),
      notice: { signerTitles: ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'], signerName: 'Hoàng Văn Em', recipients: ['- UBND tỉnh (b/c);'] },
    });
    const p2 = await docxParagraphs(set);
    expect(p2).toEqual(expect.arrayContaining(['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG', 'Hoàng Văn Em', '- UBND tỉnh (b/c);', '- Lưu: VT.']));
    expect(p2).not.toContain('Nguyễn Văn Chủ');
  });

  it('is dated at the place the organ set', async () => {
    await core.call('settings.set', { key: 'documents.issuingPlace', value: 'Sa Pa' });
    try {
      const file = join(out, 'thong-bao-sa-pa.pdf');
      await core.call('minutes.exportFile', input('notice', 'pdf', file));
      expect(pageText(file, 1)).toMatch(/Sa Pa, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    } finally {
      await core.call('settings.set', { key: 'documents.issuingPlace', value: 'Lào Cai' });
    }
  });

  it('goes into the meeting’s documents as a PDF members receive, searchable like any document', async () => {
    const attached = await core.call('minutes.attachToMeeting', { meetingId: s.meetingId, document: 'minutes' });
    expect(attached).toMatchObject({ fileName: 'Biên bản - Phiên họp thường kỳ quý IV.pdf', duplicate: false });
    const meeting = await core.call('meetings.get', { id: s.meetingId });
    expect(meeting.documents.find((d) => d.documentId === attached.documentId)).toMatchObject({ kind: 'pdf', pageCount: expect.any(Number) });
    const hits = await core.call('documents.search', { query: 'khan truong hoan thien ho so' });
    expect(hits.hits.some((h) => h.document.id === attached.documentId)).toBe(true);
    const notice = await core.call('minutes.attachToMeeting', { meetingId: s.meetingId, document: 'notice', notice: { number: '15' } });
    expect(notice.fileName).toBe('Thông báo kết luận - Phiên họp thường kỳ quý IV.pdf');
    expect((await core.call('meetings.get', { id: s.meetingId })).documents.map((d) => d.fileName)).toEqual(
      expect.arrayContaining(['Biên bản - Phiên họp thường kỳ quý IV.pdf', 'Thông báo kết luận - Phiên họp thường kỳ quý IV.pdf']),
    );
  });

  it('reaches the members in the next meeting pack, as a document they can read', async () => {
    const pack = join(out, 'goi.nghisu');
    await core.call('packs.exportFile', { meetingId: s.meetingId, file: pack });
    const member = await createCore({ dataDir: mkdtempSync(join(root, 'member-')), logToFile: false });
    try {
      await member.call('profile.create', { fullName: 'Lê Thị Đào', position: 'Giám đốc Sở', unitName: 'Sở Giao thông vận tải', workRole: 'member' });
      await member.call('keys.trust', { publicKey: s.publicKey, label: 'Văn phòng', scope: { purpose: 'pack', committeeId: s.committeeId, committeeName: 'Ban Chỉ đạo' } });
      await member.call('packs.importFile', { file: pack });
      const received = await member.call('meetings.get', { id: s.meetingId });
      const minutesDoc = received.documents.find((d) => d.fileName === 'Biên bản - Phiên họp thường kỳ quý IV.pdf');
      expect(minutesDoc).toMatchObject({ kind: 'pdf' });
      const hits = await member.call('documents.search', { query: 'khan truong hoan thien ho so' });
      expect(hits.hits.map((h) => h.document.id)).toContain(minutesDoc!.documentId);
    } finally {
      await member.close();
    }
  });

  it('is handed to the page as a download with the hash recorded in the audit log', async () => {
    const r = await core.call('minutes.export', { meetingId: s.meetingId, document: 'minutes', format: 'docx' });
    expect(r).toMatchObject({ fileName: 'bien-ban-phien-hop-thuong-ky-quy-iv.docx', final: true, mime: expect.stringContaining('wordprocessingml') });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const log = await core.call('audit.list', { filter: { action: 'minutes' } });
    expect(log.items.find((e) => e.action === 'minutes.export' && e.detail?.['sha256'] === r.sha256)).toMatchObject({
      detail: { document: 'minutes', format: 'docx', final: true },
    });
  });
});

describe('exports that must not happen', () => {
  it('a notice from minutes without conclusions is refused and writes nothing', async () => {
    const other = await createCore({ dataDir: tempDir(), logToFile: false });
    try {
      const o = await publishedMeeting(other);
      await other.call('meetings.setStatus', { id: o.meetingId, status: 'in_progress' });
      await other.call('minutes.draft', { meetingId: o.meetingId });
      const file = join(out, 'khong-co-ket-luan.pdf');
      await expect(other.call('minutes.exportFile', { meetingId: o.meetingId, document: 'notice', format: 'pdf', file })).rejects.toMatchObject({
        code: 'INVALID_STATE',
        text: { vi: expect.stringContaining('chưa có kết luận') },
      });
      expect(() => readFileSync(file)).toThrow();
      // A draft is not handed to members: it goes into the meeting's documents once finalized.
      await expect(other.call('minutes.attachToMeeting', { meetingId: o.meetingId, document: 'minutes' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      expect((await other.call('meetings.get', { id: o.meetingId })).documents.some((d) => d.fileName.startsWith('Biên bản'))).toBe(false);
      await expect(other.call('minutes.exportFile', { meetingId: uuidv7(), document: 'minutes', format: 'pdf', file })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await other.close();
    }
  });

  it('a folder that cannot be written gets a clear error and no half-written file', async () => {
    const locked = mkdtempSync(join(root, 'locked-'));
    const file = join(locked, 'khong-co-thu-muc', 'bien-ban.pdf');
    await expect(core.call('minutes.exportFile', input('minutes', 'pdf', file))).rejects.toMatchObject({
      code: 'IO_ERROR',
      text: { vi: expect.stringContaining('Không ghi được tệp') },
    });
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a file the user has is replaced only when they say so', async () => {
    const file = join(out, 'co-san.pdf');
    writeFileSync(file, 'giữ nguyên');
    await expect(core.call('minutes.exportFile', input('minutes', 'pdf', file))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(file, 'utf8')).toBe('giữ nguyên');
    const r = await core.call('minutes.exportFile', { ...input('minutes', 'pdf', file), overwrite: true });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.sha256).toBe(sha(file));
  });
});
