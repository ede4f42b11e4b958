import type { MeetingDetail, MeetingPersonRef } from '../../../../../shared/contract/index.ts';
import type { MinutesContent } from '../../../../../shared/minutes/document.ts';
import { CLASSIFICATION_MARKS } from '../../../official-docs/classification-mark.ts';
import type { OfficialDocument } from '../../../official-docs/official-text.ts';
import type { SignatureBlock } from '../../../official-docs/signature-block.ts';
import { officialBlocks, type UnitNameOf } from './body-blocks.ts';

/** Room left to sign above a printed name, in points (about four lines). */
export const SIGNING_ROOM = 64;

function signer(title: string, note: string, person: MeetingPersonRef | null): SignatureBlock {
  return { titles: [title], note, signerName: person?.name ?? null, signingRoom: SIGNING_ROOM };
}

/**
 * The Biên bản (Mẫu 1.9, Phụ lục III, Nghị định 30/2020): the committee as issuer, a number left for
 * the Văn thư, no place and date in the header (the time is in the text), "BIÊN BẢN" and the meeting
 * as trích yếu, the minutes' own text, then the secretary signing left and the chair right.
 */
export function minutesDocument(input: { meeting: MeetingDetail; content: MinutesContent; final: boolean; unitName: UnitNameOf }): OfficialDocument {
  const { meeting } = input;
  return {
    title: `Biên bản — ${meeting.title}`,
    header: {
      issuer: meeting.committee.name,
      numberLine: 'Số:        /BB-BCĐ',
      classificationMark: CLASSIFICATION_MARKS[meeting.classification],
      placeDate: null,
    },
    documentKind: 'BIÊN BẢN',
    summary: meeting.title,
    draft: !input.final,
    body: input.content.root.children.flatMap((b) => officialBlocks(b, input.unitName)),
    signatures: [signer('THƯ KÝ', '(Ký, ghi rõ họ tên)', meeting.secretary), signer('CHỦ TỌA', '(Ký, ghi rõ họ tên)', meeting.chair)],
    recipients: ['- Các thành viên dự họp;', '- Lưu: VT, hồ sơ.'],
  };
}
