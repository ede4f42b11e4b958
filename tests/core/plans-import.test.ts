import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanImportPreview, PlanImportRow } from '../../shared/contract/index.ts';
import { dataPaths } from '../../electron/core/context.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { exportFile } from '../../electron/core/files/exports.ts';
import { parseFigure } from '../../electron/core/domains/plans/import/figures.ts';
import { Database } from '../support/sqlite.ts';
import { directoryRows } from '../support/directory-rows.ts';
import { auditActions, count, openCore, refused, secretary, stage } from './directory-support.ts';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../support/temp-dir.ts';

const TITLE = 'KẾ HOẠCH THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026';
const HEADER = ['STT', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'ĐVT', 'Đơn vị chủ trì', 'Chiều', 'Nguồn số liệu', 'KH năm 2026', 'Quý I/2026', 'Ghi chú'];

/** A province's plan as it comes: title merged over the table, issuing note, header, numbering. */
async function planFile(body: unknown[][], opts: { header?: string[]; mergeRow?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Biểu 01');
  const header = opts.header ?? HEADER;
  sheet.addRow([TITLE]);
  sheet.mergeCells(1, 1, 1, header.length);
  sheet.addRow(['(Kèm theo Quyết định số 45/QĐ-UBND ngày 10/01/2026 của UBND tỉnh)']);
  sheet.addRow([]);
  sheet.addRow(header);
  sheet.addRow(header.map((_, i) => `(${i + 1})`));
  for (const row of body) sheet.addRow(row);
  if (opts.mergeRow) sheet.mergeCells(opts.mergeRow, 1, opts.mergeRow, 3);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const BODY: unknown[][] = [
  /* 6 */ ['I. CHỈ TIÊU KINH TẾ'],
  /* 7 */ [1, 'KT01', 'Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)', '%', 'Sở Tài chính', 'Tăng', 'Thống kê tỉnh', 8, '6,5'],
  /* 8 */ [2, 'KT02', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', 'STC', '', '', '1.234,5', { formula: '1234.5/4', result: 308.625 }],
  /* 9 */ [3, 'KT03', 'Tỷ lệ giải ngân vốn đầu tư công', '%', '000.00.12.H41', '', '', '95%', 20],
  /* 10 */ ['II', '', 'CHỈ TIÊU XÃ HỘI'],
  /* 11 */ [1, '', 'Giáo dục, đào tạo và lao động'],
  /* 12 */ ['1.1', 'XH01', 'Tỷ lệ trường học đạt chuẩn quốc gia', '%', 'Sở Giáo dục và Đào tạo', '', '', 70, ''],
  /* 13 */ ['1.2', 'XH02', 'Tỷ lệ hộ nghèo theo chuẩn đa chiều', '%', 'Sở Nông nghiệp', 'Giảm', '', '1,5', ''],
  /* 14 */ [],
  /* 15 */ ['1.3', 'XH03', 'Số lao động được tạo việc làm mới', '', 'Sở Nội vụ', '', '', 12000, ''],
  /* 16 */ ['1.4', 'XH04', 'Tỷ lệ lao động qua đào tạo', '%', 'Sở Giáo dục và Đào tạo', '', '', 'nhiều', ''],
  /* 17 */ ['1.5', 'XH05', 'Tỷ lệ dân số tham gia bảo hiểm y tế', '%', 'Sở Tài chính', 'Cao hơn là tốt', 'BHXH tỉnh', '95,2', '1,234.5'],
];

function row(preview: PlanImportPreview, rowNumber: number): PlanImportRow {
  const found = preview.rows.find((r) => r.rowNumber === rowNumber);
  if (!found) throw new Error(`no row ${rowNumber}`);
  return found;
}

const issuesOf = (r: PlanImportRow) => r.issues.map((i) => `${i.column}: ${i.message.vi}`);

function query<T>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function setup() {
  const { core, dir } = await openCore();
  await core.call('profile.create', secretary);
  const rows = directoryRows(core.databaseFile);
  const finance = await core.call('organizations.create', { name: 'Sở Tài chính', shortName: 'STC', organCode: '000.00.12.H41' });
  const education = await core.call('organizations.create', { name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GDĐT' });
  const agriculture = await core.call('organizations.create', { name: 'Sở Nông nghiệp và Môi trường', shortName: 'Sở Nông nghiệp' });
  const committee = rows.committee('Ban Chỉ đạo phát triển kinh tế - xã hội tỉnh');
  return { core, dir, committee, finance: finance.id, education: education.id, agriculture: agriculture.id };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Vietnamese figures', () => {
  it('reads the ways tables write numbers, and refuses words', () => {
    const value = (t: string) => {
      const f = parseFigure(t);
      return f.kind === 'number' ? f.value : f.kind;
    };
    expect(value('98,5')).toBe(98.5);
    expect(value('1.234,5')).toBe(1234.5);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1.234.567')).toBe(1234567);
    expect(value('95%')).toBe(95);
    expect(value('98.5')).toBe(98.5);
    expect(value('-2,5')).toBe(-2.5);
    expect(value('')).toBe('empty');
    expect(value('nhiều')).toBe('invalid');
    expect(value('1,2,3')).toBe('invalid');
    expect(value('1.23.4')).toBe('invalid');
  });
});

describe('importing a plan of targets', () => {
  it('previews the table row by row without writing, then writes the plan, its groups, targets, goals and an audit entry', async () => {
    const { core, dir, committee, finance, education, agriculture } = await setup();
    const upload = stage(dir, 'ke-hoach-2026.xlsx', await planFile(BODY, { mergeRow: 6 }));
    const auditBefore = auditActions(dir);

    const preview = await core.call('plans.importPreview', { upload, committeeId: committee });
    expect(preview).toMatchObject({
      fileName: 'ke-hoach-2026.xlsx',
      sheetName: 'Biểu 01',
      title: TITLE,
      planId: null,
      committeeId: committee,
      periods: ['2026', '2026-Q1'],
      yearFrom: 2026,
      yearTo: 2026,
    });
    expect(preview.rows.map((r) => [r.rowNumber, r.kind, r.action])).toEqual([
      [6, 'group', 'create'],
      [7, 'target', 'create'],
      [8, 'target', 'create'],
      [9, 'target', 'create'],
      [10, 'group', 'create'],
      [11, 'group', 'create'],
      [12, 'target', 'create'],
      [13, 'target', 'create'],
      [15, 'target', 'skip'],
      [16, 'target', 'skip'],
      [17, 'target', 'create'],
    ]);
    expect(row(preview, 6).values).toMatchObject({ stt: 'I', name: 'CHỈ TIÊU KINH TẾ' });
    expect(row(preview, 8).values).toMatchObject({ code: 'KT02', '2026': '1.234,5', '2026-Q1': '308.625' });
    expect(issuesOf(row(preview, 15))).toEqual([
      'measure: Chỉ tiêu chưa có đơn vị tính (ĐVT).',
      'owner: Không tìm thấy đơn vị chủ trì "Sở Nội vụ" trong danh bạ. Hãy thêm đơn vị vào danh bạ hoặc sửa tên cho khớp.',
    ]);
    expect(issuesOf(row(preview, 16))).toEqual(['2026: Giá trị "nhiều" ở cột Năm 2026 không phải là số.']);
    expect(row(preview, 16).issues[0]!.message.en).toBe('"nhiều" in the 2026 column is not a number.');
    expect(preview.counts).toEqual({ total: 8, create: 6, update: 0, unchanged: 0, skip: 2, groups: 3 });
    expect(count(dir, 'action_plans')).toBe(0);
    expect(count(dir, 'plan_targets')).toBe(0);
    expect(auditActions(dir)).toEqual(auditBefore);

    const result = await core.call('plans.importCommit', { previewId: preview.previewId });
    expect(result).toMatchObject({ created: 6, updated: 0, unchanged: 0, skipped: 2, groups: 3, goals: 10 });
    const detail = await core.call('plans.get', { planId: result.planId });
    expect(detail.plan).toMatchObject({ title: TITLE, yearFrom: 2026, yearTo: 2026, committee: { id: committee }, targets: 6 });
    const [economy, society, education_] = detail.groups;
    expect(detail.groups.map((g) => [g.code, g.title, g.parentId])).toEqual([
      ['I', 'CHỈ TIÊU KINH TẾ', null],
      ['II', 'CHỈ TIÊU XÃ HỘI', null],
      ['1', 'Giáo dục, đào tạo và lao động', society!.id],
    ]);
    const byCode = new Map(detail.targets.map((t) => [t.code, t]));
    expect([...byCode.keys()]).toEqual(['KT01', 'KT02', 'KT03', 'XH01', 'XH02', 'XH05']);
    expect(byCode.get('KT01')).toMatchObject({ groupId: economy!.id, measure: '%', direction: 'higher', source: 'Thống kê tỉnh', goals: { '2026': 8, '2026-Q1': 6.5 } });
    expect(byCode.get('KT01')!.ownerUnit?.id).toBe(finance);
    expect(byCode.get('KT02')).toMatchObject({ measure: 'tỷ đồng', goals: { '2026': 1234.5, '2026-Q1': 308.625 } });
    expect(byCode.get('KT02')!.ownerUnit?.id).toBe(finance);
    expect(byCode.get('KT03')).toMatchObject({ goals: { '2026': 95, '2026-Q1': 20 } });
    expect(byCode.get('XH01')).toMatchObject({ groupId: education_!.id, goals: { '2026': 70 } });
    expect(byCode.get('XH01')!.ownerUnit?.id).toBe(education);
    expect(byCode.get('XH02')).toMatchObject({ direction: 'lower', goals: { '2026': 1.5 } });
    expect(byCode.get('XH02')!.ownerUnit?.id).toBe(agriculture);
    expect(byCode.get('XH05')).toMatchObject({ goals: { '2026': 95.2, '2026-Q1': 1234.5 } });
    const stored = query<{ source_file: string; created_by: string | null }>(dir, 'SELECT source_file, created_by FROM action_plans');
    expect(stored).toEqual([{ source_file: 'ke-hoach-2026.xlsx', created_by: expect.any(String) }]);
    expect(query<{ search_key: string }>(dir, "SELECT search_key FROM plan_targets WHERE code = 'KT02'")[0]!.search_key).toBe('thu ngan sach nha nuoc tren dia ban kt02');
    const audit = query<{ action: string; entity: string; entity_id: string; detail: string }>(
      dir,
      "SELECT action, entity, entity_id, detail FROM audit_log WHERE action = 'plans.import'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'action_plan', entity_id: result.planId });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ fileName: 'ke-hoach-2026.xlsx', created: 6, updated: 0, unchanged: 0, skipped: 2, groups: 3, goals: 10 });

    // A preview is used once.
    await refused(core.call('plans.importCommit', { previewId: preview.previewId }), 'NOT_FOUND');
    expect(count(dir, 'action_plans')).toBe(1);
    await core.close();
  });

  it('re-imported into the plan, updates targets by code, leaves the same ones, refuses periods outside the plan', async () => {
    const { core, dir, committee } = await setup();
    const first = await core.call('plans.importPreview', { upload: stage(dir, 'ke-hoach.xlsx', await planFile(BODY)), committeeId: committee });
    const { planId } = await core.call('plans.importCommit', { previewId: first.previewId, title: 'Kế hoạch 45/KH-UBND' });
    expect((await core.call('plans.get', { planId })).plan.title).toBe('Kế hoạch 45/KH-UBND');

    const header = [...HEADER.slice(0, 9), 'Quý I/2027'];
    const again = await planFile(
      [
        ['I', '', 'CHỈ TIÊU KINH TẾ'],
        [1, 'KT01', 'Tốc độ tăng trưởng GRDP', '%', 'Sở Tài chính', 'Tăng', 'Thống kê tỉnh', 8, '6,8', ''],
        [2, 'kt02', 'Thu ngân sách nhà nước trên địa bàn', 'tỷ đồng', 'STC', '', '', '1.234,5', 308.625, ''],
        [3, 'KT09', 'Kim ngạch xuất khẩu', 'triệu USD', 'Sở Tài chính', '', '', 500, '', ''],
        [4, 'KT10', 'Số doanh nghiệp thành lập mới', 'doanh nghiệp', '', '', '', 300, 60, 80],
      ],
      { header },
    );
    const preview = await core.call('plans.importPreview', { upload: stage(dir, 'ke-hoach-sua.xlsx', again), planId });
    expect(preview).toMatchObject({ planId, committeeId: committee, title: 'Kế hoạch 45/KH-UBND', periods: ['2026', '2026-Q1', '2027-Q1'], yearFrom: 2026, yearTo: 2026 });
    expect(preview.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [6, 'unchanged'],
      [7, 'update'],
      [8, 'unchanged'],
      [9, 'create'],
      [10, 'skip'],
    ]);
    expect(issuesOf(row(preview, 10))).toEqual(['2027-Q1: Cột Quý I/2027 nằm ngoài thời gian của kế hoạch (2026).']);
    expect(preview.counts).toMatchObject({ create: 1, update: 1, unchanged: 1, skip: 1, groups: 0 });

    const result = await core.call('plans.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({ planId, created: 1, updated: 1, unchanged: 1, skipped: 1, groups: 0, goals: 2 });
    const detail = await core.call('plans.get', { planId });
    expect(detail.plan.title).toBe('Kế hoạch 45/KH-UBND');
    expect(detail.groups).toHaveLength(3);
    const byCode = new Map(detail.targets.map((t) => [t.code, t]));
    expect(byCode.get('KT01')).toMatchObject({ name: 'Tốc độ tăng trưởng GRDP', goals: { '2026': 8, '2026-Q1': 6.8 } });
    expect(byCode.get('KT09')).toMatchObject({ groupId: detail.groups[0]!.id, goals: { '2026': 500 } });
    expect(byCode.has('KT10')).toBe(false);
    expect(detail.targets).toHaveLength(7);
    await core.close();
  });

  it('refuses an expired preview, unknown committees and plans, and a table without period columns', async () => {
    const { core, dir, committee } = await setup();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-02-01T08:00:00+07:00'));
    const preview = await core.call('plans.importPreview', { upload: stage(dir, 'ke-hoach.xlsx', await planFile(BODY)), committeeId: committee });
    vi.setSystemTime(new Date('2026-02-01T08:31:00+07:00'));
    const expired = await refused(core.call('plans.importCommit', { previewId: preview.previewId }), 'NOT_FOUND');
    expect(expired.payload.message.vi).toBe('Bản xem trước đã hết hạn hoặc đã được dùng. Hãy chọn lại tệp để nhập.');
    expect(count(dir, 'action_plans')).toBe(0);
    vi.useRealTimers();

    const noCommittee = await refused(
      core.call('plans.importPreview', { upload: stage(dir, 'a.xlsx', await planFile(BODY)), committeeId: '01900000-0000-7000-8000-000000000000' }),
      'NOT_FOUND',
    );
    expect(noCommittee.payload.message.vi).toBe('Không tìm thấy Ban Chỉ đạo này.');
    const noPlan = await refused(
      core.call('plans.importPreview', { upload: stage(dir, 'a.xlsx', await planFile(BODY)), planId: '01900000-0000-7000-8000-000000000000' }),
      'NOT_FOUND',
    );
    expect(noPlan.payload.message.vi).toBe('Không tìm thấy kế hoạch để nhập chỉ tiêu vào.');

    const flat = await planFile([[1, 'KT01', 'Tốc độ tăng trưởng GRDP', '%', 'Sở Tài chính', '', '', 'x']], {
      header: ['STT', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Đơn vị tính', 'Đơn vị chủ trì', 'Chiều', 'Nguồn số liệu', 'Ghi chú'],
    });
    const invalid = await refused(core.call('plans.importPreview', { upload: stage(dir, 'khong-co-ky.xlsx', flat) }), 'FILE_INVALID');
    expect(invalid.payload.message.vi).toContain('Bảng trong tệp "khong-co-ky.xlsx" không có cột kỳ chỉ tiêu nào');
    expect(invalid.payload.message.vi).toContain('"Quý I/2026"');
    expect(count(dir, 'action_plans')).toBe(0);
    await core.close();
  });

  it('cancels a preview, and imports the template it hands out', async () => {
    const { core, dir } = await setup();
    const exported = await core.call('plans.importTemplate', {});
    expect(exported.fileName).toBe('mau-ke-hoach-chi-tieu.xlsx');
    const file = exportFile(dataPaths(dir), exported.exportId)!.file;
    const preview = await core.call('plans.importFile', { file, dryRun: true });
    expect(preview.result).toBeNull();
    expect(preview.preview).toMatchObject({ title: TITLE, periods: ['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] });
    expect(preview.preview.rows.map((r) => [r.rowNumber, r.kind])).toEqual([
      [4, 'group'],
      [5, 'target'],
      [6, 'target'],
    ]);
    expect(preview.preview.rows.flatMap((r) => r.issues)).toEqual([]);
    expect(preview.preview.rows[2]!.values).toMatchObject({ direction: 'Giảm', '2026': '1.5', '2026-Q2': '2' });
    expect(count(dir, 'action_plans')).toBe(0);

    const held = await core.call('plans.importPreview', { upload: stage(dir, 'k.xlsx', await planFile(BODY)) });
    await core.call('plans.importCancel', { previewId: held.previewId });
    await refused(core.call('plans.importCommit', { previewId: held.previewId }), 'NOT_FOUND');
    expect(count(dir, 'action_plans')).toBe(0);

    const missing = await refused(core.call('plans.importFile', { file: join(tempDir(), 'khong-co.xlsx') }), 'NOT_FOUND');
    expect(missing.payload.message.vi).toContain('Không tìm thấy tệp');
    const folder = tempDir();
    await refused(core.call('plans.importFile', { file: folder }), 'FILE_INVALID');
    writeFileSync(join(folder, 'ok.xlsx'), await planFile(BODY.filter((_, i) => i !== 9 && i !== 10)));
    const imported = await core.call('plans.importFile', { file: join(folder, 'ok.xlsx'), title: 'Kế hoạch năm 2026' });
    expect(imported.result).toMatchObject({ created: 6, skipped: 0, groups: 3 });
    expect((await core.call('plans.list', {}))[0]!.title).toBe('Kế hoạch năm 2026');
    await core.close();
  });
});
