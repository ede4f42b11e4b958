import type { TasksReport, TasksReportIssue } from '../../../../shared/contract/index.ts';
import type { ParagraphBlock } from '../../official-docs/official-text.ts';
import { para, text } from './report-blocks.ts';

/**
 * The parts of the Báo cáo around its figures that the tasks report and the targets report share:
 * the notation in its number, who signs, Nơi nhận, and the secretary's own assessment.
 */

export const NARRATIVE_PLACEHOLDER = '(Đánh giá chung, kiến nghị, đề xuất)';

const isSteeringCommittee = (name: string) => /^ban chỉ đạo/iu.test(name.trim());

/** The part after "BC-" in the number (ô số 3): "BCĐ" for a Ban Chỉ đạo, like its notices, else the issuer's initials. */
export function notationOf(report: Pick<TasksReport, 'committee' | 'issuer'>): string {
  if (report.committee && isSteeringCommittee(report.committee.name)) return 'BCĐ';
  if (!report.committee && /^văn phòng/iu.test(report.issuer.trim())) return 'VP';
  const initials = report.issuer
    .trim()
    .split(/\s+/u)
    .map((w) => (/^[\p{Lu}\d]+$/u.test(w) ? w : w.charAt(0).toLocaleUpperCase('vi')))
    .join('');
  return initials || 'VP';
}

/**
 * Who signs when the secretary does not say (Điều 13, Nghị định 30/2020). The report is drafted and
 * signed by the standing office: on a committee's report its chief signs by order of the head
 * (TL. TRƯỞNG BAN / CHÁNH VĂN PHÒNG, as the notice does when the head did not chair); on the office's
 * own report its chief signs in their own right. Any other organ gets the generic title to edit.
 */
export function defaultSigner(report: Pick<TasksReport, 'committee' | 'issuer'>): string[] {
  if (report.committee) return ['TL. TRƯỞNG BAN', 'CHÁNH VĂN PHÒNG'];
  return /^văn phòng/iu.test(report.issuer.trim()) ? ['CHÁNH VĂN PHÒNG'] : ['THỦ TRƯỞNG CƠ QUAN'];
}

/**
 * Nơi nhận when the secretary lists none. A báo cáo has no "Kính gửi", so "Như trên" would point at
 * nothing: it goes to the committee's members (for a committee's report) and to the lead units, and
 * a copy is kept (Lưu: VT.).
 */
export function defaultRecipients(report: Pick<TasksReport, 'committee'>): string[] {
  return [...(report.committee ? ['Thành viên Ban Chỉ đạo'] : []), 'Các cơ quan, đơn vị chủ trì'];
}

/** The secretary's own words, a paragraph a line; the placeholder tells the drafter what goes here. */
export function narrative(issue: TasksReportIssue | undefined): ParagraphBlock[] {
  const lines = (issue?.narrative ?? '')
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines.map((l) => para(l)) : [para([text(NARRATIVE_PLACEHOLDER, { italic: true })])];
}
