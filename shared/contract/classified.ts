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

/** Higher is stricter: where several documents go together, the strictest one decides. */
export const classificationRank: Record<Classification, number> = { normal: 0, confidential: 1, secret: 2, top_secret: 3 };
