import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarYear, TaskDetail, TaskRow, TaskStats } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { seedCommittee } from '../support/directory-rows.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T>(r: { code: number | null; stdout: string; stderr: string }): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const vn = (local: string) => new Date(`${local}:00+07:00`).toISOString();

/** A secretariat's folder: units with their organ codes, and minutes with one conclusion. */
async function folder() {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const d = seedCommittee(core.databaseFile);
  await core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  await core.call('organizations.update', { id: d.soTaiChinh, organCode: '000.00.31.H41', name: 'Sở Tài chính', shortName: 'STC' });
  await core.call('organizations.update', { id: d.congAn, organCode: '000.00.40.H41', name: 'Công an tỉnh Lào Cai', shortName: 'Công an tỉnh' });
  const { meeting } = await core.call('meetings.create', {
    committeeId: d.committee,
    kindCode: 'regular',
    title: 'Họp Ban Chỉ đạo quý I năm 2026',
    startsAt: vn('2026-01-05T08:00'),
    endsAt: vn('2026-01-05T11:00'),
    roomId: d.room,
    chairPersonId: d.head,
  });
  const item = await core.call('agenda.add', { meetingId: meeting.id, title: 'Tiến độ giải ngân vốn đầu tư công', durationMinutes: 30 });
  await core.call('participants.addCommittee', { meetingId: meeting.id });
  for (const status of ['published', 'in_progress'] as const) await core.call('meetings.setStatus', { id: meeting.id, status });
  await core.call('minutes.draft', { meetingId: meeting.id });
  const v = await core.call('minutes.addConclusion', { meetingId: meeting.id, agendaItemId: item.itemId, text: 'Sở Tài chính tham mưu phân bổ vốn đối ứng.', leadUnitId: d.soTaiChinh });
  await core.close();
  return { dir, meetingId: meeting.id, conclusionId: v.conclusions[0]!.id };
}

function counts(dir: string): number[] {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return ['tasks', 'task_events', 'task_extensions', 'audit_log'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
  } finally {
    db.close();
  }
}

describe('nghisu tasks and calendar', () => {
  it('create from a conclusion → list → report → complete → accept → stats; extend; bad input changes nothing', async () => {
    const { dir, meetingId, conclusionId } = await folder();
    const cli = (...args: string[]) => nghisu('--data-dir', dir, '--json', ...args);

    const t = json<TaskDetail>(
      cli('tasks', 'create', '--content', 'Tham mưu phân bổ vốn đối ứng', '--lead-unit', '000.00.31.h41', '--coord-unit', '000.00.40.H41', '--working-days', '10', '--assigned-on', '2026-02-12', '--from-conclusion', conclusionId, '--tag', 'Nghị quyết 57'),
    );
    expect(t).toMatchObject({ dueDate: '2026-03-05', leadUnit: { code: '000.00.31.H41' }, coordinatingUnits: [{ code: '000.00.40.H41' }], tags: ['Nghị quyết 57'] });
    expect(t.source).toMatchObject({ kind: 'conclusion', meetingId, conclusionId });

    const late = json<{ items: TaskRow[]; total: number }>(cli('tasks', 'list', '--unit', '000.00.31.H41', '--bucket', 'open_late', '--as-of', '2026-03-06'));
    expect(late.items.map((i) => i.id)).toEqual([t.id]);
    expect(json<{ total: number }>(cli('tasks', 'list', '--bucket', 'open_late', '--as-of', '2026-03-05')).total).toBe(0);

    expect(json<TaskDetail>(cli('tasks', 'report', t.id, '--percent', '40', '--text', 'Đã trình UBND tỉnh dự thảo'))).toMatchObject({ status: 'in_progress', percent: 40 });
    expect(json<TaskDetail>(cli('tasks', 'complete', t.id, '--date', '2026-03-04'))).toMatchObject({ status: 'done_requested', completedOn: '2026-03-04' });
    expect(json<TaskDetail>(cli('tasks', 'accept', t.id))).toMatchObject({ status: 'done', bucket: 'done_on_time' });

    const stats = json<TaskStats>(cli('tasks', 'stats', '--as-of', '2026-03-10'));
    expect(stats.totals).toMatchObject({ done_on_time: 1, total: 1 });
    expect(stats.units[0]).toMatchObject({ unit: { code: '000.00.31.H41' }, done_on_time: 1 });

    const second = json<TaskDetail>(cli('tasks', 'create', '--content', 'Rà soát danh mục dự án', '--lead-unit', '000.00.40.H41', '--deadline', '2026-12-31', '--assigned-on', '2026-11-02'));
    const extended = json<TaskDetail>(cli('tasks', 'extend', second.id, '--to', '2027-01-29', '--reason', 'Chờ Trung ương hướng dẫn'));
    expect(extended).toMatchObject({ dueDate: '2027-01-29', originalDeadline: '2026-12-31', judgedBy: '2027-01-29' });
    expect(extended.extensions).toMatchObject([{ status: 'approved', inTime: true }]);
    const corrected = json<TaskDetail>(cli('tasks', 'update', second.id, '--content', 'Rà soát danh mục dự án đầu tư công', '--coord-unit', '000.00.31.H41'));
    expect(corrected).toMatchObject({ content: 'Rà soát danh mục dự án đầu tư công', coordinatingUnits: [{ code: '000.00.31.H41' }], dueDate: '2027-01-29' });
    const shown = json<TaskDetail>(cli('tasks', 'show', second.id));
    expect(shown.events.map((e) => e.kind)).toEqual(['created', 'extension_requested', 'extension_approved', 'edited']);

    // Bad input: a clear message, and not a row written.
    const before = counts(dir);
    const bad = [
      [['tasks', 'create', '--content', 'x', '--lead-unit', '000.00.99.H41', '--deadline', '2026-12-31'], 'Không có đơn vị “000.00.99.H41” trong danh bạ'],
      [['tasks', 'create', '--content', 'x', '--lead-unit', '000.00.31.H41', '--coord-unit', '000.00.31.H41', '--deadline', '2026-12-31'], 'Đơn vị phối hợp trùng với đơn vị chủ trì'],
      [['tasks', 'create', '--content', 'x', '--lead-unit', '000.00.31.H41', '--deadline', '2026-01-31', '--assigned-on', '2026-02-02'], 'Hạn xử lý trước ngày giao'],
      [['tasks', 'create', '--content', 'x', '--lead-unit', '000.00.31.H41', '--from-conclusion', conclusionId, '--deadline', '2026-12-31'], 'Kết luận này đã được giao thành nhiệm vụ'],
      [['tasks', 'extend', t.id, '--to', '2026-12-31', '--reason', 'x'], 'Nhiệm vụ đã hoàn thành: không thể gia hạn'],
    ] as const;
    for (const [args, message] of bad) {
      const r = nghisu('--data-dir', dir, ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(message);
    }
    expect(nghisu('--data-dir', dir, 'tasks', 'report', second.id, '--percent', '101', '--text', 'x').code).toBe(2);
    expect(counts(dir)).toEqual(before);

    expect(cli('tasks', 'cancel', second.id, '--reason', 'Không còn phù hợp').code).toBe(0);
    const cancelled = nghisu('--data-dir', dir, '--lang', 'en', 'tasks', 'complete', second.id);
    expect(cancelled.code).toBe(1);
    expect(cancelled.stderr).toContain('The task is cancelled: you cannot report it done.');
  });

  it('calendar: working days over Tết, the holidays of a year, an import with a bad row saves nothing', async () => {
    const dir = tempDir();
    const cli = (...args: string[]) => nghisu('--data-dir', dir, '--json', ...args);
    expect(json<{ date: string }>(cli('calendar', 'add-days', '--from', '2026-02-12', '--days', '10')).date).toBe('2026-03-05');
    const y2025 = json<CalendarYear>(cli('calendar', 'holidays', '--year', '2025'));
    expect(y2025.holidays.map((h) => h.date)).toEqual(expect.arrayContaining(['2025-01-29', '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-02']));

    const csv = join(dir, 'days.csv');
    writeFileSync(csv, 'date,kind,note\n2026-09-03,off,Nghỉ lễ Quốc khánh theo Thông báo của UBND tỉnh\n2026-02-30,off,Sai ngày\n');
    const refused = nghisu('--data-dir', dir, 'calendar', 'import', csv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Dòng 3');
    expect(json<CalendarYear>(cli('calendar', 'holidays', '--year', '2026')).holidays.some((h) => h.date === '2026-09-03')).toBe(false);

    writeFileSync(csv, 'date,kind,note\n2026-09-03,off,Nghỉ lễ Quốc khánh theo Thông báo của UBND tỉnh\n2026-09-12,work,Làm bù ngày 03/09\n');
    expect(nghisu('--data-dir', dir, 'calendar', 'import', csv).code).toBe(0);
    const y2026 = json<CalendarYear>(cli('calendar', 'holidays', '--year', '2026'));
    expect(y2026.holidays.find((h) => h.date === '2026-09-03')).toMatchObject({ source: 'override' });
    expect(y2026.workingWeekends).toEqual([{ date: '2026-09-12', note: 'Làm bù ngày 03/09' }]);
    // 02/09 (Wed) and 03/09 off, 12/09 (Sat) worked: from 01/09, day 1 is Fri 04/09, day 5 is Thu 10/09, day 7 is Sat 12/09.
    expect(json<{ date: string }>(cli('calendar', 'add-days', '--from', '2026-09-01', '--days', '5')).date).toBe('2026-09-10');
    expect(json<{ date: string }>(cli('calendar', 'add-days', '--from', '2026-09-01', '--days', '7')).date).toBe('2026-09-12');
  });
});
