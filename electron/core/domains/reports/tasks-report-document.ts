import type { BucketCounts, TasksReport, TasksReportIssue, TaskUnit } from '../../../../shared/contract/index.ts';
import type { OfficialBlock, OfficialDocument, TableBlock, TextRun } from '../../official-docs/official-text.ts';
import { placeDateVi } from '../../official-docs/place-date.ts';
import { cell, heading, para, text } from './report-blocks.ts';
import { recipientLines } from '../minutes/exports/notice-document.ts';
import { SIGNING_ROOM } from '../minutes/exports/minutes-document.ts';
import { asOfNote, dateVi, EMPTY_REPORT_LINE, onTimeShare, percentVi, periodPhrase, windowSentence } from './report-wording.ts';
import { defaultRecipients, defaultSigner, narrative, notationOf } from './official-report-parts.ts';
import { targetsCountsLine, targetsTable } from './targets-table.ts';

const unitName = (u: TaskUnit) => u.name || u.code || u.id;

/** I. The buckets over every task assigned by the as-of date, and the period's own movement. */
function summary(report: TasksReport): OfficialBlock[] {
  const t = report.totals;
  const done = t.done_on_time + t.done_late;
  const open = t.open_on_time + t.open_late;
  return [
    heading('I. TÌNH HÌNH CHUNG'),
    para(`Tổng số nhiệm vụ đã giao tính đến ngày ${dateVi(report.asOf)}: ${t.total} nhiệm vụ, trong đó:`),
    para(`- Đã hoàn thành: ${done} nhiệm vụ (đúng hạn ${t.done_on_time}, quá hạn ${t.done_late});`),
    para(`- Đang thực hiện: ${open} nhiệm vụ (trong hạn ${t.open_on_time}, quá hạn ${t.open_late}).`),
    para(`Trong kỳ báo cáo: giao mới ${report.assignedInPeriod} nhiệm vụ; hoàn thành ${report.completedInPeriod} nhiệm vụ.`),
    para(`Tỷ lệ đúng hạn (đã hoàn thành đúng hạn và đang thực hiện trong hạn trên tổng số): ${percentVi(onTimeShare(t))}.`),
  ];
}

const UNIT_HEADER = ['STT', 'Đơn vị chủ trì', 'Tổng số', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện trong hạn', 'Đang thực hiện quá hạn', 'Tỷ lệ đúng hạn'];

function unitCells(label: TextRun[], c: BucketCounts, style: Omit<TextRun, 'text'> = {}): TextRun[][] {
  return [label, ...[c.total, c.done_on_time, c.done_late, c.open_on_time, c.open_late].map((n) => cell(n, style)), cell(percentVi(onTimeShare(c)), style)];
}

/** II. One row per lead unit, overdue first, and the total. */
function unitTable(report: TasksReport): OfficialBlock[] {
  const table: TableBlock = {
    kind: 'table',
    headerRows: 1,
    columnWidths: [7, 28, 8, 10, 10, 10, 10, 11],
    columnAlign: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center'],
    rows: [
      UNIT_HEADER.map((h) => cell(h)),
      ...report.units.map((u, i) => [cell(i + 1), ...unitCells(cell(unitName(u.unit)), u)]),
      [cell(''), ...unitCells(cell('Tổng cộng', { bold: true }), report.totals, { bold: true })],
    ],
  };
  return [heading('II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ'), table];
}

/**
 * The most overdue tasks the DOCX lists itself. A province that lets thousands of tasks run late
 * would otherwise get a hundred-page table nobody issues (and the docx writer needs about a
 * millisecond a row); the rest are named by count and listed in full in the XLSX and the preview.
 */
export const DOCX_OVERDUE_LIMIT = 200;

/** III. The tasks open and late at the as-of date, with why and where they came from. */
function overdueTable(report: TasksReport): OfficialBlock[] {
  const head = heading('III. NHIỆM VỤ QUÁ HẠN');
  const count = report.overdue.length;
  if (count === 0) return [head, para(`Không có nhiệm vụ quá hạn tính đến ngày ${dateVi(report.asOf)}.`)];
  const listed = report.overdue.slice(0, DOCX_OVERDUE_LIMIT);
  const table: TableBlock = {
    kind: 'table',
    headerRows: 1,
    columnWidths: [7, 26, 14, 15, 10, 9, 19],
    columnAlign: ['center', 'left', 'left', 'center', 'center', 'center', 'left'],
    rows: [
      ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Hạn xử lý', 'Số ngày quá hạn', 'Tiến độ', 'Lý do'].map((h) => cell(h)),
      ...listed.map((t, i) => [
        cell(i + 1),
        t.source ? [text(t.content), text(`\nNguồn: ${t.source}`, { italic: true })] : cell(t.content),
        cell(unitName(t.leadUnit)),
        cell(dateVi(t.dueDate)),
        cell(t.daysLate),
        cell(`${t.percent}%`),
        cell(t.reason ?? ''),
      ]),
    ],
  };
  const intro =
    count > listed.length
      ? `Tính đến ngày ${dateVi(report.asOf)} có ${count} nhiệm vụ quá hạn chưa hoàn thành; dưới đây là ${listed.length} nhiệm vụ quá hạn lâu nhất, danh sách đầy đủ tại tệp số liệu (XLSX) kèm theo:`
      : `Tính đến ngày ${dateVi(report.asOf)} có ${count} nhiệm vụ quá hạn chưa hoàn thành:`;
  return [head, para(intro), table];
}

export interface TasksReportDocumentInput {
  report: TasksReport;
  issue: TasksReportIssue | undefined;
  /** The day printed beside the place: the day the file is made. */
  issuedAt: Date;
  place: string;
}

/**
 * The Báo cáo on tasks in the layout of the Thông báo kết luận (Nghị định 30/2020, Phụ lục III,
 * Mẫu 1.5 for a báo cáo): issuer and number, place and date, "BÁO CÁO" and its trích yếu naming
 * the period, then I. the general figures, II. per lead unit, III. the overdue tasks with reasons,
 * for a committee with an action plan IV. its targets, then the secretary's assessment, signature
 * and Nơi nhận. With no task assigned yet, it says so
 * instead of printing tables of zeros.
 */
export function tasksReportDocument({ report, issue, issuedAt, place }: TasksReportDocumentInput): OfficialDocument {
  const note = asOfNote(report);
  const body: OfficialBlock[] = [para([text(windowSentence(report), { italic: true })])];
  if (report.empty) {
    body.push(para(EMPTY_REPORT_LINE));
    if (issue?.narrative?.trim()) body.push(...narrative(issue));
  } else {
    body.push(...summary(report), ...unitTable(report), ...overdueTable(report));
    const targets = report.targets && !report.targets.empty ? report.targets : null;
    if (targets) body.push(...targetsTable(targets, 'IV. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU'), para(targetsCountsLine(targets)));
    body.push(heading(`${targets ? 'V' : 'IV'}. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ, ĐỀ XUẤT`), ...narrative(issue));
  }
  const titles = issue?.signerTitle
    ? issue.signerTitle
        .split(/\r?\n/u)
        .map((l) => l.trim())
        .filter(Boolean)
    : defaultSigner(report);
  return {
    title: `Báo cáo tình hình thực hiện nhiệm vụ — ${report.period.label.vi}`,
    header: {
      issuer: report.issuer,
      numberLine: `Số: ${issue?.number || '      '}/BC-${notationOf(report)}`,
      // Classified tasks are counted but their words are not printed (overdue-tasks.ts): no mark.
      classificationMark: null,
      placeDate: placeDateVi(place, issuedAt),
    },
    documentKind: 'BÁO CÁO',
    summary: `Tình hình thực hiện nhiệm vụ ${periodPhrase(report)}${note ? ` ${note}` : ''}`,
    body,
    signatures: [{ titles, signerName: issue?.signerName || null, signingRoom: SIGNING_ROOM }],
    recipients: recipientLines((issue?.recipients?.length ? issue.recipients : defaultRecipients(report)).map((t) => ({ unitId: null, text: t }))),
  };
}
