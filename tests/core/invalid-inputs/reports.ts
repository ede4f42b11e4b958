import type { reportsMethods } from '../../../shared/contract/index.ts';

/** Inputs each reports method must refuse with INVALID_INPUT, changing nothing. */
export const reportsInvalidInputs: Record<keyof typeof reportsMethods, unknown[]> = {
  'reports.tasks': [
    {},
    { kind: 'fortnight' },
    { kind: 'month', asOf: '2026-02-30' },
    { kind: 'month', asOf: '14/12/2026' },
    { kind: 'month', committeeId: 'ban-chi-dao' },
    { kind: 'month', format: 'docx' },
  ],
  'reports.tasksExport': [
    { kind: 'month' },
    { kind: 'month', format: 'pdf' },
    { kind: 'quarter', format: 'docx', issue: { number: 'x'.repeat(21) } },
    { kind: 'quarter', format: 'docx', issue: { recipients: [''] } },
    { kind: 'quarter', format: 'docx', issue: { narrative: 'x'.repeat(20_001) } },
    { kind: 'quarter', format: 'docx', issue: { signer: 'Chánh Văn phòng' } },
    { kind: 'year', format: 'xlsx', file: '/tmp/bao-cao.xlsx' },
  ],
  'reports.tasksExportFile': [
    { kind: 'month', format: 'docx' },
    { kind: 'month', format: 'docx', file: '' },
    { kind: 'month', format: 'csv', file: '/tmp/bao-cao.csv' },
    { kind: 'month', format: 'xlsx', file: '/tmp/bao-cao.xlsx', overwrite: 'yes' },
    { kind: 'half-year', format: 'xlsx', file: '/tmp/bao-cao.xlsx' },
  ],
  'reports.targets': [{}, { planId: 'kh-1', period: '2026' }, { planId: '01900000-0000-7000-8000-000000000001', period: '2026-Q5' }],
  'reports.targetsExport': [
    { planId: '01900000-0000-7000-8000-000000000001', period: '2026' },
    { planId: '01900000-0000-7000-8000-000000000001', period: '2026', format: 'pdf' },
  ],
  'reports.targetsExportFile': [
    { planId: '01900000-0000-7000-8000-000000000001', period: '2026', format: 'docx' },
    { planId: '01900000-0000-7000-8000-000000000001', period: '2026', format: 'xlsx', file: '/tmp/x.xlsx', overwrite: 1 },
  ],
  'reports.addWeeklyReview': [{}, { meetingId: 'hop-1' }],
  'reports.attachToMeeting': [
    { kind: 'week', meetingId: '01900000-0000-7000-8000-000000000001' },
    { report: 'minutes', kind: 'week', meetingId: '01900000-0000-7000-8000-000000000001' },
    { report: 'tasks', kind: 'week' },
    { report: 'tasks', kind: 'week', meetingId: '01900000-0000-7000-8000-000000000001', planId: '01900000-0000-7000-8000-000000000002' },
    { report: 'targets', period: '2026-Q1', meetingId: '01900000-0000-7000-8000-000000000001' },
    { report: 'targets', planId: '01900000-0000-7000-8000-000000000002', period: '2026-Q1', meetingId: '01900000-0000-7000-8000-000000000001', agendaItemId: 'muc-1' },
  ],
};
