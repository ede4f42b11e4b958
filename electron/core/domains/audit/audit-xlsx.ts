import ExcelJS from 'exceljs';
import { auditActionLabel, type AuditEntryView, type AuditFilter, type AuditVerification } from '../../../../shared/contract/index.ts';
import { timeDateVi } from '../../../../shared/vn-time.ts';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: 'Times New Roman', size: 12 };
const COLUMNS = [
  { header: 'Số', width: 8 },
  { header: 'Thời gian', width: 18 },
  { header: 'Người thực hiện', width: 30 },
  { header: 'Thao tác', width: 34 },
  { header: 'Đối tượng', width: 16 },
  { header: 'Mã đối tượng', width: 38 },
  { header: 'Chi tiết', width: 50 },
  { header: 'Mã băm (SHA-256)', width: 68 },
];

function filterText(filter: AuditFilter | undefined, actorName: string | null): string {
  const parts = [
    filter?.from || filter?.to ? `Thời gian: ${filter.from ?? '…'} – ${filter.to ?? '…'}` : 'Toàn bộ thời gian',
    actorName ? `Người thực hiện: ${actorName}` : null,
    filter?.action ? `Thao tác: ${auditActionLabel(filter.action, 'vi')}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * The log as a workbook an inspector can read and re-check: one row per entry with its hash, and a
 * second sheet with the chain's head and the verification done at export time.
 */
export async function auditXlsx(
  entries: Iterable<AuditEntryView>,
  meta: { filter: AuditFilter | undefined; actorName: string | null; verification: AuditVerification; exportedBy: string | null; exportedAt: Date },
): Promise<{ buffer: Buffer; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nghị Sự';
  const sheet = workbook.addWorksheet('Nhật ký', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = COLUMNS.map(({ width }) => ({ width }));
  const title = sheet.addRow(['NHẬT KÝ HOẠT ĐỘNG']);
  sheet.mergeCells(title.number, 1, title.number, COLUMNS.length);
  title.getCell(1).font = { ...FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center' };
  const sub = sheet.addRow([filterText(meta.filter, meta.actorName)]);
  sheet.mergeCells(sub.number, 1, sub.number, COLUMNS.length);
  sub.getCell(1).font = { ...FONT, italic: true };
  sub.getCell(1).alignment = { horizontal: 'center' };
  sheet.addRow([]);
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  let rows = 0;
  for (const e of entries) {
    rows++;
    const row = sheet.addRow([
      e.seq,
      timeDateVi(e.at),
      e.actor?.name ?? 'Ứng dụng',
      auditActionLabel(e.action, 'vi'),
      e.entity,
      e.entityId ?? '',
      e.detail ? JSON.stringify(e.detail) : '',
      e.hash,
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = FONT;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  }

  const check = workbook.addWorksheet('Kiểm tra');
  check.columns = [{ width: 34 }, { width: 80 }];
  const v = meta.verification;
  const lines: Array<[string, string | number]> = [
    ['Xuất lúc', timeDateVi(meta.exportedAt)],
    ['Người xuất', meta.exportedBy ?? '—'],
    ['Số mục trong tệp', rows],
    ['Tổng số mục trong nhật ký', v.entries],
    ['Kết quả kiểm tra chuỗi băm', v.ok ? 'Nguyên vẹn' : `CÓ DẤU HIỆU BỊ SỬA (${v.problems.length} vấn đề)`],
    ['Mục cuối cùng (số)', v.head?.seq ?? '—'],
    ['Mã băm mục cuối cùng', v.head?.hash ?? '—'],
    ...v.problems.map((p): [string, string] => [`Vấn đề ở mục ${p.seq}`, p.message.vi]),
  ];
  for (const [k, value] of lines) {
    const row = check.addRow([k, value]);
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).font = FONT;
    row.getCell(2).alignment = { wrapText: true };
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), rows };
}
