import type { MeetingDetail, Participant } from '../../../../../shared/contract/index.ts';
import { CLASSIFICATION_MARKS } from '../../../official-docs/classification-mark.ts';
import { nfc } from '../../../official-docs/nfc.ts';
import { drawOfficialHeader } from '../../../official-docs/official-header.ts';
import { MM } from '../../../official-docs/page-setup.ts';
import { centeredRule } from '../../../official-docs/centered-rule.ts';
import { officialPdf, pdfBytes, type Pdf } from '../../../official-docs/pdf-document.ts';
import { drawRecipients } from '../../../official-docs/recipients.ts';
import { drawSignatureBlock } from '../../../official-docs/signature-block.ts';
import { flattenAgenda } from '../agenda-tree.ts';
import { meetingPlace } from '../meeting-place.ts';
import { invitationTimeVi, timeVi } from '../../../../../shared/vn-time.ts';
import { placeDateVi } from '../../../official-docs/place-date.ts';

export interface InvitationPdfInput {
  meeting: MeetingDetail;
  /** One page each, in this order. */
  invitees: readonly Participant[];
  issuedAt: Date;
  /** Địa danh in "Lào Cai, ngày … tháng … năm …". */
  place: string;
}

/** "Đồng chí Nguyễn Văn A, Giám đốc, Sở Tài chính" or "Lãnh đạo Sở Tài chính". */
export function inviteeLine(p: Pick<Participant, 'kind' | 'name' | 'position' | 'unitName'>): string {
  if (p.kind === 'organization') return `Lãnh đạo ${p.name}`;
  return [`Đồng chí ${p.name}`, p.position, p.unitName].filter((s): s is string => !!s).join(', ');
}

function chairLine(meeting: MeetingDetail): string | null {
  const chair = meeting.chair ?? meeting.participants.find((p) => p.role === 'chair' && p.kind === 'person') ?? null;
  if (!chair) return null;
  return [`Đồng chí ${chair.name}`, chair.position].filter((s): s is string => !!s).join(', ');
}

/** "Label: value" as one justified paragraph, the label in the body font and the value as given. */
function labelled(doc: Pdf, label: string, value: string, options: { boldValue?: boolean } = {}): void {
  doc.font('regular').text(nfc(`${label}: `), { continued: true, align: 'justify', indent: 10 * MM, paragraphGap: 4, lineGap: 2 });
  doc.font(options.boldValue ? 'bold' : 'regular').text(nfc(value), { align: 'justify', paragraphGap: 4, lineGap: 2 });
}

function invitationPage(doc: Pdf, input: InvitationPdfInput, invitee: Participant): void {
  const { meeting } = input;
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;

  let y = drawOfficialHeader(doc, {
    issuer: meeting.committee.name,
    numberLine: 'Số:        /GM-BCĐ',
    classificationMark: CLASSIFICATION_MARKS[meeting.classification],
    placeDate: placeDateVi(input.place, input.issuedAt),
  });

  doc.font('bold').fontSize(14).text('GIẤY MỜI', left, y + 24, { width, align: 'center' });
  doc.font('bold').fontSize(13).text(nfc(meeting.title), left + width * 0.1, doc.y + 2, { width: width * 0.8, align: 'center' });
  y = doc.y + 7;
  centeredRule(doc, left + width / 2, y, width / 4);

  doc.x = left;
  doc.y = y + 16;
  doc.fontSize(13);
  labelled(doc, 'Trân trọng kính mời', inviteeLine(invitee), { boldValue: true });
  labelled(doc, 'Tới dự', meeting.title);
  labelled(doc, 'Thời gian', invitationTimeVi(meeting.startsAt));
  const place = meetingPlace(meeting);
  if (place) labelled(doc, 'Địa điểm', place);
  const items = flattenAgenda(meeting.agenda.items);
  if (items.length > 0) {
    doc.font('regular').text('Nội dung:', { indent: 10 * MM, paragraphGap: 2, lineGap: 2 });
    for (const item of items) {
      const presenter = item.presenter ? ` (${item.presenter.kind === 'person' ? 'đồng chí ' : ''}${item.presenter.name} trình bày)` : '';
      doc.text(nfc(`${item.number}. ${item.title}${presenter}; từ ${timeVi(item.plannedStartsAt)}.`), left, doc.y, {
        width,
        align: 'justify',
        indent: (item.parentId ? 15 : 10) * MM,
        paragraphGap: 2,
        lineGap: 2,
      });
    }
    doc.x = left;
  }
  const chair = chairLine(meeting);
  if (chair) labelled(doc, 'Chủ trì', chair);
  doc
    .font('regular')
    .text(
      invitee.kind === 'organization'
        ? 'Đề nghị quý cơ quan cử lãnh đạo tham dự đúng thời gian./.'
        : 'Rất mong đồng chí tham dự đúng thời gian./.',
      left,
      doc.y + 2,
      { width, align: 'justify', indent: 10 * MM },
    );

  // Signature block and "Nơi nhận", side by side, kept together on one page.
  if (doc.y + 130 > bottom) doc.addPage();
  const blockY = doc.y + 14;
  drawRecipients(doc, ['- Như trên;', '- Lưu: VT.'], { x: left, y: blockY, width: width * 0.45 });

  const signer = meeting.secretary;
  drawSignatureBlock(
    doc,
    { titles: signer ? ['TL. TRƯỞNG BAN', 'THƯ KÝ'] : ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'], signerName: signer?.name ?? null, signingRoom: 62 },
    { x: left + width * 0.45, y: blockY, width: width * 0.55 },
  );
  doc.x = left;
}

/** Giấy mời in the layout of Nghị định 30/2020, one A4 page per invitee. */
export async function invitationPdf(input: InvitationPdfInput): Promise<Buffer> {
  const doc = officialPdf(`Giấy mời — ${input.meeting.title}`);
  for (const invitee of input.invitees) invitationPage(doc, input, invitee);
  return pdfBytes(doc);
}
