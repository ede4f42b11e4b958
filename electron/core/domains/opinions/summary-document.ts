import { opinionChoiceLabels, type OpinionRecipient, type OpinionSummary } from '../../../../shared/contract/index.ts';
import { dateVi } from '../../../../shared/vn-time.ts';
import type { OfficialBlock, OfficialDocument, TableBlock } from '../../official-docs/official-text.ts';
import { placeDateVi } from '../../official-docs/place-date.ts';
import { SIGNING_ROOM } from '../minutes/exports/minutes-document.ts';
import { recipientLines } from '../minutes/exports/notice-document.ts';
import { defaultSigner, notationOf } from '../reports/official-report-parts.ts';
import { cell, heading, para, text } from '../reports/report-blocks.ts';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function countsTable(summary: OpinionSummary): TableBlock {
  return {
    kind: 'table',
    headerRows: 1,
    columnWidths: [7, 45, 12, 12, 12, 12],
    columnAlign: ['center', 'left', 'center', 'center', 'center', 'center'],
    rows: [
      ['STT', 'Nội dung xin ý kiến', 'Đồng ý', 'Không đồng ý', 'Ý kiến khác', 'Chưa có ý kiến'].map((h) => cell(h)),
      ...summary.questions.map((q, i) => [cell(i + 1), cell(q.text), cell(q.counts.agree), cell(q.counts.disagree), cell(q.counts.other), cell(q.counts.none)]),
    ],
  };
}

/** II. Every answer with words, under its question: the "ý kiến khác" first, with who gave it. */
function texts(summary: OpinionSummary): OfficialBlock[] {
  const blocks: OfficialBlock[] = [heading('II. Ý KIẾN KHÁC VÀ Ý KIẾN CỤ THỂ CỦA THÀNH VIÊN')];
  summary.questions.forEach((q, i) => {
    blocks.push(para([text(`Câu ${i + 1}. ${q.text}`, { bold: true })], { keepWithNext: true }));
    const ordered = [...q.texts].sort((a, b) => Number(b.choice === 'other') - Number(a.choice === 'other'));
    if (ordered.length === 0) blocks.push(para([text('Không có ý kiến khác.', { italic: true })]));
    for (const t of ordered) blocks.push(para([text(`- Đồng chí ${t.name} (${opinionChoiceLabels[t.choice].vi.toLocaleLowerCase('vi')}): `, { bold: true }), text(t.text)]));
  });
  return blocks;
}

function note(p: OpinionRecipient): string {
  if (p.answeredAt) return p.late ? 'Trả lời sau thời hạn' : '';
  return p.remindedAt ? `Chưa có ý kiến (đã đôn đốc ngày ${dateVi(p.remindedAt)})` : 'Chưa có ý kiến';
}

/** III. Who answered (and when), then who did not. */
function people(summary: OpinionSummary): OfficialBlock[] {
  const list = [...summary.answered, ...summary.notAnswered];
  const table: TableBlock = {
    kind: 'table',
    headerRows: 1,
    columnWidths: [7, 28, 30, 14, 21],
    columnAlign: ['center', 'left', 'left', 'center', 'left'],
    rows: [
      ['STT', 'Họ và tên', 'Chức vụ', 'Ngày trả lời', 'Ghi chú'].map((h) => cell(h)),
      ...list.map((p, i) => [cell(i + 1), cell(p.name), cell(p.position ?? ''), cell(p.answeredAt ? dateVi(p.answeredAt) : ''), cell(note(p))]),
    ],
  };
  return [heading('III. THÀNH VIÊN ĐÃ CÓ Ý KIẾN, CHƯA CÓ Ý KIẾN'), table];
}

export interface SummaryDocumentInput {
  summary: OpinionSummary;
  issuedAt: Date;
  place: string;
}

/**
 * Tổng hợp ý kiến (a báo cáo in the layout of Nghị định 30/2020, Phụ lục III): the committee as
 * issuer, number, place and date, "BÁO CÁO" and its trích yếu, then what was asked and by when,
 * I. the counts per question, II. the texts with who wrote them, III. who answered and who did not,
 * the standing office's signature (TL. TRƯỞNG BAN) and Nơi nhận.
 */
export function summaryDocument({ summary, issuedAt, place }: SummaryDocumentInput): OfficialDocument {
  const { request } = summary;
  const issuer = request.committee.name;
  const late = summary.answered.filter((p) => p.late).length;
  const total = summary.answered.length + summary.notAnswered.length;
  const body: OfficialBlock[] = [
    para(
      `Ngày ${dateVi(request.createdAt)}, ${issuer} đã lấy ý kiến bằng văn bản của ${total} thành viên về ${lowerFirst(request.title)}; thời hạn trả lời đến hết ngày ${dateVi(request.deadline)}.`,
    ),
    para(
      `Đến ngày ${dateVi(issuedAt)}, đã nhận được ý kiến của ${summary.answered.length}/${total} thành viên${late ? ` (${late} thành viên trả lời sau thời hạn)` : ''}; ${summary.notAnswered.length} thành viên chưa có ý kiến. Kết quả tổng hợp như sau:`,
    ),
    heading('I. KẾT QUẢ TỔNG HỢP THEO TỪNG NỘI DUNG'),
    countsTable(summary),
    ...texts(summary),
    ...people(summary),
    para('Trên đây là tổng hợp ý kiến bằng văn bản của các thành viên, kính trình Trưởng ban xem xét, quyết định./.'),
  ];
  const parts = { committee: request.committee, issuer };
  return {
    title: `Tổng hợp ý kiến — ${request.title}`,
    header: { issuer, numberLine: `Số:      /BC-${notationOf(parts)}`, classificationMark: null, placeDate: placeDateVi(place, issuedAt) },
    documentKind: 'BÁO CÁO',
    summary: `Tổng hợp ý kiến bằng văn bản của thành viên về ${lowerFirst(request.title)}`,
    body,
    signatures: [{ titles: defaultSigner(parts), signerName: null, signingRoom: SIGNING_ROOM }],
    recipients: recipientLines([
      { unitId: null, text: 'Trưởng ban, các Phó Trưởng ban' },
      { unitId: null, text: 'Thành viên Ban Chỉ đạo' },
    ]),
  };
}
