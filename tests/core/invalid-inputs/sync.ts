import type { syncMethods } from '../../../shared/contract/index.ts';

const good = { url: 'https://hub.example.gov.vn', clientId: 'so-khcn' };

export const syncInvalidInputs: Record<keyof typeof syncMethods, unknown[]> = {
  'sync.status': [{ extra: 1 }, null],
  'sync.configure': [
    {},
    { ...good },
    { ...good, secret: '' },
    // Plain http to another machine would carry the token in clear.
    { ...good, url: 'http://hub.example.gov.vn', secret: 's' },
    { ...good, url: 'https://user:pw@hub.example.gov.vn', secret: 's' },
    { ...good, url: 'ftp://hub', secret: 's' },
    { ...good, tokenUrl: 'http://sso.example.gov.vn/token', secret: 's' },
    { ...good, clientId: '  ', secret: 's' },
    { ...good, secret: 's', extra: true },
  ],
  'sync.configureWithSecretFile': [{ ...good }, { ...good, secretFile: '' }, { ...good, url: 'javascript:alert(1)', secretFile: '/tmp/x' }],
  'sync.test': [{ url: 'https://x' }],
  'sync.run': [{ force: true }],
  'sync.conflicts': [[]],
  'sync.resolveConflict': [{}, { id: 'nope', keep: 'mine' }, { id: '0190a0a0-0000-7000-8000-000000000000', keep: 'both' }],
  'sync.dismissRejected': [{}, { seq: 0 }, { seq: 1.5 }, { seq: '3' }],
  'sync.disconnect': [{ all: true }],
  'sync.publishPack': [{}, { meetingId: 'x' }],
  'sync.publications': [{ direction: 'in' }],
  'sync.publishOpinionRequest': [{}, { requestId: 'x' }, { requestId: '0190a0a0-0000-7000-8000-000000000000', to: ['KHCN'] }],
  'sync.publishOpinionAnswers': [{}, { requestId: 42 }],
  'sync.importPublication': [
    {},
    { id: '0190a0a0-0000-7000-8000-000000000000', trustSigner: 'yes' },
    { id: '0190a0a0-0000-7000-8000-000000000000', trustSigner: true, personId: 'someone' },
  ],
};
