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
};
