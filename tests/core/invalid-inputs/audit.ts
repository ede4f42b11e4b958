import type { auditMethods } from '../../../shared/contract/index.ts';

/** Inputs each audit method must refuse with INVALID_INPUT, changing nothing. */
export const auditInvalidInputs: Record<keyof typeof auditMethods, unknown[]> = {
  'audit.list': [
    { filter: { from: '2026-13-01' } },
    { filter: { from: '2026-02-01', to: '2026-01-01' } },
    { filter: { actorId: 'me' } },
    { filter: { action: "x'; DROP TABLE audit_log" } },
    { limit: 0 },
    { limit: 100000 },
    { offset: -1 },
    { more: 1 },
  ],
  'audit.actors': [{ x: 1 }, null],
  'audit.verify': [{ fix: true }, 'all'],
  'audit.export': [{ filter: { to: 'yesterday' } }, { filter: 'all' }, { filter: {}, more: true }],
  'audit.exportFile': [
    {},
    { file: '' },
    { file: '/tmp/a.xlsx', overwrite: 'yes' },
    { file: '/tmp/a.xlsx', filter: { from: '05/01/2026' } },
  ],
};
