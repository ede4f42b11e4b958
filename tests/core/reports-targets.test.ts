// The machine's clock zone must not matter: run as if the laptop were set to New York.
process.env.TZ = 'America/New_York';

import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TargetsReport } from '../../shared/contract/index.ts';
import { numberVi } from '../../electron/core/domains/reports/report-wording.ts';
import { wordText, zipEntry } from '../support/docx-text.ts';
import { Database } from '../support/sqlite.ts';
import { exported, meetingsWorld, query, refused, type MeetingsWorld } from './meetings-fixture.ts';

/** Sets "now" to a Việt Nam wall-clock time. */
function at(local: string): void {
  vi.setSystemTime(new Date(`${local}+07:00`));
}

let w: MeetingsWorld;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-03-01T09:00:00');
  w = await meetingsWorld();
});
afterEach(async () => {
  await w.core.close();
  vi.useRealTimers();
});

const TITLE = 'Kế hoạch phát triển kinh tế – xã hội năm 2026';

/**
 * The committee's plan for 2026–2027, written straight to the tables like an import would: area I
 * (with a sub-group whose target belongs under I), area II, an empty area III, and a target outside
 * any group. Values are then reported through the core, day by day, so each carries its real time.
 */
async function planOfYear() {
  const db = new Database(w.core.databaseFile);
  const plan = randomUUID();
  const g = { kinhTe: randomUUID(), nganSach: randomUUID(), xaHoi: randomUUID(), moiTruong: randomUUID() };
  const t = { grdp: randomUUID(), thuNganSach: randomUUID(), taiNan: randomUUID(), hoNgheo: randomUUID(), doanhNghiep: randomUUID(), rung: randomUUID() };
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO action_plans (id, committee_id, title, code, year_from, year_to, created_at, updated_at) VALUES (?, ?, ?, '45/KH-BCĐ', 2026, 2027, '2026-01-05T02:00:00.000Z', '2026-01-05T02:00:00.000Z')`,
      ).run(plan, w.d.committee, TITLE);
      const group = db.prepare('INSERT INTO plan_groups (id, plan_id, parent_id, code, title, position) VALUES (?, ?, ?, ?, ?, ?)');
      group.run(g.kinhTe, plan, null, 'I', 'Các chỉ tiêu kinh tế', 0);
      group.run(g.nganSach, plan, g.kinhTe, '1', 'Thu, chi ngân sách', 1);
      group.run(g.xaHoi, plan, null, 'II', 'Các chỉ tiêu xã hội', 2);
      group.run(g.moiTruong, plan, null, 'III', 'Các chỉ tiêu môi trường', 3);
      const target = db.prepare(
        `INSERT INTO plan_targets (id, plan_id, group_id, code, name, measure, owner_org_id, direction, position, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
      );
      target.run(t.grdp, plan, g.kinhTe, '1', 'Tốc độ tăng trưởng GRDP', '%', w.d.vanPhong, 'higher', 0);
      target.run(t.thuNganSach, plan, g.nganSach, '2', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', w.d.soTaiChinh, 'higher', 1);
      target.run(t.taiNan, plan, null, null, 'Số vụ tai nạn giao thông', 'vụ', w.d.congAn, 'lower', 2);
      target.run(t.hoNgheo, plan, g.xaHoi, '3', 'Tỷ lệ hộ nghèo', '%', null, 'lower', 3);
      target.run(t.doanhNghiep, plan, g.xaHoi, '4', 'Số doanh nghiệp thành lập mới', 'doanh nghiệp', w.d.soTaiChinh, 'higher', 4);
      target.run(t.rung, plan, g.xaHoi, '5', 'Tỷ lệ che phủ rừng', '%', null, 'higher', 5);
      const goal = db.prepare('INSERT INTO target_goals (target_id, period, value) VALUES (?, ?, ?)');
      goal.run(t.grdp, '2026', 8.5);
      goal.run(t.grdp, '2026-Q1', 8);
      // Only the year's goal: a quarter is judged against it.
      goal.run(t.thuNganSach, '2026', 12_000);
      goal.run(t.taiNan, '2026-Q1', 45);
      goal.run(t.hoNgheo, '2026-Q1', 9.5);
      goal.run(t.doanhNghiep, '2026-Q1', 1_200);
      goal.run(t.rung, '2026-Q1', 60);
    })();
  } finally {
    db.close();
  }
  const report = (targetId: string, value: number, note?: string) => w.core.call('targets.report', { targetId, period: '2026-Q1', value, note });
  at('2026-03-10T09:00:00');
  await report(t.grdp, 7);
  await report(t.thuNganSach, 2_400, 'Do giãn thời hạn nộp thuế theo Nghị định của Chính phủ');
  await report(t.taiNan, 50, 'Tăng do lưu lượng phương tiện dịp Tết');
  await report(t.hoNgheo, 9);
  await report(t.doanhNghiep, 1_234.5);
  // A correction before the quarter ends replaces the estimate; one after it does not count for the quarter.
  at('2026-03-25T09:00:00');
  await report(t.grdp, 8.2, 'Số liệu chính thức của Cục Thống kê');
  at('2026-04-10T09:00:00');
  await report(t.hoNgheo, 12, 'Rà soát lại sau quý');
  at('2026-05-04T09:00:00');
  return { plan, g, t };
}

const rowOf = (r: TargetsReport, id: string) => r.sections.flatMap((s) => s.rows).find((x) => x.targetId === id)!;

async function docxXml(bytes: Buffer): Promise<string> {
  const file = join(w.dir, `doc-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  return zipEntry(file, 'word/document.xml');
}

/** Rows of every table in a Word body, each cell's paragraphs joined by a newline. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((tc) => wordText(tc[0]).join('\n')));
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the targets report', () => {
  it('counts by status, sections by top-level area in plan order, the shortfalls worst first, as of the quarter’s end', async () => {
    const { plan, g, t } = await planOfYear();
    const r = await w.core.call('reports.targets', { planId: plan, period: '2026-Q1', asOf: '2026-03-31' });
    expect(r).toMatchObject({ period: '2026-Q1', periodLabel: 'Quý I/2026', asOf: '2026-03-31', partial: false, empty: false });
    expect(r.issuer).toBe('Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh');
    expect(r.plan).toMatchObject({ id: plan, title: TITLE, code: '45/KH-BCĐ' });
    expect(r.counts).toEqual({ met: 3, near: 1, missed: 1, none: 1 });
    // The sub-group's target sits under area I; area III has no target; the ungrouped one comes last.
    expect(r.sections.map((s) => [s.group.id, s.group.code, s.group.title, s.rows.map((x) => x.targetId)])).toEqual([
      [g.kinhTe, 'I', 'Các chỉ tiêu kinh tế', [t.grdp, t.thuNganSach]],
      [g.xaHoi, 'II', 'Các chỉ tiêu xã hội', [t.hoNgheo, t.doanhNghiep, t.rung]],
      [null, null, 'Chỉ tiêu khác', [t.taiNan]],
    ]);
    expect(r.shortfalls.map((x) => [x.target.name, x.status, x.percent])).toEqual([
      ['Thu ngân sách nhà nước trên địa bàn', 'missed', 20],
      ['Số vụ tai nạn giao thông', 'near', 90],
    ]);
    // The quarter judged against the year's goal when it has none of its own.
    expect(rowOf(r, t.thuNganSach)).toMatchObject({ goal: 12_000, goalPeriod: '2026', actual: 2_400, note: 'Do giãn thời hạn nộp thuế theo Nghị định của Chính phủ' });
    expect(rowOf(r, t.thuNganSach).target).toMatchObject({ measure: 'tỷ đồng', direction: 'higher', groupId: g.nganSach, ownerUnit: { id: w.d.soTaiChinh } });
    // Lower is better: 9 against a ceiling of 9,5 is reached (9,5 / 9).
    expect(rowOf(r, t.hoNgheo)).toMatchObject({ goal: 9.5, goalPeriod: '2026-Q1', actual: 9, percent: 105.6, status: 'met', note: null });
    expect(rowOf(r, t.taiNan)).toMatchObject({ goal: 45, actual: 50, percent: 90, status: 'near', note: 'Tăng do lưu lượng phương tiện dịp Tết' });
    expect(rowOf(r, t.grdp)).toMatchObject({ actual: 8.2, status: 'met', note: 'Số liệu chính thức của Cục Thống kê' });
    expect(rowOf(r, t.rung)).toMatchObject({ goal: 60, actual: null, status: 'none', reportedAt: null, note: null });
  });

  it('uses the value reported by the as-of day, not a later one, and a revision made after the period when asked as of a later day', async () => {
    const { plan, t } = await planOfYear();
    const early = await w.core.call('reports.targets', { planId: plan, period: '2026-Q1', asOf: '2026-03-20' });
    expect(early).toMatchObject({ asOf: '2026-03-20', partial: true });
    // The estimate of 10/3 is used, the correction of 25/3 not yet.
    expect(rowOf(early, t.grdp)).toMatchObject({ actual: 7, percent: 87.5, status: 'near', note: null });
    expect(early.counts).toEqual({ met: 2, near: 2, missed: 1, none: 1 });
    // As of the quarter's end the April revision is not known yet; as of a later day it is: a
    // quarter's final figures arrive after it ends.
    const atEnd = await w.core.call('reports.targets', { planId: plan, period: '2026-Q1', asOf: '2026-03-31' });
    expect(rowOf(atEnd, t.hoNgheo)).toMatchObject({ actual: 9, status: 'met' });
    const late = await w.core.call('reports.targets', { planId: plan, period: '2026-Q1', asOf: '2026-06-30' });
    expect(late).toMatchObject({ asOf: '2026-06-30', partial: false });
    expect(rowOf(late, t.hoNgheo)).toMatchObject({ actual: 12, note: 'Rà soát lại sau quý' });
    // Without a day, the report is as of today (Việt Nam): the revision counts.
    expect(rowOf(await w.core.call('reports.targets', { planId: plan, period: '2026-Q1' }), t.hoNgheo).actual).toBe(12);
    // Before anything was reported, nothing counts.
    const before = await w.core.call('reports.targets', { planId: plan, period: '2026-Q1', asOf: '2026-03-09' });
    expect(before.counts).toEqual({ met: 0, near: 0, missed: 0, none: 6 });
    // The running quarter is as of today (Việt Nam), and partial.
    const running = await w.core.call('reports.targets', { planId: plan, period: '2026-Q2' });
    expect(running).toMatchObject({ asOf: '2026-05-04', partial: true, empty: false });
    expect(rowOf(running, t.grdp)).toMatchObject({ goal: 8.5, goalPeriod: '2026', actual: null, status: 'none' });
  });

  it('says so when nothing is planned or reported for the period, and refuses a period outside the plan or an unknown plan', async () => {
    const { plan } = await planOfYear();
    const empty = await w.core.call('reports.targets', { planId: plan, period: '2027-Q1' });
    expect(empty).toMatchObject({ empty: true, counts: { met: 0, near: 0, missed: 0, none: 6 }, shortfalls: [] });
    const xml = await docxXml(exported(w.core, await w.core.call('reports.targetsExport', { planId: plan, period: '2027-Q1', format: 'docx' })));
    expect(wordText(xml)).toContain('Quý I/2027 chưa có kế hoạch và số liệu thực hiện của chỉ tiêu nào.');
    expect(tableRows(xml).some((row) => row.includes('Chỉ tiêu'))).toBe(false);

    const outside = await refused(w.core.call('reports.targets', { planId: plan, period: '2025-Q4' }), 'INVALID_INPUT');
    expect(outside.text.vi).toContain('Quý IV/2025 nằm ngoài thời gian của kế hoạch (2026–2027)');
    await refused(w.core.call('reports.targets', { planId: randomUUID(), period: '2026-Q1' }), 'NOT_FOUND');
    await refused(w.core.call('reports.targets', { planId: plan, period: '2026-Q5' }), 'INVALID_INPUT');
  });

  it('writes the DOCX in the official layout: number, title, counts, the table with Vietnamese figures, the shortfalls; audited', async () => {
    const { plan } = await planOfYear();
    const file = await w.core.call('reports.targetsExport', {
      planId: plan,
      period: '2026-Q1',
      asOf: '2026-03-31',
      format: 'docx',
      issue: { number: '15', narrative: 'Các chỉ tiêu thu ngân sách cần tập trung chỉ đạo.\nĐề nghị Sở Tài chính báo cáo giải pháp.' },
    });
    expect(file.fileName).toMatch(/^bao-cao-chi-tieu-ke-hoach-phat-trien-kinh-te-xa-hoi-nam-2026-2026-q1\.docx$/);
    const bytes = exported(w.core, file);
    const xml = await docxXml(bytes);
    const paragraphs = wordText(xml);
    for (const line of [
      'BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG, TIÊU CỰC TỈNH',
      'Số: 15/BC-BCĐ',
      'BÁO CÁO',
      `Tình hình thực hiện các chỉ tiêu ${TITLE} quý I/2026`,
      `Thực hiện ${TITLE} (số 45/KH-BCĐ), Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh báo cáo tình hình thực hiện các chỉ tiêu quý I/2026 (số liệu tính đến ngày 31/03/2026) như sau:`,
      'Trong tổng số 6 chỉ tiêu của kế hoạch:',
      '- Đạt: 3 chỉ tiêu (50%);',
      '- Gần đạt: 1 chỉ tiêu (16,7%);',
      '- Không đạt: 1 chỉ tiêu (16,7%);',
      '- Chưa có số liệu: 1 chỉ tiêu (16,7%).',
      'III. CÁC CHỈ TIÊU CHƯA ĐẠT',
      'Có 2 chỉ tiêu chưa đạt kế hoạch (không đạt 1, gần đạt 1), cụ thể:',
      '1. Thu ngân sách nhà nước trên địa bàn: thực hiện 2.400 tỷ đồng/kế hoạch 12.000 tỷ đồng, đạt 20% kế hoạch năm 2026 — không đạt; đơn vị chủ trì: Sở Tài chính; ghi chú: Do giãn thời hạn nộp thuế theo Nghị định của Chính phủ.',
      'Các chỉ tiêu thu ngân sách cần tập trung chỉ đạo.',
      'Đề nghị Sở Tài chính báo cáo giải pháp.',
      'TL. TRƯỞNG BAN',
      '- Thành viên Ban Chỉ đạo;',
      '- Lưu: VT.',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
    expect(paragraphs.some((p) => p.startsWith('Chỉ tiêu được đánh giá đạt khi tỷ lệ thực hiện so với kế hoạch từ 100% trở lên, gần đạt khi từ 80% đến dưới 100%'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('2. Số vụ tai nạn giao thông (chỉ tiêu càng thấp càng tốt): thực hiện 50 vụ/kế hoạch 45 vụ, đạt 90% kế hoạch — gần đạt'))).toBe(true);
    const rows = tableRows(xml);
    expect(rows.find((row) => row[0] === 'STT')).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)', 'Đánh giá', 'Đơn vị chủ trì']);
    expect(rows).toContainEqual(['I', 'Các chỉ tiêu kinh tế', '', '', '', '', '', '']);
    expect(rows).toContainEqual(['III', 'Chỉ tiêu khác', '', '', '', '', '', '']);
    expect(rows).toContainEqual(['4', 'Số doanh nghiệp thành lập mới', 'doanh nghiệp', '1.200', '1.234,5', '102,9', 'Đạt', 'Sở Tài chính']);
    // The year's goal is marked on a line of its own (a break in the same paragraph).
    expect(rows).toContainEqual(['2', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', '12.000(KH năm 2026)', '2.400', '20', 'Không đạt', 'Sở Tài chính']);
    expect(rows).toContainEqual(['3', 'Tỷ lệ hộ nghèo', '%', '9,5', '9', '105,6', 'Đạt', '']);
    expect(rows).toContainEqual(['5', 'Tỷ lệ che phủ rừng', '%', '60', '—', '—', 'Chưa có số liệu', '']);

    const [entry] = query<{ detail: string }>(w.core, "SELECT detail FROM audit_log WHERE action = 'reports.export'");
    expect(JSON.parse(entry!.detail)).toMatchObject({
      report: 'targets',
      planId: plan,
      period: '2026-Q1',
      asOf: '2026-03-31',
      format: 'docx',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('writes the XLSX: merged two-row header, frozen panes, live ratio formulas and COUNTIFs whose results match', async () => {
    const { plan } = await planOfYear();
    const report = await w.core.call('reports.targets', { planId: plan, period: '2026-Q1', asOf: '2026-03-31' });
    const wb = await workbook(exported(w.core, await w.core.call('reports.targetsExport', { planId: plan, period: '2026-Q1', asOf: '2026-03-31', format: 'xlsx' })));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Chỉ tiêu', 'Tổng hợp']);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    expect(ws.getCell('B2').value).toBe('TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU');
    expect(ws.getCell('A3').value).toBe(`${TITLE} (số 45/KH-BCĐ)`);
    expect(ws.getCell('D6').value).toBe('Quý I/2026');
    expect(['D7', 'E7', 'F7'].map((c) => ws.getCell(c).value)).toEqual(['Kế hoạch', 'Thực hiện', 'Tỷ lệ (%)']);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['D6:F6', 'A6:A7', 'B6:B7', 'G6:G7', 'H6:H7']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 7 });

    // Every body row: group rows bold across, target rows with the ratio as a formula of their own cells.
    const byName = new Map<string, ExcelJS.Row>();
    for (let n = 8; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      if (typeof row.getCell(2).value === 'string') byName.set(row.getCell(2).value as string, row);
    }
    expect(byName.get('Các chỉ tiêu kinh tế')!.getCell(2).font.bold).toBe(true);
    expect(byName.get('Chỉ tiêu khác')!.getCell(1).value).toBe('III');
    let formulas = 0;
    for (const r of report.sections.flatMap((s) => s.rows)) {
      const row = byName.get(r.target.name)!;
      expect(row.getCell(3).value).toBe(r.target.measure);
      expect(row.getCell(4).value).toBe(r.goal);
      expect(row.getCell(5).value ?? null).toBe(r.actual);
      expect(row.getCell(7).value).toBe({ met: 'Đạt', near: 'Gần đạt', missed: 'Không đạt', none: 'Chưa có số liệu' }[r.status]);
      const ratio = row.getCell(6).value as ExcelJS.CellFormulaValue;
      const n = row.number;
      if (r.target.direction === 'higher') expect(ratio.formula).toBe(`IF(OR(D${n}="",E${n}="",D${n}=0),"",E${n}/D${n})`);
      else expect(ratio.formula).toBe(`IF(OR(D${n}="",E${n}="",D${n}=0,E${n}<=0),"",D${n}/E${n})`);
      // The result the formula gives, and the report's rounded percent from it.
      if (r.percent === null) expect(ratio.result ?? '').toBe('');
      else expect(Math.round((ratio.result as number) * 1000) / 10).toBe(r.percent);
      expect(row.getCell(6).numFmt).toBe('0.0%');
      formulas += 1;
    }
    expect(formulas).toBe(6);
    expect(byName.get('Số doanh nghiệp thành lập mới')!.getCell(4).numFmt).toBe('#,##0.0#');
    expect(byName.get('Số vụ tai nạn giao thông')!.getCell(4).numFmt).toBe('#,##0');
    expect(byName.get('Thu ngân sách nhà nước trên địa bàn')!.getCell(9).value).toBe('So với kế hoạch năm 2026; Do giãn thời hạn nộp thuế theo Nghị định của Chính phủ');

    const sum = wb.getWorksheet('Tổng hợp')!;
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const counted = [5, 6, 7, 8].map((n) => [sum.getCell(`A${n}`).value, sum.getCell(`B${n}`).value as ExcelJS.CellFormulaValue] as const);
    expect(counted.map(([label]) => label)).toEqual(['Đạt', 'Gần đạt', 'Không đạt', 'Chưa có số liệu']);
    const statusCells = [...byName.values()].filter((row) => typeof row.getCell(7).value === 'string' && row.getCell(7).value !== '');
    for (const [label, cell] of counted) {
      expect(cell.formula).toMatch(/^COUNTIF\('Chỉ tiêu'!\$G\$8:\$G\$16,A\d\)$/);
      expect(cell.result).toBe(statusCells.filter((row) => row.getCell(7).value === label).length);
    }
    expect(sum.getCell('B9').value as ExcelJS.CellFormulaValue).toMatchObject({ formula: 'SUM(B5:B8)', result: 6 });
    expect((sum.getCell('C5').value as ExcelJS.CellFormulaValue).result).toBe(0.5);
  });

  it('to a file: writes it, refuses to overwrite without being told, and is audited', async () => {
    const { plan } = await planOfYear();
    const target = join(w.dir, 'chi-tieu.xlsx');
    const r = await w.core.call('reports.targetsExportFile', { planId: plan, period: '2026-Q1', asOf: '2026-03-31', format: 'xlsx', file: target });
    expect(r).toMatchObject({ file: target, asOf: '2026-03-31', period: '2026-Q1' });
    await refused(w.core.call('reports.targetsExportFile', { planId: plan, period: '2026-Q1', asOf: '2026-03-31', format: 'xlsx', file: target }), 'CONFLICT');
    await w.core.call('reports.targetsExportFile', { planId: plan, period: '2026-Q1', asOf: '2026-03-31', format: 'xlsx', file: target, overwrite: true });
    expect(query(w.core, "SELECT 1 FROM audit_log WHERE action = 'reports.export'")).toHaveLength(2);
  });
});

describe('Vietnamese figures', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect([numberVi(1234.5), numberVi(12_000), numberVi(8.25), numberVi(-0.5), numberVi(1_234_567.891), numberVi(105.64, 1), numberVi(0)]).toEqual([
      '1.234,5', '12.000', '8,25', '-0,5', '1.234.567,89', '105,6', '0',
    ]);
  });
});
