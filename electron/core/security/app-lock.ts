import type { KeyObject } from 'node:crypto';
import { CoreError } from '../errors.ts';

/** Wrong passphrases in a row before each further try has to wait. */
const FREE_TRIES = 5;
const WAIT_MS = 30_000;

/**
 * The lock's state, held by the core for its whole life (a restore rebuilds the services, not this):
 * whether the window may be served, the signing key opened with the passphrase (only in memory), and
 * the count of wrong passphrases that slows guessing down beyond scrypt's own cost.
 */
export function createAppLock(now: () => number = Date.now) {
  let locked = true;
  let opened: { profileId: string; key: KeyObject } | null = null;
  let failures = 0;
  let waitUntil = 0;
  return {
    /** Locked, for a data folder whose key is sealed; an unsealed one never locks. */
    isLocked: (sealed: boolean) => sealed && locked,
    key: (profileId: string) => (opened?.profileId === profileId ? opened.key : null),
    open(profileId: string, key: KeyObject): void {
      opened = { profileId, key };
      locked = false;
      failures = 0;
      waitUntil = 0;
    },
    lock(): void {
      locked = true;
      opened = null;
    },
    /** Milliseconds still to wait before another try, 0 when one may be made now. */
    wait: () => Math.max(0, waitUntil - now()),
    failed(): void {
      failures++;
      if (failures >= FREE_TRIES) waitUntil = now() + WAIT_MS;
    },
  };
}

export type AppLock = ReturnType<typeof createAppLock>;

/** Refused while a run of wrong passphrases must wait (UNAUTHORIZED with the seconds left). */
export function refuseWhileWaiting(lock: AppLock): void {
  const wait = lock.wait();
  if (wait === 0) return;
  const seconds = Math.ceil(wait / 1000);
  throw new CoreError(
    'UNAUTHORIZED',
    {
      vi: `Mật khẩu đã bị nhập sai nhiều lần. Hãy đợi ${seconds} giây rồi thử lại.`,
      en: `The passphrase was wrong too many times. Wait ${seconds} seconds and try again.`,
    },
    { retryAfterMs: wait },
  );
}
