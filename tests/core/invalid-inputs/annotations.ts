import type { annotationsMethods } from '../../../shared/contract/index.ts';

const uuid = '0190d3f5-7a1b-7000-8000-000000000001';
const upload = { uploadId: '0190d3f5-7a1b-7000-8000-000000000002', fileName: 'ghi-chu.xfdf' };
const highlight = { id: uuid, documentId: uuid, kind: 'highlight', pageIndex: 0, color: '#FFD400', geometry: { quads: [[0, 10, 10, 10, 0, 0, 10, 0]] } };

/** Inputs each annotations method must refuse with INVALID_INPUT, changing nothing. */
export const annotationsInvalidInputs: Record<keyof typeof annotationsMethods, unknown[]> = {
  'annotations.list': [{}, { documentId: 'abc' }, { documentId: uuid, page: 1 }],
  'annotations.create': [
    {},
    { ...highlight, id: 'x' },
    { ...highlight, kind: 'stamp' },
    { ...highlight, color: 'yellow' },
    { ...highlight, pageIndex: -1 },
    { ...highlight, geometry: { quads: [] } },
    { ...highlight, geometry: { quads: [[0, 0, 0, 0, 0, 0, 0, Number.NaN]] } },
    { ...highlight, kind: 'ink', geometry: { quads: [[0, 10, 10, 10, 0, 0, 10, 0]] } },
    { ...highlight, kind: 'ink', geometry: { strokes: [[[1, 2, 3]]] } },
    { ...highlight, kind: 'rectangle', geometry: { rect: [10, 10, 0, 0] } },
    { ...highlight, kind: 'note', geometry: { at: [1e9, 0] } },
    { ...highlight, thickness: 0 },
    { ...highlight, shared: 'yes' },
    { ...highlight, author: 'someone' },
  ],
  'annotations.update': [{}, { id: uuid }, { id: uuid, revision: 0 }, { id: uuid, revision: 1, color: '#12345' }, { id: uuid, revision: 1, placed: false }],
  'annotations.delete': [{}, { ids: [] }, { ids: ['x'] }],
  'annotations.restore': [{}, { ids: [] }, { ids: [42] }],
  'annotations.exportPdf': [
    {},
    { documentId: uuid, flatten: 'yes' },
    { documentId: uuid, releaseClassified: { reason: '' } },
    { documentId: uuid, releaseClassified: { reason: 'x'.repeat(501) } },
    { documentId: uuid, releaseClassified: 'lý do' },
  ],
  'annotations.exportXfdf': [{}, { documentId: '' }],
  'annotations.importXfdf': [{}, { upload: 'a.xfdf' }, { upload, documentId: 'x' }],
  'annotations.exportNotes': [{ documentId: uuid }, { documentId: uuid, format: 'odt' }],
  'annotations.exportShared': [{}, { documentId: null }, { documentId: uuid, releaseClassified: { reason: 'x', by: 'ai đó' } }],
  'annotations.inspectShared': [{}, { upload: { uploadId: 'nope', fileName: 'a' } }],
  'annotations.importShared': [{}, { upload: { ...upload, extra: 1 } }],
  'annotations.exportFile': [
    {},
    { documentId: uuid, format: 'pdf' },
    { documentId: uuid, format: 'docx', file: '/tmp/a.docx' },
    { documentId: uuid, format: 'pdf', file: '' },
  ],
  'annotations.importFile': [{}, { file: ' ' }, { file: '/tmp/a.xfdf', documentId: 'x' }, { file: '/tmp/a', trustSigner: 1 }],
  'reader.getPosition': [{}, { documentId: 'x' }],
  'reader.savePosition': [
    {},
    { documentId: uuid, pageIndex: 0, offset: 2, zoom: 'page-width', rotation: 0 },
    { documentId: uuid, pageIndex: 0, offset: 0, zoom: 'huge', rotation: 0 },
    { documentId: uuid, pageIndex: 0, offset: 0, zoom: 100, rotation: 45 },
  ],
};
