import { z } from 'zod';
import { requiredText, type Classification } from './common.ts';

/** Mật and above: content the owner may not hand out without an explicit, audited decision. */
export function isClassified(classification: Classification): boolean {
  return classification !== 'normal';
}

/**
 * The decision to let classified content leave the laptop (an export, a notes file): who decides is the
 * profile, why is this reason; the core records both in the audit log before it writes a byte.
 */
export const releaseClassified = z.object({ reason: requiredText(500) }).strict();
export type ReleaseClassified = z.infer<typeof releaseClassified>;
