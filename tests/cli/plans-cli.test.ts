import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PlanDetail, PlanImportFileResult, PlanSummary, TargetActual } from '../../shared/contract/index.ts';
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

function counts(dir: string): number[] {
  const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
  try {
    return ['action_plans', 'plan_groups', 'plan_targets', 'target_goals', 'target_actuals'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
  } finally {
    db.close();
  }
}

async function planXlsx(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chỉ tiêu');
  sheet.addRow(['KẾ HOẠCH THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026']);
  sheet.addRow(['STT', 'Mã', 'Chỉ tiêu', 'Đơn vị tính', 'Cơ quan chủ trì', 'Năm 2026', 'Quý I/2026']);
  sheet.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
  for (const row of rows) sheet.addRow(row);
  const file = join(tempDir(), 'ke-hoach-2026.xlsx');
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

async function folder() {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const d = seedCommittee(core.databaseFile);
  await core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  await core.close();
  return { dir, committee: d.committee };
}

const GOOD = [
  ['I', '', 'Chỉ tiêu kinh tế'],
  [1, 'KT01', 'Tỷ lệ giải ngân vốn đầu tư công', '%', 'Sở Tài chính', 95, '20,5'],
  [2, 'KT02', 'Thu ngân sách nhà nước', 'tỷ đồng', 'STC', '1.234,5', 300],
];

describe('nghisu plans and targets', () => {
  it('a dry run and a file with problems write nothing; a good file imports; targets report takes "98,5"', async () => {
    const { dir, committee } = await folder();
    const good = await planXlsx(GOOD);

    const dry = nghisu('--data-dir', dir, 'plans', 'import', good, '--committee', committee, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Kế hoạch: KẾ HOẠCH THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026 (2026)');
    expect(dry.stdout).toContain('Các kỳ: Năm 2026, Quý I/2026');
    expect(dry.stdout).toContain('Chỉ tiêu: 2 mới, 0 cập nhật, 0 không đổi, 0 dòng có vấn đề; 1 nhóm mới.');
    expect(dry.stdout).toContain('Chạy thử: chưa ghi gì.');
    expect(counts(dir)).toEqual([0, 0, 0, 0, 0]);

    const bad = await planXlsx([...GOOD, [3, 'KT03', 'Số doanh nghiệp thành lập mới', '', 'Sở Tài chính', 'nhiều', '']]);
    const refused = nghisu('--data-dir', dir, 'plans', 'import', bad, '--committee', committee);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Dòng 7: Chỉ tiêu chưa có đơn vị tính (ĐVT).');
    expect(refused.stdout).toContain('Dòng 7: Giá trị "nhiều" ở cột Năm 2026 không phải là số.');
    expect(refused.stdout).toContain('Chưa nhập gì');
    expect(counts(dir)).toEqual([0, 0, 0, 0, 0]);
    const refusedJson = JSON.parse(nghisu('--data-dir', dir, '--json', 'plans', 'import', bad).stdout) as PlanImportFileResult;
    expect(refusedJson.result).toBeNull();
    expect(refusedJson.preview.counts.skip).toBe(1);

    const imported = json<PlanImportFileResult>(nghisu('--data-dir', dir, '--json', 'plans', 'import', good, '--committee', committee, '--title', 'Kế hoạch 45/KH-UBND'));
    expect(imported.result).toMatchObject({ created: 2, groups: 1, goals: 4, skipped: 0 });
    expect(counts(dir)).toEqual([1, 1, 2, 4, 0]);

    const list = nghisu('--data-dir', dir, 'plans', 'list', '--committee', committee);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Kế hoạch 45/KH-UBND');
    expect(list.stdout).toContain('2 chỉ tiêu');
    const plans = json<PlanSummary[]>(nghisu('--data-dir', dir, '--json', 'plans', 'list'));
    expect(plans.map((p) => p.id)).toEqual([imported.result!.planId]);

    const core = await createCore({ dataDir: dir, logToFile: false });
    const detail: PlanDetail = await core.call('plans.get', { planId: imported.result!.planId });
    await core.close();
    const target = detail.targets.find((t) => t.code === 'KT01')!;
    const reported = nghisu('--data-dir', dir, 'targets', 'report', target.id, '--period', '2026-Q1', '--value', '98,5', '--note', 'Số liệu đến 31/3');
    expect(reported.code, reported.stderr).toBe(0);
    expect(reported.stdout).toContain('Đã ghi nhận giá trị 98,5 cho Quý I/2026');
    const again = json<TargetActual>(nghisu('--data-dir', dir, '--json', 'targets', 'report', target.id, '--period', '2026-q1', '--value', '1.234,5'));
    expect(again).toMatchObject({ period: '2026-Q1', value: 1234.5 });
    const db = new Database(join(dir, 'nghisu.db'), { readonly: true });
    expect(db.prepare('SELECT value, note FROM target_actuals ORDER BY reported_at, id').all()).toEqual([
      { value: 98.5, note: 'Số liệu đến 31/3' },
      { value: 1234.5, note: null },
    ]);
    db.close();

    const word = nghisu('--data-dir', dir, 'targets', 'report', target.id, '--period', '2026-Q1', '--value', 'nhiều');
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('giá trị phải là số');
    const period = nghisu('--data-dir', dir, 'targets', 'report', target.id, '--period', 'Q1', '--value', '5');
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('kỳ phải là năm (2026), quý (2026-Q1) hoặc tháng (2026-03)');
    expect(counts(dir)[4]).toBe(2);
  });

  it('a missing file or committee is refused in Vietnamese', async () => {
    const { dir } = await folder();
    const missing = nghisu('--data-dir', dir, 'plans', 'import', join(tempDir(), 'khong-co.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Lỗi [NOT_FOUND]: Không tìm thấy tệp');
    const good = await planXlsx(GOOD);
    const noCommittee = nghisu('--data-dir', dir, 'plans', 'import', good, '--committee', '01900000-0000-7000-8000-000000000000');
    expect(noCommittee.code).toBe(1);
    expect(noCommittee.stderr).toContain('Không tìm thấy Ban Chỉ đạo này.');
    expect(counts(dir)).toEqual([0, 0, 0, 0, 0]);
  });
});
