import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DirectoryImportPreview, DirectoryImportRow } from '../../shared/contract/index.ts';
import { dataPaths } from '../../electron/core/context.ts';
import { DATABASE_FILE } from '../../electron/core/db/identity.ts';
import { exportFile } from '../../electron/core/files/exports.ts';
import { Database } from '../support/sqlite.ts';
import { auditActions, count, openCore, refused, secretary, stage } from './directory-support.ts';

async function xlsx(rows: unknown[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function row(preview: DirectoryImportPreview, rowNumber: number): DirectoryImportRow {
  const found = preview.rows.find((r) => r.rowNumber === rowNumber);
  if (!found) throw new Error(`no row ${rowNumber}`);
  return found;
}

const issuesOf = (r: DirectoryImportRow) => r.issues.map((i) => `${i.column}: ${i.message.vi}`);

describe('importing people from a spreadsheet', () => {
  it('previews an Excel staff list row by row, writes nothing, then imports exactly the valid rows', async () => {
    const { core, dir } = await openCore();
    const profile = await core.call('profile.create', secretary);
    const office = await core.call('organizations.create', { name: 'Văn phòng UBND tỉnh', organCode: '000.00.31.H41' });
    const finance = await core.call('organizations.create', { name: 'Sở Tài chính', shortName: 'STC', organCode: '000.00.12.H41' });
    const existing = await core.call('people.create', { fullName: 'Trần Văn Bình', position: 'Chuyên viên', organizationId: finance.id });
    const same = await core.call('people.create', { fullName: 'Phạm Thu Hà', position: 'Kế toán', organizationId: finance.id });

    const file = await xlsx([
      ['DANH SÁCH CÁN BỘ THAM GIA BAN CHỈ ĐẠO'],
      ['(Kèm theo Công văn số 15/VP-TH ngày 05/01/2026)'],
      [],
      ['STT', 'HỌ VÀ TÊN', 'Chức vụ', 'Đơn vị', 'Mã định danh đơn vị', 'E-mail', 'Số điện thoại', 'Ghi chú'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
      [1, 'Nguyễn Văn An', 'Chánh Văn phòng', 'Văn phòng UBND tỉnh', '', 'nvan@laocai.gov.vn', '0214 3840 123'],
      [2, 'Lê Thị Cúc', 'Phó Giám đốc', '', '000.00.12.H41', '', ''],
      [3, 'Hoàng Minh Đức', 'Chuyên viên', 'STC', '', 'khong-phai-email', ''],
      [4, '', 'Kế toán', 'Sở Tài chính', '', '', ''],
      [5, 'Vũ Thị Hạnh', 'Chuyên viên', 'Sở Công Thương', '', '', ''],
      [6, 'Trần Văn Bình', 'Trưởng phòng', 'sở tài chính', '', '', '0912.345.678'],
      [7, 'Phạm Thu Hà', 'Kế toán', 'Sở Tài chính', '', '', ''],
      [8, 'Nguyễn Văn An', 'Chánh Văn phòng', 'Văn phòng UBND tỉnh', '', '', ''],
      [9, 'Đinh Công Sơn', '', '', '00012H41', '', ''],
      [],
      ['', '', '', '', '', '', '', 'Tổng cộng: 9 người'],
    ]);
    const upload = stage(dir, 'danh-sach-can-bo.xlsx', file);
    const auditBefore = auditActions(dir);

    const preview = await core.call('directory.importPreview', { upload, kind: 'people' });
    expect(existsSync(join(dir, 'staging', upload.uploadId))).toBe(false);
    expect(preview).toMatchObject({ kind: 'people', fileName: 'danh-sach-can-bo.xlsx', sheetName: 'Danh sách' });
    expect(preview.columns.map((c) => [c.key, c.present])).toEqual([
      ['fullName', true],
      ['position', true],
      ['unit', true],
      ['unitCode', true],
      ['email', true],
      ['phone', true],
    ]);
    expect(preview.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [6, 'create'],
      [7, 'create'],
      [8, 'skip'],
      [9, 'skip'],
      [10, 'skip'],
      [11, 'update'],
      [12, 'unchanged'],
      [13, 'skip'],
      [14, 'skip'],
    ]);
    expect(row(preview, 6).values).toMatchObject({ fullName: 'Nguyễn Văn An', unit: 'Văn phòng UBND tỉnh', email: 'nvan@laocai.gov.vn' });
    expect(row(preview, 6).issues).toEqual([]);
    expect(issuesOf(row(preview, 8))).toEqual(['email: Địa chỉ thư điện tử "khong-phai-email" không hợp lệ.']);
    expect(issuesOf(row(preview, 9))).toEqual(['fullName: Thiếu họ và tên.']);
    expect(issuesOf(row(preview, 10))[0]).toMatch(/^unit: Danh mục chưa có đơn vị "Sở Công Thương"/);
    expect(issuesOf(row(preview, 13))).toEqual(['fullName: Trùng với dòng 6 trong tệp (cùng họ tên, cùng đơn vị).']);
    expect(issuesOf(row(preview, 14))[0]).toMatch(/^unitCode: Mã định danh đơn vị "00012H41" không đúng định dạng/);
    expect(row(preview, 8).issues[0]?.message.en).toBe('The e-mail address "khong-phai-email" is invalid.');
    expect(preview.counts).toEqual({ total: 9, create: 2, update: 1, unchanged: 1, skip: 5 });

    // The preview wrote nothing.
    expect(count(dir, 'people')).toBe(2);
    expect(auditActions(dir)).toEqual(auditBefore);

    const result = await core.call('directory.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({ kind: 'people', created: 2, updated: 1, unchanged: 1, skipped: 5 });
    const all = (await core.call('people.list', { limit: 100 })).items;
    expect(all.map((p) => [p.fullName, p.position, p.organizationName, p.email, p.phone]).sort()).toEqual(
      [
        ['Lê Thị Cúc', 'Phó Giám đốc', 'Sở Tài chính', null, null],
        ['Nguyễn Văn An', 'Chánh Văn phòng', 'Văn phòng UBND tỉnh', 'nvan@laocai.gov.vn', '0214 3840 123'],
        ['Phạm Thu Hà', 'Kế toán', 'Sở Tài chính', null, null],
        ['Trần Văn Bình', 'Trưởng phòng', 'Sở Tài chính', null, '0912.345.678'],
      ].sort(),
    );
    expect(all.find((p) => p.fullName === 'Trần Văn Bình')?.id).toBe(existing.id);
    expect(all.find((p) => p.fullName === 'Phạm Thu Hà')?.updatedAt).toBe(same.updatedAt);
    expect((await core.call('people.list', { query: 'nguyen van an' })).items[0]?.organizationId).toBe(office.id);

    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const createdBy = db.prepare("SELECT DISTINCT created_by FROM people WHERE full_name IN ('Nguyễn Văn An', 'Lê Thị Cúc')").pluck().all();
    const audit = db.prepare("SELECT detail FROM audit_log WHERE action = 'directory.import'").pluck().all() as string[];
    db.close();
    expect(createdBy).toEqual([profile.id]);
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([
      { fileName: 'danh-sach-can-bo.xlsx', kind: 'people', created: 2, updated: 1, unchanged: 1, skipped: 5 },
    ]);

    // A preview is used once.
    await refused(core.call('directory.importCommit', { previewId: preview.previewId }), 'NOT_FOUND');
    await core.close();
  });

  it('reads a CSV from Vietnamese Excel (BOM, semicolons, English headers too); cancel imports nothing', async () => {
    const { core, dir } = await openCore();
    await core.call('organizations.create', { name: 'Sở Nội vụ', organCode: '000.00.05.H41' });
    const csv = '\uFEFFFull name;Position;Unit;Email;Phone\r\n' +
      'Ngô Thị Thu;Giám đốc Sở;Sở Nội vụ;ntthu@laocai.gov.vn;0214 3820 001\r\n' +
      '"Bùi Văn Tâm; con";"Phó Giám đốc, phụ trách";000.00.05.H41;;\r\n' +
      ';Chuyên viên;Sở Nội vụ;;\r\n';
    const preview = await core.call('directory.importPreview', { upload: stage(dir, 'can-bo.csv', csv), kind: 'people' });
    expect(preview.sheetName).toBeNull();
    expect(preview.columns.find((c) => c.key === 'unitCode')?.present).toBe(false);
    expect(preview.rows.map((r) => [r.rowNumber, r.action, r.values['fullName']])).toEqual([
      [2, 'create', 'Ngô Thị Thu'],
      [3, 'create', 'Bùi Văn Tâm; con'],
      [4, 'skip', ''],
    ]);
    expect(row(preview, 3).values['position']).toBe('Phó Giám đốc, phụ trách');

    expect(await core.call('directory.importCancel', { previewId: preview.previewId })).toEqual({ previewId: preview.previewId });
    await refused(core.call('directory.importCommit', { previewId: preview.previewId }), 'NOT_FOUND');
    expect(count(dir, 'people')).toBe(0);
    expect(auditActions(dir).filter((a) => a === 'directory.import')).toEqual([]);

    // Excel's "Unicode Text": UTF-16 with tabs.
    const unicodeText = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Họ và tên\tChức vụ\r\nLò Thị Mai\tChuyên viên\r\n', 'utf16le')]);
    const fromUtf16 = await core.call('directory.importPreview', { upload: stage(dir, 'can-bo.txt', unicodeText), kind: 'people' });
    expect(fromUtf16.rows.map((r) => r.values)).toEqual([{ fullName: 'Lò Thị Mai', position: 'Chuyên viên' }]);
    await core.call('directory.importCancel', { previewId: fromUtf16.previewId });

    // Plain UTF-8 with commas and no BOM reads the same.
    const plain = await core.call('directory.importPreview', {
      upload: stage(dir, 'can-bo.csv', 'Họ và tên,Chức vụ,Đơn vị\nNgô Thị Thu,Giám đốc Sở,Sở Nội vụ\n'),
      kind: 'people',
    });
    expect(plain.counts).toMatchObject({ create: 1, skip: 0 });
    const result = await core.call('directory.importCommit', { previewId: plain.previewId });
    expect(result.created).toBe(1);
    expect(count(dir, 'people')).toBe(1);
    await core.close();
  });

  it('plans again at commit: a unit deleted after the preview turns its rows into skips, not errors', async () => {
    const { core, dir } = await openCore();
    const unit = await core.call('organizations.create', { name: 'Ban Dân tộc' });
    const preview = await core.call('directory.importPreview', {
      upload: stage(dir, 'a.csv', 'Họ và tên,Đơn vị\nLò Văn Pao,Ban Dân tộc\nSùng A Chư,\n'),
      kind: 'people',
    });
    expect(preview.counts).toMatchObject({ create: 2, skip: 0 });
    await core.call('organizations.delete', { id: unit.id });
    expect(await core.call('directory.importCommit', { previewId: preview.previewId })).toMatchObject({ created: 1, skipped: 1 });
    expect((await core.call('people.list', {})).items.map((p) => p.fullName)).toEqual(['Sùng A Chư']);
    await core.close();
  });
});

describe('importing units from a spreadsheet', () => {
  it('builds the hierarchy from parent codes, in any row order, and reports bad codes, unknown parents and loops', async () => {
    const { core, dir } = await openCore();
    const province = await core.call('organizations.create', { name: 'Ủy ban nhân dân tỉnh Lào Cai', organCode: '000.00.00.H41' });
    const codeless = await core.call('organizations.create', { name: 'Sở Giáo dục và Đào tạo' });
    const file = await xlsx([
      ['Mã định danh', 'Tên cơ quan, đơn vị', 'Tên viết tắt', 'Mã định danh cấp trên'],
      ['000.01.12.H41', 'Phòng Quản lý ngân sách', '', '000.00.12.H41'],
      ['000.00.12.H41', 'Sở Tài chính', 'STC', '000.00.00.H41'],
      ['000.00.00.H41', 'UBND tỉnh Lào Cai', 'UBND tỉnh', ''],
      ['000.00.14.H41', 'Sở Giáo dục và Đào tạo', 'SGDĐT', '000.00.00.H41'],
      ['12.34', 'Sở Y tế', '', '000.00.99.H41'],
      ['000-00-19-H41', 'Sở Tư pháp', '', ''],
      ['000.00.50.H41', 'Vòng A', '', '000.00.51.H41'],
      ['000.00.51.H41', 'Vòng B', '', '000.00.50.H41'],
      ['000.00.52.H41', '', '', ''],
      ['000.00.12.H41', 'Sở Tài chính (lặp)', '', ''],
    ]);
    const preview = await core.call('directory.importPreview', { upload: stage(dir, 'don-vi.xlsx', file), kind: 'organizations' });
    expect(preview.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'update'],
      [5, 'update'],
      [6, 'skip'],
      [7, 'skip'],
      [8, 'skip'],
      [9, 'skip'],
      [10, 'skip'],
      [11, 'skip'],
    ]);
    expect(issuesOf(row(preview, 6))).toEqual(['parentCode: Không tìm thấy đơn vị cấp trên có mã 000.00.99.H41 trong danh mục hay trong tệp.']);
    expect(issuesOf(row(preview, 7))[0]).toMatch(/^organCode: Mã định danh "000-00-19-H41" không đúng/);
    expect(issuesOf(row(preview, 8))[0]).toContain('vòng lặp');
    expect(issuesOf(row(preview, 9))[0]).toContain('vòng lặp');
    expect(issuesOf(row(preview, 10))).toEqual(['name: Thiếu tên cơ quan, đơn vị.']);
    expect(issuesOf(row(preview, 11))).toEqual(['organCode: Trùng với dòng 3 trong tệp.']);
    expect(count(dir, 'organizations')).toBe(2);

    const result = await core.call('directory.importCommit', { previewId: preview.previewId });
    expect(result).toEqual({ kind: 'organizations', created: 2, updated: 2, unchanged: 0, skipped: 6 });
    const list = await core.call('organizations.list', {});
    expect(list.map((o) => [o.organCode, o.name, o.shortName, o.depth])).toEqual([
      ['000.00.00.H41', 'UBND tỉnh Lào Cai', 'UBND tỉnh', 0],
      ['000.00.14.H41', 'Sở Giáo dục và Đào tạo', 'SGDĐT', 1],
      ['000.00.12.H41', 'Sở Tài chính', 'STC', 1],
      ['000.01.12.H41', 'Phòng Quản lý ngân sách', null, 2],
    ]);
    expect(list[0]?.id).toBe(province.id);
    expect(list[1]?.id).toBe(codeless.id);

    // The same file again changes nothing.
    const again = await core.call('directory.importPreview', { upload: stage(dir, 'don-vi.xlsx', file), kind: 'organizations' });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 4 });
    await core.call('directory.importCancel', { previewId: again.previewId });
    await core.close();
  });
});

describe('files that cannot be imported', () => {
  it('are refused with a clear message and nothing is written', async () => {
    const { core, dir } = await openCore();
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['rong.csv', '', /rỗng/],
      ['tai-lieu.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /là tệp PDF/],
      ['cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /Excel cũ \(\.xls\)/],
      ['hong.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /Không đọc được tệp Excel/],
      ['anh.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /không phải bảng tính/],
      ['nhi-phan.bin', Buffer.from([0x41, 0, 0x42, 0, 0x43]), /không phải bảng tính/],
      ['windows-1258.csv', Buffer.from('H\xe4 v\xe0 t\xean\nNguy\xean\n', 'latin1'), /UTF-8/],
      ['khong-tieu-de.csv', 'Tên hàng,Số lượng\nBút bi,20\n', /Không tìm thấy dòng tiêu đề.*"Họ và tên" \(bắt buộc\)/],
      ['chi-tieu-de.csv', 'Họ và tên,Chức vụ\n,\n', /không có dòng dữ liệu/],
    ];
    for (const [name, content, message] of cases) {
      const upload = stage(dir, name, content);
      const e = await refused(core.call('directory.importPreview', { upload, kind: 'people' }), 'FILE_INVALID');
      expect(e.text.vi, name).toMatch(message);
      expect(e.text.en.length, name).toBeGreaterThan(10);
      expect(existsSync(join(dir, 'staging', upload.uploadId)), name).toBe(false);
    }
    const huge = `Họ và tên\n${Array.from({ length: 20_001 }, (_, i) => `Cán bộ ${i}`).join('\n')}\n`;
    const e = await refused(core.call('directory.importPreview', { upload: stage(dir, 'lon.csv', huge), kind: 'people' }), 'FILE_INVALID');
    expect(e.text.vi).toMatch(/20\.000/);

    const noHeaderForUnits = await xlsx([['Họ và tên', 'Chức vụ'], ['Nguyễn Văn An', 'Chuyên viên']]);
    await refused(core.call('directory.importPreview', { upload: stage(dir, 'x.xlsx', noHeaderForUnits), kind: 'organizations' }), 'FILE_INVALID');
    await refused(core.call('directory.importPreview', { upload: { uploadId: '0190a6f0-7b8c-7def-8123-456789abcdef', fileName: 'mat.csv' }, kind: 'people' }), 'NOT_FOUND');
    expect(count(dir, 'people') + count(dir, 'organizations') + count(dir, 'audit_log')).toBe(0);
    await core.close();
  });
});

describe('import templates', () => {
  it('are XLSX files with the recognised headers and an example, and import as they are (units first, then people in them)', async () => {
    const { core, dir } = await openCore();
    for (const [kind, fileName, headers] of [
      ['organizations', 'mau-nhap-co-quan-don-vi.xlsx', ['Mã định danh', 'Tên cơ quan, đơn vị', 'Tên viết tắt', 'Mã định danh cấp trên']],
      ['people', 'mau-nhap-can-bo.xlsx', ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Mã định danh đơn vị', 'Email', 'Điện thoại']],
    ] as const) {
      const exported = await core.call('directory.importTemplate', { kind });
      expect(exported).toMatchObject({ fileName, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const file = exportFile(dataPaths(dir), exported.exportId)!.file;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
      expect(sheet.rowCount).toBeGreaterThanOrEqual(2);
      if (kind === 'organizations') {
        const preview = await core.call('directory.importPreview', { upload: stage(dir, fileName, readFileSync(file)), kind });
        expect(preview.counts).toMatchObject({ total: 2, create: 2, skip: 0 });
        await core.call('directory.importCommit', { previewId: preview.previewId });
      } else {
        const preview = await core.call('directory.importPreview', { upload: stage(dir, fileName, readFileSync(file)), kind });
        expect(preview.counts).toMatchObject({ total: 1, create: 1, skip: 0 });
        expect(preview.rows[0]?.values).toMatchObject({ unitCode: '000.00.31.H41', phone: '0214 3840 123' });
      }
    }
    await core.close();
  });
});
