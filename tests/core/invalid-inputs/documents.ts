import type { documentsMethods } from '../../../shared/contract/index.ts';

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const upload = { uploadId: ID, fileName: 'a.pdf' };

/** Inputs each documents method must refuse with INVALID_INPUT, changing nothing. */
export const documentsInvalidInputs: Record<keyof typeof documentsMethods, unknown[]> = {
  'documents.import': [
    {},
    { files: [] },
    { files: Array.from({ length: 201 }, () => upload) },
    { files: [{ uploadId: 'khong-phai-uuid', fileName: 'a.pdf' }] },
    { files: [{ uploadId: ID, fileName: '' }] },
    { files: [upload], agendaItemId: ID },
    { files: [upload], batchId: 'lo-1' },
    { files: [upload], extra: true },
  ],
  'documents.importFiles': [{}, { paths: [] }, { paths: [''] }, { paths: ['/tmp/a.pdf'], agendaItemId: ID }, { paths: '/tmp/a.pdf' }],
  'documents.cancelImport': [{}, { batchId: 'x' }],
  'documents.list': [
    { limit: 0 },
    { limit: 501 },
    { offset: -1 },
    { classification: 'mat' },
    { urgency: 'khan' },
    { kind: 'docx' },
    { issuedFrom: '05/01/2026' },
    { sort: 'title' },
    { meetingId: 'x' },
  ],
  'documents.get': [{}, { id: 'abc' }],
  'documents.handOver': [
    {},
    { sha256: 'ab'.repeat(31), channel: 'open' },
    { sha256: 'AB'.repeat(32), channel: 'save' },
    { sha256: 'ab'.repeat(32), channel: 'print' },
    { sha256: 'ab'.repeat(32), channel: 'open', releaseClassified: { reason: '   ' } },
    { sha256: 'ab'.repeat(32), channel: 'open', path: '/etc/passwd' },
  ],
  'documents.update': [
    { number: '1' },
    { id: ID, issueDate: '2026-13-01' },
    { id: ID, classification: 'secret-ish' },
    { id: ID, summary: 'x'.repeat(2001) },
    { id: ID, fileName: '' },
    { id: ID, unknownField: 1 },
  ],
  'documents.delete': [{}, { id: 1 }],
  'documents.search': [{}, { query: '' }, { query: '   ' }, { query: 'x'.repeat(201) }, { query: 'a', limit: 0 }, { query: 'a', pagesPerDocument: 21 }],
  'documents.attach': [{}, { documentId: ID }, { documentId: ID, meetingId: 'x' }],
  'documents.detach': [{}, { attachmentId: 'x' }],
  'documents.replaceVersion': [{ attachmentId: ID }, { attachmentId: ID, documentId: 'x' }],
  'documents.reorderAttachments': [
    { meetingId: ID, attachmentIds: [ID] },
    { meetingId: ID, agendaItemId: null, attachmentIds: [] },
    { meetingId: ID, agendaItemId: null, attachmentIds: [ID, ID] },
  ],
  'documents.listForMeeting': [{}, { meetingId: '' }],
};
