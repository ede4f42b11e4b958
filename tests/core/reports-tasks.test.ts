// The machine's clock zone must not matter: run as if the laptop were set to New York.
process.env.TZ = 'America/New_York';

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskFieldsInput, TasksReport } from '../../shared/contract/index.ts';
import { DOCX_OVERDUE_LIMIT, tasksReportDocument } from '../../electron/core/domains/reports/tasks-report-document.ts';
import type { TableBlock } from '../../electron/core/official-docs/official-text.ts';
import { wordText, zipEntry } from '../support/docx-text.ts';
import { exported, meetingsWorld, meetingWithDraft, query, refused, type MeetingsWorld } from './meetings-fixture.ts';

/** Sets "now" to a Việt Nam wall-clock time. */
function at(local: string): void {
  vi.setSystemTime(new Date(`${local}+07:00`));
}

let w: MeetingsWorld;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-12-01T09:00:00');
  w = await meetingsWorld();
});
afterEach(async () => {
  await w.core.close();
  vi.useRealTimers();
});

async function task(content: string, leadUnit: string, assignedOn: string, due: string) {
  const fields: TaskFieldsInput = { content, leadUnit, assignedOn, deadline: { kind: 'date', date: due } };
  return w.core.call('tasks.create', { task: fields });
}

async function done(id: string, date: string) {
  await w.core.call('tasks.complete', { id, date });
  await w.core.call('tasks.accept', { id });
}

/**
 * A month of work for the report on tháng 12/2026 (data window 15/11–14/12/2026), written day by
 * day so each history entry carries its real time; today is 20/12/2026, after the cut-off.
 */
async function monthOfWork() {
  const m = await meetingWithDraft(w);
  const v = await w.core.call('minutes.addConclusion', { meetingId: m.id, agendaItemId: m.firstItem, text: 'Sở Tài chính tham mưu phân bổ vốn đối ứng.', leadUnitId: w.d.soTaiChinh });
  const { d } = w;
  const a = await task('Tổng hợp báo cáo quyết toán ngân sách', d.soTaiChinh, '2026-11-02', '2026-11-30');
  await done(a.id, '2026-11-25');
  const b = await task('Rà soát định mức chi thường xuyên', d.soTaiChinh, '2026-11-20', '2026-12-05');
  const c = await task('Xây dựng phương án bảo đảm an ninh dịp Tết Nguyên đán', d.congAn, '2026-11-16', '2026-12-01');
  const dd = await task('Kiểm tra công tác phòng cháy tại các chợ', d.congAn, '2026-12-01', '2026-12-31');
  const f = await task('Hoàn thiện quy chế phối hợp giữa các sở', d.vanPhong, '2026-10-01', '2026-10-31');
  await w.core.call('tasks.pause', { id: f.id, reason: 'Chờ bố trí vốn' });
  const g = await task('Khảo sát nhu cầu đào tạo', d.vanPhong, '2026-11-20', '2026-12-12');
  const h = await w.core.call('tasks.create', {
    source: { kind: 'conclusion', meetingId: m.id, conclusionId: v.conclusions[0]!.id },
    task: { content: 'Tham mưu phân bổ vốn đối ứng', leadUnit: d.soTaiChinh, assignedOn: '2026-11-20', deadline: { kind: 'date', date: '2026-12-10' } },
  });

  at('2026-12-03T15:00:00');
  await w.core.call('tasks.report', { id: c.id, percent: 40, text: 'Chờ ý kiến thẩm định của Bộ Công an' });
  at('2026-12-10T10:00:00');
  await done(b.id, '2026-12-10');
  // After the cut-off: the report on tháng 12 must still show C open and late, at 40%.
  at('2026-12-18T10:00:00');
  await w.core.call('tasks.report', { id: c.id, percent: 90, text: 'Đã trình phương án' });
  await done(c.id, '2026-12-18');
  await w.core.call('tasks.cancel', { id: g.id, reason: 'Không còn phù hợp' });
  at('2026-12-20T09:00:00');
  const e = await task('Chuẩn bị hội nghị tổng kết năm', d.vanPhong, '2026-12-16', '2027-01-10');
  return { meeting: m, a, b, c, d: dd, e, f, g, h };
}

/** Rows of every table in a Word body, each cell's paragraphs joined by a newline. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((tc) => wordText(tc[0]).join('\n')));
}

async function docxXml(bytes: Buffer): Promise<string> {
  const file = join(w.dir, `doc-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  return zipEntry(file, 'word/document.xml');
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the periodic report on tasks', () => {
  it('as of the cut-off: counts what was assigned by then, a task done later as open, and explains the overdue', async () => {
    const t = await monthOfWork();
    const r = await w.core.call('reports.tasks', { kind: 'month', asOf: '2026-12-14' });
    expect(r.period).toMatchObject({ kind: 'month', key: '2026-12', from: '2026-11-15', to: '2026-12-14' });
    expect(r).toMatchObject({ asOf: '2026-12-14', partial: false, committee: null, issuer: 'Văn phòng UBND tỉnh', empty: false });
    // E (assigned 16/12) and G (cancelled) are not counted; C, done on 18/12, is open and late on 14/12.
    expect(r.totals).toMatchObject({ total: 6, done_on_time: 1, done_late: 1, open_on_time: 1, open_late: 3 });
    expect(r.assignedInPeriod).toBe(4);
    expect(r.completedInPeriod).toBe(2);
    expect(r.units.map((u) => [u.unit.name, u.total, u.done_on_time, u.done_late, u.open_on_time, u.open_late])).toEqual([
      ['Công an tỉnh Lào Cai', 2, 0, 0, 1, 1],
      ['Sở Tài chính', 3, 1, 1, 0, 1],
      ['Văn phòng UBND tỉnh', 1, 0, 0, 0, 1],
    ]);
    expect(r.overdue.map((o) => [o.id, o.dueDate, o.daysLate, o.percent, o.reason, o.source])).toEqual([
      [t.f.id, '2026-10-31', 44, 0, 'Tạm dừng: Chờ bố trí vốn', null],
      [t.c.id, '2026-12-01', 13, 40, 'Chờ ý kiến thẩm định của Bộ Công an', null],
      [t.h.id, '2026-12-10', 4, 0, null, 'Họp Ban Chỉ đạo quý I năm 2026'],
    ]);
    expect(r.overdue[0]).toMatchObject({ content: 'Hoàn thiện quy chế phối hợp giữa các sở', classified: false, leadUnit: { name: 'Văn phòng UBND tỉnh' }, assignedOn: '2026-10-01' });

    // The same figures as the dashboard on the same day.
    const stats = await w.core.call('tasks.stats', { asOf: '2026-12-14', weeks: 0 });
    expect(stats.totals).toEqual(r.totals);
  });

  it('left to itself, reports on the period running today (VN), as of today, and says it is partial', async () => {
    await monthOfWork();
    // 00:30 on 21/12 in Việt Nam is still 20/12 in New York: the report is as of 21/12.
    at('2026-12-21T00:30:00');
    expect(new Date().getDate()).toBe(20);
    const r = await w.core.call('reports.tasks', { kind: 'month' });
    expect(r.period).toMatchObject({ key: '2027-01', from: '2026-12-15', to: '2027-01-14' });
    expect(r).toMatchObject({ asOf: '2026-12-21', partial: true });
    expect(r.totals).toMatchObject({ total: 7, done_on_time: 1, done_late: 2, open_on_time: 2, open_late: 2 });
    expect([r.assignedInPeriod, r.completedInPeriod]).toEqual([1, 1]);
    // A date after a half-year's window reports on that window, as of its last day.
    const half = await w.core.call('reports.tasks', { kind: 'half', asOf: '2026-12-01' });
    expect(half).toMatchObject({ period: { key: '2026-H1', to: '2026-06-14' }, asOf: '2026-06-14', partial: false, empty: true });
  });

  it('the cut-off day is the setting: 31 reports on calendar months', async () => {
    await monthOfWork();
    await w.core.call('settings.set', { key: 'reports.cutoffDay', value: 31 });
    const r = await w.core.call('reports.tasks', { kind: 'month', asOf: '2026-11-30' });
    expect(r.period).toMatchObject({ key: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    // Assigned in November: A, B, C and H (G, cancelled since, is left out); A completed 25/11.
    expect([r.assignedInPeriod, r.completedInPeriod]).toEqual([4, 1]);
  });

  it('a committee narrows it to the tasks of its meetings, and issues it', async () => {
    const t = await monthOfWork();
    const r = await w.core.call('reports.tasks', { kind: 'month', asOf: '2026-12-14', committeeId: w.d.committee });
    expect(r.committee).toEqual({ id: w.d.committee, name: 'Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh' });
    expect(r.issuer).toBe('Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh');
    expect(r.totals).toMatchObject({ total: 1, open_late: 1 });
    expect(r.units.map((u) => u.unit.name)).toEqual(['Sở Tài chính']);
    expect(r.overdue.map((o) => o.id)).toEqual([t.h.id]);
    expect(r.assignedInPeriod).toBe(1);
    await refused(w.core.call('reports.tasks', { kind: 'month', committeeId: '0190a5a0-0000-7000-8000-000000000001' }), 'NOT_FOUND');
  });

  it('keeps a classified task’s words off the report while counting it', async () => {
    await w.core.call('tasks.create', {
      task: { content: 'Phương án xử lý vụ việc phức tạp', leadUnit: w.d.congAn, assignedOn: '2026-11-16', deadline: { kind: 'date', date: '2026-11-20' }, classification: 'secret' },
    });
    const r = await w.core.call('reports.tasks', { kind: 'month', asOf: '2026-11-30' });
    expect(r.totals.open_late).toBe(1);
    expect(r.overdue[0]).toMatchObject({ classified: true, reason: null });
    expect(r.overdue[0]!.content).not.toContain('vụ việc');
  });

  it('the DOCX: the official header, the period, the figures, a row per unit, the overdue with reasons', async () => {
    await monthOfWork();
    const file = await w.core.call('reports.tasksExport', {
      kind: 'month',
      asOf: '2026-12-14',
      format: 'docx',
      issue: { number: '15', narrative: 'Các đơn vị cơ bản hoàn thành nhiệm vụ được giao.\n\nĐề nghị Công an tỉnh khẩn trương hoàn thành phương án.', signerName: 'Đỗ Quang Đạt' },
    });
    expect(file).toMatchObject({ fileName: 'bao-cao-nhiem-vu-2026-12.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const bytes = exported(w.core, file);
    const xml = await docxXml(bytes);
    const paragraphs = wordText(xml);
    for (const line of [
      'VĂN PHÒNG UBND TỈNH',
      'Số: 15/BC-VP',
      'Lào Cai, ngày 20 tháng 12 năm 2026',
      'BÁO CÁO',
      'Tình hình thực hiện nhiệm vụ tháng 12/2026',
      'Thời gian chốt số liệu: từ ngày 15/11/2026 đến ngày 14/12/2026.',
      'Tổng số nhiệm vụ đã giao tính đến ngày 14/12/2026: 6 nhiệm vụ, trong đó:',
      '- Đã hoàn thành: 2 nhiệm vụ (đúng hạn 1, quá hạn 1);',
      '- Đang thực hiện: 4 nhiệm vụ (trong hạn 1, quá hạn 3).',
      'Trong kỳ báo cáo: giao mới 4 nhiệm vụ; hoàn thành 2 nhiệm vụ.',
      'Các đơn vị cơ bản hoàn thành nhiệm vụ được giao.',
      'Đề nghị Công an tỉnh khẩn trương hoàn thành phương án.',
      'CHÁNH VĂN PHÒNG',
      'Đỗ Quang Đạt',
      'Nơi nhận:',
      '- Lưu: VT.',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
    expect(paragraphs).not.toContain('(Đánh giá chung, kiến nghị, đề xuất)');
    const rows = tableRows(xml);
    const unitRow = (name: string) => rows.find((r) => r[1] === name);
    expect(unitRow('Công an tỉnh Lào Cai')).toEqual(['1', 'Công an tỉnh Lào Cai', '2', '0', '0', '1', '1', '50%']);
    expect(unitRow('Sở Tài chính')).toEqual(['2', 'Sở Tài chính', '3', '1', '1', '0', '1', '33,3%']);
    expect(unitRow('Tổng cộng')).toEqual(['', 'Tổng cộng', '6', '1', '1', '1', '3', '33,3%']);
    const overdue = rows.filter((r) => r.length === 7 && /^\d+$/.test(r[0]!));
    expect(overdue.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['1', 'Văn phòng UBND tỉnh', '31/10/2026', '44', '0%', 'Tạm dừng: Chờ bố trí vốn'],
      ['2', 'Công an tỉnh Lào Cai', '01/12/2026', '13', '40%', 'Chờ ý kiến thẩm định của Bộ Công an'],
      ['3', 'Sở Tài chính', '10/12/2026', '4', '0%', ''],
    ]);
    expect(overdue[2]![1]).toBe('Tham mưu phân bổ vốn đối ứngNguồn: Họp Ban Chỉ đạo quý I năm 2026');

    // Audited with the period, the format and the hash of the bytes handed out.
    const [entry] = query<{ detail: string }>(w.core, "SELECT detail FROM audit_log WHERE action = 'reports.export'");
    expect(JSON.parse(entry!.detail)).toMatchObject({ report: 'tasks', period: '2026-12', asOf: '2026-12-14', format: 'docx', sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('a committee’s DOCX while the period runs: its name, "tính đến ngày", its signer, the placeholder narrative', async () => {
    await monthOfWork();
    const file = await w.core.call('reports.tasksExport', { kind: 'month', format: 'docx', committeeId: w.d.committee });
    expect(file.fileName).toBe('bao-cao-nhiem-vu-ban-chi-dao-phong-chong-tham-nhung-tieu-cuc-tinh-2027-01.docx');
    const paragraphs = wordText(await docxXml(exported(w.core, file)));
    for (const line of [
      'BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG, TIÊU CỰC TỈNH',
      'Số:       /BC-BCĐ',
      'Tình hình thực hiện nhiệm vụ tháng 1/2027 (tính đến ngày 20/12/2026)',
      'Thời gian chốt số liệu: từ ngày 15/12/2026 đến ngày 14/01/2027; số liệu tính đến ngày 20/12/2026.',
      '(Đánh giá chung, kiến nghị, đề xuất)',
      'TL. TRƯỞNG BAN',
      'CHÁNH VĂN PHÒNG',
      '- Thành viên Ban Chỉ đạo;',
    ]) {
      expect(paragraphs, line).toContain(line);
    }
  });

  it('an empty report says no task was assigned instead of tables of zeros', async () => {
    const r = await w.core.call('reports.tasks', { kind: 'quarter', asOf: '2026-09-01' });
    expect(r).toMatchObject({ empty: true, totals: { total: 0 }, units: [], overdue: [], period: { key: '2026-Q3' } });
    const docx = await w.core.call('reports.tasksExport', { kind: 'quarter', asOf: '2026-09-01', format: 'docx' });
    const xml = await docxXml(exported(w.core, docx));
    const paragraphs = wordText(xml);
    expect(paragraphs).toContain('Trong kỳ chưa có nhiệm vụ nào được giao.');
    expect(paragraphs).toContain('Tình hình thực hiện nhiệm vụ quý III/2026 (tính đến ngày 01/09/2026)');
    expect(paragraphs.some((p) => p.startsWith('I. '))).toBe(false);
    expect(tableRows(xml).some((r) => r[1] === 'Tổng cộng')).toBe(false);
    const xlsx = await w.core.call('reports.tasksExport', { kind: 'quarter', asOf: '2026-09-01', format: 'xlsx' });
    const wb = await workbook(exported(w.core, xlsx));
    const texts: string[] = [];
    wb.getWorksheet('Tổng hợp theo đơn vị')!.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('Trong kỳ chưa có nhiệm vụ nào được giao.');
    expect(texts).not.toContain('Tổng cộng');
  });

  it('the XLSX: two sheets, a merged two-row header, frozen panes, formats, totals as formulas that add up', async () => {
    await monthOfWork();
    const file = await w.core.call('reports.tasksExport', { kind: 'month', asOf: '2026-12-14', format: 'xlsx' });
    expect(file).toMatchObject({ fileName: 'bao-cao-nhiem-vu-2026-12.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const wb = await workbook(exported(w.core, file));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp theo đơn vị', 'Nhiệm vụ quá hạn']);

    const s = wb.getWorksheet('Tổng hợp theo đơn vị')!;
    expect(s.getCell('A1').value).toBe('VĂN PHÒNG UBND TỈNH');
    expect(s.getCell('A3').value).toBe('Tháng 12/2026');
    expect(s.getCell('A6').value).toBe('STT');
    expect(s.getCell('A7').isMerged && s.getCell('A7').master.address).toBe('A6');
    expect(s.getCell('D6').value).toBe('Đã hoàn thành');
    expect(s.getCell('E6').master.address).toBe('D6');
    expect([s.getCell('D7').value, s.getCell('E7').value, s.getCell('F7').value, s.getCell('G7').value]).toEqual(['Đúng hạn', 'Quá hạn', 'Trong hạn', 'Quá hạn']);
    expect(s.getCell('G6').master.address).toBe('F6');
    expect(s.getCell('H7').master.address).toBe('H6');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(s.getColumn(2).width).toBeGreaterThan(30);

    const rows = [8, 9, 10].map((r) => [s.getCell(r, 2).value, ...[3, 4, 5, 6, 7].map((c) => s.getCell(r, c).value)]);
    expect(rows).toEqual([
      ['Công an tỉnh Lào Cai', 2, 0, 0, 1, 1],
      ['Sở Tài chính', 3, 1, 1, 0, 1],
      ['Văn phòng UBND tỉnh', 1, 0, 0, 0, 1],
    ]);
    expect(s.getCell('C8').numFmt).toBe('#,##0');
    expect(s.getCell('H8').numFmt).toBe('0.0%');
    expect(s.getCell('H8').formula).toBe('IF(C8=0,"",(D8+F8)/C8)');
    expect(s.getCell('H8').result).toBe(0.5);
    expect(s.getCell('B11').value).toBe('Tổng cộng');
    for (const [col, expected] of [['C', 6], ['D', 1], ['E', 1], ['F', 1], ['G', 3]] as const) {
      const cell = s.getCell(`${col}11`);
      expect(cell.formula).toBe(`SUM(${col}8:${col}10)`);
      expect(cell.result).toBe(expected);
      // What a reader shows is what the rows above add up to.
      expect([8, 9, 10].reduce((sum, r) => sum + (s.getCell(`${col}${r}`).value as number), 0)).toBe(expected);
    }
    expect(s.getCell('H11').result).toBeCloseTo(2 / 6);

    const o = wb.getWorksheet('Nhiệm vụ quá hạn')!;
    expect(o.getRow(4).values).toEqual([undefined, 'STT', 'Nội dung', 'Đơn vị chủ trì', 'Ngày giao', 'Hạn', 'Số ngày quá hạn', 'Tiến độ %', 'Lý do', 'Nguồn']);
    expect(o.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(o.getCell('B5').value).toBe('Hoàn thiện quy chế phối hợp giữa các sở');
    expect((o.getCell('E5').value as Date).toISOString().slice(0, 10)).toBe('2026-10-31');
    expect(o.getCell('E5').numFmt).toBe('dd/mm/yyyy');
    expect([o.getCell('F5').value, o.getCell('H5').value]).toEqual([44, 'Tạm dừng: Chờ bố trí vốn']);
    expect([o.getCell('G6').value, o.getCell('G6').numFmt]).toEqual([0.4, '0%']);
    expect(o.getCell('I7').value).toBe('Họp Ban Chỉ đạo quý I năm 2026');
  });
});

describe('the DOCX of a province with thousands of overdue tasks', () => {
  it('lists the most overdue itself and points to the XLSX for the rest', () => {
    const unit = { id: 'u', code: null, name: 'Sở Xây dựng' };
    const counts = { done_on_time: 0, done_late: 0, open_on_time: 0, open_late: 250, due_soon: 0, total: 250 };
    const report: TasksReport = {
      period: { kind: 'month', key: '2026-11', from: '2026-10-15', to: '2026-11-14', label: { vi: 'Tháng 11/2026', en: '2026-11' } },
      asOf: '2026-11-14',
      partial: false,
      committee: null,
      issuer: 'Văn phòng UBND tỉnh',
      totals: counts,
      assignedInPeriod: 0,
      completedInPeriod: 0,
      units: [{ unit, ...counts }],
      overdue: Array.from({ length: 250 }, (_, i) => ({
        id: String(i), content: `Nhiệm vụ ${i + 1}`, classified: false, leadUnit: unit, assignedOn: '2026-01-05', dueDate: '2026-02-01', daysLate: 286, percent: 10, reason: null, source: null,
      })),
      empty: false,
    };
    const doc = tasksReportDocument({ report, issue: undefined, issuedAt: new Date('2026-11-20T03:00:00Z'), place: 'Lào Cai' });
    const tables = doc.body.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables[1]!.rows).toHaveLength(DOCX_OVERDUE_LIMIT + 1);
    const text = doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(text).toContain(
      'Tính đến ngày 14/11/2026 có 250 nhiệm vụ quá hạn chưa hoàn thành; dưới đây là 200 nhiệm vụ quá hạn lâu nhất, danh sách đầy đủ tại tệp số liệu (XLSX) kèm theo:',
    );
  });
});

describe('the report to a file (CLI)', () => {
  it('writes the file, refuses to overwrite without being told, and is audited', async () => {
    await monthOfWork();
    const target = join(w.dir, 'bao-cao.xlsx');
    const r = await w.core.call('reports.tasksExportFile', { kind: 'month', asOf: '2026-12-14', format: 'xlsx', file: target });
    expect(r).toMatchObject({ file: target, asOf: '2026-12-14', period: { key: '2026-12' } });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    await refused(w.core.call('reports.tasksExportFile', { kind: 'month', asOf: '2026-12-14', format: 'xlsx', file: target }), 'CONFLICT');
    const again = await w.core.call('reports.tasksExportFile', { kind: 'month', asOf: '2026-12-14', format: 'xlsx', file: target, overwrite: true });
    expect(again.bytes).toBeGreaterThan(0);
    expect(query(w.core, "SELECT 1 FROM audit_log WHERE action = 'reports.export'")).toHaveLength(2);
  });
});

