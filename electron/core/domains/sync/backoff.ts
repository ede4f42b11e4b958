/** Base and cap of the wait between failed passes: 5 s doubling to 15 min. */
const BASE_MS = 5_000;
const CAP_MS = 15 * 60_000;

/**
 * "Full jitter" (the wait is random between zero and the exponential bound) so a province's worth
 * of laptops coming back online together do not hammer the hub in step. Retry-After, when the hub
 * gives it, is a floor.
 */
export function nextDelayMs(failures: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number {
  const bound = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(failures, 20));
  const jittered = Math.floor(random() * bound);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
