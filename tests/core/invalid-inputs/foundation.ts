import type { foundationMethods, seedMethods } from '../../../shared/contract/index.ts';

export const foundationInvalidInputs: Record<keyof typeof foundationMethods | keyof typeof seedMethods, unknown[]> = {
  'seed.generate': [{}, { years: 0 }, { years: 21 }, { years: 1.5 }, { years: '10' }, { years: 1, seed: -1 }, { years: 1, extra: true }],
  'app.info': [{ extra: 1 }, 'text', 42, []],
  'settings.getAll': [{ key: 'ui.theme' }, null, 'x'],
  'settings.set': [
    {},
    { key: 'ui.theme' },
    { key: 'ui.theme', value: 'pink' },
    { key: 'ui.language', value: 'fr' },
    { key: 'updates.url', value: 'ftp://example.vn/updates' },
    { key: 'updates.url', value: 'javascript:alert(1)' },
    // Retired: the hub's address is set on the Liên thông page (sync.configure).
    { key: 'sync.endpointUrl', value: 'https://dieuhanh.laocai.gov.vn' },
    { key: 'documents.issuingPlace', value: '   ' },
    { key: 'documents.issuingPlace', value: 'x'.repeat(61) },
    { key: 'security.idleMinutes', value: 0 },
    { key: 'security.idleMinutes', value: 241 },
    { key: 'security.idleMinutes', value: 2.5 },
    { key: 'security.idleMinutes', value: '15' },
    { key: 'no.such.key', value: 'x' },
    { key: 'ui.theme', value: 'dark', extra: true },
    'ui.theme=dark',
  ],
  'settings.setAdmin': [
    {},
    { key: 'updates.url', value: 'http://capnhat.laocai.gov.vn/nghisu' },
    { key: 'updates.url', value: 'http://127.0.0.1.attacker.example/' },
    { key: 'updates.url', value: 'ftp://example.vn/updates' },
    { key: 'no.such.key', value: 'x' },
  ],
  'backup.create': [{}, { file: '' }, { file: '   ' }, { file: 5 }, { file: '/tmp/x.db', overwrite: 'yes' }, { file: '/tmp/x.db', signingKey: 'no' }, { file: '/tmp/x.db', extra: 1 }],
  'backup.restore': [{}, { file: '' }, { file: ['a'] }, { file: '/tmp/x.db', force: true }],
};
