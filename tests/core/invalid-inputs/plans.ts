import type { plansMethods } from '../../../shared/contract/index.ts';

const planId = '01900000-0000-7000-8000-000000000001';
const upload = { uploadId: '01900000-0000-7000-8000-000000000002', fileName: 'ke-hoach.xlsx' };

/** Inputs each plans method must refuse with INVALID_INPUT, changing nothing. */
export const plansInvalidInputs: Record<keyof typeof plansMethods, unknown[]> = {
  'plans.list': [{ committeeId: 'ban-chi-dao' }, { year: 2026 }],
  'plans.get': [{}, { planId: 'kh-1' }],
  'plans.standing': [
    { planId },
    { planId, period: '2026-Q5' },
    { planId, period: '2026-13' },
    { planId, period: 'Q1/2026' },
    { planId, period: '2026', asOf: '2026-02-30' },
  ],
  'plans.setThresholds': [
    { planId },
    { planId, thresholds: { nearPercent: 90, metPercent: 80 } },
    { planId, thresholds: { nearPercent: 0, metPercent: 100 } },
    { planId, thresholds: { nearPercent: '80', metPercent: 100 } },
  ],
  'plans.importPreview': [{}, { upload: { uploadId: 'x', fileName: 'a.xlsx' } }, { upload, committeeId: 'bcđ' }],
  'plans.importCommit': [{}, { previewId: 'p' }, { previewId: planId, title: 'x'.repeat(501) }],
  'plans.importCancel': [{}, { previewId: 'p' }],
  'plans.importTemplate': [{ kind: 'targets' }],
  'plans.importFile': [{}, { file: '' }, { file: '/tmp/kh.xlsx', dryRun: 'yes' }, { file: '/tmp/kh.xlsx', planId: 'kh-1' }],
  'targets.report': [
    { targetId: planId, period: '2026' },
    { targetId: planId, period: '2026', value: '98' },
    { targetId: planId, period: '2026', value: Number.NaN },
    { targetId: planId, period: '2026', value: 1e20 },
    { targetId: planId, period: '2026-Q0', value: 1 },
    { targetId: planId, period: '2026', value: 1, note: 'x'.repeat(2001) },
    { targetId: planId, period: '2026', value: 1, evidenceDocumentId: 'tai-lieu' },
  ],
  'targets.history': [{}, { targetId: 'ct-1' }],
  'plans.linkTasks': [
    {},
    { groupId: planId },
    { groupId: planId, taskIds: [] },
    { groupId: planId, taskIds: ['nv-1'] },
    { groupId: 'nhom-1', taskIds: [planId] },
    { groupId: planId, taskIds: Array.from({ length: 201 }, () => planId) },
    { groupId: planId, taskIds: [planId], planId },
  ],
  'plans.unlinkTask': [{}, { taskId: 'nv-1' }, { taskId: planId, groupId: planId }],
};
