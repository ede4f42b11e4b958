import type { minutesMethods } from '../../../shared/contract/index.ts';

const M = '0190a5a0-0000-7000-8000-000000000001';
const root = (children: unknown[]) => ({ root: { type: 'root', children } });

/** Inputs each minutes method must refuse with INVALID_INPUT, changing nothing. */
export const minutesInvalidInputs: Record<keyof typeof minutesMethods, unknown[]> = {
  'minutes.get': [{}, { meetingId: 'x' }, { meetingId: M, more: 1 }],
  'minutes.draft': [{}, { meetingId: 42 }],
  'minutes.refresh': [{ meetingId: M }, { meetingId: M, apply: 'yes' }],
  'minutes.save': [
    { meetingId: M, baseVersion: 1 },
    { meetingId: M, baseVersion: -1, content: root([]) },
    { meetingId: M, baseVersion: 1, content: { root: { type: 'paragraph', children: [] } } },
    // A node type the app does not know (a script element pasted from HTML).
    { meetingId: M, baseVersion: 1, content: root([{ type: 'script', children: [] }]) },
    { meetingId: M, baseVersion: 1, content: root([{ type: 'ns-conclusion', id: 'c1', text: 'x', leadUnitId: null, coordinatingUnitIds: [], deadline: null }]) },
    { meetingId: M, baseVersion: 1, content: root([{ type: 'ns-conclusion', id: M, text: 'x', leadUnitId: null, coordinatingUnitIds: [], deadline: '31/12/2026' }]) },
    { meetingId: M, baseVersion: 1, content: root([{ type: 'ns-vote', id: M, question: 'q', agree: -1, disagree: 0, other: 0 }]) },
    { meetingId: M, baseVersion: 1, content: root([{ type: 'paragraph', children: [{ type: 'text', text: 'x'.repeat(20_001) }] }]) },
    // 5 MB of pasted text.
    { meetingId: M, baseVersion: 1, content: root(Array.from({ length: 300 }, () => ({ type: 'paragraph', children: [{ type: 'text', text: 'đ'.repeat(18_000) }] }))) },
  ],
  'minutes.revisions': [{}, { meetingId: M, all: true }],
  'minutes.revision': [{ meetingId: M }, { meetingId: M, revision: 0 }, { meetingId: M, revision: 1.5 }],
  'minutes.diff': [{ meetingId: M, from: 1 }, { meetingId: M, from: 0, to: 1 }, { meetingId: M, from: '1', to: 2 }],
  'minutes.restoreRevision': [{ meetingId: M, revision: 1 }, { meetingId: M, revision: 0, baseVersion: 1 }],
  'minutes.addConclusion': [
    { meetingId: M, agendaItemId: M },
    { meetingId: M, agendaItemId: M, text: '   ' },
    { meetingId: M, agendaItemId: 'item', text: 'x' },
    { meetingId: M, agendaItemId: M, text: 'x', deadline: '2026-02-30' },
    { meetingId: M, agendaItemId: M, text: 'x', coordinatingUnitIds: ['unit'] },
  ],
  'minutes.finalize': [{}, { meetingId: M, baseVersion: 'latest' }],
  'minutes.reopen': [{ meetingId: M }, { meetingId: M, reason: '  ' }, { meetingId: M, reason: 'x'.repeat(1001) }],
  'minutes.export': [
    { meetingId: M, document: 'minutes' },
    { meetingId: M, document: 'decision', format: 'pdf' },
    { meetingId: M, document: 'minutes', format: 'odt' },
    { meetingId: M, document: 'notice', format: 'pdf', notice: { number: '15/TB-BCĐ' } },
    { meetingId: M, document: 'notice', format: 'pdf', notice: { signerTitles: [] } },
    { meetingId: M, document: 'notice', format: 'pdf', notice: { signerTitles: ['A', 'B', 'C', 'D'] } },
    { meetingId: M, document: 'notice', format: 'pdf', notice: { recipients: ['  '] } },
    { meetingId: M, document: 'notice', format: 'pdf', notice: { seal: true } },
    { meetingId: M, document: 'minutes', format: 'pdf', file: '/tmp/x.pdf' },
  ],
  'minutes.attachToMeeting': [
    { meetingId: M },
    { meetingId: M, document: 'minutes', format: 'pdf' },
    { meetingId: 'x', document: 'minutes' },
    { meetingId: M, document: 'notice', notice: { number: 'mười lăm' } },
  ],
  'minutes.exportFile': [
    { meetingId: M, document: 'minutes', format: 'pdf' },
    { meetingId: M, document: 'minutes', format: 'pdf', file: '   ' },
    { meetingId: M, document: 'minutes', format: 'pdf', file: '/tmp/x.pdf', overwrite: 'yes' },
  ],
};
