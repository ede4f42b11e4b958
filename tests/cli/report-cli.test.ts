import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TasksReportFileResult } from '../../shared/contract/index.ts';
import { createCore } from '../../electron/core/index.ts';
import { seedCommittee } from '../support/directory-rows.ts';
import { docxParagraphs } from '../support/docx-text.ts';
import { tempDir } from '../support/temp-dir.ts';

const BIN = join(import.meta.dirname, '../../bin/nghisu.js');

function nghisu(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A secretariat's folder with three tasks of autumn 2025: one done on time, one late, one not yet due. */
async function folder() {
  const dir = tempDir();
  const core = await createCore({ dataDir: dir, logToFile: false });
  const d = seedCommittee(core.databaseFile);
  await core.call('profile.create', { fullName: 'Đỗ Quang Đạt', position: 'Chuyên viên', unitName: 'Văn phòng UBND tỉnh', workRole: 'secretariat' });
  const create = (content: string, leadUnit: string, assignedOn: string, date: string) =>
    core.call('tasks.create', { task: { content, leadUnit, assignedOn, deadline: { kind: 'date', date } } });
  const done = await create('Tổng hợp báo cáo quyết toán ngân sách', d.soTaiChinh, '2025-10-01', '2025-10-31');
  await core.call('tasks.complete', { id: done.id, date: '2025-10-20' });
  await core.call('tasks.accept', { id: done.id });
  await create('Hoàn thiện quy chế phối hợp giữa các sở', d.vanPhong, '2025-10-01', '2025-10-31');
  await create('Kiểm tra công tác phòng cháy tại các chợ', d.congAn, '2025-11-03', '2025-12-31');
  await core.close();
  return dir;
}

describe('nghisu report tasks', () => {
  it('writes the DOCX and the XLSX of a month, says which period and as of when, refuses to overwrite', async () => {
    const dir = await folder();
    const docx = join(tempDir(), 'bao-cao-thang-11.docx');
    const r = nghisu('--data-dir', dir, 'report', 'tasks', '--period', 'month', '--as-of', '2025-11-14', '--number', '7', docx);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Báo cáo tình hình thực hiện nhiệm vụ Tháng 11/2025 (15/10/2025 – 14/11/2025), số liệu đến ngày 14/11/2025');
    expect(r.stdout).toContain(docx);
    const sha = /SHA-256: ([0-9a-f]{64})/.exec(r.stdout)?.[1];
    expect(sha).toBe(createHash('sha256').update(readFileSync(docx)).digest('hex'));
    const paragraphs = await docxParagraphs(docx);
    for (const line of ['Số: 7/BC-VP', 'BÁO CÁO', 'Tình hình thực hiện nhiệm vụ tháng 11/2025', 'Trong kỳ báo cáo: giao mới 1 nhiệm vụ; hoàn thành 1 nhiệm vụ.']) {
      expect(paragraphs, line).toContain(line);
    }

    const again = nghisu('--data-dir', dir, 'report', 'tasks', '--period', 'month', '--as-of', '2025-11-14', docx);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[CONFLICT]');
    expect(again.stderr).toContain('--force');

    const xlsx = join(tempDir(), 'so-lieu.xlsx');
    const j = nghisu('--data-dir', dir, '--json', 'report', 'tasks', '--period', 'quarter', '--as-of', '2025-11-14', xlsx);
    expect(j.code, j.stderr).toBe(0);
    const result = JSON.parse(j.stdout) as TasksReportFileResult;
    expect(result).toMatchObject({ file: xlsx, asOf: '2025-11-14', period: { key: '2025-Q4', from: '2025-09-15', to: '2025-12-14' } });
    expect(result.bytes).toBe(readFileSync(xlsx).length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp theo đơn vị', 'Nhiệm vụ quá hạn']);
    expect(wb.getWorksheet('Nhiệm vụ quá hạn')!.getCell('B5').value).toBe('Hoàn thiện quy chế phối hợp giữa các sở');
  });

  it('a wrong period or format is a usage error (exit 2) said in Vietnamese, and writes nothing', async () => {
    // Refused while parsing the command line, before any data folder is opened.
    const dir = tempDir();
    const file = join(tempDir(), 'bao-cao.docx');
    const period = nghisu('--data-dir', dir, 'report', 'tasks', '--period', 'fortnight', file);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('kỳ báo cáo phải là một trong week, month, quarter, half, nine-months, year');
    const format = nghisu('--data-dir', dir, 'report', 'tasks', '--period', 'month', '--format', 'pdf', file);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('định dạng phải là docx hoặc xlsx');
    expect(nghisu('--data-dir', dir, 'report', 'tasks', file).code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });
});
