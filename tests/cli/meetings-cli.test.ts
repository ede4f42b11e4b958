import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail, MeetingSummary, Page } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { seedCommittee } from '../support/directory-rows.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

/** Runs the real `nghisu` executable, as an administrator's script would. */
function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const vn = (local: string) => new Date(`${local}:00+07:00`).toISOString();

describe('nghisu meetings', () => {
  let dir: string;
  let published: string;
  let draft: string;

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // tempDir() folders go after each test; this one is shared by the whole suite, so it is made and removed here.
    dir = mkdtempSync(join(tmpdir(), 'nghisu-cli-meetings-'));
    const core = await createCore({ dataDir: dir, logToFile: false });
    const d = seedCommittee(core.databaseFile);
    const base = { committeeId: d.committee, kindCode: 'regular', roomId: d.room, chairPersonId: d.head, secretaryPersonId: d.secretary };
    draft = (await core.call('meetings.create', { ...base, title: 'Họp chuẩn bị Đại hội', startsAt: vn('2026-02-02T14:00'), endsAt: vn('2026-02-02T16:00') })).meeting.id;
    published = (await core.call('meetings.create', { ...base, title: 'Họp Ban Chỉ đạo quý I', startsAt: vn('2026-01-05T08:00'), endsAt: vn('2026-01-05T11:00') })).meeting.id;
    const item = await core.call('agenda.add', { meetingId: published, title: 'Báo cáo tình hình', presenter: { organizationId: d.congAn }, durationMinutes: 30 });
    await core.call('agenda.add', { meetingId: published, parentId: item.itemId, title: 'Ý kiến Sở Tài chính', durationMinutes: 10 });
    await core.call('participants.addCommittee', { meetingId: published });
    await core.call('meetings.setStatus', { id: published, status: 'published' });
    await core.call('meetings.update', { id: published, startsAt: vn('2026-01-05T08:30') });
    await core.close();
  });

  it('lists meetings newest first, in words and as JSON, with filters', () => {
    const text = nghisu('meetings', 'list', '--data-dir', dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('14:00–16:00 02/02/2026  [Nháp]  Họp chuẩn bị Đại hội');
    expect(text.stdout).toContain('08:30–11:00 05/01/2026  [Đã phát hành]  Họp Ban Chỉ đạo quý I');
    expect(text.stdout).toContain(`Mã: ${published}`);
    expect(text.stdout).toContain('Cuộc họp 1–2 trên tổng số 2.');
    expect(text.stdout.indexOf('Họp chuẩn bị')).toBeLessThan(text.stdout.indexOf('Họp Ban Chỉ đạo quý I'));

    const json = nghisu('meetings', 'list', '--json', '--data-dir', dir, '--query', 'hop ban chi dao');
    expect(json.code, json.stderr).toBe(0);
    const page = JSON.parse(json.stdout) as Page<MeetingSummary>;
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: published, status: 'published', revision: 1, counts: { agendaItems: 2, participants: 6 } });

    const byDay = JSON.parse(nghisu('meetings', 'list', '--json', '--data-dir', dir, '--from', '2026-02-02', '--to', '2026-02-02').stdout) as Page<MeetingSummary>;
    expect(byDay.items.map((m) => m.id)).toEqual([draft]);
    const byStatus = JSON.parse(nghisu('meetings', 'list', '--json', '--data-dir', dir, '--status', 'draft', 'archived').stdout) as Page<MeetingSummary>;
    expect(byStatus.items.map((m) => m.id)).toEqual([draft]);
    expect(nghisu('meetings', 'list', '--data-dir', dir, '--query', 'khong co').stdout).toContain('Không có cuộc họp nào.');
  });

  it('shows one meeting in full', () => {
    const text = nghisu('meetings', 'show', published, '--data-dir', dir);
    expect(text.code, text.stderr).toBe(0);
    for (const s of [
      'Họp Ban Chỉ đạo quý I',
      'Ban Chỉ đạo:     Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh',
      'Trạng thái:      Đã phát hành (phiên bản 2)',
      'Địa điểm:        Phòng họp số 1',
      'Chủ trì:         Nguyễn Văn Hùng, Chủ tịch UBND tỉnh',
      '  1. 08:30 (30 phút) Báo cáo tình hình — trình bày: Công an tỉnh Lào Cai',
      '    1.1. 08:30 (10 phút) Ý kiến Sở Tài chính',
      'Thành phần tham dự (6):',
      '  1. Nguyễn Văn Hùng, Chủ tịch UBND tỉnh — Chủ trì; Đã mời',
      'Thời gian bắt đầu: 08:00 05/01/2026 → 08:30 05/01/2026',
    ]) {
      expect(text.stdout).toContain(s);
    }
    const json = nghisu('meetings', 'show', published, '--json', '--data-dir', dir);
    expect(json.code).toBe(0);
    const detail = JSON.parse(json.stdout) as MeetingDetail;
    expect(detail).toMatchObject({ id: published, revision: 1, agenda: { totalMinutes: 30 } });
    expect(detail.participants).toHaveLength(6);
  });

  it('exits 1 with a Vietnamese message for an unknown or malformed id, 2 for a usage error', () => {
    const unknown = nghisu('meetings', 'show', '01900000-0000-7000-8000-000000000000', '--data-dir', dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Lỗi [NOT_FOUND]: Không tìm thấy cuộc họp.\n');
    const json = nghisu('meetings', 'show', '01900000-0000-7000-8000-000000000000', '--json', '--lang', 'en', '--data-dir', dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'NOT_FOUND', message: { vi: 'Không tìm thấy cuộc họp.', en: 'Meeting not found.' } } });
    const malformed = nghisu('meetings', 'show', 'khong-phai-ma', '--data-dir', dir);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain('[INVALID_INPUT]');
    expect(nghisu('meetings', 'list', '--status', 'huy', '--data-dir', dir).code).toBe(2);
    expect(nghisu('meetings', 'list', '--from', 'hôm qua', '--data-dir', dir).code).toBe(2);
    expect(nghisu('meetings', 'show', '--data-dir', dir).code).toBe(2);
  });
});
