import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { ReportsOutputs } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { seedCommittee } from '../support/directory-rows.ts';
import { docxParagraphs } from '../support/docx-text.ts';
import { Database } from '../support/sqlite.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data folder with the committee's plan for 2025: two targets, both reported for quý III. */
async function folder() {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const d = seedCommittee(core.databaseFile);
  const plan = randomUUID();
  const [thu, ngheo] = [randomUUID(), randomUUID()];
  const db = new Database(core.databaseFile);
  try {
    db.prepare(
      `INSERT INTO action_plans (id, committee_id, title, code, year_from, year_to, created_at, updated_at) VALUES (?, ?, 'Kế hoạch phát triển kinh tế – xã hội năm 2025', NULL, 2025, 2025, '2025-01-05T02:00:00.000Z', '2025-01-05T02:00:00.000Z')`,
    ).run(plan, d.committee);
    const target = db.prepare(`INSERT INTO plan_targets (id, plan_id, group_id, code, name, measure, owner_org_id, direction, position, search_key) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, '')`);
    target.run(thu, plan, '1', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', d.soTaiChinh, 'higher', 0);
    target.run(ngheo, plan, '2', 'Tỷ lệ hộ nghèo', '%', d.congAn, 'lower', 1);
    const goal = db.prepare('INSERT INTO target_goals (target_id, period, value) VALUES (?, ?, ?)');
    goal.run(thu, '2025-Q3', 8_500);
    goal.run(ngheo, '2025-Q3', 9.5);
  } finally {
    db.close();
  }
  // The units' estimates (ước thực hiện), sent before the quarter ends: what a report on it counts.
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(new Date('2025-09-10T09:00:00+07:00'));
    await core.call('targets.report', { targetId: thu, period: '2025-Q3', value: 6_120.5, note: 'Giảm thu tiền sử dụng đất' });
    vi.setSystemTime(new Date('2025-09-20T09:00:00+07:00'));
    await core.call('targets.report', { targetId: ngheo, period: '2025-Q3', value: 9.2 });
  } finally {
    vi.useRealTimers();
  }
  await core.close();
  return { dir, plan };
}

describe('nghisu report targets', () => {
  it('writes the DOCX and the XLSX of a quarter, says which period and as of when, refuses to overwrite', async () => {
    const { dir, plan } = await folder();
    const docx = join(tempDir(), 'chi-tieu-quy-3.docx');
    const r = nghisu('--data-dir', dir, 'report', 'targets', '--plan', plan, '--period', '2025-q3', '--as-of', '2025-09-30', '--number', '9', '--narrative', 'Tập trung đôn đốc thu ngân sách.', docx);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Báo cáo tình hình thực hiện các chỉ tiêu Quý III/2025, số liệu đến ngày 30/09/2025');
    expect(r.stdout).toContain(docx);
    const sha = /SHA-256: ([0-9a-f]{64})/.exec(r.stdout)?.[1];
    expect(sha).toBe(createHash('sha256').update(readFileSync(docx)).digest('hex'));
    const paragraphs = await docxParagraphs(docx);
    for (const line of [
      'Số: 9/BC-BCĐ',
      'BÁO CÁO',
      'Tình hình thực hiện các chỉ tiêu Kế hoạch phát triển kinh tế – xã hội năm 2025 quý III/2025',
      '- Không đạt: 1 chỉ tiêu (50%);',
      'Tập trung đôn đốc thu ngân sách.',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
    expect(paragraphs.some((p) => p.includes('thực hiện 6.120,5 tỷ đồng/kế hoạch 8.500 tỷ đồng, đạt 72% kế hoạch — không đạt'))).toBe(true);

    const again = nghisu('--data-dir', dir, 'report', 'targets', '--plan', plan, '--period', '2025-Q3', docx);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[CONFLICT]');
    expect(again.stderr).toContain('--force');
    expect(nghisu('--data-dir', dir, 'report', 'targets', '--plan', plan, '--period', '2025-Q3', '--force', docx).code).toBe(0);

    const xlsx = join(tempDir(), 'so-lieu.xlsx');
    const j = nghisu('--data-dir', dir, '--json', 'report', 'targets', '--plan', plan, '--period', '2025-Q3', '--as-of', '2025-09-15', xlsx);
    expect(j.code, j.stderr).toBe(0);
    const result = JSON.parse(j.stdout) as ReportsOutputs['reports.targetsExportFile'];
    expect(result).toMatchObject({ file: xlsx, asOf: '2025-09-15', period: '2025-Q3' });
    expect(result.bytes).toBe(readFileSync(xlsx).length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Chỉ tiêu', 'Tổng hợp']);
  });

  it('refuses a bad period, a period outside the plan, an unknown plan, in Vietnamese, and writes nothing', async () => {
    const { dir, plan } = await folder();
    const file = join(tempDir(), 'bao-cao.docx');
    // Refused while parsing the command line (exit 2).
    const bad = nghisu('--data-dir', dir, 'report', 'targets', '--plan', plan, '--period', 'quy-3', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('kỳ chỉ tiêu phải là năm (2026), quý (2026-Q1) hoặc tháng (2026-03)');
    const noPlan = nghisu('--data-dir', dir, 'report', 'targets', '--period', '2025-Q3', file);
    expect(noPlan.code).toBe(2);
    // Refused by the core (exit 1).
    const outside = nghisu('--data-dir', dir, 'report', 'targets', '--plan', plan, '--period', '2026-Q1', file);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('Quý I/2026 nằm ngoài thời gian của kế hoạch (2025)');
    const unknown = nghisu('--data-dir', dir, 'report', 'targets', '--plan', randomUUID(), '--period', '2025-Q3', file);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không tìm thấy kế hoạch.');
    expect(existsSync(file)).toBe(false);

    // An existing file is kept as it was.
    writeFileSync(file, 'bản cũ');
    const kept = nghisu('--data-dir', dir, 'report', 'targets', '--plan', plan, '--period', '2025-Q3', file);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('bản cũ');
  });
});
