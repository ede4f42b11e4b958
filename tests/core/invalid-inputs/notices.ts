import type { noticeMethods } from '../../../shared/contract/index.ts';

const M = '0190a5a0-0000-7000-8000-000000000001';
const content = { root: { type: 'root', children: [] } };
const valid = { meetingId: M, baseVersion: 1, content, number: null, recipients: [], signerTitles: ['TRƯỞNG BAN'], signerName: null };

/** Inputs each notice method must refuse with INVALID_INPUT, changing nothing. */
export const noticesInvalidInputs: Record<keyof typeof noticeMethods, unknown[]> = {
  'notice.get': [{}, { meetingId: 'x' }],
  'notice.create': [{ meetingId: M, conclusions: [] }],
  'notice.regenerate': [{ meetingId: M }, { meetingId: M, baseVersion: -1 }],
  'notice.save': [
    { ...valid, baseVersion: undefined },
    { ...valid, number: '15/TB-BCĐ' },
    { ...valid, number: 'mười lăm' },
    { ...valid, signerTitles: [] },
    { ...valid, signerTitles: ['A', 'B', 'C', 'D'] },
    { ...valid, recipients: [{ unitId: null, text: '   ' }] },
    { ...valid, recipients: [{ unitId: 'unit', text: 'Sở Tài chính' }] },
    { ...valid, recipients: Array.from({ length: 61 }, () => ({ unitId: null, text: 'x' })) },
    { ...valid, content: { root: { type: 'root', children: [{ type: 'script', children: [] }] } } },
    { ...valid, seal: true },
    // 5 MB pasted.
    { ...valid, content: { root: { type: 'root', children: Array.from({ length: 300 }, () => ({ type: 'paragraph', children: [{ type: 'text', text: 'đ'.repeat(18_000) }] })) } } },
  ],
  'notice.issue': [{}, { meetingId: M, baseVersion: 'latest' }],
  'notice.reopen': [{ meetingId: M }, { meetingId: M, reason: ' ' }],
};
