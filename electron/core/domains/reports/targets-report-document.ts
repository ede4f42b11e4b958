import type { TargetsReport, TargetsReportRow, TasksReportIssue } from '../../../../shared/contract/index.ts';
import { attainmentLabels } from '../../../../shared/plans/attainment.ts';
import { targetPeriodLabel } from '../../../../shared/plans/target-periods.ts';
import type { OfficialBlock, OfficialDocument } from '../../official-docs/official-text.ts';
import { placeDateVi } from '../../official-docs/place-date.ts';
import { heading, para, text } from './report-blocks.ts';
import { recipientLines } from '../minutes/exports/notice-document.ts';
import { SIGNING_ROOM } from '../minutes/exports/minutes-document.ts';
import { dateVi, numberVi } from './report-wording.ts';
import { defaultRecipients, defaultSigner, narrative, notationOf } from './official-report-parts.ts';
import { figureVi, percentCell, share, targetsPeriodPhrase, targetsTable, unitName } from './targets-table.ts';

/** What a report with no goal and no value for its period says instead of an empty table. */
export function emptyTargetsLine(report: Pick<TargetsReport, 'periodLabel'>): string {
  return `${report.periodLabel} chưa có kế hoạch và số liệu thực hiện của chỉ tiêu nào.`;
}

/** How the status is judged, with the plan's own thresholds. */
export function thresholdsSentence(report: Pick<TargetsReport, 'plan'>): string {
  const { nearPercent: near, metPercent: met } = report.plan.thresholds;
  return (
    `Chỉ tiêu được đánh giá đạt khi tỷ lệ thực hiện so với kế hoạch từ ${numberVi(met, 1)}% trở lên, gần đạt khi từ ${numberVi(near, 1)}% đến dưới ${numberVi(met, 1)}%, ` +
    `không đạt khi dưới ${numberVi(near, 1)}%; đối với chỉ tiêu càng thấp càng tốt (như tỷ lệ hộ nghèo), tỷ lệ thực hiện bằng kế hoạch chia cho thực hiện.`
  );
}

/** "(tính đến ngày 20/03/2026)" while the period is still running, else null. */
function asOfNote(report: Pick<TargetsReport, 'partial' | 'asOf'>): string | null {
  return report.partial ? `(tính đến ngày ${dateVi(report.asOf)})` : null;
}

/** I. The counts by status over every target of the plan. */
function summary(report: TargetsReport): OfficialBlock[] {
  const c = report.counts;
  const total = c.met + c.near + c.missed + c.none;
  const blocks: OfficialBlock[] = [
    heading('I. KẾT QUẢ CHUNG'),
    para(`Trong tổng số ${total} chỉ tiêu của kế hoạch:`),
    para(`- Đạt: ${c.met} chỉ tiêu${share(c.met, total)};`),
    para(`- Gần đạt: ${c.near} chỉ tiêu${share(c.near, total)};`),
    para(`- Không đạt: ${c.missed} chỉ tiêu${share(c.missed, total)};`),
    para(`- Chưa có số liệu: ${c.none} chỉ tiêu${share(c.none, total)}.`),
    para([text(thresholdsSentence(report), { italic: true })]),
  ];
  const byYear = report.sections.some((s) => s.rows.some((r) => r.goalPeriod !== null && r.goalPeriod !== report.period));
  if (byYear) {
    blocks.push(
      para([text(`Chỉ tiêu chưa giao kế hoạch riêng cho ${targetsPeriodPhrase(report)} được so với kế hoạch năm (ghi "KH năm" tại cột Kế hoạch).`, { italic: true })]),
    );
  }
  return blocks;
}

/** One shortfall in words: the figures, the status, who leads it and the unit's own explanation. */
export function shortfallLine(report: TargetsReport, r: TargetsReportRow, index: number): string {
  const m = r.target.measure;
  const unit = (v: number | null) => `${figureVi(v)}${m && m !== '%' ? ` ${m}` : m === '%' ? '%' : ''}`;
  const against = r.goalPeriod && r.goalPeriod !== report.period ? ` kế hoạch ${targetPeriodLabel(r.goalPeriod).toLocaleLowerCase('vi')}` : ' kế hoạch';
  const ratio = r.percent === null ? '' : `, đạt ${percentCell(r.percent)}%${against}`;
  const lower = r.target.direction === 'lower' ? ' (chỉ tiêu càng thấp càng tốt)' : '';
  const owner = r.target.ownerUnit ? `; đơn vị chủ trì: ${unitName(r.target.ownerUnit)}` : '';
  const note = r.note?.trim() ? `; ghi chú: ${r.note.trim().replace(/\s+/gu, ' ')}` : '';
  return `${index}. ${r.target.name}${lower}: thực hiện ${unit(r.actual)}/kế hoạch ${unit(r.goal)}${ratio} — ${attainmentLabels[r.status].vi.toLocaleLowerCase('vi')}${owner}${note}.`;
}

/** III. What fell short, worst first, with the owner and the note the unit reported with its value. */
function shortfalls(report: TargetsReport): OfficialBlock[] {
  const head = heading('III. CÁC CHỈ TIÊU CHƯA ĐẠT');
  if (report.shortfalls.length === 0) return [head, para(`Không có chỉ tiêu nào chưa đạt kế hoạch ${targetsPeriodPhrase(report)}.`)];
  const missed = report.shortfalls.filter((r) => r.status === 'missed').length;
  const near = report.shortfalls.length - missed;
  return [
    head,
    para(`Có ${report.shortfalls.length} chỉ tiêu chưa đạt kế hoạch (không đạt ${missed}, gần đạt ${near}), cụ thể:`),
    ...report.shortfalls.map((r, i) => para(shortfallLine(report, r, i + 1))),
  ];
}

export interface TargetsReportDocumentInput {
  report: TargetsReport;
  issue: TasksReportIssue | undefined;
  /** The day printed beside the place: the day the file is made. */
  issuedAt: Date;
  place: string;
}

/**
 * The Báo cáo on a plan's targets in the layout of the tasks report (Nghị định 30/2020): issuer and
 * number, place and date, "BÁO CÁO" and its trích yếu naming the plan and the period, an opening
 * sentence with the as-of date, then I. the counts by status and the thresholds, II. the table of
 * targets by area, III. the targets that fell short with their owners and notes, IV. the
 * secretary's assessment, signature and Nơi nhận. With no goal and no value for the period, it says
 * so instead of printing an empty table.
 */
export function targetsReportDocument({ report, issue, issuedAt, place }: TargetsReportDocumentInput): OfficialDocument {
  const by = { committee: report.plan.committee, issuer: report.issuer };
  const note = asOfNote(report);
  const phrase = targetsPeriodPhrase(report);
  const plan = `${report.plan.title}${report.plan.code ? ` (số ${report.plan.code})` : ''}`;
  const body: OfficialBlock[] = [
    para(`Thực hiện ${plan}, ${report.issuer} báo cáo tình hình thực hiện các chỉ tiêu ${phrase} (số liệu tính đến ngày ${dateVi(report.asOf)}) như sau:`),
  ];
  if (report.empty) {
    body.push(para(emptyTargetsLine(report)));
    if (issue?.narrative?.trim()) body.push(...narrative(issue));
  } else {
    body.push(...summary(report), ...targetsTable(report), ...shortfalls(report), heading('IV. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ, ĐỀ XUẤT'), ...narrative(issue));
  }
  const titles = issue?.signerTitle
    ? issue.signerTitle
        .split(/\r?\n/u)
        .map((l) => l.trim())
        .filter(Boolean)
    : defaultSigner(by);
  return {
    title: `Báo cáo tình hình thực hiện các chỉ tiêu — ${report.plan.title} — ${report.periodLabel}`,
    header: {
      issuer: report.issuer,
      numberLine: `Số: ${issue?.number || '      '}/BC-${notationOf(by)}`,
      classificationMark: null,
      placeDate: placeDateVi(place, issuedAt),
    },
    documentKind: 'BÁO CÁO',
    summary: `Tình hình thực hiện các chỉ tiêu ${report.plan.title} ${phrase}${note ? ` ${note}` : ''}`,
    body,
    signatures: [{ titles, signerName: issue?.signerName || null, signingRoom: SIGNING_ROOM }],
    recipients: recipientLines((issue?.recipients?.length ? issue.recipients : defaultRecipients(by)).map((t) => ({ unitId: null, text: t }))),
  };
}
