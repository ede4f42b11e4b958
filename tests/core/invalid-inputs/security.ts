import type { securityMethods } from '../../../shared/contract/index.ts';

/** Inputs each security method must refuse with INVALID_INPUT, changing nothing. */
export const securityInvalidInputs: Record<keyof typeof securityMethods, unknown[]> = {
  'security.status': [{ extra: 1 }, 'x'],
  'security.unlock': [{}, { passphrase: '' }, { passphrase: 42 }, { passphrase: 'x'.repeat(201) }, { passphrase: 'mật khẩu đủ dài', remember: true }],
  'security.lock': [{ now: true }, 42],
  'security.setPassphrase': [
    {},
    { passphrase: 'ngắn' },
    { passphrase: 'x'.repeat(201) },
    { passphrase: 12345678 },
    { current: 42, passphrase: 'mật khẩu đủ dài' },
    { passphrase: 'mật khẩu đủ dài', hint: 'x' },
  ],
};
