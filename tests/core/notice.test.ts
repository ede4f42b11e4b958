import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeView } from '../../shared/contract/index.ts';
import type { MinutesContent } from '../../shared/minutes/document.ts';
import { createCore, type Core } from '../../electron/core/index.ts';
import { docxParagraphs } from '../support/docx-text.ts';
import { publishedMeeting } from '../support/published-meeting.ts';

const text = (t: string, format = 0) => ({ type: 'text', text: t, format, detail: 0, mode: 'normal', style: '', version: 1 });
const para = (t: string) => ({ type: 'paragraph', children: [text(t)], direction: null, format: '', indent: 0, version: 1 });

let core: Core;
let s: Awaited<ReturnType<typeof publishedMeeting>>;
let finance: { id: string };
let transport: { id: string; name: string };
const root = mkdtempSync(join(tmpdir(), 'nghisu-notice-'));
const out = mkdtempSync(join(root, 'out-'));

/** A held meeting whose minutes have two conclusions under two items, chaired by the committee's head. */
beforeAll(async () => {
  core = await createCore({ dataDir: mkdtempSync(join(root, 'data-')), logToFile: false });
  s = await publishedMeeting(core);
  finance = await core.call('organizations.create', { organCode: '000.00.32.H41', name: 'Sở Tài chính' });
  transport = (await core.call('organizations.list', {})).find((o) => o.name === 'Sở Giao thông vận tải')!;
  await core.call('committees.setMembers', { committeeId: s.committeeId, members: [{ personId: s.chair.id, role: 'head' }] });
  await core.call('meetings.setStatus', { id: s.meetingId, status: 'in_progress' });
  await core.call('minutes.draft', { meetingId: s.meetingId });
});
afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

const save = (n: NoticeView, change: Partial<Pick<NoticeView, 'content' | 'number' | 'recipients' | 'signerTitles' | 'signerName'>>) =>
  core.call('notice.save', {
    meetingId: n.meetingId,
    baseVersion: n.version,
    content: n.content,
    number: n.number,
    recipients: n.recipients,
    signerTitles: n.signerTitles,
    signerName: n.signerName,
    ...change,
  });

const blockTexts = (c: MinutesContent) => c.root.children.map((b) => ('children' in b && Array.isArray(b.children) ? b.children.map((x) => ('text' in x ? x.text : '')).join('') : ''));

describe('the Thông báo kết luận as a document of its own', () => {
  let notice: NoticeView;

  it('cannot be generated before the minutes have a conclusion', async () => {
    await expect(core.call('notice.create', { meetingId: s.meetingId })).rejects.toMatchObject({ code: 'INVALID_STATE', text: { vi: expect.stringContaining('chưa có kết luận') } });
    expect(await core.call('notice.get', { meetingId: s.meetingId })).toBeNull();
  });

  it('is generated from the conclusions under their items, with Nơi nhận from their units and the head signing TM.', async () => {
    await core.call('minutes.addConclusion', {
      meetingId: s.meetingId,
      agendaItemId: s.items[0]!,
      text: 'Khẩn trương hoàn thiện hồ sơ giải phóng mặt bằng.',
      leadUnitId: transport.id,
      coordinatingUnitIds: [finance.id],
      deadline: '2027-03-31',
    });
    await core.call('minutes.addConclusion', { meetingId: s.meetingId, agendaItemId: s.items[1]!, text: 'Giao Sở Tài chính cân đối vốn đối ứng.', leadUnitId: finance.id });
    notice = await core.call('notice.create', { meetingId: s.meetingId });
    expect(notice).toMatchObject({ status: 'draft', version: 1, number: null, editable: true, minutesFinal: false, signerTitles: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], signerName: 'Nguyễn Văn Chủ' });
    const texts = blockTexts(notice.content);
    expect(texts).toEqual(
      expect.arrayContaining([
        '1. Nội dung 1: đường sắt',
        '- Khẩn trương hoàn thiện hồ sơ giải phóng mặt bằng.',
        '(Đơn vị chủ trì: Sở Giao thông vận tải; phối hợp: Sở Tài chính; thời hạn: 31/03/2027)',
        '2. Nội dung 2: đường sắt',
        'Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.',
      ]),
    );
    expect(texts.indexOf('1. Nội dung 1: đường sắt')).toBeLessThan(texts.indexOf('2. Nội dung 2: đường sắt'));
    expect(notice.recipients).toEqual([
      { unitId: null, text: 'Thành viên Ban Chỉ đạo' },
      { unitId: transport.id, text: 'Sở Giao thông vận tải' },
      { unitId: finance.id, text: 'Sở Tài chính' },
    ]);
    // Asking again returns the same notice: nothing typed is replaced.
    expect((await core.call('notice.create', { meetingId: s.meetingId })).id).toBe(notice.id);
  });

  it('takes the secretariat’s edits to text, number, Nơi nhận and signer, and refuses a stale save', async () => {
    const content = { ...notice.content, root: { ...notice.content.root, children: [...notice.content.root.children, para('Văn phòng theo dõi, đôn đốc thực hiện.')] } } as MinutesContent;
    const saved = await save(notice, {
      content,
      number: '15',
      recipients: [{ unitId: null, text: 'UBND tỉnh (b/c)' }, { unitId: finance.id, text: 'Sở Tài chính' }],
      signerTitles: ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'],
      signerName: 'Trần Văn Phó',
    });
    expect(saved.version).toBe(2);
    await expect(save(notice, { number: '16' })).rejects.toMatchObject({ code: 'CONFLICT' });
    notice = (await core.call('notice.get', { meetingId: s.meetingId }))!;
    expect(notice).toMatchObject({ version: 2, number: '15', signerName: 'Trần Văn Phó' });
    expect(blockTexts(notice.content)).toContain('Văn phòng theo dõi, đôn đốc thực hiện.');
    const log = (await core.call('audit.list', { filter: { action: 'notice' } })).items;
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['notice.create', 'notice.save']));
  });

  it('refuses minutes blocks and units not in the directory, changing nothing', async () => {
    const withConclusion = { root: { type: 'root', children: [{ type: 'ns-conclusion', id: notice.id, text: 'x', leadUnitId: null, coordinatingUnitIds: [], deadline: null }] } } as unknown as MinutesContent;
    await expect(save(notice, { content: withConclusion })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(save(notice, { recipients: [{ unitId: s.meetingId, text: 'Không có' }] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await core.call('notice.get', { meetingId: s.meetingId }))!.version).toBe(notice.version);
  });

  it('exports as the secretariat edited it, marked DỰ THẢO until issued', async () => {
    const file = join(out, 'thong-bao.docx');
    const r = await core.call('minutes.exportFile', { meetingId: s.meetingId, document: 'notice', format: 'docx', file });
    expect(r.final).toBe(false);
    const paragraphs = await docxParagraphs(file);
    expect(paragraphs).toEqual(
      expect.arrayContaining(['Số: 15/TB-BCĐ', '(DỰ THẢO)', 'Văn phòng theo dõi, đôn đốc thực hiện.', 'KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN', 'Trần Văn Phó', '- UBND tỉnh (b/c);', '- Sở Tài chính;', '- Lưu: VT.']),
    );
    expect(paragraphs).not.toContain('TM. BAN CHỈ ĐẠO');
  });

  it('regenerates its text from the conclusions as they are now, keeping number, Nơi nhận and signer', async () => {
    const m = (await core.call('minutes.get', { meetingId: s.meetingId }))!;
    const children = m.content.root.children.map((b) => (b.type === 'ns-conclusion' && b.text.startsWith('Giao') ? { ...b, text: 'Giao Sở Tài chính bố trí vốn đối ứng năm 2027.' } : b));
    await core.call('minutes.save', { meetingId: s.meetingId, baseVersion: m.version, content: { ...m.content, root: { ...m.content.root, children } } });
    notice = await core.call('notice.regenerate', { meetingId: s.meetingId, baseVersion: notice.version });
    const texts = blockTexts(notice.content);
    expect(texts).toContain('- Giao Sở Tài chính bố trí vốn đối ứng năm 2027.');
    expect(texts).not.toContain('Văn phòng theo dõi, đôn đốc thực hiện.');
    expect(notice).toMatchObject({ number: '15', signerName: 'Trần Văn Phó', recipients: [{ text: 'UBND tỉnh (b/c)' }, { text: 'Sở Tài chính' }] });
  });

  it('is issued only from finalized minutes and with a number, then locked with a hash', async () => {
    await expect(core.call('notice.issue', { meetingId: s.meetingId })).rejects.toMatchObject({ code: 'INVALID_STATE', text: { vi: expect.stringContaining('biên bản đã hoàn tất') } });
    const m = (await core.call('minutes.get', { meetingId: s.meetingId }))!;
    await core.call('minutes.finalize', { meetingId: s.meetingId, baseVersion: m.version });
    await save(notice, { number: null });
    notice = (await core.call('notice.get', { meetingId: s.meetingId }))!;
    await expect(core.call('notice.issue', { meetingId: s.meetingId })).rejects.toMatchObject({ code: 'INVALID_STATE', text: { vi: expect.stringContaining('chưa có số') } });
    await save(notice, { number: '15' });
    notice = await core.call('notice.issue', { meetingId: s.meetingId });
    expect(notice).toMatchObject({ status: 'issued', editable: false, minutesFinal: true, issued: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    await expect(save(notice, { number: '16' })).rejects.toMatchObject({ code: 'INVALID_STATE', text: { vi: expect.stringContaining('đã ban hành') } });

    const file = join(out, 'thong-bao-ban-hanh.pdf');
    expect((await core.call('minutes.exportFile', { meetingId: s.meetingId, document: 'notice', format: 'pdf', file })).final).toBe(true);
    const flat = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(flat).toContain('Số: 15/TB-BCĐ');
    expect(flat).toContain('- Giao Sở Tài chính bố trí vốn đối ứng năm 2027.');
    expect(flat).not.toContain('DỰ THẢO');
    const attached = await core.call('minutes.attachToMeeting', { meetingId: s.meetingId, document: 'notice' });
    expect(attached.fileName).toBe('Thông báo kết luận - Phiên họp thường kỳ quý IV.pdf');
  });

  it('reopens with a reason kept in the audit log; the same content issues with the same hash', async () => {
    const first = notice.issued!.sha256;
    await expect(core.call('notice.reopen', { meetingId: s.meetingId, reason: '  ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    notice = await core.call('notice.reopen', { meetingId: s.meetingId, reason: 'Sai tên đơn vị phối hợp' });
    expect(notice).toMatchObject({ status: 'draft', issued: null, editable: true });
    await expect(core.call('minutes.attachToMeeting', { meetingId: s.meetingId, document: 'notice' })).rejects.toMatchObject({ code: 'INVALID_STATE', text: { vi: expect.stringContaining('ban hành') } });
    expect((await core.call('notice.issue', { meetingId: s.meetingId })).issued!.sha256).toBe(first);
    const log = (await core.call('audit.list', { filter: { action: 'notice' } })).items;
    expect(log.find((e) => e.action === 'notice.reopen')).toMatchObject({ detail: { reason: 'Sai tên đơn vị phối hợp', issuedSha256: first } });
    expect((await core.call('audit.verify', {})).ok).toBe(true);
  });
});
