import type { packsMethods } from '../../../shared/contract/index.ts';

const upload = { uploadId: '0190d3f5-7a1b-7000-8000-000000000001', fileName: 'goi.nghisu' };

/** Inputs each packs method must refuse with INVALID_INPUT, changing nothing. */
export const packsInvalidInputs: Record<keyof typeof packsMethods, unknown[]> = {
  'packs.export': [
    {},
    { meetingId: 'abc' }, { meetingId: 42 }, { meetingId: '0190d3f5-7a1b-7000-8000-000000000001', extra: 1 },
    { meetingId: '0190d3f5-7a1b-7000-8000-000000000001', releaseClassified: { reason: '   ' } },
    { meetingId: '0190d3f5-7a1b-7000-8000-000000000001', releaseClassified: 'vì cần' },
  ],
  'packs.exportFile': [
    {},
    { meetingId: '0190d3f5-7a1b-7000-8000-000000000001' },
    { meetingId: '0190d3f5-7a1b-7000-8000-000000000001', file: '' },
    { meetingId: 'x', file: '/tmp/a.nghisu' },
    { meetingId: '0190d3f5-7a1b-7000-8000-000000000001', file: '/tmp/a.nghisu', overwrite: 'yes' },
    { meetingId: '0190d3f5-7a1b-7000-8000-000000000001', file: '/tmp/a.nghisu', releaseClassified: { reason: '' } },
  ],
  'packs.inspect': [{}, { upload: { uploadId: 'nope', fileName: 'a' } }, { upload: { ...upload, fileName: '' } }, { upload, more: true }],
  'packs.import': [{}, { upload: 'goi.nghisu' }, { upload: { fileName: 'a.nghisu' } }, { upload: { ...upload, extra: 1 } }],
  'packs.importFile': [{}, { file: '   ' }, { file: '/tmp/a', dryRun: 1 }, { file: '/tmp/a', trustSigner: 'true' }],
  'packs.history': [{}, { meetingId: '' }, { meetingId: null }],
};
