import type { opinionsMethods } from '../../../shared/contract/index.ts';

const requestId = '01900000-0000-7000-8000-000000000001';
const committeeId = '01900000-0000-7000-8000-000000000002';
const questionId = '01900000-0000-7000-8000-000000000003';
const upload = { uploadId: '01900000-0000-7000-8000-000000000004', fileName: 'lay-y-kien.nsykien' };
const valid = { committeeId, title: 'Dự thảo Kế hoạch', questions: ['Đồng ý thông qua?'], deadline: '2026-12-31' };

/** Inputs each written-opinions method must refuse with INVALID_INPUT, changing nothing. */
export const opinionsInvalidInputs: Record<keyof typeof opinionsMethods, unknown[]> = {
  'opinions.create': [
    {},
    { ...valid, committeeId: 'ban-chi-dao' },
    { ...valid, title: '   ' },
    { ...valid, questions: [] },
    { ...valid, questions: [''] },
    { ...valid, questions: Array.from({ length: 51 }, () => 'Câu hỏi?') },
    { ...valid, questions: ['x'.repeat(2001)] },
    { ...valid, deadline: '31/12/2026' },
    { ...valid, deadline: '2026-02-30' },
    { ...valid, documentIds: ['tai-lieu'] },
    { ...valid, documentIds: [requestId, requestId] },
    { ...valid, recipientIds: [] },
    { ...valid, recipientIds: [committeeId, committeeId] },
    { ...valid, body: 'x'.repeat(10_001) },
    { ...valid, extra: true },
  ],
  'opinions.list': [{ committeeId: 'bcđ' }, { status: 'open' }],
  'opinions.get': [{}, { requestId: 'phieu-1' }],
  'opinions.export': [{}, { requestId: 'phieu-1' }, { requestId, file: '/tmp/a.nsykien' }],
  'opinions.exportFile': [{ requestId }, { requestId, file: '' }, { requestId, file: '/tmp/a.nsykien', overwrite: 'yes' }],
  'opinions.answer': [
    { requestId, questionId },
    { requestId, questionId, choice: 'yes' },
    { requestId, questionId, choice: 'other' },
    { requestId, questionId, choice: 'other', text: '   ' },
    { requestId, questionId, choice: 'agree', text: 'x'.repeat(5001) },
    { requestId, questionId: 'cau-1', choice: 'agree' },
  ],
  'opinions.exportAnswers': [{}, { requestId: 'phieu-1' }],
  'opinions.exportAnswersFile': [{ requestId }, { requestId: 'phieu-1', file: '/tmp/a.nsykien' }],
  'opinions.import': [{}, { upload: { uploadId: 'x', fileName: 'a.nsykien' } }, { file: '/tmp/a.nsykien' }],
  'opinions.importFile': [{}, { file: '' }, { file: '/tmp/a.nsykien', trustSigner: 'yes' }, { file: '/tmp/a.nsykien', personId: 'nguoi-1' }, { upload }],
  'opinions.remind': [{}, { requestId: 'phieu-1' }],
  'opinions.summary': [{}, { requestId: 'phieu-1' }],
  'opinions.exportSummary': [{}, { requestId: 'phieu-1' }, { requestId, format: 'pdf' }],
  'opinions.exportSummaryFile': [{ requestId }, { requestId, file: '' }, { requestId, file: '/tmp/a.docx', overwrite: 1 }],
};
