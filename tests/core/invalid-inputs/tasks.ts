import type { tasksMethods } from '../../../shared/contract/index.ts';

const T = '0190a5a0-0000-7000-8000-000000000001';
const task = { content: 'Hoàn thành giải phóng mặt bằng', leadUnit: '000.00.00.H41', deadline: { kind: 'date', date: '2026-12-31' } };

/** Inputs each tasks or calendar method must refuse with INVALID_INPUT, changing nothing. */
export const tasksInvalidInputs: Record<keyof typeof tasksMethods, unknown[]> = {
  'tasks.create': [
    {},
    { task: { ...task, content: '   ' } },
    { task: { ...task, deadline: { kind: 'date', date: '2026-02-30' } } },
    { task: { ...task, deadline: { kind: 'working_days', days: 0 } } },
    { task: { ...task, deadline: { kind: 'someday' } } },
    { task: { ...task, urgency: 'asap' } },
    { task: { ...task, classification: 'internal' } },
    { task: { ...task, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
    { task, source: { kind: 'conclusion', conclusionId: 'c1' } },
    { task: { ...task, owner: 'x' } },
  ],
  'tasks.createMany': [{ items: [] }, { items: [{ task }] }],
  'tasks.conclusionDrafts': [{}, { meetingId: 'm' }],
  'tasks.list': [{ bucket: 'late' }, { status: 'open' }, { asOf: '06/12/2026' }, { limit: 0 }, { planId: 'ke-hoach-1' }],
  'tasks.get': [{}, { id: T, asOf: '2026-13-01' }],
  'tasks.report': [
    { id: T, percent: 101, text: 'x' },
    { id: T, percent: -1, text: 'x' },
    { id: T, percent: 50.5, text: 'x' },
    { id: T, percent: 50, text: ' ' },
    { id: T, percent: 50, text: 'x', documentIds: ['doc'] },
  ],
  'tasks.complete': [{}, { id: T, date: 'hôm nay' }],
  'tasks.accept': [{}, { id: 'x' }],
  'tasks.return': [{ id: T }, { id: T, reason: '' }],
  'tasks.pause': [{ id: T }],
  'tasks.resume': [{ id: T, reason: 'x' }],
  'tasks.cancel': [{ id: T }, { id: T, reason: '  ' }],
  'tasks.requestExtension': [{ id: T, reason: 'x' }, { id: T, to: '2026-12-32', reason: 'x' }, { id: T, to: '2026-12-31' }],
  'tasks.decideExtension': [{ extensionId: T }, { extensionId: T, approve: 'yes' }],
  'tasks.update': [
    { id: T, changes: { content: 'x' } },
    { id: T, baseVersion: 1, changes: {} },
    { id: T, baseVersion: 1, changes: { content: ' ' } },
    { id: T, baseVersion: 1, changes: { assignedOn: '2026-01-01' } },
    { id: T, baseVersion: 1, changes: { status: 'done' } },
  ],
  'tasks.remind': [{}, { id: T, note: 'x'.repeat(1001) }],
  'tasks.stats': [{ asOf: 'today' }, { weeks: 53 }],
  'tasks.alerts': [{ asOf: '2026-02-29' }],
  'tasks.addFollowUpItem': [{}],
  'calendar.holidays': [{}, { year: 1800 }, { year: 2026.5 }],
  'calendar.addDays': [{ from: '2026-02-12' }, { from: '2026-02-12', days: -1 }, { from: '12/02/2026', days: 10 }],
  'calendar.setDays': [{ days: [] }, { days: [{ date: '2026-02-31', kind: 'off', note: 'x' }] }, { days: [{ date: '2026-05-02', kind: 'holiday', note: 'x' }] }, { days: [{ date: '2026-05-02', kind: 'off', note: '' }] }],
  'calendar.removeDay': [{ date: 'x' }],
};
