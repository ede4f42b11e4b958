import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MinutesView } from '../../shared/contract/index.ts';
import { canonicalJson } from '../../shared/minutes/blocks.ts';
import { createCore } from '../../electron/core/index.ts';
import { seedCommittee } from '../support/directory-rows.ts';
import { docxParagraphs } from '../support/docx-text.ts';
import { pageText } from '../support/poppler.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

/** Runs the real `nghisu` executable, as an administrator's script would. */
function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const vn = (local: string) => new Date(`${local}:00+07:00`).toISOString();

/** A secretariat's data folder with a meeting in progress of two agenda items. */
async function folder() {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const d = seedCommittee(core.databaseFile);
  await core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  const { meeting } = await core.call('meetings.create', {
    committeeId: d.committee,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo quý I năm 2026',
    startsAt: vn('2026-01-05T08:00'),
    endsAt: vn('2026-01-05T11:00'),
    roomId: d.room,
    chairPersonId: d.head,
    secretaryPersonId: d.secretary,
  });
  const first = await core.call('agenda.add', { meetingId: meeting.id, title: 'Báo cáo kết quả năm 2025', presenter: { organizationId: d.congAn }, durationMinutes: 30 });
  await core.call('agenda.add', { meetingId: meeting.id, title: 'Thảo luận và kết luận', durationMinutes: 30 });
  await core.call('participants.addCommittee', { meetingId: meeting.id });
  // Officials name units by their organ code (mã định danh); the command line takes it.
  await core.call('organizations.update', { id: d.congAn, organCode: '000.00.40.H41', name: 'Công an tỉnh Lào Cai', shortName: 'Công an tỉnh' });
  await core.call('meetings.setStatus', { id: meeting.id, status: 'published' });
  await core.call('meetings.setStatus', { id: meeting.id, status: 'in_progress' });
  await core.close();
  return { dir, d, meetingId: meeting.id, firstItem: first.itemId };
}

describe('nghisu minutes', () => {
  it('draft → conclusion add → finalize → show --json → reopen → revisions', async () => {
    const { dir, d, meetingId, firstItem } = await folder();

    const none = nghisu('--data-dir', dir, 'minutes', 'show', meetingId);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Cuộc họp này chưa có biên bản');

    const draft = nghisu('--data-dir', dir, 'minutes', 'draft', meetingId);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stdout).toContain('Đã lập bản nháp biên bản.');
    expect(draft.stdout).toContain('Biên bản: Họp Ban Chỉ đạo quý I năm 2026');
    expect(draft.stdout).toContain('Trạng thái:    Bản nháp');
    expect(draft.stdout).toContain('Phiên bản lưu: 1 · lần sửa 1');
    expect(draft.stdout).toContain('Kết luận (0):');

    const text = 'Giao Công an tỉnh chủ trì hoàn thiện báo cáo tổng kết';
    const added = nghisu(
      '--data-dir', dir, 'minutes', 'conclusion', 'add', meetingId,
      '--item', firstItem, '--text', text, '--lead-unit', '000.00.40.H41', '--coordinate', `${d.soTaiChinh}, ${d.vanPhong}`, '--deadline', '2026-01-15',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Đã thêm kết luận.');
    expect(added.stdout).toContain(`  1. [Mục 1] ${text} — chủ trì: Công an tỉnh Lào Cai — phối hợp: Sở Tài chính, Văn phòng UBND tỉnh — hạn: 15/01/2026`);

    // Wrong usage is refused before anything is opened.
    const badDay = nghisu('--data-dir', dir, 'minutes', 'conclusion', 'add', meetingId, '--item', firstItem, '--text', 'x', '--deadline', '15/01/2026');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('YYYY-MM-DD');

    const final = nghisu('--data-dir', dir, 'minutes', 'finalize', meetingId);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toContain('Đã hoàn tất và khóa biên bản.');
    expect(final.stdout).toMatch(/SHA-256: {7}[0-9a-f]{64}/);

    // The Biên bản and the Thông báo, as a Văn thư takes them; the format follows the file name.
    const out = tempDir();
    const minutesFile = join(out, 'bien-ban.docx');
    const exported = nghisu('--data-dir', dir, 'minutes', 'export', meetingId, minutesFile);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Biên bản: ${minutesFile}`);
    expect(exported.stdout).not.toContain('DỰ THẢO');
    expect((await docxParagraphs(minutesFile)).join('\n')).toContain('Giao Công an tỉnh chủ trì hoàn thiện báo cáo tổng kết');
    const noticeFile = join(out, 'thong-bao.pdf');
    const notice = nghisu('--data-dir', dir, '--json', 'notice', 'export', meetingId, noticeFile, '--number', '7');
    expect(notice.code, notice.stderr).toBe(0);
    const noticeResult = JSON.parse(notice.stdout) as { file: string; sha256: string; final: boolean };
    expect(noticeResult).toMatchObject({ file: noticeFile, final: true });
    expect(noticeResult.sha256).toBe(createHash('sha256').update(readFileSync(noticeFile)).digest('hex'));
    expect(pageText(noticeFile, 1)).toContain('Số: 7/TB-BCĐ');
    const again = nghisu('--data-dir', dir, 'notice', 'export', meetingId, noticeFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã tồn tại');
    expect(createHash('sha256').update(readFileSync(noticeFile)).digest('hex')).toBe(noticeResult.sha256);

    const shown = nghisu('--data-dir', dir, '--json', 'minutes', 'show', meetingId);
    expect(shown.code, shown.stderr).toBe(0);
    const view = JSON.parse(shown.stdout) as MinutesView;
    expect(view).toMatchObject({ meetingId, status: 'final', editable: false, version: 3, revision: 3 });
    expect(view.finalized!.sha256).toBe(createHash('sha256').update(canonicalJson(view.content), 'utf8').digest('hex'));
    expect(final.stdout).toContain(view.finalized!.sha256);
    expect(view.conclusions).toEqual([
      expect.objectContaining({
        ordinal: 1,
        text,
        agendaItemId: firstItem,
        agendaItemNumber: '1',
        leadUnitId: d.congAn,
        leadUnitName: 'Công an tỉnh Lào Cai',
        coordinatingUnitIds: [d.soTaiChinh, d.vanPhong],
        coordinatingUnitNames: ['Sở Tài chính', 'Văn phòng UBND tỉnh'],
        deadline: '2026-01-15',
      }),
    ]);

    // Locked: another conclusion is refused with the reason, exit 1.
    const locked = nghisu('--data-dir', dir, '--lang', 'en', 'minutes', 'conclusion', 'add', meetingId, '--item', firstItem, '--text', 'Thêm sau khi khóa');
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain('Error [INVALID_STATE]: The minutes are finalized and locked.');

    const reason = 'Chủ trì yêu cầu bổ sung ý kiến';
    const reopened = nghisu('--data-dir', dir, 'minutes', 'reopen', meetingId, '--reason', reason);
    expect(reopened.code, reopened.stderr).toBe(0);
    expect(reopened.stdout).toContain('Đã mở lại biên bản để sửa.');
    expect(reopened.stdout).toContain('Trạng thái:    Bản nháp');

    const history = nghisu('--data-dir', dir, 'minutes', 'revisions', meetingId);
    expect(history.code, history.stderr).toBe(0);
    const lines = history.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => /^ {3}\d /.test(l)).map((l) => l.replace(/ {2}\d\d:\d\d \d\d\/\d\d\/\d{4} {2}/, ' | ').replace(/\s+$/, ''))).toEqual([
      '   4 | Mở lại                  Đỗ Quang Đạt',
      '   3 | Hoàn tất, khóa          Đỗ Quang Đạt',
      '   2 | Sửa                     Đỗ Quang Đạt',
      '   1 | Lập bản nháp            Đỗ Quang Đạt',
    ]);
    expect(history.stdout).toContain(`      Lý do: ${reason}`);
    // Twelve real processes, each loading the whole core: generous for a loaded two-core machine.
  }, 300_000);
});
