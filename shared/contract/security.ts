import { z } from 'zod';
import type { MethodSpecs } from './method-spec.ts';

/** Long enough to resist guessing at scrypt's cost; a sentence in Vietnamese is a good passphrase. */
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 200;

const passphrase = z
  .string()
  .min(PASSPHRASE_MIN, { error: `Mật khẩu cần ít nhất ${PASSPHRASE_MIN} ký tự / at least ${PASSPHRASE_MIN} characters` })
  .max(PASSPHRASE_MAX, { error: `Mật khẩu tối đa ${PASSPHRASE_MAX} ký tự / at most ${PASSPHRASE_MAX} characters` });

/**
 * The app lock. A passphrase seals the profile's private signing key (scrypt, AES-256-GCM) and, once
 * set, locks the app at start, on demand and after the idle time: a locked app answers the window only
 * what the lock screen needs. The passphrase itself is never stored.
 */
export const securityMethods = {
  'security.status': { access: 'ui', input: z.object({}).strict(), whileLocked: true },
  /** Opens the sealed key with the passphrase; a wrong one is refused (UNAUTHORIZED) and recorded. */
  'security.unlock': { access: 'ui', input: z.object({ passphrase: z.string().min(1).max(PASSPHRASE_MAX) }).strict(), whileLocked: true },
  'security.lock': { access: 'ui', input: z.object({}).strict() },
  /** Sets the passphrase (seals the key) or changes it; changing needs the current one. */
  'security.setPassphrase': {
    access: 'ui',
    input: z.object({ current: z.string().max(PASSPHRASE_MAX).optional(), passphrase }).strict(),
  },
} as const satisfies MethodSpecs;

export interface SecurityStatus {
  /** A passphrase seals the signing key; without one the app never locks. */
  passphraseSet: boolean;
  locked: boolean;
  idleMinutes: number;
  /**
   * The data itself is not open yet: the OS keychain could not open its key (a reinstalled OS, a
   * folder from another laptop), and the passphrase will open it and the app together.
   */
  keyRecovery?: true;
}

export interface SecurityOutputs {
  'security.status': SecurityStatus;
  'security.unlock': SecurityStatus;
  'security.lock': SecurityStatus;
  'security.setPassphrase': SecurityStatus;
}
